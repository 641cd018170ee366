import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0011-library; joined into `Database` in schema.ts. */

type Id = ColumnType<number, never, never>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface StudyOptionJson {
  id: string;
  text: string;
}

export interface LibraryTopicsTable {
  id: Id;
  name: string;
  sort_order: Generated<number>;
  archived: Generated<boolean>;
}

export interface DocumentsTable {
  id: Id;
  unit_id: number;
  type: string;
  number: Generated<string>;
  issued_on: string | null;
  issuer: Generated<string>;
  title: string;
  summary: Generated<string>;
  search_text: Generated<string>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface DocumentTopicsTable {
  document_id: number;
  topic_id: number;
}

export interface DocumentFilesTable {
  document_id: number;
  file_id: number;
  sort_order: Generated<number>;
}

export interface StudyAssignmentsTable {
  id: Id;
  unit_id: number;
  title: string;
  note: Generated<string>;
  deadline: string;
  counts_as_study: Generated<boolean>;
  activity_id: number | null;
  pass_mark: number | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface StudyAssignmentDocumentsTable {
  assignment_id: number;
  document_id: number;
  sort_order: Generated<number>;
}

export interface StudyAssignmentUnitsTable {
  assignment_id: number;
  unit_id: number;
}

export interface StudyQuestionsTable {
  id: Id;
  assignment_id: number;
  text: string;
  options: Json<StudyOptionJson[]>;
  correct: string;
  sort_order: Generated<number>;
}

export interface StudyConfirmationsTable {
  assignment_id: number;
  member_id: number;
  unit_id: number;
  confirmed_at: CreatedAt;
  correct: number | null;
}

export interface StudyQuizAttemptsTable {
  id: Id;
  assignment_id: number;
  member_id: number;
  answers: Json<Record<string, string>>;
  correct: number;
  passed: boolean;
  at: CreatedAt;
}

export interface StudyRemindersTable {
  id: Id;
  assignment_id: number;
  sent_by: number | null;
  sent_at: CreatedAt;
  member_ids: number[];
}

export interface LibraryTables {
  library_topics: LibraryTopicsTable;
  documents: DocumentsTable;
  document_topics: DocumentTopicsTable;
  document_files: DocumentFilesTable;
  study_assignments: StudyAssignmentsTable;
  study_assignment_documents: StudyAssignmentDocumentsTable;
  study_assignment_units: StudyAssignmentUnitsTable;
  study_questions: StudyQuestionsTable;
  study_confirmations: StudyConfirmationsTable;
  study_quiz_attempts: StudyQuizAttemptsTable;
  study_reminders: StudyRemindersTable;
}
