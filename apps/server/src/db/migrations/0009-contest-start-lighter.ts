import { type Kysely, sql } from 'kysely';

/**
 * A start writes less and locks less.
 *
 * - The attempt row already records when it started and from where (`started_at`, `ip`), so a
 *   separate 'start' event only repeated it — one more row, two more index entries and a
 *   foreign-key check on every start at a round's opening. The trail shows the start from the
 *   attempt row instead.
 * - `contest_attempts_round (round_id, status)` repeated the leading column of the unique
 *   (round_id, entry_id, attempt_no), which serves every lookup by round.
 * - Foreign keys to the few rows every start shares — the round, the contest, the school — made
 *   each start lock them `FOR KEY SHARE`; concurrent starts share those locks through
 *   multixacts (about one per start in the benchmark, each made under a global lock), and the
 *   load benchmark lost up to a quarter of its starts a second to them. Those three keys go.
 *   What they guarded holds otherwise: units are never deleted (history is kept); a round with
 *   attempts and a published contest cannot be deleted (rounds.commands.ts, contests.commands.ts);
 *   and the cascades they gave are triggers below. Keys to per-person rows (entry, member,
 *   account) stay: nobody else locks them.
 * - No planner statistics on an attempt's JSON (drawn questions, key, answers): no query filters
 *   or joins on them, and autovacuum's ANALYZE — which runs again and again while a round's
 *   opening burst fills the table — spent up to a third of a core reading and sorting them
 *   (measured: starts at 1,500/s kept up with them skipped, fell to 1,140/s without).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from contest_attempt_events where kind = 'start';
    alter table contest_attempt_events drop constraint contest_attempt_events_kind_check;
    alter table contest_attempt_events add constraint contest_attempt_events_kind_check
      check (kind in ('submit', 'repeat_submit', 'late_submit', 'expire', 'void'));
    drop index contest_attempts_round;
    alter table contest_attempts
      alter column questions set statistics 0,
      alter column answer_key set statistics 0,
      alter column answers set statistics 0;

    alter table contest_attempts drop constraint contest_attempts_round_id_fkey;
    alter table contest_entries drop constraint contest_entries_contest_id_fkey;
    alter table contest_entries drop constraint contest_entries_unit_id_fkey;

    create function contest_round_deleted() returns trigger language plpgsql as $$
    begin
      delete from contest_attempts where round_id = old.id;
      return old;
    end $$;
    create trigger contest_round_deleted before delete on contest_rounds
      for each row execute function contest_round_deleted();

    create function contest_deleted() returns trigger language plpgsql as $$
    begin
      delete from contest_entries where contest_id = old.id;
      return old;
    end $$;
    create trigger contest_deleted before delete on contests
      for each row execute function contest_deleted();
  `.execute(db);
}
