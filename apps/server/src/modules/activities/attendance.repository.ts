import type { ActivityAudience, AttendeeRow, UnionRole } from '@lan-toa/contracts';
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { type Actor, type Capability, scopeCondition } from '../../platform/access.js';

/**
 * Who was invited to an activity and who took part. "Invited" is a question about the
 * activity's day: members who, that day, belonged to a participating unit or a unit under it
 * (the tree as it was then) and were active. Names of units are those of that day.
 */

export interface InvitedMember {
  memberId: number;
  fullName: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  unionRole: UnionRole;
  isKeyOfficial: boolean;
}

const VI = sql.raw('collate "vi-VN-x-icu"');

/** `invited(member_id, unit_id)`: members of the participating units' subtrees, active on `day`. */
function invitedCte(activityId: number, day: string): RawBuilder<unknown> {
  return sql`invited as (
    select m.member_id, m.unit_id
    from (
      select distinct s.unit_id
      from activity_units au
      cross join lateral unit_subtree_at(au.unit_id, ${day}::date) s
      where au.activity_id = ${activityId}
    ) su
    join memberships m on m.unit_id = su.unit_id
    where m.valid_from <= ${day}::date and (m.valid_to is null or m.valid_to > ${day}::date)
      and member_status_at(m.member_id, ${day}::date) = 'active'
  )`;
}

const unitNameAt = (day: string) => sql`(
  select v.name from unit_versions v
  where v.unit_id = u.id and v.valid_from <= ${day}::date and (v.valid_to is null or v.valid_to > ${day}::date)
  limit 1)`;

interface InvitedOptions {
  /** Only these members (validation of a roster, a check-in). */
  memberIds?: number[];
  /** Only members in units where the actor has this capability (today's tree). */
  scope?: { actor: Actor; capability: Capability };
  /** Only the audience's members (key officials for a key-officials activity). */
  audience?: ActivityAudience;
  /** Only those without an attendance record. */
  absentOnly?: boolean;
}

export async function invitedMembers(
  db: Executor,
  activityId: number,
  day: string,
  options: InvitedOptions = {},
): Promise<InvitedMember[]> {
  const conditions: Expression<SqlBool>[] = [sql<SqlBool>`true`];
  if (options.memberIds) conditions.push(sql<SqlBool>`i.member_id = any(${options.memberIds}::bigint[])`);
  if (options.scope) conditions.push(scopeCondition(options.scope.actor, options.scope.capability, 'u.path'));
  if (options.audience === 'key_officials') conditions.push(sql<SqlBool>`p.is_key_official`);
  if (options.absentOnly) {
    conditions.push(
      sql<SqlBool>`not exists (
        select 1 from attendances x where x.activity_id = ${activityId} and x.member_id = i.member_id)`,
    );
  }
  const result = await sql<InvitedMember>`
    with ${invitedCte(activityId, day)}
    select i.member_id as "memberId", p.full_name as "fullName", u.id as "unitId",
      coalesce(${unitNameAt(day)}, u.name) as "unitName", u.path::text as "unitPath",
      p.union_role as "unionRole", p.is_key_official as "isKeyOfficial"
    from invited i
    join members p on p.id = i.member_id
    join units u on u.id = i.unit_id
    where ${sql.join(conditions, sql` and `)}
    order by coalesce(${unitNameAt(day)}, u.name) ${VI},
      p.given_name ${VI}, p.middle_name ${VI}, p.family_name ${VI}, p.id`.execute(db);
  return result.rows;
}

export interface AttendanceCounts {
  expected: number;
  attended: number;
  attendedExpected: number;
  absent: number;
  keyOfficialsExpected: number;
  keyOfficialsAttended: number;
  guests: number;
}

/** Figures of the whole activity: numbers only, so they are the same for every viewer. */
export async function attendanceCounts(
  db: Executor,
  activityId: number,
  day: string,
  audience: ActivityAudience,
): Promise<AttendanceCounts> {
  const keyOnly = audience === 'key_officials';
  const result = await sql<Omit<AttendanceCounts, 'absent'>>`
    with ${invitedCte(activityId, day)},
    people as (
      select i.member_id, p.is_key_official,
        exists (select 1 from attendances x where x.activity_id = ${activityId} and x.member_id = i.member_id) as came
      from invited i join members p on p.id = i.member_id
    )
    select
      (select count(*) from people where ${!keyOnly} or is_key_official)::int as expected,
      (select count(*) from attendances where activity_id = ${activityId})::int as attended,
      (select count(*) from people where (${!keyOnly} or is_key_official) and came)::int as "attendedExpected",
      (select count(*) from people where is_key_official)::int as "keyOfficialsExpected",
      (select count(*) from people where is_key_official and came)::int as "keyOfficialsAttended",
      (select count(*) from activity_guests where activity_id = ${activityId})::int as guests`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('attendance counts returned no row');
  return { ...row, absent: row.expected - row.attendedExpected };
}

type AttendeeRecord = Omit<AttendeeRow, 'recordedAt'> & { recordedAt: Date; unitPath: string };

/**
 * Attendance records with each person's unit of that day (or their latest unit when they were
 * in none of ours — a transfer dated back after the roster was taken), limited to `scope`.
 */
export async function attendees(
  db: Executor,
  activityId: number,
  day: string,
  scope: { actor: Actor; capability: Capability } | null,
): Promise<AttendeeRecord[]> {
  const visible = scope ? scopeCondition(scope.actor, scope.capability, 'u.path') : sql<SqlBool>`true`;
  const result = await sql<AttendeeRecord>`
    with ${invitedCte(activityId, day)}
    select a.member_id as "memberId", p.full_name as "fullName", u.id as "unitId",
      coalesce(${unitNameAt(day)}, u.name) as "unitName", u.path::text as "unitPath",
      p.union_role as "unionRole", p.is_key_official as "isKeyOfficial",
      a.source, a.recorded_at as "recordedAt",
      exists (select 1 from invited i where i.member_id = a.member_id) as invited
    from attendances a
    join members p on p.id = a.member_id
    cross join lateral (
      select m.unit_id from memberships m
      where m.member_id = a.member_id
      order by (m.valid_from <= ${day}::date and (m.valid_to is null or m.valid_to > ${day}::date)) desc,
        m.valid_from desc
      limit 1
    ) mu
    join units u on u.id = mu.unit_id
    where a.activity_id = ${activityId} and ${visible}
    order by coalesce(${unitNameAt(day)}, u.name) ${VI},
      p.given_name ${VI}, p.middle_name ${VI}, p.family_name ${VI}, p.id`.execute(db);
  return result.rows;
}

export async function guests(db: Executor, activityId: number) {
  return db
    .selectFrom('activity_guests')
    .select(['id', 'name', 'organisation'])
    .where('activity_id', '=', activityId)
    .orderBy('id')
    .execute();
}

/** Does anyone outside the actor's view take part or is anyone invited there? Then lists are partial. */
export async function hasHiddenPeople(db: Executor, actor: Actor, activityId: number, day: string): Promise<boolean> {
  const result = await sql<{ hidden: boolean }>`
    with ${invitedCte(activityId, day)}
    select exists (
      select 1 from (
        select member_id from invited
        union
        select member_id from attendances where activity_id = ${activityId}
      ) x
      join memberships m on m.member_id = x.member_id
        and m.valid_from <= ${day}::date and (m.valid_to is null or m.valid_to > ${day}::date)
      join units u on u.id = m.unit_id
      where not ${scopeCondition(actor, 'view', 'u.path')}
    ) as hidden`.execute(db);
  return result.rows[0]?.hidden ?? false;
}
