import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0008-contests; joined into `Database` in schema.ts. */

type Id = ColumnType<number, never, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface ContestQuota {
  topic: string | null;
  difficulty: number | null;
  count: number;
}
export interface ContestPrize {
  name: string;
  count: number;
}
export interface ContestOption {
  id: string;
  text: string;
}
export interface DrawnQuestion {
  id: number;
  options: string[];
}

export interface ContestsTable {
  id: Id;
  unit_id: number;
  title: string;
  rules: Generated<string>;
  prizes: Generated<string>;
  audience: 'subtree' | 'public';
  audience_unit_id: number;
  status: Generated<'draft' | 'published'>;
  activity_category: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ContestQuestionsTable {
  id: Id;
  contest_id: number;
  kind: 'single' | 'multiple';
  text: string;
  options: Json<ContestOption[]>;
  correct: string[];
  topic: Generated<string>;
  difficulty: Generated<number>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ContestRoundsTable {
  id: Id;
  contest_id: number;
  number: number;
  title: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  question_count: number;
  quotas: ColumnType<ContestQuota[], string | undefined, string>;
  shuffle_options: Generated<boolean>;
  time_limit_seconds: number;
  attempts_allowed: Generated<number>;
  best_of: Generated<'highest' | 'first' | 'last'>;
  prediction_question: string | null;
  prediction_answer: number | null;
  essay_question: string | null;
  prizes: ColumnType<ContestPrize[], string | undefined, string>;
  results_published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  activity_id: number | null;
}

export interface ContestEntriesTable {
  id: Id;
  contest_id: number;
  member_id: number | null;
  account_id: number | null;
  full_name: string;
  unit_id: number | null;
  unit_name: Generated<string>;
  phone: string | null;
  created_at: CreatedAt;
  ip: string | null;
}

export interface ContestAttemptsTable {
  id: Id;
  round_id: number;
  entry_id: number;
  attempt_no: number;
  started_at: CreatedAt;
  deadline: Timestamp;
  questions: Json<DrawnQuestion[]>;
  answer_key: Json<Record<string, string[]>>;
  answers: ColumnType<Record<string, string[]>, string | undefined, string>;
  prediction: number | null;
  essay: string | null;
  essay_score: ColumnType<string | null, number | null, number | null>;
  status: Generated<'open' | 'submitted' | 'expired' | 'voided'>;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  correct: number | null;
  time_used_ms: number | null;
  ip: string | null;
  flags: Generated<string[]>;
  void_reason: string | null;
  voided_by: number | null;
}

export interface ContestAttemptEventsTable {
  id: Id;
  attempt_id: number;
  kind: 'submit' | 'repeat_submit' | 'late_submit' | 'expire' | 'void';
  at: CreatedAt;
  ip: string | null;
  detail: ColumnType<unknown, string | undefined, string>;
}

export interface AppSecretsTable {
  name: string;
  value: string;
}

export interface ContestTables {
  contests: ContestsTable;
  contest_questions: ContestQuestionsTable;
  contest_rounds: ContestRoundsTable;
  contest_entries: ContestEntriesTable;
  contest_attempts: ContestAttemptsTable;
  contest_attempt_events: ContestAttemptEventsTable;
  app_secrets: AppSecretsTable;
}
