import type { ArticlePage, NewsMeta } from '@lan-toa/contracts';
import { type articleListQuery, foldVietnamese } from '@lan-toa/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { type Actor, scopeCondition } from '../../platform/access.js';
import { visibleArticleCondition } from './news.policy.js';
import { type ArticleListRow, presentArticleSummary, presentComment } from './news.presenter.js';
import { findVisibleArticle, listCategories } from './news.repository.js';

type ListQuery = z.infer<typeof articleListQuery>;

/** The newsroom's list: articles of the units one edits (and those below), filtered, newest first. */
export async function listArticles(db: Executor, actor: Actor, query: ListQuery): Promise<ArticlePage> {
  const filters: Expression<SqlBool>[] = [visibleArticleCondition(actor)];
  if (query.unitId) {
    filters.push(sql<SqlBool>`u.path <@ (select path from units where id = ${query.unitId})`);
  }
  if (query.category) filters.push(sql<SqlBool>`a.category = ${query.category}`);
  if (query.q)
    filters.push(sql<SqlBool>`a.search_text like ${`%${foldVietnamese(query.q).replace(/[%_\\]/gu, '\\$&')}%`}`);
  const where = sql.join(filters, sql` and `);
  const status = query.status ? sql`and a.status = ${query.status}` : sql``;
  const offset = (query.page - 1) * query.pageSize;
  const [rows, counts] = await Promise.all([
    sql<ArticleListRow & { total: number }>`
      select a.id, a.title, a.summary, a.category, c.name as "categoryName", a.status, a.unit_id as "unitId",
        u.name as "unitName", acc.display_name as "authorName", a.cover_file_id as "coverFileId",
        a.publish_at as "publishAt", a.published_at as "publishedAt", a.updated_at as "updatedAt", a.slug,
        coalesce((select sum(r.reads) from article_reads r where r.article_id = a.id), 0)::int as reads,
        count(*) over ()::int as total
      from articles a
      join units u on u.id = a.unit_id
      join article_categories c on c.code = a.category
      left join accounts acc on acc.id = a.author_account_id
      where ${where} ${status}
      order by a.updated_at desc, a.id desc
      limit ${query.pageSize} offset ${offset}`.execute(db),
    sql<{ status: string; n: number }>`
      select a.status, count(*)::int as n from articles a join units u on u.id = a.unit_id
      where ${where} group by a.status`.execute(db),
  ]);
  return {
    items: rows.rows.map(presentArticleSummary),
    total: rows.rows[0]?.total ?? 0,
    counts: Object.fromEntries(counts.rows.map((row) => [row.status, row.n])),
  };
}

export async function listComments(db: Executor, actor: Actor, articleId: number) {
  await findVisibleArticle(db, actor, articleId);
  const rows = await db
    .selectFrom('article_comments as c')
    .leftJoin('accounts as a', 'a.id', 'c.author_account_id')
    .select(['c.id', 'a.display_name as authorName', 'c.body', 'c.kind', 'c.created_at as createdAt'])
    .where('c.article_id', '=', articleId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  return { items: rows.map(presentComment) };
}

/** Categories, and the units one may write for (one's own editing units and, for the province, its units). */
export async function newsMeta(db: Executor, actor: Actor): Promise<NewsMeta> {
  const units = await db
    .selectFrom('units as u')
    .select(['u.id', 'u.name'])
    .where(scopeCondition(actor, 'manageMembers', 'u.path'))
    .where('u.valid_to', 'is', null)
    .orderBy(sql`nlevel(u.path)`)
    .orderBy(sql`u.name collate "vi-VN-x-icu"`)
    .limit(500)
    .execute();
  return { categories: await listCategories(db), writableUnits: units };
}
