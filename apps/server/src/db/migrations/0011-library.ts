import { type Kysely, sql } from 'kysely';

/**
 * The document library (thư viện văn bản) and study assignments (giao học tập, quán triệt).
 *
 * - A document belongs to the unit that published it; everyone in that unit's subtree sees it
 *   (a province's documents are read by every school), and managers above it see it too.
 * - `search_text` is the folded text (lower case, no diacritics, đ → d) of the type, number,
 *   title, issuer, summary and topics, written by the server with the same fold as queries, so
 *   "nghi quyet 02" finds "Nghị quyết 02-NQ/TW"; a trigram index serves `like '%…%'`.
 * - An assignment gives documents to the members of its audience units' subtrees with a
 *   deadline and an optional quiz. A confirmation is one row per member; when the assignment
 *   counts as briefing, it is also an attendance (source 'study') of the study-session activity
 *   made with the assignment, so target 2.1 counts it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table library_topics (
      id bigint generated always as identity primary key,
      name text not null check (length(name) between 1 and 200),
      sort_order int not null default 100,
      archived boolean not null default false
    );
    create unique index library_topics_name on library_topics (lower(name));

    create table documents (
      id bigint generated always as identity primary key,
      unit_id bigint not null references units(id),
      type text not null check (type in (
        'resolution', 'directive', 'conclusion', 'law', 'decree', 'circular', 'decision', 'program',
        'plan', 'guide', 'official_letter', 'other')),
      number text not null default '' check (length(number) <= 100),
      issued_on date,
      issuer text not null default '' check (length(issuer) <= 300),
      title text not null check (length(title) between 1 and 500),
      summary text not null default '' check (length(summary) <= 20000),
      search_text text not null default '',
      created_by bigint references accounts(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index documents_unit on documents (unit_id);
    create index documents_issued on documents (issued_on desc nulls last, id desc);
    create index documents_search_trgm on documents using gin (search_text gin_trgm_ops);

    create table document_topics (
      document_id bigint not null references documents(id) on delete cascade,
      topic_id bigint not null references library_topics(id),
      primary key (document_id, topic_id)
    );
    create index document_topics_topic on document_topics (topic_id);

    create table document_files (
      document_id bigint not null references documents(id) on delete cascade,
      file_id bigint not null primary key references files(id),
      sort_order int not null default 0
    );
    create index document_files_document on document_files (document_id, sort_order);
    create function document_files_delete_files() returns trigger language plpgsql as $$
    begin
      delete from files where id = old.file_id;
      return old;
    end $$;
    create trigger document_files_delete_files after delete on document_files
      for each row execute function document_files_delete_files();

    create table study_assignments (
      id bigint generated always as identity primary key,
      unit_id bigint not null references units(id),
      title text not null check (length(title) between 1 and 300),
      note text not null default '' check (length(note) <= 5000),
      deadline date not null,
      counts_as_study boolean not null default false,
      -- The study-session activity whose attendance the confirmations are (when counts_as_study).
      activity_id bigint references activities(id) on delete set null,
      -- Right answers needed to pass the quiz (null: no quiz).
      pass_mark int check (pass_mark is null or pass_mark >= 1),
      created_by bigint references accounts(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index study_assignments_unit on study_assignments (unit_id, deadline desc);

    create table study_assignment_documents (
      assignment_id bigint not null references study_assignments(id) on delete cascade,
      document_id bigint not null references documents(id),
      sort_order int not null default 0,
      primary key (assignment_id, document_id)
    );
    create index study_assignment_documents_document on study_assignment_documents (document_id);

    -- The audience: members of these units' subtrees (the assigning unit itself by default).
    create table study_assignment_units (
      assignment_id bigint not null references study_assignments(id) on delete cascade,
      unit_id bigint not null references units(id),
      primary key (assignment_id, unit_id)
    );
    create index study_assignment_units_unit on study_assignment_units (unit_id);

    create table study_questions (
      id bigint generated always as identity primary key,
      assignment_id bigint not null references study_assignments(id) on delete cascade,
      text text not null check (length(text) between 1 and 1000),
      -- [{ "id": "a", "text": "…" }, …]
      options jsonb not null check (jsonb_typeof(options) = 'array'),
      correct text not null,
      sort_order int not null default 0
    );
    create index study_questions_assignment on study_questions (assignment_id, sort_order);

    create table study_confirmations (
      assignment_id bigint not null references study_assignments(id) on delete cascade,
      member_id bigint not null references members(id),
      -- Where the member stood when confirming.
      unit_id bigint not null references units(id),
      confirmed_at timestamptz not null default now(),
      correct int,
      primary key (assignment_id, member_id)
    );
    create index study_confirmations_member on study_confirmations (member_id);

    create table study_quiz_attempts (
      id bigint generated always as identity primary key,
      assignment_id bigint not null references study_assignments(id) on delete cascade,
      member_id bigint not null references members(id),
      answers jsonb not null,
      correct int not null,
      passed boolean not null,
      at timestamptz not null default now()
    );
    create index study_quiz_attempts_member on study_quiz_attempts (assignment_id, member_id, at);

    create table study_reminders (
      id bigint generated always as identity primary key,
      assignment_id bigint not null references study_assignments(id) on delete cascade,
      sent_by bigint references accounts(id),
      sent_at timestamptz not null default now(),
      member_ids bigint[] not null
    );
    create index study_reminders_assignment on study_reminders (assignment_id, sent_at desc);

    -- A study confirmation can be the attendance of the assignment's study session.
    alter table attendances drop constraint attendances_source_check;
    alter table attendances add constraint attendances_source_check
      check (source in ('roster', 'checkin', 'import', 'contest', 'study'));

    insert into library_topics (name, sort_order) values
      ('Nghị quyết, chỉ thị của Đảng', 10),
      ('Bộ luật Lao động', 20),
      ('Luật Công đoàn', 30),
      ('Luật Giáo dục', 40),
      ('Bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp', 50),
      ('Phòng, chống ma túy', 60),
      ('Phòng, chống HIV/AIDS', 70),
      ('An ninh mạng', 80),
      ('Tín dụng đen', 90),
      ('Phòng, chống mua bán người', 100),
      ('Học tập suốt đời, xã hội học tập', 110),
      ('Tư tưởng, đạo đức, phong cách Hồ Chí Minh', 120),
      ('Văn hóa, đời sống văn hóa', 130),
      ('Tổ chức và hoạt động công đoàn', 140);
  `.execute(db);
}
