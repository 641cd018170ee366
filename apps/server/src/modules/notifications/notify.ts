import { NOTIFICATION_KINDS, type NotificationKind, notificationKindSpec } from '@lan-toa/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { enqueue } from '../../platform/jobs.js';
import { EMAILS_PER_JOB, emailQueue } from './email.queue.js';

/**
 * What other modules call to tell people something, inside the transaction of the change it is
 * about: one in-app notification per account, and an e-mail job (same transaction: no e-mail for
 * a change that rolled back) for those who want this kind by e-mail at once and have an address.
 * Those who chose the daily digest get it in the evening's digest; in-app always.
 *
 *   await notify(tx, { accountIds: [12, 15], kind: 'article_workflow',
 *     title: 'Bài viết “…” đã được duyệt', link: '/news/articles/7' });
 */
export interface NotifyInput {
  accountIds: number[];
  /** One of NOTIFICATION_KINDS (packages/contracts/src/notifications.ts). */
  kind: NotificationKind | string;
  title: string;
  body?: string;
  /** A path inside the app, starting with "/". */
  link?: string;
}

export interface NotifyResult {
  notified: number;
  emailsQueued: number;
}

export async function notify(tx: Executor, input: NotifyInput): Promise<NotifyResult> {
  const ids = [...new Set(input.accountIds)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (ids.length === 0) return { notified: 0, emailsQueued: 0 };
  return notifyAccounts(tx, sql`select unnest(${ids}::bigint[])`, input);
}

/**
 * The same for a crowd chosen by a query (a contest's audience: tens of thousands): one
 * INSERT … SELECT, e-mail jobs only for those who want e-mail now. `accounts` is a query whose
 * single column is account ids.
 */
export async function notifyAccounts(
  tx: Executor,
  accounts: RawBuilder<unknown>,
  input: Omit<NotifyInput, 'accountIds'>,
): Promise<NotifyResult> {
  const notice = checked(input);
  const rows = await sql<{ id: number; pending: boolean }>`
    with wanted as (${accounts}),
    placed as (
      insert into notifications (account_id, kind, title, body, link, email_status)
      select a.id, ${notice.kind}, ${notice.title}, ${notice.body}, ${notice.link},
        case when coalesce(p.email, ${notice.defaultEmail}) = 'immediate'
          and coalesce(a.email, m.email) is not null then 'pending' end
      from accounts a
      left join members m on m.id = a.member_id
      left join notification_preferences p on p.account_id = a.id and p.kind = ${notice.kind}
      where a.id in (select * from wanted) and a.disabled_at is null
      returning id, email_status
    )
    select id, email_status is not null as pending from placed`.execute(tx);
  const pending = rows.rows.filter((r) => r.pending).map((r) => r.id);
  for (let i = 0; i < pending.length; i += EMAILS_PER_JOB) {
    await enqueue(tx, emailQueue, { notificationIds: pending.slice(i, i + EMAILS_PER_JOB) });
  }
  return { notified: rows.rows.length, emailsQueued: pending.length };
}

/** A notice that breaks these rules is a programming error of the caller, not user input. */
function checked(input: Omit<NotifyInput, 'accountIds'>) {
  const spec = notificationKindSpec(input.kind);
  if (!spec) throw new Error(`notify: unknown kind "${input.kind}" (known: ${NOTIFICATION_KINDS.map((k) => k.code)})`);
  const title = input.title.trim().slice(0, 300);
  if (!title) throw new Error('notify: empty title');
  const link = input.link ?? null;
  if (link !== null && (!link.startsWith('/') || link.startsWith('//') || link.length > 1000)) {
    throw new Error(`notify: link must be a path inside the app, got "${link}"`);
  }
  return { kind: spec.code, defaultEmail: spec.defaultEmail, title, body: (input.body ?? '').slice(0, 4000), link };
}
