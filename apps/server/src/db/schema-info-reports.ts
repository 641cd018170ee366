import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0017-info-reports; joined into `Database` in schema.ts. */

type Id = ColumnType<number, never, never>;
type Moment = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface InfoReportsTable {
  id: Generated<string>;
  province_unit_id: number;
  anonymous: boolean;
  reporter_account_id: number | null;
  reporter_member_id: number | null;
  reporter_unit_id: number | null;
  platform: string;
  url: string | null;
  description: string | null;
  has_screenshot: Generated<boolean>;
  status: Generated<string>;
  reported_on: string;
  created_at: Moment;
  triaged_on: string | null;
  concluded_on: string | null;
  clarification_article_id: number | null;
  letter_recipient: string | null;
  letter_sent_on: string | null;
  letter_number: string | null;
  notes: string | null;
}

export interface InfoReportFilesTable {
  report_id: string;
  kind: 'full' | 'thumbnail';
  content_type: string;
  data: Buffer;
  width: number | null;
  height: number | null;
}

export interface InfoReportEventsTable {
  id: Id;
  report_id: string;
  from_status: string | null;
  to_status: string;
  account_id: number | null;
  note: string | null;
  at: Generated<Date>;
}

export interface InfoReportTables {
  info_reports: InfoReportsTable;
  info_report_files: InfoReportFilesTable;
  info_report_events: InfoReportEventsTable;
}
