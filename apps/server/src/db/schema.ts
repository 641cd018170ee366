import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ChannelTables } from './schema-channels.js';
import type { ConcernTables } from './schema-concerns.js';
import type { ContestTables } from './schema-contests.js';
import type { InfoReportTables } from './schema-info-reports.js';
import type { LibraryTables } from './schema-library.js';
import type { NewsTables } from './schema-news.js';
import type { NotificationTables } from './schema-notifications.js';
import type { SurveyTables } from './schema-surveys.js';

/** Column types as Kysely sees them. Dates are 'YYYY-MM-DD' strings (see database.ts type parsers). */
type Id = ColumnType<number, never, never>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UnitKindsTable {
  id: Id;
  code: string;
  name: string;
  sort_order: Generated<number>;
}

export interface UnitsTable {
  id: Id;
  kind_id: number;
  name: string;
  parent_id: number | null;
  path: string;
  valid_from: string;
  valid_to: string | null;
  merged_into_id: number | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface UnitVersionsTable {
  id: Id;
  unit_id: number;
  name: string;
  parent_id: number | null;
  path: string;
  valid_from: string;
  valid_to: string | null;
}

export interface MembersTable {
  id: Id;
  full_name: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  search_text: string;
  contact_search: Generated<string>;
  gender: string;
  birth_date: string | null;
  position: string;
  union_role: string;
  is_key_official: boolean;
  union_joined_on: string | null;
  status: Generated<string>;
  phone: string | null;
  email: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface MembershipsTable {
  id: Id;
  member_id: number;
  unit_id: number;
  valid_from: string;
  valid_to: string | null;
  end_reason: string | null;
}

export interface MemberStatusesTable {
  id: Id;
  member_id: number;
  status: string;
  valid_from: string;
  note: string | null;
  created_at: CreatedAt;
}

export interface AccountsTable {
  id: Id;
  display_name: string;
  email: string | null;
  phone: string | null;
  member_id: number | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  disabled_at: Date | null;
  last_login_at: Date | null;
  password_changed_at: CreatedAt;
  created_at: CreatedAt;
}

export interface RoleGrantsTable {
  id: Id;
  account_id: number;
  role: string;
  unit_id: number | null;
}

export interface SessionsTable {
  token_hash: string;
  account_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: CreatedAt;
  expires_at: Date;
}

export interface AuditEventsTable {
  id: Id;
  occurred_at: CreatedAt;
  actor_account_id: number | null;
  action: string;
  entity_type: string;
  entity_id: number | null;
  unit_id: number | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface PlansTable {
  id: Id;
  unit_id: number;
  parent_plan_id: number | null;
  number: string;
  title: string;
  place: Generated<string>;
  signed_on: string | null;
  term_start: number;
  term_end: number;
  status: Generated<string>;
  version: Generated<number>;
  sections: ColumnType<Record<string, string>, string | undefined, string>;
  signer_title: Generated<string>;
  signer_name: Generated<string>;
  issued_at: Date | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface PlanVersionsTable {
  id: Id;
  plan_id: number;
  version: number;
  snapshot: ColumnType<unknown, string, string>;
  reason: string | null;
  issued_at: CreatedAt;
  issued_by: number | null;
}

export interface TargetsTable {
  id: Id;
  plan_id: number;
  parent_target_id: number | null;
  code: string;
  title: string;
  measure: string;
  population: string | null;
  categories: ColumnType<string[], string[] | undefined, string[]>;
  organiser: string | null;
  period: string;
  /** numeric comes back from pg as a string */
  threshold: ColumnType<string, number | string, number | string>;
  sort_order: Generated<number>;
}

export interface TasksTable {
  id: Id;
  plan_id: number;
  parent_task_id: number | null;
  code: string;
  title: string;
  description: Generated<string>;
  sort_order: Generated<number>;
}

/** One element of `activities.topic_documents`. */
export interface TopicDocumentJson {
  title: string;
  number: string;
}

export interface ActivitiesTable {
  id: Id;
  organising_unit_id: number;
  category: string;
  title: string;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  ends_at: ColumnType<Date, Date | string, Date | string>;
  place: Generated<string>;
  description: Generated<string>;
  checkin_code: string | null;
  checkin_open_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
  /** Added by 0004-activities-extra. */
  audience: Generated<string>;
  checkin_opens_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  /** Added by 0007-activity-topics: a JSON array, written as its JSON text. */
  topic_documents: ColumnType<TopicDocumentJson[], string | undefined, string>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ActivityUnitsTable {
  activity_id: number;
  unit_id: number;
}

export interface ActivityLinksTable {
  activity_id: number;
  target_id: number | null;
  task_id: number | null;
}

export interface AttendancesTable {
  activity_id: number;
  member_id: number;
  category: string;
  attended_on: string;
  source: string;
  recorded_at: CreatedAt;
}

export interface ActivityGuestsTable {
  id: Id;
  activity_id: number;
  name: string;
  organisation: Generated<string>;
}

export interface CultureEvaluationsTable {
  id: Id;
  unit_id: number;
  year: number;
  unit_registered: Generated<boolean>;
  unit_achieved: boolean | null;
  families_total: Generated<number>;
  families_registered: Generated<number>;
  families_achieved: Generated<number>;
  entered_by: number | null;
  entered_at: CreatedAt;
  confirmed_by: number | null;
  confirmed_at: Date | null;
}

export interface ManualFiguresTable {
  id: Id;
  target_id: number;
  unit_id: number;
  period_start: number;
  numerator: ColumnType<string, number | string, number | string>;
  denominator: ColumnType<string | null, number | string | null, number | string | null>;
  evidence: string;
  entered_by: number | null;
  entered_at: CreatedAt;
}

export interface FilesTable {
  id: Id;
  sha256: string;
  content_type: string;
  size: number;
  original_name: string;
  data: Buffer;
  width: number | null;
  height: number | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface ActivityFilesTable {
  activity_id: number;
  file_id: number;
  thumbnail_id: number | null;
  kind: 'photo' | 'attachment';
  caption: Generated<string>;
  sort_order: Generated<number>;
}

export interface Database
  extends ContestTables,
    LibraryTables,
    ChannelTables,
    NotificationTables,
    NewsTables,
    InfoReportTables,
    SurveyTables,
    ConcernTables {
  unit_kinds: UnitKindsTable;
  units: UnitsTable;
  unit_versions: UnitVersionsTable;
  members: MembersTable;
  memberships: MembershipsTable;
  member_statuses: MemberStatusesTable;
  accounts: AccountsTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  targets: TargetsTable;
  tasks: TasksTable;
  activities: ActivitiesTable;
  activity_units: ActivityUnitsTable;
  activity_links: ActivityLinksTable;
  attendances: AttendancesTable;
  activity_guests: ActivityGuestsTable;
  culture_evaluations: CultureEvaluationsTable;
  manual_figures: ManualFiguresTable;
  files: FilesTable;
  activity_files: ActivityFilesTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type MemberRow = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type AccountRow = Selectable<AccountsTable>;
