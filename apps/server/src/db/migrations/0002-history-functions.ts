import { type Kysely, sql } from 'kysely';

/**
 * Two questions every figure asks, answered once in SQL so every module asks them the same way:
 * which units made up a unit's subtree on a given day, and what a member's status was that day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Units in root's subtree on day "at", as the tree was that day. A unit merged after "at"
    -- counts too when, on the day of its merger, its survivor belonged to root's line (root, a
    -- unit in root's subtree then, or a unit already counted this way): the survivor takes its history.
    create function unit_subtree_at(root bigint, at date) returns table (unit_id bigint)
    language sql stable as $$
      with recursive line(unit_id) as (
        select root
        union
        select m.id
        from line l
        join units m on m.merged_into_id is not null and m.valid_to > at
        join unit_versions lv on lv.unit_id = l.unit_id
          and lv.valid_from <= m.valid_to and (lv.valid_to is null or lv.valid_to > m.valid_to)
        join unit_versions sv on sv.unit_id = m.merged_into_id
          and sv.valid_from <= m.valid_to and (sv.valid_to is null or sv.valid_to > m.valid_to)
        where sv.path <@ lv.path
      ), anchors as (
        select uv.path
        from line
        join unit_versions uv on uv.unit_id = line.unit_id
        where uv.valid_from <= at and (uv.valid_to is null or uv.valid_to > at)
      )
      select distinct uv.unit_id
      from unit_versions uv
      join anchors a on uv.path <@ a.path
      where uv.valid_from <= at and (uv.valid_to is null or uv.valid_to > at)
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
