import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../../db/database.js';

/**
 * The SQL behind every figure: one query per target and period, grouped into buckets — the
 * unit asked about (its own people and units) and each unit directly under it on the reference
 * day — so that a dashboard row and its roll-up come from the same numbers. A parent's figure
 * is always the sum of numerators over the sum of denominators of its buckets.
 *
 * Rows are placed by where they sat in the tree of their own day: a member by their unit on
 * the reference day, an activity by its organiser on the day it took place. A unit merged into
 * a bucket's line counts for that bucket before its merger (the survivor takes its history).
 */

export interface BucketFigure {
  bucket: number;
  numerator: number;
  denominator: number;
}

/** Bucket rows: (bucket unit, unit of its line, day until which that unit counts for it). */
function bucketsCte(root: number, day: string): RawBuilder<unknown> {
  return sql`buckets as (
    select c.unit_id as bucket, l.unit_id, l.until
    from (
      select ${root}::bigint as unit_id
      union all
      select v.unit_id from unit_versions v join units u on u.id = v.unit_id
      where v.parent_id = ${root} and v.valid_from <= ${day}::date and (v.valid_to is null or v.valid_to > ${day}::date)
        and not (u.merged_into_id is not null and u.valid_to > ${day}::date)
    ) c
    cross join lateral unit_line(c.unit_id) l
  )`;
}

/**
 * The bucket of a row whose unit sat at `path` on `day`: the bucket whose line holds the deepest
 * unit of that path that day, a unit under the root before the root itself. When the deepest
 * decisive unit is one that later merged into a line outside these buckets, the row belongs
 * there and to none of them (null).
 */
function bucketOf(path: RawBuilder<unknown>, day: RawBuilder<unknown>, root: number): RawBuilder<number | null> {
  const labels = sql`string_to_array(${path}::text, '.')::bigint[]`;
  return sql<number | null>`(
    select d.bucket from (
      select b.bucket, array_position(${labels}, b.unit_id) as depth, 0 as foreign_line
      from buckets b
      where b.unit_id = any(${labels}) and (b.until is null or b.until > ${day})
      union all
      select null, array_position(${labels}, u.id), 1
      from units u
      where u.id = any(${labels}) and u.merged_into_id is not null and u.valid_to > ${day}
    ) d
    order by d.depth desc, d.foreign_line, (d.bucket = ${root})
    limit 1
  )`;
}

const versionAt = (alias: string, unit: RawBuilder<unknown>, day: RawBuilder<unknown>) =>
  sql`join unit_versions ${sql.raw(alias)} on ${sql.raw(alias)}.unit_id = ${unit}
        and ${sql.raw(alias)}.valid_from <= ${day} and (${sql.raw(alias)}.valid_to is null or ${sql.raw(alias)}.valid_to > ${day})`;

/** Coverage: the population on `day` (active members, or key officials) and who of them took part. */
export async function coverageByBucket(
  db: Executor,
  input: { root: number; day: string; from: string; to: string; categories: string[]; keyOfficialsOnly: boolean },
): Promise<BucketFigure[]> {
  const day = sql`${input.day}::date`;
  const result = await sql<BucketFigure>`
    with ${bucketsCte(input.root, input.day)},
    population as (
      select m.member_id, v.path
      from memberships m
      join unit_subtree_at(${input.root}, ${day}) s on s.unit_id = m.unit_id
      ${versionAt('v', sql`m.unit_id`, day)}
      join members p on p.id = m.member_id
      where m.valid_from <= ${day} and (m.valid_to is null or m.valid_to > ${day})
        and member_status_at(m.member_id, ${day}) = 'active'
        and (${!input.keyOfficialsOnly} or p.is_key_official)
    ),
    placed as (
      select ${bucketOf(sql`population.path`, day, input.root)} as bucket,
        exists (
          select 1 from attendances a
          where a.member_id = population.member_id and a.category = any(${input.categories}::text[])
            and a.attended_on >= ${input.from}::date and a.attended_on < ${input.to}::date
        ) as covered
      from population
    )
    select bucket::bigint as bucket, count(*) filter (where covered)::int as numerator, count(*)::int as denominator
    from placed where bucket is not null group by bucket`.execute(db);
  return result.rows;
}

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
 * Count: activities of the categories in [from, to). Organised by the issuing unit itself, or
 * anywhere in the subtree (each activity placed by its organiser's place on its own day).
 */
export async function countByBucket(
  db: Executor,
  input: { root: number; day: string; from: string; to: string; categories: string[]; organiser: 'issuer' | 'subtree' },
): Promise<BucketFigure[]> {
  if (input.organiser === 'issuer') {
    const row = await sql<{ n: number }>`
      select count(*)::int as n from activities a
      where a.organising_unit_id = ${input.root} and a.category = any(${input.categories}::text[])
        and (a.starts_at at time zone 'Asia/Ho_Chi_Minh')::date >= ${input.from}::date
        and (a.starts_at at time zone 'Asia/Ho_Chi_Minh')::date < ${input.to}::date`.execute(db);
    return [{ bucket: input.root, numerator: row.rows[0]?.n ?? 0, denominator: 0 }];
  }
  const result = await sql<BucketFigure>`
    with ${bucketsCte(input.root, input.day)},
    held as (
      select a.id, v.path, (a.starts_at at time zone 'Asia/Ho_Chi_Minh')::date as held_on
      from activities a
      ${versionAt('v', sql`a.organising_unit_id`, sql`(a.starts_at at time zone 'Asia/Ho_Chi_Minh')::date`)}
      where a.category = any(${input.categories}::text[])
        and (a.starts_at at time zone 'Asia/Ho_Chi_Minh')::date >= ${input.from}::date
        and (a.starts_at at time zone 'Asia/Ho_Chi_Minh')::date < ${input.to}::date
    ),
    placed as (select ${bucketOf(sql`held.path`, sql`held.held_on`, input.root)} as bucket from held)
    select bucket::bigint as bucket, count(*)::int as numerator, 0 as denominator
    from placed where bucket is not null group by bucket`.execute(db);
  return result.rows;
}

/**
 * Evaluation share on `day`: of the units (those without units under them that day), how many
 * met the cultural standard; or of their members' families, how many were recognised. Each unit
 * is judged by its latest confirmed result in [fromYear, toYear] — a running cycle by the last
 * year already evaluated. Results not yet confirmed by the level above do not count.
 */
export async function evaluationByBucket(
  db: Executor,
  input: { root: number; day: string; fromYear: number; toYear: number; population: 'units' | 'families' },
): Promise<BucketFigure[]> {
  const day = sql`${input.day}::date`;
  const figure =
    input.population === 'units'
      ? sql`count(*) filter (where e.unit_achieved)::int as numerator, count(*)::int as denominator`
      : sql`coalesce(sum(e.families_achieved), 0)::int as numerator, coalesce(sum(e.families_total), 0)::int as denominator`;
  const result = await sql<BucketFigure>`
    with ${bucketsCte(input.root, input.day)},
    evaluated as (
      select s.unit_id, v.path
      from unit_subtree_at(${input.root}, ${day}) s
      ${versionAt('v', sql`s.unit_id`, day)}
      where not exists (
        select 1 from unit_versions c
        where c.parent_id = s.unit_id and c.valid_from <= ${day} and (c.valid_to is null or c.valid_to > ${day})
      )
    ),
    placed as (
      select ${bucketOf(sql`evaluated.path`, day, input.root)} as bucket, evaluated.unit_id from evaluated
    )
    select placed.bucket::bigint as bucket, ${figure}
    from placed
    left join lateral (
      select x.unit_achieved, x.families_achieved, x.families_total
      from culture_evaluations x
      where x.unit_id = placed.unit_id and x.confirmed_at is not null
        and x.year between ${input.fromYear} and ${input.toYear}
      order by x.year desc
      limit 1
    ) e on true
    where placed.bucket is not null
    group by placed.bucket`.execute(db);
  return result.rows;
}

/**
 * The units a figure is broken down into on `day`: those directly under `root` that day, except
 * units that were later merged — their days before the merger belong to their survivor.
 */
export async function figureChildren(db: Executor, root: number, day: string): Promise<number[]> {
  const result = await sql<{ unit_id: number }>`
    select v.unit_id
    from unit_versions v
    join units u on u.id = v.unit_id
    where v.parent_id = ${root} and v.valid_from <= ${day}::date and (v.valid_to is null or v.valid_to > ${day}::date)
      and not (u.merged_into_id is not null and u.valid_to > ${day}::date)
    order by v.unit_id`.execute(db);
  return result.rows.map((row) => row.unit_id);
}
