import type { ConcernFigureRow, ConcernFigures } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { type Actor, covers } from '../../../platform/access.js';
import { todayInVietnam } from '../../../platform/dates.js';
import { AppError } from '../../../platform/errors.js';

/**
 * How well a unit and its subtree answer members' concerns, for items raised in a period
 * (by `submitted_on`, at the unit where they were raised). Every figure of a row is computed
 * from the items themselves (grouping sets), so a unit's row is the honest total of its subtree,
 * never an average of its children's averages.
 *
 * - time to first answer / to resolution: medians in hours, from submission (an anonymous
 *   item's submission is its date at 00:00, the only time kept) to the first answer / to the
 *   latest answer of an item resolved or closed;
 * - within deadline: resolved on or before the first deadline, over the items whose outcome is
 *   known (resolved or closed, or past the first deadline unresolved);
 * - escalated: escalated at least once, over all items;
 * - satisfaction: mean rating and how many rated.
 * A zero denominator gives null (shown "—"), never 0 %.
 */

interface Raw {
  grp: 'total' | 'unit' | 'category';
  key: string | null;
  count: number;
  answered: number;
  median_first: number | null;
  median_resolution: number | null;
  within: number;
  known: number;
  escalated: number;
  rating_count: number;
  mean_rating: number | null;
}

const share = (n: number, d: number) => (d === 0 ? null : n / d);
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

function row(raw: Raw | undefined, key: string, label: string): ConcernFigureRow {
  const r = raw ?? {
    count: 0,
    answered: 0,
    median_first: null,
    median_resolution: null,
    within: 0,
    known: 0,
    escalated: 0,
    rating_count: 0,
    mean_rating: null,
  };
  return {
    key,
    label,
    count: r.count,
    answered: r.answered,
    medianFirstAnswerHours: round1(r.median_first),
    medianResolutionHours: round1(r.median_resolution),
    withinDeadline: r.within,
    deadlineKnown: r.known,
    withinDeadlineShare: share(r.within, r.known),
    escalated: r.escalated,
    escalatedShare: share(r.escalated, r.count),
    ratingCount: r.rating_count,
    meanRating: r.mean_rating === null ? null : Math.round(r.mean_rating * 100) / 100,
  };
}

export async function concernFigures(
  db: Executor,
  actor: Actor,
  query: { unitId: number; from: string; to: string },
  today: string = todayInVietnam(),
): Promise<ConcernFigures> {
  const unit = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('id', '=', query.unitId)
    .executeTakeFirst();
  if (!unit || !covers(actor, 'manageMembers', unit.path)) throw new AppError('UNIT_NOT_FOUND');
  const level = unit.path.split('.').length;
  const result = await sql<Raw>`
    with items as (
      select c.*,
        case when ou.id = ${unit.id} then ${String(unit.id)} else subpath(ou.path, ${level}, 1)::text end as bucket,
        coalesce(c.submitted_at, c.submitted_on::timestamp at time zone 'Asia/Ho_Chi_Minh') as started,
        c.status in ('resolved', 'closed') and c.resolved_at is not null as done
      from concerns c
      join units ou on ou.id = c.origin_unit_id
      where ou.path <@ ${unit.path}::ltree
        and c.submitted_on between ${query.from}::date and ${query.to}::date
    )
    select
      case when grouping(bucket) = 0 then 'unit' when grouping(category) = 0 then 'category' else 'total' end as grp,
      coalesce(bucket, category) as key,
      count(*)::int as count,
      count(first_answered_at)::int as answered,
      percentile_cont(0.5) within group (order by extract(epoch from first_answered_at - started) / 3600)::float8 as median_first,
      percentile_cont(0.5) within group (order by case when done then extract(epoch from resolved_at - started) / 3600 end)::float8
        as median_resolution,
      count(*) filter (where done and (resolved_at at time zone 'Asia/Ho_Chi_Minh')::date <= first_due_on)::int as within,
      count(*) filter (where done or first_due_on < ${today}::date)::int as known,
      count(*) filter (where escalations > 0)::int as escalated,
      count(rating)::int as rating_count,
      avg(rating)::float8 as mean_rating
    from items
    group by grouping sets ((), (bucket), (category))`.execute(db);
  const raws = result.rows;
  const children = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('parent_id', '=', unit.id)
    .where('valid_to', 'is', null)
    .orderBy(sql`name collate "vi-VN-x-icu"`)
    .execute();
  const categories = await db.selectFrom('concern_categories').select(['code', 'name']).orderBy('sort_order').execute();
  const find = (grp: Raw['grp'], key: string | null) => raws.find((r) => r.grp === grp && r.key === key);
  const byUnit = [
    row(find('unit', String(unit.id)), String(unit.id), `${unit.name} (trực tiếp)`),
    ...children.map((c) => row(find('unit', String(c.id)), String(c.id), c.name)),
  ];
  // Units no longer under it today (moved, merged) still count in the total; shown by their name.
  const known = new Set(byUnit.map((r) => r.key));
  const others = raws.filter((r) => r.grp === 'unit' && r.key !== null && !known.has(r.key));
  if (others.length > 0) {
    const names = await db
      .selectFrom('units')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        others.map((r) => Number(r.key)),
      )
      .execute();
    for (const r of others)
      byUnit.push(row(r, r.key as string, names.find((n) => String(n.id) === r.key)?.name ?? '—'));
  }
  return {
    unitId: unit.id,
    unitName: unit.name,
    from: query.from,
    to: query.to,
    total: row(find('total', null), 'total', 'Tổng cộng'),
    byUnit,
    byCategory: categories.map((k) => row(find('category', k.code), k.code, k.name)),
  };
}
