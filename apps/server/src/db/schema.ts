import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

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

export interface Database {
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
}

export type UnitRow = Selectable<UnitsTable>;
export type MemberRow = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type AccountRow = Selectable<AccountsTable>;
