import { type RawBuilder, sql } from 'kysely';
import { type Db, runPrepared } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import type { PlayRound } from './round-cache.js';

/**
 * Entries: one per person and contest. A member of the audience enters by starting their first
 * attempt (their entry records where they stood that day); public entrants register by name,
 * unit and phone (entries.public.ts). Entry ids are remembered for a minute per process, so a
 * member's further starts skip this lookup; the audience is checked again after that.
 */

const REMEMBER_MS = 60_000;
const remembered = new Map<string, { at: number; entryId: number }>();

/** The member's entry in this contest if this process looked it up in the last minute. */
export function rememberedEntry(round: PlayRound, memberId: number): number | null {
  const hit = remembered.get(`${round.contestId}:${memberId}`);
  return hit && Date.now() - hit.at < REMEMBER_MS ? hit.entryId : null;
}

export function rememberEntry(round: PlayRound, memberId: number, entryId: number): void {
  if (remembered.size > 200_000) remembered.clear();
  remembered.set(`${round.contestId}:${memberId}`, { at: Date.now(), entryId });
}

export async function memberEntry(db: Db, round: PlayRound, actor: Actor): Promise<number> {
  if (actor.memberId === null) throw new AppError('NOT_IN_AUDIENCE', 'Tài khoản này không gắn với đoàn viên nào.');
  const known = rememberedEntry(round, actor.memberId);
  if (known !== null) return known;
  // Two first starts at once: the loser's insert waits for the winner and does nothing, and its
  // statement's snapshot cannot see the winner's row — asking once more does.
  const member = { ...actor, memberId: actor.memberId };
  const entryId = (await enter(db, round, member)) ?? (await enter(db, round, member));
  if (entryId === undefined) throw new AppError('NOT_IN_AUDIENCE');
  rememberEntry(round, actor.memberId, entryId);
  return entryId;
}

/**
 * CTEs `placed` (the member, if in the audience today), `made_entry` and `entry` (their entry id,
 * made if needed): shared by the entry lookup and the first start, which makes entry and attempt
 * in one statement.
 */
export function entryCtes(round: PlayRound, actor: Actor & { memberId: number }): RawBuilder<unknown> {
  return sql`
    placed as (
      select p.id as member_id, p.full_name, m.unit_id, u.name as unit_name
      from members p
      join memberships m on m.member_id = p.id and m.valid_from <= current_date
        and (m.valid_to is null or m.valid_to > current_date)
      join units u on u.id = m.unit_id
      where p.id = ${actor.memberId} and p.status = 'active'
        and (${round.audience === 'public'} or u.path <@ ${round.audiencePath}::ltree)
      limit 1
    ),
    made_entry as (
      insert into contest_entries (contest_id, member_id, account_id, full_name, unit_id, unit_name, ip)
      select ${round.contestId}, member_id, ${actor.accountId}, full_name, unit_id, unit_name, ${actor.ip}::inet from placed
      on conflict (contest_id, member_id) where member_id is not null do nothing
      returning id
    ),
    entry as (
      select id from made_entry
      union all
      select e.id from contest_entries e
      where e.contest_id = ${round.contestId} and e.member_id = ${actor.memberId} and exists (select 1 from placed)
      limit 1
    )`;
}

async function enter(db: Db, round: PlayRound, actor: Actor & { memberId: number }): Promise<number | undefined> {
  const rows = await runPrepared(
    db,
    'contest_entry_member',
    sql<{ id: number }>`with ${entryCtes(round, actor)} select id from entry`.compile(db),
  );
  return rows[0]?.id;
}

/** The actor's entry in a contest, if any (for reading their own results). */
export async function findMemberEntry(db: Db, contestId: number, actor: Actor): Promise<number | null> {
  if (actor.memberId === null) return null;
  const row = await db
    .selectFrom('contest_entries')
    .select('id')
    .where('contest_id', '=', contestId)
    .where('member_id', '=', actor.memberId)
    .executeTakeFirst();
  return row?.id ?? null;
}
