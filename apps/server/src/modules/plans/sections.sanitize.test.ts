import { describe, expect, it } from 'vitest';
import { fullSections, sanitizeSectionHtml, sanitizeSections } from './sections.sanitize.js';

describe('plan section sanitising', () => {
  it('keeps basic formatting and web links', () => {
    const html =
      '<h3>I. MỤC ĐÍCH</h3><p>Đoạn <strong>đậm</strong>, <em>nghiêng</em>, <u>gạch</u><br />xuống dòng</p>' +
      '<ol><li>Một</li></ol><ul><li>Hai</li></ul><blockquote>Trích</blockquote><h4>1. Mục đích</h4>' +
      '<a href="https://congdoan.vn/a?b=1">web</a> <a href="mailto:vp@congdoan.vn">thư</a>';
    expect(sanitizeSectionHtml(html)).toBe(html);
    expect(sanitizeSectionHtml('<b>đậm</b> <i>nghiêng</i>')).toBe('<strong>đậm</strong> <em>nghiêng</em>');
  });

  it('strips scripts, handlers, styles and dangerous links', () => {
    const attacks = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      '<svg onload="alert(1)"></svg>',
      '<iframe src="https://evil.example"></iframe>',
      '<style>p{display:none}</style>',
      '<p style="background:url(javascript:alert(1))" onclick="x()">chữ</p>',
      '<a href="javascript:alert(1)">a</a>',
      '<a href=" JaVaScRiPt:alert(1)">b</a>',
      '<a href="data:text/html;base64,PHNjcmlwdD4=">c</a>',
      '<a href="//evil.example">d</a>',
      '<a href="https://ok.vn" target="_blank" onmouseover="x()">e</a>',
    ].join('');
    expect(sanitizeSectionHtml(attacks)).toBe(
      '<p>chữ</p><a>a</a><a>b</a><a>c</a><a>d</a><a href="https://ok.vn">e</a>',
    );
  });

  it('sanitises only the sections given and fills the rest with empty text', () => {
    expect(sanitizeSections({ purpose: '<p>A</p><script>x</script>' })).toEqual({ purpose: '<p>A</p>' });
    expect(fullSections({ tasks: '<p>B</p>' })).toEqual({
      purpose: '',
      targets: '',
      tasks: '<p>B</p>',
      organisation: '',
      recipients: '',
    });
  });
});
