import { type Kysely, sql } from 'kysely';

/**
 * Notifications: one row per person and notice (the in-app centre), with what became of its
 * e-mail; each person's e-mail choice per kind (no row: the kind's default, see contracts);
 * the daily digests sent (one per person and Vietnamese calendar day, so a digest job that runs
 * twice sends once); the contest rounds already announced.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification_digests (
      id bigint generated always as identity primary key,
      account_id bigint not null references accounts(id) on delete cascade,
      day date not null,
      notification_count integer not null check (notification_count >= 1),
      -- pending: its e-mail job waits; sent; skipped: no SMTP server configured; failed: gave up.
      email_status text not null default 'pending' check (email_status in ('pending', 'sent', 'skipped', 'failed')),
      email_error text,
      created_at timestamptz not null default now(),
      emailed_at timestamptz,
      unique (account_id, day)
    );

    create table notifications (
      id bigint generated always as identity primary key,
      account_id bigint not null references accounts(id) on delete cascade,
      kind text not null,
      title text not null check (length(title) between 1 and 300),
      body text not null default '' check (length(body) <= 4000),
      -- A path inside the app ("/contests/12"), made absolute in e-mail.
      link text check (link is null or (link like '/%' and length(link) <= 1000)),
      created_at timestamptz not null default now(),
      read_at timestamptz,
      -- null: no e-mail of its own (in-app only, or waiting for the digest); pending: its job waits.
      email_status text check (email_status in ('pending', 'sent', 'skipped', 'failed')),
      email_error text,
      emailed_at timestamptz,
      digest_id bigint references notification_digests(id) on delete set null
    );
    create index notifications_account on notifications (account_id, created_at desc, id desc);
    create index notifications_unread on notifications (account_id) where read_at is null;
    create index notifications_digest_wait on notifications (account_id)
      where read_at is null and digest_id is null and email_status is null;

    create table notification_preferences (
      account_id bigint not null references accounts(id) on delete cascade,
      kind text not null,
      email text not null check (email in ('immediate', 'digest', 'off')),
      updated_at timestamptz not null default now(),
      primary key (account_id, kind)
    );

    create table contest_round_notices (
      round_id bigint primary key references contest_rounds(id) on delete cascade,
      recipients integer not null default 0,
      announced_at timestamptz not null default now()
    );
  `.execute(db);
}
