import type { ArticleCommentView, ArticleSummary, ArticleView } from '@lan-toa/contracts';
import type { Actor } from '../../platform/access.js';
import { toVietnamIso } from '../activities/activity-time.js';
import { abilitiesOf } from './news.policy.js';
import type { ArticleRecord } from './news.repository.js';

/** How articles leave the API; image addresses are those the sanitiser lets into the body. */

export const fileUrl = (fileId: number, width?: 400 | 960) =>
  width ? `/api/news/files/${fileId}?w=${width}` : `/api/news/files/${fileId}`;
export const publicUrl = (slug: string) => `/tin-tuc/${slug}`;
const iso = (moment: Date | null) => (moment === null ? null : toVietnamIso(moment));

export interface ArticleListRow {
  id: number;
  title: string;
  summary: string;
  category: string;
  categoryName: string;
  status: ArticleSummary['status'];
  unitId: number;
  unitName: string;
  authorName: string | null;
  coverFileId: number | null;
  publishAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  slug: string;
  reads: number;
}

export function presentArticleSummary(row: ArticleListRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    category: { code: row.category, name: row.categoryName },
    status: row.status,
    unit: { id: row.unitId, name: row.unitName },
    author: row.authorName,
    coverThumbnailUrl: row.coverFileId === null ? null : fileUrl(row.coverFileId, 400),
    publishAt: iso(row.publishAt),
    publishedAt: iso(row.publishedAt),
    updatedAt: toVietnamIso(row.updatedAt),
    publicUrl: row.status === 'published' ? publicUrl(row.slug) : null,
    reads: row.reads,
  };
}

export function presentArticle(actor: Actor | null, article: ArticleRecord): ArticleView {
  return {
    ...presentArticleSummary(article),
    slug: article.slug,
    bodyHtml: article.bodyHtml,
    publisher: { id: article.publisherUnitId, name: article.publisherName },
    coverFileId: article.coverFileId,
    coverUrl: article.coverFileId === null ? null : fileUrl(article.coverFileId, 960),
    rejectionReason: article.rejectionReason,
    createdAt: toVietnamIso(article.createdAt),
    abilities: abilitiesOf(actor, article),
  };
}

export function presentComment(row: {
  id: number;
  authorName: string | null;
  body: string;
  kind: 'comment' | 'rejection';
  createdAt: Date;
}): ArticleCommentView {
  return {
    id: row.id,
    author: row.authorName ?? 'Tài khoản đã xóa',
    body: row.body,
    kind: row.kind,
    createdAt: toVietnamIso(row.createdAt),
  };
}
