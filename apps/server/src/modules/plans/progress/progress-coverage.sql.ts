import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { placementCte } from './progress.sql.js';

/**
 * Coverage: the population on the reference day (active members, and among them the key
 * officials) and who of them took part in an activity of the categories in the period — per
 * bucket, for both populations at once (targets 2.1a and 2.1b read the same people).
 */
export interface CoverageFigure {
  bucket: number;
  numerator: number;
  denominator: number;
  keyNumerator: number;
  keyDenominator: number;
}

export interface CoverageInput {
  root: number;
  day: string;
  from: string;
  to: string;
  categories: string[];
}

/** A single calendar year and one category: what `progress_unit_steps` keeps. */
export function summaryYear(input: CoverageInput): number | null {
  const year = Number(input.from.slice(0, 4));
  const oneYear = input.from === `${year}-01-01` && input.to === `${year + 1}-01-01`;
  return oneYear && input.categories.length === 1 ? year : null;
}

/**
 * From the maintained steps (migration 0006): per unit, the step of the year that holds the
 * reference day — members active in the unit that day, and those of them who attended the
 * category that year. A few rows per unit, whatever the number of people and attendances.
 * Null when the steps of that year are not kept (no plan's term holds it).
 */
export async function coverageFromSummary(
  db: Executor,
  input: CoverageInput,
  year: number,
): Promise<CoverageFigure[] | null> {
  const result = await sql<CoverageFigure>`
    with kept as (select exists (select 1 from progress_years where year = ${year}) as kept),
    ${placementCte(input.root, input.day)}
    select p.bucket::bigint as bucket,
      coalesce(sum(s.members) filter (where s.category <> ''), 0)::int as numerator,
      coalesce(sum(s.members) filter (where s.category = ''), 0)::int as denominator,
      coalesce(sum(s.key_officials) filter (where s.category <> ''), 0)::int as "keyNumerator",
      coalesce(sum(s.key_officials) filter (where s.category = ''), 0)::int as "keyDenominator"
    from progress_unit_steps s
    join placement p on p.unit_id = s.unit_id
    where (select kept from kept) and s.year = ${year} and s.category = any(array['', ${input.categories[0]}]::text[])
      and s.valid_to > ${input.day}::date and s.valid_from <= ${input.day}::date
      and p.bucket is not null
    group by p.bucket
    union all
    -- The year is not kept: a row without a bucket says so.
    select null, 0, 0, 0, 0 where not (select kept from kept)`.execute(db);
  return result.rows.some((row) => row.bucket === null) ? null : result.rows;
}

/** From the records: for any period and any set of categories. */
export async function coverageFromRecords(db: Executor, input: CoverageInput) {
  const day = sql`${input.day}::date`;
  const result = await sql<CoverageFigure>`
    with ${placementCte(input.root, input.day)},
    population as (
      select p.bucket, m.member_id, pm.is_key_official as key
      from memberships m
      join placement p on p.unit_id = m.unit_id
      join members pm on pm.id = m.member_id
      where p.bucket is not null and m.valid_from <= ${day} and (m.valid_to is null or m.valid_to > ${day})
        -- member_status_at(m.member_id, day), inlined
        and (select s.status from member_statuses s where s.member_id = m.member_id and s.valid_from <= ${day}
             order by s.valid_from desc, s.id desc limit 1) = 'active'
    ),
    placed as (
      select population.bucket, population.key, exists (
          select 1 from attendances a
          where a.member_id = population.member_id and a.category = any(${input.categories}::text[])
            and a.attended_on >= ${input.from}::date and a.attended_on < ${input.to}::date
        ) as covered
      from population
    )
    select bucket::bigint as bucket,
      count(*) filter (where covered)::int as numerator, count(*)::int as denominator,
      count(*) filter (where covered and key)::int as "keyNumerator", count(*) filter (where key)::int as "keyDenominator"
    from placed group by bucket`.execute(db);
  return result.rows;
}
