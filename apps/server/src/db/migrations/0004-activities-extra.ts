import { type Kysely, sql } from 'kysely';

/**
 * Two facts about an activity that 0003 did not keep:
 * - its audience: a training for the chairs of forty schools expects their key officials, not
 *   every teacher, so "who did not take part" lists the right people;
 * - when self check-in opens (it closes at `checkin_open_until`): by default 30 minutes before
 *   the start, but an organiser may open it earlier or later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table activities
      add column audience text not null default 'all_members'
        check (audience in ('all_members', 'key_officials')),
      add column checkin_opens_at timestamptz,
      add check (checkin_opens_at is null or checkin_open_until is null or checkin_open_until > checkin_opens_at);
    -- The calendar and the lists ask for a time range across all units.
    create index activities_starts_at on activities (starts_at);
    create index culture_evaluations_year on culture_evaluations (year, unit_id);
  `.execute(db);
}
