import { describe, expect, it } from 'vitest';
import { zaloArticle } from './post-content.js';

const article = {
  title: 'Hội thi giáo viên dạy giỏi',
  summary: '',
  bodyHtml: '<p>Sáng 12/3, hội thi khai mạc.</p>',
  slug: 'hoi-thi-giao-vien-day-gioi',
  status: 'published',
  unitName: 'Công đoàn Trường THPT A',
  coverFileId: null,
};

describe('a Zalo article', () => {
  it('carries the cover the portal serves, when the article has one', () => {
    expect(zaloArticle({ ...article, coverFileId: 42 }, 'https://congdoan.example').coverUrl).toBe(
      'https://congdoan.example/api/news/files/42?w=960',
    );
    expect(zaloArticle(article, 'https://congdoan.example').coverUrl).toBeNull();
  });

  it('describes itself by its first paragraph when it has no summary', () => {
    expect(zaloArticle(article, 'https://congdoan.example').description).toBe('Sáng 12/3, hội thi khai mạc.');
  });
});
