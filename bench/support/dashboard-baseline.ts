import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../apps/server/src/db/database.js';
import { type Period, periodFor, referenceDay } from '../../apps/server/src/modules/plans/progress/periods.js';

/**
 * The baseline: the fastest SQL we could write by hand for exactly this dashboard — the nine
 * targets of the seed plan, for a root and its children, one year — in one statement. It reads
 * the same tables the engine does (the coverage steps and tree of migration 0006), but knows the
 * targets in advance: one placement of the units instead of one per query, one
 * pass over the evaluations for the three evaluation targets, one scan of the root's own
 * activities for the three counts organised by the issuer, and nothing but SQL (no Node, no
 * pool, no plan or access checks).
 *
 * It places units by the current tree (the ancestors migration 0006 keeps), which is exact when
 * the tree has not changed since the reference day — `treeSettledOn` tells.
 */

export interface BaselineRow {
  code: string;
  bucket: number;
  numerator: number;
  denominator: number | null;
}

interface Scope {
  root: number;
  year: number;
  today: string;
  term: { start: number; end: number };
}

const at = (alias: string, day: string) =>
  sql`${sql.raw(alias)}.valid_from <= ${day}::date and (${sql.raw(alias)}.valid_to is null or ${sql.raw(alias)}.valid_to > ${day}::date)`;

const heldIn = (period: Period) =>
  sql`a.starts_at >= (${period.start}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')
    and a.starts_at < (${period.end}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')`;

/** Whether the tree stood as it stands now on all these days (no change since, no merger to come). */
export async function treeSettledOn(db: Db, days: string[]): Promise<boolean> {
  const row = await sql<{ ok: boolean }>`
    select coalesce((select changed_on from progress_tree) <= min(d), false) as ok from unnest(${days}::date[]) d`.execute(
    db,
  );
  return row.rows[0]?.ok ?? false;
}

export function baselinePeriods(scope: Scope) {
  const of = (kind: 'year' | 'term' | 'cycle2' | 'cycle5') => {
    const period = periodFor(kind, scope.year, scope.term);
    const day = referenceDay(period, scope.today);
    if (day === null) throw new Error(`the ${kind} period of ${scope.year} has not started on ${scope.today}`);
    return { period, day };
  };
  return { year: of('year'), term: of('term'), cycle2: of('cycle2'), cycle5: of('cycle5') };
}

/**
 * `one`: everything in one statement (one placement of the units). `parallel`: one statement per
 * measure — coverage, evaluations, events, the issuer's own counts — all at once on the pool, as
 * an engine can (each places the units itself). Whichever is faster is the baseline.
 */
export async function baselineDashboard(db: Db, scope: Scope, mode: 'one' | 'parallel'): Promise<BaselineRow[]> {
  const { root } = scope;
  const p = baselinePeriods(scope);
  // The current tree's ancestors (kept by migration 0006) give each unit's place in one index range;
  // exact because the tree has not changed since the earliest reference day (checked by the caller),
  // so every reference day has this same tree.
  const placement = sql`placement as materialized (
    select a.unit_id, a.valid_from, coalesce(a.below_id, ${root}::bigint) as bucket
    from progress_unit_ancestors a where a.ancestor_id = ${root}
  )`;
  // The evaluation targets: each leaf's latest confirmed result since the earliest period start, once.
  const evaluations = [
    { code: '2.3a', ...p.cycle2, families: false },
    { code: '2.3b', ...p.cycle5, families: false },
    { code: '2.3c', ...p.year, families: true },
  ];
  const evaluationDay = evaluations[0]?.day as string;
  if (evaluations.some((e) => e.day !== evaluationDay)) throw new Error('evaluation targets read different days');
  const toYear = Number(evaluationDay.slice(0, 4));
  const fromYear = Math.min(...evaluations.map((e) => e.period.startYear));
  const coverage = sql`coverage as (
      select pl.bucket,
        sum(s.members) filter (where s.category <> '') as n, sum(s.members) filter (where s.category = '') as d,
        sum(s.key_officials) filter (where s.category <> '') as kn, sum(s.key_officials) filter (where s.category = '') as kd
      from progress_unit_steps s join placement pl on pl.unit_id = s.unit_id
      where s.year = ${p.year.period.startYear} and s.category in ('', 'study')
        and s.valid_to > ${p.year.day}::date and s.valid_from <= ${p.year.day}::date
      group by pl.bucket
    )`;
  const evaluated = sql`evaluated as (
      select pl.bucket, e.year, e.unit_achieved, e.families_total, e.families_achieved
      from placement pl
      left join lateral (
        select x.year, x.unit_achieved, x.families_total, x.families_achieved from culture_evaluations x
        where x.unit_id = pl.unit_id and x.confirmed_at is not null and x.year between ${fromYear} and ${toYear}
        order by x.year desc limit 1
      ) e on true
      where not exists (select 1 from unit_versions c where c.parent_id = pl.unit_id and ${at('c', evaluationDay)})
    )`;
  const events = sql`events as (
      select pl.bucket, count(*)::int as n
      from activities a
      join placement pl on pl.unit_id = a.organising_unit_id
        and pl.valid_from <= (a.starts_at at time zone 'Asia/Ho_Chi_Minh')::date
      where a.category in ('culture_arts', 'sports') and ${heldIn(p.year.period)}
      group by pl.bucket
    )`;
  const own = sql`own as (
      select
        count(*) filter (where a.category = 'training' and ${heldIn(p.term.period)})::int as trainings,
        count(*) filter (where a.category = 'festival' and ${heldIn(p.term.period)})::int as festivals,
        count(*) filter (where a.category = 'sports' and ${heldIn(p.year.period)})::int as tournaments
      from activities a
      where a.organising_unit_id = ${root} and a.category in ('training', 'festival', 'sports')
    )`;
  const parts: { ctes: RawBuilder<unknown>[]; select: RawBuilder<unknown> }[] = [
    {
      ctes: [placement, coverage],
      select: sql`select '2.1a'::text as code, bucket, coalesce(kn, 0)::int as numerator, coalesce(kd, 0)::int as denominator from coverage
        union all select '2.1b', bucket, coalesce(n, 0)::int, coalesce(d, 0)::int from coverage`,
    },
    {
      ctes: [placement, evaluated],
      select: sql.join(
        evaluations.map(
          (e) => sql`
          select ${e.code}::text as code, bucket,
            ${
              e.families
                ? sql`coalesce(sum(families_achieved) filter (where year >= ${e.period.startYear}), 0)::int as numerator,
                      coalesce(sum(families_total) filter (where year >= ${e.period.startYear}), 0)::int as denominator`
                : sql`(count(*) filter (where unit_achieved and year >= ${e.period.startYear}))::int as numerator,
                      count(*)::int as denominator`
            }
          from evaluated group by bucket`,
        ),
        sql` union all `,
      ),
    },
    {
      ctes: [placement, events],
      select: sql`select '2.4a'::text as code, bucket, n as numerator, null::int as denominator from events`,
    },
    {
      ctes: [own],
      select: sql`select '2.2'::text as code, ${root}::bigint as bucket, trainings as numerator, null::int as denominator from own
        union all select '2.4b', ${root}, festivals, null from own
        union all select '2.4c', ${root}, tournaments, null from own`,
    },
  ];
  const statement = (ctes: RawBuilder<unknown>[], select: RawBuilder<unknown>) =>
    sql<BaselineRow>`with ${sql.join(ctes)} ${select}`.execute(db).then((result) => result.rows);
  if (mode === 'one') {
    const ctes = [...new Set(parts.flatMap((part) => part.ctes))];
    return statement(
      ctes,
      sql.join(
        parts.map((part) => sql`(${part.select})`),
        sql` union all `,
      ),
    );
  }
  return (await Promise.all(parts.map((part) => statement(part.ctes, part.select)))).flat();
}
