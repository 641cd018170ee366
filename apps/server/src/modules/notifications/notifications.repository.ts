import { type EmailMode, NOTIFICATION_KINDS } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/** Reads and writes of one person's notifications; every query is bound to `accountId`. */

export interface NotificationRow {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

export async function listNotifications(
  db: Executor,
  accountId: number,
  options: { page: number; pageSize: number; unreadOnly: boolean },
): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  let query = db.selectFrom('notifications').where('account_id', '=', accountId);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  const known = NOTIFICATION_KINDS.map((k) => k.code);
  query = query.where('kind', 'in', known);
  const [rows, counts] = await Promise.all([
    query
      .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    query
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where read_at is null)::int`.as('unread'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const unread = options.unreadOnly ? counts.total : counts.unread;
  return { rows, total: counts.total, unread };
}

export async function countUnread(db: Executor, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findNotification(db: Executor, accountId: number, id: number): Promise<NotificationRow | null> {
  const row = await db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row ?? null;
}

/** Marks one notice read (keeps the first reading time); false when it is not theirs. */
export async function markRead(db: Executor, accountId: number, id: number): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markAllRead(db: Executor, accountId: number): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function readPreferences(db: Executor, accountId: number): Promise<Map<string, EmailMode>> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['kind', 'email'])
    .where('account_id', '=', accountId)
    .execute();
  return new Map(rows.map((r) => [r.kind, r.email]));
}

export async function writePreferences(
  db: Executor,
  accountId: number,
  items: { kind: string; email: EmailMode }[],
): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values(items.map((i) => ({ account_id: accountId, kind: i.kind, email: i.email })))
    .onConflict((oc) =>
      oc.columns(['account_id', 'kind']).doUpdateSet((eb) => ({
        email: eb.ref('excluded.email'),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}

export async function emailAddressOf(db: Executor, accountId: number): Promise<string | null> {
  const row = await sql<{ email: string | null }>`
    select coalesce(a.email, m.email) as email from accounts a left join members m on m.id = a.member_id
    where a.id = ${accountId}`.execute(db);
  return row.rows[0]?.email ?? null;
}
