import { type Kysely, sql } from 'kysely';

/**
 * Surveys (khảo sát): pulse surveys and questionnaires given by a unit to its subtree (or chosen
 * units below it), named or anonymous, open from `opens_on` to `closes_on` once published.
 *
 * Anonymous means unlinkable. An anonymous survey's answers live in `survey_responses` rows with
 * NO member, NO account, NO time finer than the date (`answered_on`), a random UUID as key (not a
 * sequence: a sequential id would order the responses, and that order could be matched with the
 * order in which people were seen to answer), and as unit only the display unit (the nearest unit
 * at or above the person's with enough members, modules/voice/anonymity.ts).
 *
 * "Who has answered" (to refuse a second answer and to compute response rates) must not be
 * rows appended one per person: rows are stored, and read back by a plain `select *`, in the
 * order they were written, so the k-th "has answered" row and the k-th response row would be the
 * same person — a link made by nothing but insertion order. So it is ONE row per survey,
 * `survey_respondents (survey_id, member_ids)`, the set of members kept sorted by member id: it
 * says who answered, never in what order, and points at no response. The response rows and the
 * new set are written in one transaction (never an answer without its mark or the reverse); the
 * set's row lock also serialises two submissions of the same person. Residual traces outside the
 * application's reach: the transaction id (`xmin`) and dead row versions that PostgreSQL keeps
 * until vacuum, visible only to a database superuser reading system columns or raw pages; and a
 * reader who snapshots the database after every single answer can link anything — no schema helps.
 *
 * Named surveys keep member_id on the response (one per member, replaceable until the close date).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table surveys (
      id bigint generated always as identity primary key,
      unit_id bigint not null references units(id),
      kind text not null check (kind in ('pulse', 'questionnaire')),
      title text not null check (length(title) between 1 and 300),
      description text not null default '' check (length(description) <= 5000),
      anonymous boolean not null,
      opens_on date not null,
      closes_on date not null check (closes_on >= opens_on),
      published_at timestamptz,
      created_by bigint references accounts(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index surveys_unit on surveys (unit_id);

    create table survey_units (
      survey_id bigint not null references surveys(id) on delete cascade,
      unit_id bigint not null references units(id),
      primary key (survey_id, unit_id)
    );
    create index survey_units_unit on survey_units (unit_id);

    create table survey_questions (
      id bigint generated always as identity primary key,
      survey_id bigint not null references surveys(id) on delete cascade,
      position int not null,
      kind text not null check (kind in ('single', 'multiple', 'scale', 'text')),
      text text not null check (length(text) between 1 and 1000),
      required boolean not null default true,
      -- [{id, text}] for single and multiple choice.
      options jsonb not null default '[]',
      scale_max int check (scale_max in (5, 10)),
      scale_min_label text not null default '',
      scale_max_label text not null default '',
      unique (survey_id, position)
    );

    create table survey_responses (
      id uuid primary key default gen_random_uuid(),
      survey_id bigint not null references surveys(id) on delete cascade,
      -- Named surveys only; always null for an anonymous survey.
      member_id bigint references members(id),
      -- Named: the member's unit on the day of answering. Anonymous: the display unit.
      unit_id bigint not null references units(id),
      answered_on date not null
    );
    create unique index survey_responses_named on survey_responses (survey_id, member_id) where member_id is not null;
    create index survey_responses_survey on survey_responses (survey_id, unit_id);

    create table survey_answers (
      response_id uuid not null references survey_responses(id) on delete cascade,
      question_id bigint not null references survey_questions(id) on delete cascade,
      option_ids text[],
      value int,
      text text check (length(text) <= 5000),
      primary key (response_id, question_id)
    );
    create index survey_answers_question on survey_answers (question_id);

    -- Who has answered: one row per survey, member ids sorted; no time, no order, no link (see above).
    create table survey_respondents (
      survey_id bigint primary key references surveys(id) on delete cascade,
      member_ids bigint[] not null default '{}'
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table survey_respondents;
    drop table survey_answers;
    drop table survey_responses;
    drop table survey_questions;
    drop table survey_units;
    drop table surveys;
  `.execute(db);
}
