import { type Kysely, sql } from 'kysely';

/**
 * Zalo Official Account and Facebook Page publishing (issue 5, point 5).
 *
 * - `channel_connections`: one per unit and channel. Public identifiers (OA id, Page id, app id)
 *   in the clear; the secrets (Zalo secret key, access and refresh tokens; the Page access token)
 *   only as one AES-256-GCM blob (`secrets`: iv ‖ tag ‖ ciphertext, bound to the unit and channel),
 *   so a database dump alone does not hand anyone the unit's channels. `token_hint` keeps the last
 *   four characters for people to recognise the token.
 * - `article_channel_posts`: the outbox, one row per article and channel (unique, so an article is
 *   queued once per channel however often it is published). `remote_id` set means published: a
 *   job seeing it does nothing. `verify_token` keeps Zalo's creation token so that a retry after
 *   a crash verifies the same article instead of creating another. `claimed_at` is the lease of
 *   the job that moved the row to 'publishing'.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table channel_connections (
      id bigint generated always as identity primary key,
      unit_id bigint not null references units(id),
      channel text not null check (channel in ('zalo', 'facebook')),
      status text not null default 'connected' check (status in ('connected', 'disconnected')),
      -- Zalo: the OA id; Facebook: the Page id.
      external_id text not null check (length(external_id) between 1 and 100),
      app_id text check (app_id is null or length(app_id) between 1 and 100),
      secrets bytea not null,
      token_hint text not null,
      access_expires_at timestamptz,
      refresh_expires_at timestamptz,
      last_error text,
      connected_by bigint references accounts(id),
      connected_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (unit_id, channel)
    );

    create table article_channel_posts (
      id bigint generated always as identity primary key,
      article_id bigint not null references articles(id) on delete cascade,
      unit_id bigint not null references units(id),
      channel text not null check (channel in ('zalo', 'facebook')),
      status text not null default 'pending'
        check (status in ('pending', 'publishing', 'published', 'failed', 'disconnected')),
      attempts integer not null default 0,
      will_retry boolean not null default false,
      last_error text,
      note text,
      verify_token text,
      remote_id text,
      remote_url text,
      claimed_at timestamptz,
      published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (article_id, channel),
      check (status <> 'published' or published_at is not null)
    );
    -- Deliveries per unit, channel and month (reach figures).
    create index article_channel_posts_unit on article_channel_posts (unit_id, channel, created_at);
  `.execute(db);
}
