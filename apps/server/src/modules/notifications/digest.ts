import { NOTIFICATION_KINDS } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { defineQueue, defineSchedule, enqueue, onJob } from '../../platform/jobs.js';
import { EMAILS_PER_JOB, emailQueue } from './email.queue.js';

/**
 * The daily digest: at 17:00 Vietnam time, one e-mail per person gathering their unread notices
 * of the kinds they want as a digest, not yet in an earlier digest. A digest row per person and
 * Vietnamese calendar day (unique) is the guard: the job running twice the same day — two app
 * processes, a retry, a manual run — finds the digests made and sends nothing more.
 */
export const digestQueue = defineQueue<{ reason?: string }>({
  name: 'notification-digest',
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
});
defineSchedule(digestQueue, '0 17 * * *', { reason: 'daily' });

export function registerDigestJobs(db: Db): void {
  onJob(digestQueue, async () => {
    await prepareDailyDigests(db);
  });
}

/** Each kind's e-mail mode for those who have not chosen, as SQL rows (kind, email). */
const defaults = sql.join(NOTIFICATION_KINDS.map((k) => sql`(${k.code}, ${k.defaultEmail})`));

/** Makes today's digests and their e-mail jobs in one transaction; returns how many digests. */
export async function prepareDailyDigests(db: Db): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const made = await sql<{ id: number }>`
      with kind_defaults (kind, email) as (values ${defaults}),
      waiting as (
        select n.id, n.account_id
        from notifications n
        join accounts a on a.id = n.account_id
        left join members m on m.id = a.member_id
        join kind_defaults k on k.kind = n.kind
        left join notification_preferences p on p.account_id = n.account_id and p.kind = n.kind
        where n.read_at is null and n.digest_id is null and n.email_status is null
          and coalesce(p.email, k.email) = 'digest'
          and a.disabled_at is null and coalesce(a.email, m.email) is not null
      ),
      digests as (
        insert into notification_digests (account_id, day, notification_count)
        select account_id, (now() at time zone 'Asia/Ho_Chi_Minh')::date, count(*) from waiting group by account_id
        on conflict (account_id, day) do nothing
        returning id, account_id
      ),
      gathered as (
        update notifications n set digest_id = d.id
        from waiting w join digests d on d.account_id = w.account_id
        where n.id = w.id
        returning n.id
      )
      select id from digests order by id`.execute(tx);
    const ids = made.rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += EMAILS_PER_JOB) {
      await enqueue(tx, emailQueue, { digestIds: ids.slice(i, i + EMAILS_PER_JOB) });
    }
    return ids.length;
  });
}
