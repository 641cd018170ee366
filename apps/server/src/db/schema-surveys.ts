import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0016-surveys; joined into `Database` in schema.ts. */

type Id = ColumnType<number, never, never>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface SurveyOptionJson {
  id: string;
  text: string;
}

export interface SurveysTable {
  id: Id;
  unit_id: number;
  kind: string;
  title: string;
  description: Generated<string>;
  anonymous: boolean;
  opens_on: string;
  closes_on: string;
  published_at: Date | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface SurveyUnitsTable {
  survey_id: number;
  unit_id: number;
}

export interface SurveyQuestionsTable {
  id: Id;
  survey_id: number;
  position: number;
  kind: string;
  text: string;
  required: Generated<boolean>;
  options: Json<SurveyOptionJson[]>;
  scale_max: number | null;
  scale_min_label: Generated<string>;
  scale_max_label: Generated<string>;
}

export interface SurveyResponsesTable {
  id: Generated<string>;
  survey_id: number;
  member_id: number | null;
  unit_id: number;
  answered_on: string;
}

export interface SurveyAnswersTable {
  response_id: string;
  question_id: number;
  option_ids: string[] | null;
  value: number | null;
  text: string | null;
}

export interface SurveyRespondentsTable {
  survey_id: number;
  /** Sorted. */
  member_ids: number[];
}

export interface SurveyTables {
  surveys: SurveysTable;
  survey_units: SurveyUnitsTable;
  survey_questions: SurveyQuestionsTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  survey_respondents: SurveyRespondentsTable;
}
