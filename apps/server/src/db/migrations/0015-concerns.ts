import { type Kysely, sql } from 'kysely';

/**
 * Concerns and recommendations ("tâm tư, nguyện vọng, kiến nghị") raised by members.
 *
 * Anonymous items are unlinkable by construction:
 * - ids are random uuids (no sequence that orders them among other rows written at the moment);
 * - no member, account, address, device or time of day: `submitted_at` is null, only the date;
 * - `unit_id` is the display unit computed at submission (a unit with too few members is
 *   replaced by the level above), never the member's own small unit;
 * - the tracking code exists only as an HMAC (`tracking_hash`);
 * - attachments live in `concern_attachments` (uuid ids, no uploader, no time), not in `files`;
 * - the member's own later steps (rate, reopen) are recorded with the date only, no actor.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table concern_categories (
      code text primary key,
      name text not null,
      deadline_days integer not null check (deadline_days between 1 and 365),
      sort_order integer not null default 0
    );
    insert into concern_categories (code, name, deadline_days, sort_order) values
      ('policy', 'Chế độ chính sách', 15, 1),
      ('salary', 'Tiền lương', 15, 2),
      ('working_conditions', 'Điều kiện làm việc', 10, 3),
      ('living', 'Đời sống', 10, 4),
      ('union_activity', 'Hoạt động công đoàn', 7, 5),
      ('other', 'Khác', 15, 6);

    create table concerns (
      id uuid primary key default gen_random_uuid(),
      category text not null references concern_categories(code),
      title text not null check (length(title) between 1 and 200),
      body text not null check (length(body) between 1 and 5000),
      anonymous boolean not null,
      -- Named items only (null for anonymous ones).
      member_id bigint references members(id) on delete set null,
      account_id bigint references accounts(id) on delete set null,
      submitted_at timestamptz,
      -- Anonymous items only.
      tracking_hash text unique,
      check ((anonymous and member_id is null and account_id is null and submitted_at is null and tracking_hash is not null)
          or (not anonymous and tracking_hash is null and submitted_at is not null)),
      submitted_on date not null,
      -- The unit it was raised at (for anonymous: the display unit), and the one handling it now.
      origin_unit_id bigint not null references units(id),
      unit_id bigint not null references units(id),
      status text not null default 'new'
        check (status in ('new', 'received', 'in_progress', 'resolved', 'escalated', 'closed')),
      due_on date not null,
      first_due_on date not null,
      reminded_due_on date,
      escalations integer not null default 0,
      answer text,
      answered_unit_id bigint references units(id),
      first_answered_at timestamptz,
      answered_at timestamptz,
      resolved_at timestamptz,
      reopened boolean not null default false,
      rating smallint check (rating between 1 and 5),
      closed_on date,
      announced boolean not null default false
    );
    create index concerns_unit on concerns (unit_id, status);
    create index concerns_member on concerns (member_id) where member_id is not null;
    create index concerns_open_due on concerns (due_on) where status in ('new', 'received', 'in_progress', 'escalated');
    create index concerns_origin on concerns (origin_unit_id, submitted_on);

    create table concern_events (
      id bigint generated always as identity primary key,
      concern_id uuid not null references concerns(id) on delete cascade,
      kind text not null check (kind in ('received', 'started', 'answered', 'escalated', 'rated', 'reopened', 'closed', 'reminded')),
      from_status text not null,
      to_status text not null,
      unit_id bigint references units(id),
      -- Handlers' steps name them; the member's own steps on an anonymous item name no one.
      actor_account_id bigint references accounts(id) on delete set null,
      actor_name text,
      note text not null default '' check (length(note) <= 5000),
      at timestamptz,
      on_date date not null
    );
    create index concern_events_concern on concern_events (concern_id, on_date, id);

    create table concern_attachments (
      id uuid primary key default gen_random_uuid(),
      concern_id uuid not null references concerns(id) on delete cascade,
      name text not null,
      content_type text not null,
      size integer not null,
      data bytea not null
    );
    create index concern_attachments_concern on concern_attachments (concern_id);
  `.execute(db);
}
