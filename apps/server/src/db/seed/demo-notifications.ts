import { sql } from 'kysely';
import { announceOpenedRounds } from '../../modules/notifications/contest-rounds.js';
import type { Db } from '../database.js';

/**
 * Demo notifications: what the running server would have said by now. The demo contest's open
 * round is announced to its audience (the demo member among them) as the minute's job does;
 * the library and news demos notify through their own commands.
 */
export async function seedDemoNotifications(db: Db): Promise<void> {
  await announceOpenedRounds(db);
}

/**
 * The demo parts make their past surveys and study assignments through the live commands, which
 * notify "now". Afterwards each such notice carries the day its survey opened or its assignment
 * was given, and notices of what is already over (a closed survey, a past deadline) are read —
 * a member does not find October's invitations unread at the top of the bell today.
 */
export async function dateDemoNotices(db: Db): Promise<void> {
  await sql`
    update notifications n
    set created_at = (s.opens_on + time '08:00') at time zone 'Asia/Ho_Chi_Minh',
      read_at = case when s.closes_on < current_date then (s.opens_on + time '20:00') at time zone 'Asia/Ho_Chi_Minh' end
    from surveys s where n.link = '/surveys/' || s.id`.execute(db);
  await sql`
    update notifications n
    set created_at = a.created_at,
      read_at = case when a.deadline < current_date then a.created_at + interval '12 hours' end
    from study_assignments a where n.kind = 'study_assignment' and n.link = '/study/' || a.id`.execute(db);
}
