import { foldVietnamese } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/** What the public portal reads: published articles only, never anything else. */

export interface PortalCard {
  id: number;
  slug: string;
  title: string;
  summary: string;
  category: string;
  categoryName: string;
  unitName: string;
  coverFileId: number | null;
  publishedAt: Date;
}

export interface PortalArticle extends PortalCard {
  bodyHtml: string;
  publisherName: string;
  updatedAt: Date;
}

const CARD = sql`a.id, a.slug, a.title, a.summary, a.category, c.name as "categoryName", u.name as "unitName",
  a.cover_file_id as "coverFileId", a.published_at as "publishedAt"`;
const FROM = sql`from articles a join article_categories c on c.code = a.category join units u on u.id = a.unit_id`;

export async function categories(db: Executor) {
  return db.selectFrom('article_categories').select(['code', 'name']).orderBy('sort_order').orderBy('code').execute();
}

export async function latest(db: Executor, limit: number, offset = 0, category?: string) {
  const where = category ? sql`and a.category = ${category}` : sql``;
  const result = await sql<PortalCard & { total: number }>`
    select ${CARD}, count(*) over ()::int as total ${FROM}
    where a.status = 'published' ${where}
    order by a.published_at desc, a.id desc limit ${limit} offset ${offset}`.execute(db);
  return { items: result.rows, total: result.rows[0]?.total ?? (offset > 0 ? await countPublished(db, category) : 0) };
}

async function countPublished(db: Executor, category?: string) {
  const where = category ? sql`and category = ${category}` : sql``;
  const result = await sql<{ n: number }>`
    select count(*)::int as n from articles where status = 'published' ${where}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** The newest few of each category, for the home page's sections. */
export async function latestPerCategory(db: Executor, perCategory: number) {
  const result = await sql<PortalCard>`
    select * from (
      select ${CARD}, row_number() over (partition by a.category order by a.published_at desc, a.id desc) as n
      ${FROM} where a.status = 'published'
    ) ranked where n <= ${perCategory}
    order by "publishedAt" desc`.execute(db);
  return result.rows;
}

export async function publishedBySlug(db: Executor, slug: string): Promise<PortalArticle | null> {
  const result = await sql<PortalArticle>`
    select ${CARD}, a.body_html as "bodyHtml", pu.name as "publisherName", a.updated_at as "updatedAt"
    ${FROM} join units pu on pu.id = a.publisher_unit_id
    where a.slug = ${slug} and a.status = 'published'`.execute(db);
  return result.rows[0] ?? null;
}

export async function related(db: Executor, article: { id: number; category: string }, limit: number) {
  const result = await sql<PortalCard>`
    select ${CARD} ${FROM}
    where a.status = 'published' and a.category = ${article.category} and a.id <> ${article.id}
    order by a.published_at desc, a.id desc limit ${limit}`.execute(db);
  return result.rows;
}

/** Search without diacritics: "cong doan" finds "Công đoàn"; every word must appear. */
export async function search(db: Executor, q: string, limit: number, offset: number) {
  const words = foldVietnamese(q)
    .split(' ')
    .filter((word) => word.length > 0)
    .slice(0, 8);
  if (words.length === 0) return { items: [], total: 0 };
  const conditions = words.map((word) => sql`a.search_text like ${`%${word.replace(/[%_\\]/gu, '\\$&')}%`}`);
  const result = await sql<PortalCard & { total: number }>`
    select ${CARD}, count(*) over ()::int as total ${FROM}
    where a.status = 'published' and ${sql.join(conditions, sql` and `)}
    order by a.published_at desc, a.id desc limit ${limit} offset ${offset}`.execute(db);
  return { items: result.rows, total: result.rows[0]?.total ?? 0 };
}

/** The name the portal goes by: the unit that has published the most (the province union). */
export async function siteName(db: Executor): Promise<string> {
  const result = await sql<{ name: string }>`
    select u.name from articles a join units u on u.id = a.publisher_unit_id
    where a.status = 'published' group by u.id, u.name order by count(*) desc, u.id limit 1`.execute(db);
  return result.rows[0]?.name ?? 'Tin tức công đoàn';
}

/** When the newest change visible on the portal happened: the RSS feed's and the home page's freshness. */
export async function lastChange(db: Executor): Promise<Date | null> {
  const result = await sql<{ at: Date | null }>`
    select max(greatest(published_at, updated_at)) as at from articles where status = 'published'`.execute(db);
  return result.rows[0]?.at ?? null;
}
