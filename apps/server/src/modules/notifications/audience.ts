import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { todayInVietnam } from '../../platform/dates.js';
import { type NotifyInput, type NotifyResult, notifyAccounts } from './notify.js';

/**
 * "Everyone in these units" as notify's crowd: the accounts of members active today (Vietnam's
 * day, not the database session's) in the subtree of any of the units (as the tree is today), each
 * once. For a study assignment given to a unit's subtree, a contest's audience, a unit-wide
 * announcement:
 *
 *   await notifyMembersOf(tx, [unitId], { kind: 'study_assignment', title: '…', link: '/study/12' });
 */
export function accountsOfMembersIn(unitIds: number[], today = todayInVietnam()): RawBuilder<unknown> {
  return sql`
    select distinct a.id from accounts a
    join members p on p.id = a.member_id and p.status = 'active'
    join memberships ms on ms.member_id = p.id and ms.valid_from <= ${today}::date
      and (ms.valid_to is null or ms.valid_to > ${today}::date)
    join units u on u.id = ms.unit_id
    join units root on root.id = any(${unitIds}::bigint[]) and u.path <@ root.path
    where a.disabled_at is null`;
}

export function notifyMembersOf(
  tx: Executor,
  unitIds: number[],
  notice: Omit<NotifyInput, 'accountIds'>,
): Promise<NotifyResult> {
  if (unitIds.length === 0) return Promise.resolve({ notified: 0, emailsQueued: 0 });
  return notifyAccounts(tx, accountsOfMembersIn(unitIds), notice);
}
