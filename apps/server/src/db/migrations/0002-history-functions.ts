import { type Kysely, sql } from 'kysely';

/**
 * Two questions every figure asks, answered once in SQL so every module asks them the same way:
 * which units made up a unit's subtree on a given day, and what a member's status was that day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The units whose history a unit carries: itself, and every unit merged into its line —
    -- one whose survivor, on the day of the merger, was the unit, under it, or itself in the line.
    -- "until" is the merger day (null for the unit itself): before it, the merged unit's subtree counts.
    create function unit_line(root bigint) returns table (unit_id bigint, until date)
    language sql stable as $$
      with recursive line(unit_id, until) as (
        select root, null::date
        union
        select m.id, m.valid_to
        from line l
        join units m on m.merged_into_id is not null
        join unit_versions lv on lv.unit_id = l.unit_id
          and lv.valid_from <= m.valid_to and (lv.valid_to is null or lv.valid_to > m.valid_to)
        join unit_versions sv on sv.unit_id = m.merged_into_id
          and sv.valid_from <= m.valid_to and (sv.valid_to is null or sv.valid_to > m.valid_to)
        where sv.path <@ lv.path
      )
      select unit_id, min(until) from line group by unit_id
    $$;

    -- Units in root's subtree on day "at", as the tree was that day — with one rule for mergers:
    -- for the days before its merger, a merged unit (and what lay under it) counts as part of its
    -- survivor. So it counts in its survivor's line, and not in a unit it sat under but whose line
    -- it did not join. Every unit thus has exactly one place each day and roll-ups add up.
    create function unit_subtree_at(root bigint, at date) returns table (unit_id bigint)
    language sql stable as $$
      with line as (select * from unit_line(root)),
      anchors as (
        select uv.path
        from line l
        join unit_versions uv on uv.unit_id = l.unit_id
        where (l.until is null or l.until > at)
          and uv.valid_from <= at and (uv.valid_to is null or uv.valid_to > at)
      ),
      elsewhere as (
        select uv.path
        from units m
        join unit_versions uv on uv.unit_id = m.id
          and uv.valid_from <= at and (uv.valid_to is null or uv.valid_to > at)
        where m.merged_into_id is not null and m.valid_to > at
          and m.id not in (select unit_id from line)
          and exists (select 1 from anchors a where uv.path <@ a.path and uv.path <> a.path)
      )
      select distinct uv.unit_id
      from unit_versions uv
      join anchors a on uv.path <@ a.path
      where uv.valid_from <= at and (uv.valid_to is null or uv.valid_to > at)
        and not exists (select 1 from elsewhere e where uv.path <@ e.path)
    $$;

    create function member_status_at(member bigint, at date) returns text
    language sql stable as $$
      select status from member_statuses
      where member_id = member and valid_from <= at
      order by valid_from desc, id desc
      limit 1
    $$;
  `.execute(db);
}
