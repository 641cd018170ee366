import type { InfoReportStatus, Role } from '@lan-toa/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { type Actor, covers, isSystemAdmin } from '../../../platform/access.js';
import { AppError } from '../../../platform/errors.js';

/**
 * Who may do what with reports of harmful information.
 *
 * - Report: anyone signed in with a unit (a member, a chair…). The report goes straight to the
 *   province union at the top of the reporter's tree; the school (and the commune union) never
 *   see it, so a teacher can report something that embarrasses their own school without their
 *   own chair knowing who reported it.
 * - See: the reporter their own named reports (never an anonymous one: nothing ties it to them);
 *   province staff (admins and editors whose grant covers the province) every report of their
 *   province; the system admin all. Anyone else gets 404, the same answer as a missing report.
 * - Triage: the transitions below, by role. Editors check and conclude; handing a report to the
 *   authorities (an official letter signed by the union's leadership) and reopening a concluded
 *   report are for admins.
 */

export const INFO_REPORT_NOT_FOUND = () => new AppError('NOT_FOUND', 'Không tìm thấy tin báo.');

type StaffRole = Extract<Role, 'system_admin' | 'unit_admin' | 'unit_editor'>;
export type InfoReportAction = 'startVerifying' | 'conclude' | 'handOver' | 'reopen';

/** The status machine: from → to, the action it is, and who may do it. */
export const INFO_REPORT_TRANSITIONS: {
  from: InfoReportStatus[];
  to: InfoReportStatus;
  action: InfoReportAction;
  roles: StaffRole[];
}[] = [
  { from: ['new'], to: 'verifying', action: 'startVerifying', roles: ['system_admin', 'unit_admin', 'unit_editor'] },
  { from: ['verifying'], to: 'verified', action: 'conclude', roles: ['system_admin', 'unit_admin', 'unit_editor'] },
  { from: ['verifying'], to: 'false_alarm', action: 'conclude', roles: ['system_admin', 'unit_admin', 'unit_editor'] },
  { from: ['verifying', 'verified'], to: 'handed_over', action: 'handOver', roles: ['system_admin', 'unit_admin'] },
  {
    from: ['verified', 'false_alarm', 'handed_over'],
    to: 'verifying',
    action: 'reopen',
    roles: ['system_admin', 'unit_admin'],
  },
];

export interface ReportPlace {
  provincePath: string;
  reporterAccountId: number | null;
}

/** The staff roles the actor holds over the province (grants at or above it). */
export function staffRolesOver(actor: Actor, provincePath: string): StaffRole[] {
  const roles = new Set<StaffRole>();
  if (isSystemAdmin(actor)) roles.add('system_admin');
  for (const grant of actor.grants) {
    if (grant.role !== 'unit_admin' && grant.role !== 'unit_editor') continue;
    if (!grant.unitPath) continue;
    if (provincePath === grant.unitPath || provincePath.startsWith(`${grant.unitPath}.`)) roles.add(grant.role);
  }
  return [...roles];
}

export function canTriage(actor: Actor, report: ReportPlace): boolean {
  return covers(actor, 'manageMembers', report.provincePath) && staffRolesOver(actor, report.provincePath).length > 0;
}

export function canViewReport(actor: Actor, report: ReportPlace): boolean {
  return report.reporterAccountId === actor.accountId || canTriage(actor, report);
}

export function assertCanView(actor: Actor, report: ReportPlace): void {
  if (!canViewReport(actor, report)) throw INFO_REPORT_NOT_FOUND();
}

/** The transition from → to, if it exists and the actor's roles allow it. */
export function allowedTransition(
  actor: Actor,
  report: ReportPlace & { status: InfoReportStatus },
  to: InfoReportStatus,
) {
  const roles = staffRolesOver(actor, report.provincePath);
  return INFO_REPORT_TRANSITIONS.find(
    (t) => t.to === to && t.from.includes(report.status) && t.roles.some((role) => roles.includes(role)),
  );
}

export function abilitiesFor(actor: Actor, report: ReportPlace & { status: InfoReportStatus }) {
  const roles = canTriage(actor, report) ? staffRolesOver(actor, report.provincePath) : [];
  const can = (action: InfoReportAction) =>
    INFO_REPORT_TRANSITIONS.some(
      (t) => t.action === action && t.from.includes(report.status) && t.roles.some((role) => roles.includes(role)),
    );
  return {
    startVerifying: can('startVerifying'),
    conclude: can('conclude'),
    handOver: can('handOver'),
    reopen: can('reopen'),
    respond: roles.length > 0 && report.status !== 'new',
  };
}

/** Reports the actor may triage, in SQL over `p` (the province unit). */
export function triageScopeCondition(actor: Actor): Expression<SqlBool> {
  if (isSystemAdmin(actor)) return sql<SqlBool>`true`;
  const roots = actor.grants
    .filter((g) => (g.role === 'unit_admin' || g.role === 'unit_editor') && g.unitPath)
    .map((g) => g.unitPath as string);
  if (roots.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`p.path <@ any(${roots}::ltree[])`;
}
