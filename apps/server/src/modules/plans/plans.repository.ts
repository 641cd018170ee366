import type {
  ActivityCategory,
  PeriodKind,
  PlanStatus,
  PlanVersionSummary,
  TargetMeasure,
  TargetOrganiser,
  TargetPopulation,
} from '@lan-toa/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { type Actor, scopeCondition, scopeOf } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';

export interface PlanRecord {
  id: number;
  unitId: number;
  unitName: string;
  /** ltree path of the issuing unit today. */
  unitPath: string;
  unitValidTo: string | null;
  parentPlanId: number | null;
  number: string;
  title: string;
  place: string;
  signedOn: string | null;
  termStart: number;
  termEnd: number;
  status: PlanStatus;
  version: number;
  sections: Record<string, string>;
  signerTitle: string;
  signerName: string;
  issuedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TargetRecord {
  id: number;
  planId: number;
  parentTargetId: number | null;
  code: string;
  title: string;
  measure: TargetMeasure;
  population: TargetPopulation | null;
  categories: ActivityCategory[];
  organiser: TargetOrganiser | null;
  period: PeriodKind;
  threshold: number;
  sortOrder: number;
  parentThreshold: number | null;
}

export interface TaskRecord {
  id: number;
  planId: number;
  parentTaskId: number | null;
  code: string;
  title: string;
  description: string;
  sortOrder: number;
}

export const planNotFound = () => new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch.');

function plansQuery(db: Executor) {
  return db
    .selectFrom('plans as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.unit_id as unitId',
      'u.name as unitName',
      'u.path as unitPath',
      'u.valid_to as unitValidTo',
      'p.parent_plan_id as parentPlanId',
      'p.number',
      'p.title',
      'p.place',
      'p.signed_on as signedOn',
      'p.term_start as termStart',
      'p.term_end as termEnd',
      'p.status',
      'p.version',
      'p.sections',
      'p.signer_title as signerTitle',
      'p.signer_name as signerName',
      'p.issued_at as issuedAt',
      'p.created_at as createdAt',
      'p.updated_at as updatedAt',
    ]);
}

/**
 * Which plans an actor may read, as SQL over `p` (plans) and `u` (its issuing unit):
 * an issued plan by anyone who can view its unit or a unit below it; a draft only by those who
 * manage its unit. The same rule as `canReadPlan` in plans.policy.
 */
export function visiblePlansCondition(actor: Actor): Expression<SqlBool> {
  const view = scopeOf(actor, 'view');
  const manageDrafts = scopeCondition(actor, 'manageUnits', 'u.path');
  if (view.all) return sql<SqlBool>`true`;
  const reach = [];
  // A subtree grant sees plans issued above its root and inside its subtree.
  for (const root of view.subtrees) reach.push(sql<SqlBool>`(u.path @> ${root}::ltree or u.path <@ ${root}::ltree)`);
  // A member sees plans issued by their own unit and the units above it.
  for (const unit of view.exact) reach.push(sql<SqlBool>`u.path @> ${unit}::ltree`);
  const issued = reach.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(reach, sql` or `)})`;
  return sql<SqlBool>`((p.status = 'issued' and ${issued}) or (p.status = 'draft' and ${manageDrafts}))`;
}

/** A plan as stored, whoever asks; `forUpdate` locks it so versions and edits happen one at a time. */
export async function findPlan(db: Executor, id: number, options: { forUpdate?: boolean } = {}): Promise<PlanRecord> {
  let query = plansQuery(db).where('p.id', '=', id);
  if (options.forUpdate) query = query.forUpdate('p');
  const row = await query.executeTakeFirst();
  if (!row) throw planNotFound();
  return { ...row, status: row.status as PlanStatus };
}

/** A plan the actor may read, or 404: scoping happens in the query. */
export async function findVisiblePlan(db: Executor, actor: Actor, id: number): Promise<PlanRecord> {
  const row = await plansQuery(db).where('p.id', '=', id).where(visiblePlansCondition(actor)).executeTakeFirst();
  if (!row) throw planNotFound();
  return { ...row, status: row.status as PlanStatus };
}

export interface PlanFilters {
  status?: PlanStatus | undefined;
  unitId?: number | undefined;
  parentPlanId?: number | undefined;
  q?: string | undefined;
}

/** Plans the actor can see: higher levels first, then the latest term, then by unit name. */
export async function listPlans(
  db: Executor,
  actor: Actor,
  filters: PlanFilters,
  paging: { page: number; pageSize: number },
): Promise<{ items: PlanRecord[]; total: number }> {
  let query = plansQuery(db).where(visiblePlansCondition(actor));
  if (filters.status) query = query.where('p.status', '=', filters.status);
  if (filters.unitId) query = query.where('p.unit_id', '=', filters.unitId);
  if (filters.parentPlanId) query = query.where('p.parent_plan_id', '=', filters.parentPlanId);
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
    query = query.where((w) =>
      w.or([w('p.title', 'ilike', like), w('p.number', 'ilike', like), w('u.name', 'ilike', like)]),
    );
  }
  const counted = await query.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .orderBy(sql`nlevel(u.path)`)
    .orderBy('p.term_start', 'desc')
    .orderBy(sql`u.name collate "vi-VN-x-icu"`)
    .orderBy('p.id')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { items: rows.map((row) => ({ ...row, status: row.status as PlanStatus })), total: counted.n };
}

export async function planTargets(db: Executor, planId: number): Promise<TargetRecord[]> {
  const rows = await db
    .selectFrom('targets as t')
    .leftJoin('targets as parent', 'parent.id', 't.parent_target_id')
    .select([
      't.id',
      't.plan_id as planId',
      't.parent_target_id as parentTargetId',
      't.code',
      't.title',
      't.measure',
      't.population',
      't.categories',
      't.organiser',
      't.period',
      't.threshold',
      't.sort_order as sortOrder',
      'parent.threshold as parentThreshold',
    ])
    .where('t.plan_id', '=', planId)
    .orderBy('t.sort_order')
    .orderBy('t.code')
    .execute();
  return rows.map((row) => ({
    ...row,
    measure: row.measure as TargetMeasure,
    population: row.population as TargetPopulation | null,
    categories: row.categories as ActivityCategory[],
    organiser: row.organiser as TargetOrganiser | null,
    period: row.period as PeriodKind,
    threshold: Number(row.threshold),
    parentThreshold: row.parentThreshold === null ? null : Number(row.parentThreshold),
  }));
}

export async function planTasks(db: Executor, planId: number): Promise<TaskRecord[]> {
  return db
    .selectFrom('tasks')
    .select([
      'id',
      'plan_id as planId',
      'parent_task_id as parentTaskId',
      'code',
      'title',
      'description',
      'sort_order as sortOrder',
    ])
    .where('plan_id', '=', planId)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export async function planVersionList(db: Executor, planId: number): Promise<PlanVersionSummary[]> {
  const rows = await versionsQuery(db, planId).orderBy('v.version').execute();
  return rows.map(({ snapshot: _snapshot, ...row }) => ({ ...row, issuedAt: row.issuedAt.toISOString() }));
}

export async function planVersion(db: Executor, planId: number, version: number) {
  const row = await versionsQuery(db, planId).where('v.version', '=', version).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy phiên bản này của kế hoạch.');
  return { ...row, issuedAt: row.issuedAt.toISOString() };
}

function versionsQuery(db: Executor, planId: number) {
  return db
    .selectFrom('plan_versions as v')
    .leftJoin('accounts as a', 'a.id', 'v.issued_by')
    .select([
      'v.version',
      'v.reason',
      'v.issued_at as issuedAt',
      'v.issued_by as issuedById',
      'a.display_name as issuedByName',
      'v.snapshot',
    ])
    .where('v.plan_id', '=', planId);
}

/** Whether a unit is already building (or has built) its plan from this parent plan. */
export async function derivedPlanOf(db: Executor, parentPlanId: number, unitId: number): Promise<number | null> {
  const row = await db
    .selectFrom('plans')
    .select('id')
    .where('parent_plan_id', '=', parentPlanId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row?.id ?? null;
}
