import { foldVietnamese } from '@lan-toa/contracts';
import sanitizeHtml from 'sanitize-html';
import { OPTIONS as SECTION_OPTIONS } from '../plans/sections.sanitize.js';

/**
 * An article's body: the plan sections' policy (paragraphs, bold, italic, underline, headings,
 * lists, quotes, web links; no scripts, handlers, styles, frames, SVG or `javascript:` links),
 * plus images — only those uploaded to this very article, by their path on our own server
 * (`/api/news/files/<id>`). Any other image (another site, `data:`, another article's file) goes.
 */
export const ARTICLE_IMAGE_PATH = /^\/api\/news\/files\/(\d+)$/u;

export function articleImageIds(html: string): number[] {
  const ids: number[] = [];
  for (const match of html.matchAll(/<img[^>]*\ssrc="\/api\/news\/files\/(\d+)"/gu)) ids.push(Number(match[1]));
  return ids;
}

export function sanitizeArticleHtml(html: string, ownImageIds: ReadonlySet<number>): string {
  const base = SECTION_OPTIONS;
  return sanitizeHtml(html, {
    ...base,
    allowedTags: [...(base.allowedTags || []), 'h2', 'img'],
    allowedAttributes: { ...base.allowedAttributes, img: ['src', 'alt'] },
    // Images are relative paths on our server; no scheme (http, data, javascript) is allowed for src.
    allowedSchemesByTag: { img: [] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    exclusiveFilter: (frame) => {
      if (frame.tag !== 'img') return false;
      const match = ARTICLE_IMAGE_PATH.exec(frame.attribs.src ?? '');
      return !match || !ownImageIds.has(Number(match[1]));
    },
  }).trim();
}

/** The body's words without markup, for search and for the summary when none was written. */
export function plainText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/gu, ' ')
    .replace(/&amp;/gu, '&')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

export function articleSearchText(title: string, summary: string, bodyHtml: string): string {
  return foldVietnamese(`${title} ${summary} ${plainText(bodyHtml)}`).slice(0, 100_000);
}

/** 'Hội thao Công đoàn năm 2025!' → 'hoi-thao-cong-doan-nam-2025'. */
export function slugify(title: string): string {
  const slug = foldVietnamese(title)
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 120)
    .replace(/-+$/u, '');
  return slug || 'tin-bai';
}
