import { type Kysely, sql } from 'kysely';

/**
 * Reports of false or harmful information (báo tin xấu, độc).
 *
 * - `info_reports`: one report, routed to the province union at the top of the reporter's tree
 *   (`province_unit_id`); the school never sees it, so a member can report without their own unit
 *   knowing. The id is random (uuid), not a sequence, so an anonymous report's id does not tell
 *   when it was made relative to others.
 * - Anonymous means unlinkable: a check constraint forbids any reporter column on an anonymous
 *   row, and such a row carries only the date (`reported_on`) — `created_at` stays null.
 * - The link (`url`) is stored as text and never fetched by the server (fetching arbitrary URLs
 *   would let anyone make the server call internal addresses: SSRF).
 * - `info_report_files`: the screenshot (re-encoded without metadata) and its thumbnail, kept in
 *   this table rather than the shared `files` table, whose uploader column, precise time and
 *   sequence id would tie an anonymous screenshot to a moment and an account.
 * - `info_report_events`: the triage history (staff actions only; staff are not anonymous).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table info_reports (
      id uuid primary key default gen_random_uuid(),
      province_unit_id bigint not null references units(id),
      anonymous boolean not null,
      reporter_account_id bigint references accounts(id),
      reporter_member_id bigint references members(id),
      reporter_unit_id bigint references units(id),
      platform text not null
        check (platform in ('facebook', 'zalo', 'tiktok', 'youtube', 'news_site', 'other')),
      url text check (url is null or (length(url) <= 2000 and url ~ '^https?://')),
      description text check (description is null or length(description) <= 5000),
      has_screenshot boolean not null default false,
      status text not null default 'new'
        check (status in ('new', 'verifying', 'verified', 'false_alarm', 'handed_over')),
      reported_on date not null,
      created_at timestamptz,
      triaged_on date,
      concluded_on date,
      clarification_article_id bigint references articles(id) on delete set null,
      letter_recipient text check (letter_recipient is null or length(letter_recipient) <= 300),
      letter_sent_on date,
      letter_number text check (letter_number is null or length(letter_number) <= 100),
      notes text check (notes is null or length(notes) <= 5000),
      constraint info_reports_anonymous_unlinked check (
        not anonymous or (reporter_account_id is null and reporter_member_id is null
          and reporter_unit_id is null and created_at is null)
      ),
      constraint info_reports_named_reporter check (anonymous or reporter_account_id is not null),
      constraint info_reports_something check (url is not null or description is not null or has_screenshot)
    );
    create index info_reports_province on info_reports (province_unit_id, status, reported_on desc);
    create index info_reports_reporter on info_reports (reporter_account_id, reported_on desc)
      where reporter_account_id is not null;

    create table info_report_files (
      report_id uuid not null references info_reports(id) on delete cascade,
      kind text not null check (kind in ('full', 'thumbnail')),
      content_type text not null,
      data bytea not null,
      width integer,
      height integer,
      primary key (report_id, kind)
    );

    create table info_report_events (
      id bigint generated always as identity primary key,
      report_id uuid not null references info_reports(id) on delete cascade,
      from_status text,
      to_status text not null,
      account_id bigint references accounts(id),
      note text,
      at timestamptz not null default now()
    );
    create index info_report_events_report on info_report_events (report_id, at);
  `.execute(db);
}
