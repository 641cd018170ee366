import { clip } from './channel-error.js';
import type { ZaloArticle } from './zalo-client.js';

/** What an article becomes on each channel. */

export interface ArticleForChannels {
  title: string;
  summary: string;
  bodyHtml: string;
  slug: string;
  status: string;
  unitName: string;
  coverFileId: number | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** The sanitised HTML body as plain paragraphs (block ends become paragraph breaks). */
export function paragraphsOf(html: string): string[] {
  const text = html
    .replace(/<(br|\/p|\/h[1-6]|\/li|\/blockquote|\/div)\b[^>]*>/giu, '\n')
    .replace(/<[^>]*>/gu, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/giu, (all, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? all;
    });
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line.length > 0);
}

export const portalUrl = (publicUrl: string, slug: string) => `${publicUrl}/tin-tuc/${slug}`;

/** Zalo's limits: title ≤ 150 characters, author ≤ 50, description ≤ 300. */
export function zaloArticle(article: ArticleForChannels, publicUrl: string): ZaloArticle {
  const paragraphs = paragraphsOf(article.bodyHtml);
  const description = article.summary.trim() || paragraphs[0] || article.title;
  return {
    title: clip(article.title, 150),
    author: clip(article.unitName, 50),
    description: clip(description, 300),
    // The cover as the portal serves it once the article is published (960 px, well under Zalo's 1 MB).
    coverUrl: article.coverFileId === null ? null : `${publicUrl}/api/news/files/${article.coverFileId}?w=960`,
    paragraphs: [...paragraphs, `Xem bài đầy đủ: ${portalUrl(publicUrl, article.slug)}`],
  };
}

/** The Page post's text; the portal link travels as `link` (Facebook shows its preview card). */
export function facebookMessage(article: ArticleForChannels): string {
  const summary = article.summary.trim();
  return summary ? `${article.title}\n\n${summary}` : article.title;
}
