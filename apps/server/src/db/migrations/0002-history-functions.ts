import { type Kysely, sql } from 'kysely';

/**
 * Two questions every figure asks, answered once in SQL so every module asks them the same way:
 * which units made up a unit's subtree on a given day, and what a member's status was that day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Units in root's subtree on day "at", as the tree was that day. Units that were later merged
    -- into a unit of today's subtree count too: the survivor takes their history.
    create function unit_subtree_at(root bigint, at date) returns table (unit_id bigint)
    language sql stable as $$
      with anchors as (
        select uv.path
        from units u
        join unit_versions uv on uv.unit_id = u.id
        where u.path <@ (select path from units where id = root)
          and (u.id = root or (u.merged_into_id is not null and u.valid_to > at))
          and uv.valid_from <= at and (uv.valid_to is null or uv.valid_to > at)
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
