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
