import type { NewsReachView } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { type Actor, covers } from '../../platform/access.js';
import { todayInVietnam } from '../../platform/dates.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { publicUrl } from './news.presenter.js';

/**
 * Reach of the news (for the communication dashboard and the targets engine): portal reads of the
 * articles written by a unit and the units below it, per writing unit (each child of the asked
 * unit with its subtree rolled up, the unit's own articles on its own line), per article and per day.
 */
export async function newsReach(
  db: Executor,
  actor: Actor,
  query: { unitId: number; from?: string; to?: string },
): Promise<NewsReachView> {
  const unit = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('id', '=', query.unitId)
    .executeTakeFirst();
  if (!unit || !covers(actor, 'manageMembers', unit.path)) throw new AppError('UNIT_NOT_FOUND');
  const to = query.to ?? todayInVietnam();
  const from = query.from ?? todayInVietnam(new Date(Date.parse(`${to}T12:00:00+07:00`) - 29 * 86_400_000));
  if (from > to) throw fieldError('from', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  const inTree = sql`au.path <@ ${unit.path}::ltree`;
  const period = sql`r.day between ${from}::date and ${to}::date`;

  const [totals, units, articles, days] = await Promise.all([
    sql<{ reads: number; published: number }>`
      select
        (select coalesce(sum(r.reads), 0)::int from article_reads r join articles a on a.id = r.article_id
           join units au on au.id = a.unit_id where ${inTree} and ${period}) as reads,
        (select count(*)::int from articles a join units au on au.id = a.unit_id
           where ${inTree} and a.status = 'published') as published`.execute(db),
    sql<{ id: number; name: string; reads: number; articles: number }>`
      with per_article as (
        select a.id, case when nlevel(au.path) > nlevel(${unit.path}::ltree)
            then subpath(au.path, 0, nlevel(${unit.path}::ltree) + 1) else au.path end as bucket,
          coalesce((select sum(r.reads) from article_reads r where r.article_id = a.id and ${period}), 0) as reads
        from articles a join units au on au.id = a.unit_id
        where ${inTree} and a.status in ('published', 'archived')
      )
      select b.id, b.name, sum(p.reads)::int as reads, count(*)::int as articles
      from per_article p join units b on b.path = p.bucket
      group by b.id, b.name
      order by reads desc, b.name collate "vi-VN-x-icu"`.execute(db),
    sql<{ id: number; title: string; unitName: string; slug: string; reads: number }>`
      select a.id, a.title, au.name as "unitName", a.slug, sum(r.reads)::int as reads
      from article_reads r join articles a on a.id = r.article_id join units au on au.id = a.unit_id
      where ${inTree} and ${period}
      group by a.id, au.name
      order by reads desc, a.id desc
      limit 10`.execute(db),
    sql<{ day: string; reads: number }>`
      select r.day::text as day, sum(r.reads)::int as reads
      from article_reads r join articles a on a.id = r.article_id join units au on au.id = a.unit_id
      where ${inTree} and ${period}
      group by r.day order by r.day`.execute(db),
  ]);
  return {
    unitId: unit.id,
    from,
    to,
    totalReads: totals.rows[0]?.reads ?? 0,
    publishedArticles: totals.rows[0]?.published ?? 0,
    units: units.rows,
    articles: articles.rows.map(({ slug, ...row }) => ({ ...row, publicUrl: publicUrl(slug) })),
    days: days.rows,
  };
}
