import type { ArticleStatus } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { ARTICLE_NOT_FOUND, type ArticlePlace, canViewArticle } from './news.policy.js';

/** Articles as the newsroom reads them: one row with its units, category, author and reads. */
export interface ArticleRecord extends ArticlePlace {
  id: number;
  unitId: number;
  unitName: string;
  publisherUnitId: number;
  publisherName: string;
  title: string;
  summary: string;
  bodyHtml: string;
  category: string;
  categoryName: string;
  slug: string;
  coverFileId: number | null;
  publishAt: Date | null;
  publishedAt: Date | null;
  rejectionReason: string | null;
  authorAccountId: number | null;
  authorName: string | null;
  createdAt: Date;
  updatedAt: Date;
  reads: number;
}

const RECORD = sql`
  select a.id, a.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath",
    a.publisher_unit_id as "publisherUnitId", pu.name as "publisherName", pu.path::text as "publisherPath",
    a.title, a.summary, a.body_html as "bodyHtml", a.category, c.name as "categoryName", a.status, a.slug,
    a.cover_file_id as "coverFileId", a.publish_at as "publishAt", a.published_at as "publishedAt",
    a.rejection_reason as "rejectionReason", a.author_account_id as "authorAccountId",
    acc.display_name as "authorName", a.created_at as "createdAt", a.updated_at as "updatedAt",
    coalesce((select sum(r.reads) from article_reads r where r.article_id = a.id), 0)::int as reads
  from articles a
  join units u on u.id = a.unit_id
  join units pu on pu.id = a.publisher_unit_id
  join article_categories c on c.code = a.category
  left join accounts acc on acc.id = a.author_account_id`;

export async function findArticle(db: Executor, id: number): Promise<ArticleRecord | null> {
  const result = await sql<ArticleRecord>`${RECORD} where a.id = ${id}`.execute(db);
  return result.rows[0] ?? null;
}

/** The article if the actor is in its newsroom; 404 otherwise (nobody learns that it exists). */
export async function findVisibleArticle(db: Executor, actor: Actor | null, id: number): Promise<ArticleRecord> {
  const article = await findArticle(db, id);
  if (!article || !canViewArticle(actor, article)) throw ARTICLE_NOT_FOUND();
  return article;
}

/** Locks the row for the rest of the transaction, then reads it with the visibility rule. */
export async function lockVisibleArticle(db: Executor, actor: Actor | null, id: number): Promise<ArticleRecord> {
  await sql`select 1 from articles where id = ${id} for update`.execute(db);
  return findVisibleArticle(db, actor, id);
}

export async function articleFileIds(db: Executor, articleId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('article_files').select('file_id').where('article_id', '=', articleId).execute();
  return new Set(rows.map((row) => row.file_id));
}

export async function categoryExists(db: Executor, code: string): Promise<boolean> {
  const row = await db.selectFrom('article_categories').select('code').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export async function listCategories(db: Executor) {
  return db.selectFrom('article_categories').select(['code', 'name']).orderBy('sort_order').orderBy('code').execute();
}

/** The unit that publishes what a unit writes: the nearest province union above it (or itself), else the root. */
export async function publisherOf(db: Executor, unitPath: string): Promise<number> {
  const result = await sql<{ id: number }>`
    select u.id from units u join unit_kinds k on k.id = u.kind_id
    where u.path @> ${unitPath}::ltree and k.code = 'province_union'
    order by nlevel(u.path) desc limit 1`.execute(db);
  return result.rows[0]?.id ?? Number(unitPath.split('.')[0]);
}

export type { ArticleStatus };
