import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0014-notifications; joined into `Database` in schema.ts. */

type Id = ColumnType<number, never, never>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type EmailStatus = 'pending' | 'sent' | 'skipped' | 'failed';

export interface NotificationsTable {
  id: Id;
  account_id: number;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  created_at: CreatedAt;
  read_at: MaybeTime;
  email_status: EmailStatus | null;
  email_error: string | null;
  emailed_at: MaybeTime;
  digest_id: number | null;
}

export interface NotificationPreferencesTable {
  account_id: number;
  kind: string;
  email: 'immediate' | 'digest' | 'off';
  updated_at: CreatedAt;
}

export interface NotificationDigestsTable {
  id: Id;
  account_id: number;
  day: string;
  notification_count: number;
  email_status: Generated<EmailStatus>;
  email_error: string | null;
  created_at: CreatedAt;
  emailed_at: MaybeTime;
}

export interface ContestRoundNoticesTable {
  round_id: number;
  recipients: Generated<number>;
  announced_at: CreatedAt;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_digests: NotificationDigestsTable;
  contest_round_notices: ContestRoundNoticesTable;
}
