import { z } from 'zod';
import { isoDateTime } from './activities.js';
import { isoDate } from './schemas.js';

/**
 * News (tin bài): articles written by grassroots unions and the province, an editorial workflow
 * draft → submitted → approved → published, comments, and reads for the communication figures.
 * Categories are data (table `article_categories`); their codes are the portal's URL segments.
 */

export const ARTICLE_STATUSES = ['draft', 'submitted', 'approved', 'published', 'rejected', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** What can be done to an article; which of them the viewer may do now comes with every article. */
export const ARTICLE_ACTIONS = ['edit', 'submit', 'approve', 'reject', 'publish', 'archive', 'comment'] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

const text = (label: string, max: number) =>
  z
    .string({ error: `Cần nhập ${label}` })
    .trim()
    .min(1, `Cần nhập ${label}`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} tối đa ${max} ký tự`);

const category = z
  .string({ error: 'Cần chọn chuyên mục' })
  .trim()
  .regex(/^[a-z0-9-]{1,60}$/u, 'Chuyên mục không hợp lệ');

export const articleInput = z.object({
  /** The unit writing the article (its editors and admins); the province above it publishes. */
  unitId: z.number({ error: 'Cần chọn đơn vị' }).int().positive(),
  title: text('tiêu đề', 300),
  summary: z.string().trim().max(1000, 'Tóm tắt tối đa 1.000 ký tự').default(''),
  category,
  bodyHtml: z.string().max(200_000, 'Nội dung quá dài (tối đa 200.000 ký tự)').default(''),
});

export const articlePatch = z.object({
  title: text('tiêu đề', 300).optional(),
  summary: z.string().trim().max(1000, 'Tóm tắt tối đa 1.000 ký tự').optional(),
  category: category.optional(),
  bodyHtml: z.string().max(200_000, 'Nội dung quá dài (tối đa 200.000 ký tự)').optional(),
  /** A file uploaded to this article as its cover (POST …/images?cover=1), or null to remove it. */
  coverFileId: z.number().int().positive().nullable().optional(),
});

export const articleRejectInput = z.object({
  reason: text('lý do trả lại', 2000),
});

export const articlePublishInput = z.object({
  /** In the future: the article waits (approved) and is published at that moment; absent or past: now. */
  publishAt: isoDateTime.nullable().optional(),
});

export const articleCommentInput = z.object({ body: text('nội dung góp ý', 4000) });

export const articleListQuery = z.object({
  status: z.enum(ARTICLE_STATUSES, { error: 'Trạng thái không hợp lệ' }).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  category: category.optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const articleCategoryView = z.object({ code: z.string(), name: z.string() });

export const articleAbilities = z.object(
  Object.fromEntries(ARTICLE_ACTIONS.map((action) => [action, z.boolean()])) as Record<ArticleAction, z.ZodBoolean>,
);
export type ArticleAbilities = z.infer<typeof articleAbilities>;

const unitRef = z.object({ id: z.number(), name: z.string() });

export const articleSummary = z.object({
  id: z.number(),
  title: z.string(),
  summary: z.string(),
  category: articleCategoryView,
  status: z.enum(ARTICLE_STATUSES),
  unit: unitRef,
  author: z.string().nullable(),
  coverThumbnailUrl: z.string().nullable(),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** The portal page once published: `/tin-tuc/<slug>`. */
  publicUrl: z.string().nullable(),
  reads: z.number(),
});

export const articleView = articleSummary.extend({
  slug: z.string(),
  bodyHtml: z.string(),
  publisher: unitRef,
  coverFileId: z.number().nullable(),
  coverUrl: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  createdAt: z.string(),
  abilities: articleAbilities,
});

export const articlePage = z.object({
  items: z.array(articleSummary),
  total: z.number(),
  /** Per status, within the same filters except status: the tabs' counts. */
  counts: z.record(z.string(), z.number()),
});

export const articleImageView = z.object({
  fileId: z.number(),
  url: z.string(),
  thumbnailUrl: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});

export const articleCommentView = z.object({
  id: z.number(),
  author: z.string(),
  body: z.string(),
  /** Written by the workflow (e.g. the reason an article was sent back), not typed as a comment. */
  kind: z.enum(['comment', 'rejection']),
  createdAt: z.string(),
});
export const articleCommentList = z.object({ items: z.array(articleCommentView) });

export const newsUnitOption = z.object({ id: z.number(), name: z.string() });
export const newsMeta = z.object({
  categories: z.array(articleCategoryView),
  /** Units the viewer may write articles for. */
  writableUnits: z.array(newsUnitOption),
});

export const newsReachQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const newsReachView = z.object({
  unitId: z.number(),
  from: z.string(),
  to: z.string(),
  /** Reads of articles written by the unit or a unit below it, on days in [from, to]. */
  totalReads: z.number(),
  publishedArticles: z.number(),
  /** Reads per writing unit (directly below the asked unit, each with its subtree rolled up). */
  units: z.array(z.object({ id: z.number(), name: z.string(), reads: z.number(), articles: z.number() })),
  /** The most-read articles in the period. */
  articles: z.array(
    z.object({ id: z.number(), title: z.string(), unitName: z.string(), reads: z.number(), publicUrl: z.string() }),
  ),
  /** Reads per day. */
  days: z.array(z.object({ day: z.string(), reads: z.number() })),
});

export type ArticleInput = z.infer<typeof articleInput>;
export type ArticlePatch = z.infer<typeof articlePatch>;
export type ArticleView = z.infer<typeof articleView>;
export type ArticleSummary = z.infer<typeof articleSummary>;
export type ArticlePage = z.infer<typeof articlePage>;
export type ArticleCommentView = z.infer<typeof articleCommentView>;
export type NewsMeta = z.infer<typeof newsMeta>;
export type NewsReachView = z.infer<typeof newsReachView>;
export type ArticleImageView = z.infer<typeof articleImageView>;
