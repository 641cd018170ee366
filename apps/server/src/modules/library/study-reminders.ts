import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { todayInVietnam, viDate } from '../../platform/dates.js';
import { notify } from '../notifications/notify.js';
import type { AssignmentRecord } from './assignments.commands.js';
import { followedCondition } from './library.policy.js';
import { pendingMembers } from './study-progress.js';

/**
 * Reminds everyone the actor follows who has not confirmed yet (today's audience): the reminder
 * is recorded (who, when, by whom) and each person with an account gets a notice — in-app, and by
 * e-mail as they chose — in the same transaction.
 */
export async function remindPending(
  db: Db,
  actor: Actor,
  assignment: AssignmentRecord,
): Promise<{ reminded: number; notified: number }> {
  return db.transaction().execute(async (tx) => {
    const today = todayInVietnam();
    const pending = await pendingMembers(tx, assignment.id, today, followedCondition(actor, assignment));
    if (pending.length === 0) return { reminded: 0, notified: 0 };
    const memberIds = pending.map((p) => p.memberId);
    await tx
      .insertInto('study_reminders')
      .values({ assignment_id: assignment.id, sent_by: actor.accountId, member_ids: memberIds })
      .execute();
    const accounts = await sql<{ id: number }>`
      select id from accounts where member_id = any(${memberIds}::bigint[]) and disabled_at is null`.execute(tx);
    const result = await notify(tx, {
      accountIds: accounts.rows.map((a) => a.id),
      kind: 'deadline_reminder',
      title: `Nhắc học tập: ${assignment.title}`.slice(0, 200),
      body: `${assignment.unitName} nhắc bạn đọc và xác nhận đã nắm nội dung văn bản trước ngày ${viDate(assignment.deadline)}.`,
      link: `/study/${assignment.id}`,
    });
    await recordAudit(tx, actor, {
      action: 'study_assignment.reminded',
      entityType: 'study_assignment',
      entityId: assignment.id,
      unitId: assignment.unitId,
      after: { members: memberIds.length, notified: result.notified },
    });
    return { reminded: memberIds.length, notified: result.notified };
  });
}
