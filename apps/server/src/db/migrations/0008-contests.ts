import { type Kysely, sql } from 'kysely';

/**
 * Online contests (cuộc thi trực tuyến). Built for the moment a round opens and tens of
 * thousands start at once:
 *
 * - An attempt is one row. Its drawn questions, their option order and their answer key are
 *   copied into it at start, so saving, submitting and scoring touch that row only; the key
 *   never leaves the server before the attempt is closed.
 * - The server owns the clock: `deadline` is stored; a sweeper closes what passed it (partial
 *   index `contest_attempts_open`), scoring what was saved.
 * - Closing is `update … where status = 'open'`: whoever closes first (a submit, a retry,
 *   another tab, the sweeper) wins, and everyone else reads the same result.
 * - One person, one entry per contest (unique member, or unique phone for public entrants);
 *   attempts are numbered per entry and round, so a limit cannot be passed by racing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table contests (
      id bigint generated always as identity primary key,
      unit_id bigint not null references units(id),
      title text not null check (length(title) between 1 and 300),
      rules text not null default '',
      prizes text not null default '',
      audience text not null check (audience in ('subtree', 'public')),
      audience_unit_id bigint not null references units(id),
      status text not null default 'draft' check (status in ('draft', 'published')),
      -- Participation counts as an activity of this category for the plan's targets (null: it does not).
      activity_category text,
      created_by bigint references accounts(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index contests_unit on contests (unit_id);

    create table contest_questions (
      id bigint generated always as identity primary key,
      contest_id bigint not null references contests(id) on delete cascade,
      kind text not null check (kind in ('single', 'multiple')),
      text text not null check (length(text) between 1 and 2000),
      -- [{ "id": "a", "text": "…" }, …]
      options jsonb not null check (jsonb_typeof(options) = 'array'),
      -- The ids of the correct options, sorted.
      correct text[] not null check (cardinality(correct) >= 1),
      topic text not null default '',
      difficulty smallint not null default 2 check (difficulty between 1 and 3),
      active boolean not null default true,
      created_at timestamptz not null default now()
    );
    create index contest_questions_contest on contest_questions (contest_id, topic, difficulty) where active;

    create table contest_rounds (
      id bigint generated always as identity primary key,
      contest_id bigint not null references contests(id) on delete cascade,
      number integer not null check (number >= 1),
      title text not null check (length(title) between 1 and 300),
      opens_at timestamptz not null,
      closes_at timestamptz not null,
      question_count integer not null check (question_count between 1 and 200),
      -- [{ "topic": "…" | null, "difficulty": 1-3 | null, "count": n }]; empty: any active question.
      quotas jsonb not null default '[]' check (jsonb_typeof(quotas) = 'array'),
      shuffle_options boolean not null default true,
      time_limit_seconds integer not null check (time_limit_seconds between 30 and 14400),
      attempts_allowed integer not null default 1 check (attempts_allowed between 1 and 20),
      best_of text not null default 'highest' check (best_of in ('highest', 'first', 'last')),
      prediction_question text,
      -- The true figure the prediction is measured against, known once the round has closed.
      prediction_answer integer,
      essay_question text,
      -- [{ "name": "Giải Nhất", "count": 1 }, …] given in rank order.
      prizes jsonb not null default '[]' check (jsonb_typeof(prizes) = 'array'),
      -- Set when the round's results were published (and, if asked, its participation recorded).
      results_published_at timestamptz,
      activity_id bigint references activities(id) on delete set null,
      unique (contest_id, number),
      check (closes_at > opens_at)
    );
    create index contest_rounds_closing on contest_rounds (closes_at) where results_published_at is null;

    create table contest_entries (
      id bigint generated always as identity primary key,
      contest_id bigint not null references contests(id) on delete cascade,
      member_id bigint references members(id),
      account_id bigint references accounts(id),
      full_name text not null,
      -- Where the entrant stood when entering (members) or said they work (public entrants).
      unit_id bigint references units(id),
      unit_name text not null default '',
      phone text,
      created_at timestamptz not null default now(),
      ip inet,
      check (member_id is not null or phone is not null)
    );
    create unique index contest_entries_member on contest_entries (contest_id, member_id) where member_id is not null;
    create unique index contest_entries_phone on contest_entries (contest_id, phone) where member_id is null;
    create index contest_entries_unit on contest_entries (contest_id, unit_id);

    create table contest_attempts (
      id bigint generated always as identity primary key,
      round_id bigint not null references contest_rounds(id) on delete cascade,
      entry_id bigint not null references contest_entries(id) on delete cascade,
      attempt_no integer not null check (attempt_no >= 1),
      started_at timestamptz not null default now(),
      deadline timestamptz not null,
      -- [{ "id": questionId, "options": ["c", "a", …] }] in the order shown.
      questions jsonb not null,
      -- { "questionId": ["a", …] }: copied at start, never sent before the attempt is closed.
      answer_key jsonb not null,
      -- { "questionId": ["b"] }, option ids sorted.
      answers jsonb not null default '{}',
      prediction integer,
      essay text,
      essay_score numeric(6, 2),
      status text not null default 'open' check (status in ('open', 'submitted', 'expired', 'voided')),
      closed_at timestamptz,
      correct integer,
      time_used_ms integer,
      ip inet,
      flags text[] not null default '{}',
      void_reason text,
      voided_by bigint references accounts(id),
      unique (round_id, entry_id, attempt_no)
    );
    create index contest_attempts_open on contest_attempts (deadline) where status = 'open';
    create index contest_attempts_entry on contest_attempts (entry_id, round_id);
    create index contest_attempts_round on contest_attempts (round_id, status);

    -- Every start, submission, expiry and void: the trail an organiser reads when a result is disputed.
    create table contest_attempt_events (
      id bigint generated always as identity primary key,
      attempt_id bigint not null references contest_attempts(id) on delete cascade,
      kind text not null check (kind in ('start', 'submit', 'repeat_submit', 'late_submit', 'expire', 'void')),
      at timestamptz not null default now(),
      ip inet,
      detail jsonb not null default '{}'
    );
    create index contest_attempt_events_attempt on contest_attempt_events (attempt_id, at);

    -- How many drawn questions were answered exactly right (answers and key: option ids, sorted).
    create function contest_attempt_correct(answers jsonb, answer_key jsonb) returns integer
    language sql immutable parallel safe as $$
      select count(*)::int from jsonb_each(answer_key) k where answers -> k.key = k.value
    $$;

    -- Taking part in a contest can count as attending an activity (the organiser decides).
    alter table attendances drop constraint attendances_source_check;
    alter table attendances add constraint attendances_source_check
      check (source in ('roster', 'checkin', 'import', 'contest'));

    -- Secrets the app processes share (attempt tokens are signed with one), made once per database.
    create table app_secrets (
      name text primary key,
      value text not null
    );
  `.execute(db);
}
