import { type Kysely, sql } from 'kysely';

/**
 * A start writes less. The attempt row already records when it started and from where
 * (`started_at`, `ip`), so a separate 'start' event only repeated it — one more row, two more
 * index entries and a foreign-key check on every start at a round's opening. The trail shows the
 * start from the attempt row instead. `contest_attempts_round (round_id, status)` repeated the
 * leading column of the unique (round_id, entry_id, attempt_no), which serves every lookup by
 * round; one index fewer to write on every start and every submission.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from contest_attempt_events where kind = 'start';
    alter table contest_attempt_events drop constraint contest_attempt_events_kind_check;
    alter table contest_attempt_events add constraint contest_attempt_events_kind_check
      check (kind in ('submit', 'repeat_submit', 'late_submit', 'expire', 'void'));
    drop index contest_attempts_round;
  `.execute(db);
}
