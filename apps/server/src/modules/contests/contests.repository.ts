import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { CONTEST_NOT_FOUND, type ContestPlace, canViewContest } from './contests.policy.js';

export interface ContestRecord extends ContestPlace {
  id: number;
  unitId: number;
  unitName: string;
  title: string;
  rules: string;
  prizes: string;
  audienceUnitId: number;
  audienceUnitName: string;
  activityCategory: string | null;
}

export async function findContest(db: Executor, id: number): Promise<ContestRecord | null> {
  const row = await sql<ContestRecord>`
    select c.id, c.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath", c.title, c.rules, c.prizes,
      c.audience, c.audience_unit_id as "audienceUnitId", au.name as "audienceUnitName", au.path::text as "audiencePath",
      c.status, c.activity_category as "activityCategory"
    from contests c join units u on u.id = c.unit_id join units au on au.id = c.audience_unit_id
    where c.id = ${id}`.execute(db);
  return row.rows[0] ?? null;
}

/** The contest if the actor may see it; 404 otherwise (nobody learns that it exists). */
export async function findVisibleContest(db: Executor, actor: Actor | null, id: number): Promise<ContestRecord> {
  const contest = await findContest(db, id);
  if (!contest || !canViewContest(actor, contest)) throw CONTEST_NOT_FOUND();
  return contest;
}

/** The contest a round belongs to, with the same visibility rule. */
export async function findVisibleRoundContest(
  db: Executor,
  actor: Actor | null,
  roundId: number,
): Promise<ContestRecord> {
  const row = await db.selectFrom('contest_rounds').select('contest_id').where('id', '=', roundId).executeTakeFirst();
  if (!row) throw CONTEST_NOT_FOUND();
  return findVisibleContest(db, actor, row.contest_id);
}
