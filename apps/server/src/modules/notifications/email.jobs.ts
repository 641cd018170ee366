import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { EmailStatus } from '../../db/schema-notifications.js';
import { type JobContext, onJob } from '../../platform/jobs.js';
import { type EmailJob, emailQueue } from './email.queue.js';
import { digestMail, type MailNotice, noticeMail } from './email.templates.js';
import { sendMail } from './mail.js';

/**
 * Delivers the e-mail jobs. Each notification or digest is marked as soon as its message is
 * accepted by the SMTP server, so a job that fails half-way and runs again sends only the rest
 * (and a job run twice sends nothing twice). An SMTP error fails the job; pg-boss retries it with
 * back-off; on the last attempt what is still pending is marked failed with the error.
 */
export function registerEmailJobs(db: Db): void {
  onJob(emailQueue, (data, job) => deliverEmailJob(db, data, job));
}

export async function deliverEmailJob(db: Db, data: EmailJob, job: JobContext): Promise<void> {
  try {
    for (const id of data.notificationIds ?? []) await deliverNotice(db, id);
    for (const id of data.digestIds ?? []) await deliverDigest(db, id);
  } catch (error) {
    if (job.retryCount >= job.retryLimit) await markFailed(db, data, error);
    throw error;
  }
}

const emailOf = sql<string | null>`coalesce(a.email, m.email)`;

async function deliverNotice(db: Db, id: number): Promise<void> {
  const row = (
    await sql<MailNotice & { email: string | null }>`
      select n.kind, n.title, n.body, n.link, n.created_at as "createdAt", ${emailOf} as email
      from notifications n join accounts a on a.id = n.account_id left join members m on m.id = a.member_id
      where n.id = ${id} and n.email_status = 'pending'`.execute(db)
  ).rows[0];
  if (!row) return; // sent already, or the notice is gone
  const status: EmailStatus = row.email ? await sendMail(noticeMail(row.email, row)) : 'skipped';
  await db
    .updateTable('notifications')
    .set({ email_status: status, emailed_at: status === 'sent' ? new Date() : null, email_error: null })
    .where('id', '=', id)
    .execute();
}

async function deliverDigest(db: Db, id: number): Promise<void> {
  const digest = (
    await sql<{ day: string; email: string | null }>`
      select d.day, ${emailOf} as email
      from notification_digests d join accounts a on a.id = d.account_id left join members m on m.id = a.member_id
      where d.id = ${id} and d.email_status = 'pending'`.execute(db)
  ).rows[0];
  if (!digest) return;
  const notices = await db
    .selectFrom('notifications')
    .select(['kind', 'title', 'body', 'link', 'created_at as createdAt'])
    .where('digest_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const day = new Date(`${digest.day}T12:00:00+07:00`);
  const status: EmailStatus =
    digest.email && notices.length > 0 ? await sendMail(digestMail(digest.email, day, notices)) : 'skipped';
  await db
    .updateTable('notification_digests')
    .set({ email_status: status, emailed_at: status === 'sent' ? new Date() : null, email_error: null })
    .where('id', '=', id)
    .execute();
}

async function markFailed(db: Db, data: EmailJob, error: unknown): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  if (data.notificationIds?.length) {
    await db
      .updateTable('notifications')
      .set({ email_status: 'failed', email_error: message })
      .where('id', 'in', data.notificationIds)
      .where('email_status', '=', 'pending')
      .execute();
  }
  if (data.digestIds?.length) {
    await db
      .updateTable('notification_digests')
      .set({ email_status: 'failed', email_error: message })
      .where('id', 'in', data.digestIds)
      .where('email_status', '=', 'pending')
      .execute();
  }
}
