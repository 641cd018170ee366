import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../../db/database.js';

/**
 * The SQL behind every figure, grouped into buckets — the unit asked about (its own people and
 * units) and each unit directly under it on the reference day — so that a dashboard row and its
 * roll-up come from the same numbers. A parent's figure is always the sum of numerators over the
 * sum of denominators of its buckets. Coverage: progress-coverage.sql.ts.
 */

export interface BucketFigure {
  bucket: number;
  numerator: number;
  denominator: number;
}

const versionAt = (alias: string, unit: RawBuilder<unknown>, day: RawBuilder<unknown>) =>
  sql`join unit_versions ${sql.raw(alias)} on ${sql.raw(alias)}.unit_id = ${unit}
        and ${sql.raw(alias)}.valid_from <= ${day} and (${sql.raw(alias)}.valid_to is null or ${sql.raw(alias)}.valid_to > ${day})`;

/**
 * `placement`: every unit of the root's subtree on `day` (as `unit_subtree_at` has it), with its
 * version that day and its bucket — the root (its own people and units), the unit directly under
 * it that day, or the one whose line holds the unit's history (a unit merged into a bucket's line
 * counts for that bucket before its merger) — computed once for all of them by
 * `progress_placement` (migration 0006). From the tree's last change on, it is read from the
 * cached ancestors of the current tree; before it, computed, and only units under a merger still
 * to come need the history. A `settled` unit keeps its bucket on every day of the same version.
 */
export function placementCte(root: number, day: string): RawBuilder<unknown> {
  return sql`placement as materialized (select * from progress_placement(${root}::bigint, ${day}::date))`;
}

/** Vietnam's calendar day [from, to) as an instant range, so the index on starts_at serves it. */
const heldBetween = (from: string, to: string) =>
  sql`a.starts_at >= (${from}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')
    and a.starts_at < (${to}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')`;

/** The members of the population on `day` who have not taken part yet: the list a chair acts on. */
export async function uncoveredMembers(
  db: Executor,
  input: { root: number; day: string; from: string; to: string; categories: string[]; keyOfficialsOnly: boolean },
) {
  const day = sql`${input.day}::date`;
  const result = await sql<{ id: number; fullName: string; unitId: number; unitName: string; unionRole: string }>`
    select p.id, p.full_name as "fullName", m.unit_id as "unitId", v.name as "unitName", p.union_role as "unionRole"
    from memberships m
    join unit_subtree_at(${input.root}, ${day}) s on s.unit_id = m.unit_id
    ${versionAt('v', sql`m.unit_id`, day)}
    join members p on p.id = m.member_id
    where m.valid_from <= ${day} and (m.valid_to is null or m.valid_to > ${day})
      and member_status_at(m.member_id, ${day}) = 'active'
      and (${!input.keyOfficialsOnly} or p.is_key_official)
      and not exists (
        select 1 from attendances a
        where a.member_id = m.member_id and a.category = any(${input.categories}::text[])
          and a.attended_on >= ${input.from}::date and a.attended_on < ${input.to}::date
      )
    order by v.name collate "vi-VN-x-icu", p.given_name collate "vi-VN-x-icu", p.middle_name collate "vi-VN-x-icu",
      p.family_name collate "vi-VN-x-icu", p.id`.execute(db);
  return result.rows;
}

/**
 * Count: activities of the categories in [from, to) anywhere in the subtree, each placed by its
 * organiser's place on its own day (`progress_activity_counts`, migration 0006).
 */
export async function countByBucket(
  db: Executor,
  input: { root: number; day: string; from: string; to: string; categories: string[] },
): Promise<BucketFigure[]> {
  const result = await sql<BucketFigure>`
    select bucket, activities as numerator, 0 as denominator
    from progress_activity_counts(${input.root}::bigint, ${input.day}::date, ${input.categories}::text[],
      ${input.from}::date, ${input.to}::date)`.execute(db);
  return result.rows;
}

/**
 * Counts of activities organised by one unit itself (targets "organised by the issuer"), several
 * categories and periods at once: one scan of the unit's own activities.
 */
export async function ownCounts(
  db: Executor,
  unitId: number,
  asked: { from: string; to: string; categories: string[] }[],
): Promise<number[]> {
  if (asked.length === 0) return [];
  const filters = asked.map(
    (a, i) =>
      sql`count(*) filter (where a.category = any(${a.categories}::text[]) and ${heldBetween(a.from, a.to)})::int as ${sql.ref(`n${i}`)}`,
  );
  const row = await sql<Record<string, number>>`
    select ${sql.join(filters)} from activities a
    where a.organising_unit_id = ${unitId} and a.category = any(${[...new Set(asked.flatMap((a) => a.categories))]}::text[])`.execute(
    db,
  );
  return asked.map((_, i) => row.rows[0]?.[`n${i}`] ?? 0);
}

/**
 * Evaluation shares on `day`: of the units (those without units under them that day), how many
 * met the cultural standard; and of their members' families, how many were recognised. Each unit
 * is judged by its latest confirmed result in [fromYear, toYear] — a running cycle by the last
 * year already evaluated. Results not yet confirmed by the level above do not count. Both
 * populations, for every `fromYear` asked (2.3a's 2-year and 2.3b's 5-year cycles, 2.3c's year),
 * in one pass: the latest result since the earliest of them is the latest in a later range
 * exactly when it falls in that range.
 */
export interface EvaluationFigure {
  fromYear: number;
  bucket: number;
  units: number;
  unitsMet: number;
  families: number;
  familiesRecognised: number;
}

export async function evaluationByBucket(
  db: Executor,
  input: { root: number; day: string; fromYears: number[]; toYear: number },
): Promise<EvaluationFigure[]> {
  const day = sql`${input.day}::date`;
  const result = await sql<EvaluationFigure>`
    with ${placementCte(input.root, input.day)},
    parents as materialized (
      select distinct c.parent_id from unit_versions c
      where c.parent_id is not null and c.valid_from <= ${day} and (c.valid_to is null or c.valid_to > ${day})
    ),
    judged as (
      select p.bucket, e.year, e.unit_achieved, e.families_total, e.families_achieved
      from placement p
      left join lateral (
        select x.year, x.unit_achieved, x.families_achieved, x.families_total
        from culture_evaluations x
        where x.unit_id = p.unit_id and x.confirmed_at is not null
          and x.year between ${Math.min(...input.fromYears)} and ${input.toYear}
        order by x.year desc
        limit 1
      ) e on true
      where p.bucket is not null and not exists (select 1 from parents c where c.parent_id = p.unit_id)
    ),
    -- Per bucket and year of the result first (few rows), then per period start.
    by_year as (
      select j.bucket, j.year, count(*) as units, count(*) filter (where j.unit_achieved) as met,
        sum(j.families_total) as families, sum(j.families_achieved) as recognised
      from judged j group by j.bucket, j.year
    )
    select f.from_year as "fromYear", b.bucket::bigint as bucket,
      sum(b.units)::int as units,
      coalesce(sum(b.met) filter (where b.year >= f.from_year), 0)::int as "unitsMet",
      coalesce(sum(b.families) filter (where b.year >= f.from_year), 0)::int as families,
      coalesce(sum(b.recognised) filter (where b.year >= f.from_year), 0)::int as "familiesRecognised"
    from by_year b cross join unnest(${[...new Set(input.fromYears)]}::int[]) f(from_year)
    group by f.from_year, b.bucket`.execute(db);
  return result.rows;
}

/**
 * The units a figure is broken down into on `day`: those directly under `root` that day, except
 * units that were later merged — their days before the merger belong to their survivor —, with
 * their names that day.
 */
export async function figureChildren(
  db: Executor,
  root: number,
  day: string,
): Promise<{ unitId: number; name: string }[]> {
  const result = await sql<{ unitId: number; name: string }>`
    select v.unit_id as "unitId", v.name
    from unit_versions v
    join units u on u.id = v.unit_id
    where v.parent_id = ${root} and v.valid_from <= ${day}::date and (v.valid_to is null or v.valid_to > ${day}::date)
      and not (u.merged_into_id is not null and u.valid_to > ${day}::date)
    order by v.unit_id`.execute(db);
  return result.rows;
}
