import type {
  accountView,
  activityFileList,
  activityFileView,
  activityPage,
  activitySummary,
  activityView,
  attendanceImportResult,
  attendanceView,
  auditEvent,
  auditPage,
  calendarItem,
  calendarResponse,
  cascadeItem,
  cascadeResponse,
  checkinInfo,
  checkinPage,
  checkinResult,
  cultureEvaluationList,
  cultureEvaluationView,
  guestView,
  importResult,
  memberHistory,
  memberPage,
  meResponse,
  planDetail,
  planPage,
  planSnapshot,
  planSummary,
  planTargetView,
  planTaskView,
  planVersionDetail,
  planVersionSummary,
  progressResponse,
  progressTableResponse,
  targetFigure,
  temporaryPasswordResponse,
  trendResponse,
  uncoveredResponse,
  unitDetail,
  unitHistoryEntry,
  unitKind,
  unitSummary,
} from '@lan-toa/contracts';

/** Output type of a contracts zod schema, without importing zod into the web workspace. */
type Out<T> = T extends { _zod: { output: infer O } } ? O : never;

export type { UnitTreeNode } from '@lan-toa/contracts';
export type Me = Out<typeof meResponse>;
export type Abilities = Me['abilities'];
export type UnitKind = Out<typeof unitKind>;
export type UnitSummary = Out<typeof unitSummary>;
export type UnitDetail = Out<typeof unitDetail>;
export type UnitHistoryEntry = Out<typeof unitHistoryEntry>;
export type MemberPage = Out<typeof memberPage>;
export type MemberView = MemberPage['items'][number];
export type MemberHistory = Out<typeof memberHistory>;
export type ImportResult = Out<typeof importResult>;
export type AccountView = Out<typeof accountView>;
export type TemporaryPasswordResponse = Out<typeof temporaryPasswordResponse>;
export type AuditEvent = Out<typeof auditEvent>;
export type AuditPage = Out<typeof auditPage>;

export type PlanSummary = Out<typeof planSummary>;
export type PlanPage = Out<typeof planPage>;
export type PlanDetail = Out<typeof planDetail>;
export type PlanSections = PlanDetail['sections'];
export type PlanTarget = Out<typeof planTargetView>;
export type PlanTask = Out<typeof planTaskView>;
export type PlanSnapshot = Out<typeof planSnapshot>;
export type PlanVersionSummary = Out<typeof planVersionSummary>;
export type PlanVersionDetail = Out<typeof planVersionDetail>;
export type CascadeItem = Out<typeof cascadeItem>;
export type CascadeResponse = Out<typeof cascadeResponse>;
export type TargetFigure = Out<typeof targetFigure>;
export type FigureStatus = TargetFigure['status'];
export type ProgressResponse = Out<typeof progressResponse>;
export type ProgressTable = Out<typeof progressTableResponse>;
export type TrendResponse = Out<typeof trendResponse>;
export type UncoveredResponse = Out<typeof uncoveredResponse>;
export type ActivitySummary = Out<typeof activitySummary>;
export type ActivityPage = Out<typeof activityPage>;
export type ActivityView = Out<typeof activityView>;
export type AttendanceView = Out<typeof attendanceView>;
export type AttendanceImportResult = Out<typeof attendanceImportResult>;
export type GuestView = Out<typeof guestView>;
export type ActivityFileView = Out<typeof activityFileView>;
export type ActivityFileList = Out<typeof activityFileList>;
export type CheckinInfo = Out<typeof checkinInfo>;
export type CheckinPage = Out<typeof checkinPage>;
export type CheckinResult = Out<typeof checkinResult>;
export type CultureEvaluationView = Out<typeof cultureEvaluationView>;
export type CultureEvaluationList = Out<typeof cultureEvaluationList>;
export type CalendarItem = Out<typeof calendarItem>;
export type CalendarResponse = Out<typeof calendarResponse>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
