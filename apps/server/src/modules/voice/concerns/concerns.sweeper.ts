import { CONCERN_AUTO_CLOSE_DAYS } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import { addDays, todayInVietnam } from '../../../platform/dates.js';
import { defineQueue, defineSchedule, onJob } from '../../../platform/jobs.js';
import { notify } from '../../notifications/notify.js';
import { escalateTo, handlerAccounts, lockConcern } from './concerns.commands.js';

/**
 * Every 15 minutes: tell handlers of new items, remind them a day before a deadline, escalate
 * what is past its deadline to the level above ("Quá hạn xử lý", fresh deadline), close answered
 * items left unrated for CONCERN_AUTO_CLOSE_DAYS. Idempotent: each step's condition is false
 * once done (announced, reminded for this deadline, new deadline not past, closed), so a second
 * run the same moment does nothing.
 *
 * Anonymous items are announced only from the day after they were raised, so no notice's time
 * tells when one was written.
 */
export const concernSweepQueue = defineQueue<{ reason?: string }>({
  name: 'concerns-sweep',
  retryLimit: 2,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 10 * 60,
});
defineSchedule(concernSweepQueue, '*/15 * * * *', { reason: 'quarter' });

export function registerConcernJobs(db: Db): void {
  onJob(concernSweepQueue, async () => {
    await sweepConcerns(db);
  });
}

export const REMIND_DAYS_BEFORE = 1;
export const OVERDUE_REASON = 'Quá hạn xử lý';
const OPEN = ['new', 'received', 'in_progress', 'escalated'] as const;
const vi = (iso: string) => iso.split('-').reverse().join('/');

export interface SweepResult {
  announced: number;
  reminded: number;
  escalated: number;
  closed: number;
}

export async function sweepConcerns(db: Db, today: string = todayInVietnam()): Promise<SweepResult> {
  return db.transaction().execute(async (tx) => {
    const result: SweepResult = { announced: 0, reminded: 0, escalated: 0, closed: 0 };
    // New items, one notice per unit.
    const fresh = await tx
      .selectFrom('concerns')
      .select(['id', 'unit_id'])
      .where('announced', '=', false)
      .where((w) => w.or([w('anonymous', '=', false), w('submitted_on', '<', today)]))
      .forUpdate()
      .skipLocked()
      .execute();
    const byUnit = new Map<number, number>();
    for (const row of fresh) byUnit.set(row.unit_id, (byUnit.get(row.unit_id) ?? 0) + 1);
    for (const [unitId, count] of byUnit) {
      await notify(tx, {
        accountIds: await handlerAccounts(tx, unitId),
        kind: 'concern_new',
        title: `Đơn vị có ${count} ý kiến, kiến nghị mới cần tiếp nhận`,
        link: '/y-kien/xu-ly',
      });
    }
    if (fresh.length > 0) {
      await tx
        .updateTable('concerns')
        .set({ announced: true })
        .where(
          'id',
          'in',
          fresh.map((r) => r.id),
        )
        .execute();
    }
    result.announced = fresh.length;

    // Reminders before the deadline (once per deadline).
    const soon = await tx
      .selectFrom('concerns')
      .select(['id', 'unit_id', 'title', 'due_on'])
      .where('status', 'in', OPEN)
      .where('due_on', '>=', today)
      .where('due_on', '<=', addDays(today, REMIND_DAYS_BEFORE))
      .where(sql<boolean>`reminded_due_on is distinct from due_on`)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const row of soon) {
      await notify(tx, {
        accountIds: await handlerAccounts(tx, row.unit_id),
        kind: 'concern_deadline',
        title: `Sắp hết hạn xử lý (${vi(row.due_on)}): “${row.title}”`,
        link: `/y-kien/xu-ly/${row.id}`,
      });
      await tx.updateTable('concerns').set({ reminded_due_on: row.due_on }).where('id', '=', row.id).execute();
    }
    result.reminded = soon.length;

    // Past the deadline: to the level above (the top unit keeps it, shown overdue).
    const late = await tx
      .selectFrom('concerns as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .select('c.id')
      .where('c.status', 'in', OPEN)
      .where('c.due_on', '<', today)
      .where('u.parent_id', 'is not', null)
      .forUpdate('c')
      .skipLocked()
      .execute();
    for (const { id } of late) {
      const item = await lockConcern(tx, { id });
      await escalateTo(tx, item, OVERDUE_REASON, { accountId: null, name: 'Hệ thống' }, today);
    }
    result.escalated = late.length;

    // Answered, not rated, not reopened in time: closed.
    const closed = await tx
      .updateTable('concerns')
      .set({ status: 'closed', closed_on: today })
      .where('status', '=', 'resolved')
      .where(
        sql<boolean>`(resolved_at at time zone 'Asia/Ho_Chi_Minh')::date <= ${addDays(today, -CONCERN_AUTO_CLOSE_DAYS)}::date`,
      )
      .returning(['id', 'status'])
      .execute();
    for (const row of closed) {
      await tx
        .insertInto('concern_events')
        .values({
          concern_id: row.id,
          kind: 'closed',
          from_status: 'resolved',
          to_status: 'closed',
          actor_name: 'Hệ thống',
          note: `Tự động đóng sau ${CONCERN_AUTO_CLOSE_DAYS} ngày không có đánh giá`,
          at: new Date(),
          on_date: today,
        })
        .execute();
    }
    result.closed = closed.length;
    return result;
  });
}
