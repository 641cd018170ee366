import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { todayInVietnam, viDate } from '../../platform/dates.js';
import { defineQueue, defineSchedule, onJob } from '../../platform/jobs.js';
import { notify } from '../notifications/notify.js';
import { pendingMembers } from './study-progress.js';

/**
 * The reminder nobody has to remember: every morning, members who have not yet confirmed an
 * assignment due in REMIND_DAYS_BEFORE days get a notice (in-app, and by e-mail as they chose).
 * A reminder row without a sender records it; an assignment is reminded this way once a day at
 * most, whichever process runs the job and however often (the row is checked under a lock).
 */
export const REMIND_DAYS_BEFORE = 2;

export const studyDeadlineQueue = defineQueue<{ reason?: string }>({
  name: 'study-deadline-reminders',
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
});
defineSchedule(studyDeadlineQueue, '0 8 * * *', { reason: 'daily' });

export function registerStudyDeadlineJobs(db: Db): void {
  onJob(studyDeadlineQueue, async () => {
    await remindBeforeDeadlines(db);
  });
}

/** Reminds the members still to confirm assignments due in two days; returns how many assignments. */
export async function remindBeforeDeadlines(db: Db, today = todayInVietnam()): Promise<number> {
  const due = await sql<{ id: number }>`
    select id from study_assignments where deadline = ${today}::date + ${REMIND_DAYS_BEFORE}::int order by id`.execute(
    db,
  );
  let reminded = 0;
  for (const { id } of due.rows) {
    const done = await db.transaction().execute(async (tx) => {
      const assignment = await sql<{ title: string; deadline: string; unit_name: string }>`
        select a.title, a.deadline::text, u.name as unit_name
        from study_assignments a join units u on u.id = a.unit_id
        where a.id = ${id} for update of a`.execute(tx);
      const row = assignment.rows[0];
      if (!row) return false;
      const already = await sql<{ n: number }>`
        select count(*)::int as n from study_reminders
        where assignment_id = ${id} and sent_by is null
          and (sent_at at time zone 'Asia/Ho_Chi_Minh')::date = ${today}::date`.execute(tx);
      if ((already.rows[0]?.n ?? 0) > 0) return false;
      const pending = await pendingMembers(tx, id, today, sql<SqlBool>`true`);
      if (pending.length === 0) return false;
      const memberIds = pending.map((p) => p.memberId);
      await tx
        .insertInto('study_reminders')
        .values({ assignment_id: id, sent_by: null, member_ids: memberIds })
        .execute();
      const accounts = await sql<{ id: number }>`
        select id from accounts where member_id = any(${memberIds}::bigint[]) and disabled_at is null`.execute(tx);
      await notify(tx, {
        accountIds: accounts.rows.map((a) => a.id),
        kind: 'deadline_reminder',
        title: `Sắp đến hạn học tập: ${row.title}`.slice(0, 200),
        body: `Hạn xác nhận đã đọc và nắm nội dung là ngày ${viDate(row.deadline)} (${row.unit_name} giao).`,
        link: `/study/${id}`,
      });
      return true;
    });
    if (done) reminded += 1;
  }
  return reminded;
}
