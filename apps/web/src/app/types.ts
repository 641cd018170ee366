import type {
  accountView,
  auditEvent,
  auditPage,
  importResult,
  memberHistory,
  memberPage,
  meResponse,
  temporaryPasswordResponse,
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

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
