import type { PeriodKind, TargetMeasure } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import { type Actor, covers } from '../../../platform/access.js';
import { recordAudit } from '../../../platform/audit.js';
import { todayInVietnam } from '../../../platform/dates.js';
import { AppError, fieldError } from '../../../platform/errors.js';
import { findUnit, type UnitRecord } from '../../org/units.repository.js';
import { findVisiblePlan, planNotFound } from '../plans.repository.js';
import { periodFor } from './periods.js';
import { computeProgress, type PlanScope, type TargetDefinition } from './progress.engine.js';
import { figureChildren, uncoveredMembers } from './progress.sql.js';

/**
 * Reading a plan's progress: who may ask about which unit, and the figures in the shapes the
 * API returns. The figures themselves come from the engine.
 */

interface PlanForProgress {
  scope: PlanScope;
  targets: TargetDefinition[];
  unit: UnitRecord;
}

async function planForProgress(db: Db, actor: Actor, planId: number, unitId: number): Promise<PlanForProgress> {
  // The three lookups are independent: they run side by side, and nothing is returned before the
  // access check below has passed.
  const [plan, unit, targets] = await Promise.all([
    findVisiblePlan(db, actor, planId),
    findUnit(db, unitId),
    targetsWithFloors(db, planId),
  ]);
  // A plan's figures are asked for a unit the actor sees, under the plan's issuing unit.
  if (
    !covers(actor, 'view', unit.path) ||
    !(unit.path === plan.unitPath || unit.path.startsWith(`${plan.unitPath}.`))
  ) {
    throw planNotFound();
  }
  return {
    scope: { id: plan.id, unitId: plan.unitId, termStart: plan.termStart, termEnd: plan.termEnd },
    targets,
    unit,
  };
}

async function targetsWithFloors(db: Db, planId: number): Promise<TargetDefinition[]> {
  // A derived plan may raise an inherited threshold, never go below its parents' (even when a
  // parent was amended upwards after this plan was issued): the floor is read up the chain.
  const rows = await sql<{
    id: number;
    code: string;
    title: string;
    measure: string;
    population: string | null;
    categories: string[];
    organiser: string | null;
    period: string;
    threshold: string;
    issuer_unit_id: number;
  }>`
    with recursive chain(target_id, ancestor_id) as (
      select id, id from targets where plan_id = ${planId}
      union all
      select c.target_id, t.parent_target_id from chain c join targets t on t.id = c.ancestor_id
      where t.parent_target_id is not null
    )
    select t.id, t.code, t.title, t.measure, t.population, t.categories, t.organiser, t.period,
      (select max(a.threshold) from chain c join targets a on a.id = c.ancestor_id where c.target_id = t.id)::text as threshold,
      -- "Organised by the issuer" stays the duty of the unit that issued the original target.
      (select p.unit_id from chain c join targets a on a.id = c.ancestor_id join plans p on p.id = a.plan_id
        where c.target_id = t.id and a.parent_target_id is null) as issuer_unit_id
    from targets t where t.plan_id = ${planId}
    order by t.sort_order, t.code`.execute(db);
  return rows.rows.map(({ issuer_unit_id, ...row }) => ({
    ...row,
    issuerUnitId: issuer_unit_id,
    measure: row.measure as TargetMeasure,
    period: row.period as PeriodKind,
    threshold: Number(row.threshold),
  }));
}

const byName = new Intl.Collator('vi');

/** The day whose children a year's table shows: the year's last day, or today while it runs. */
function tableDay(year: number, today: string): string {
  const last = `${year}-12-31`;
  return today < last ? today : last;
}

export async function unitProgress(db: Db, actor: Actor, planId: number, unitId: number, year: number) {
  const { scope, targets, unit } = await planForProgress(db, actor, planId, unitId);
  const progress = await computeProgress(db, scope, targets, unit.id, year, todayInVietnam(), []);
  return { planId, unitId, unitName: unit.name, year, targets: progress.unit };
}

export async function progressTable(db: Db, actor: Actor, planId: number, unitId: number, year: number) {
  const today = todayInVietnam();
  // The children (with their names that day) depend only on the unit asked and the day: read
  // alongside the plan lookups, and used only once the access check has passed.
  const [{ scope, targets, unit }, children] = await Promise.all([
    planForProgress(db, actor, planId, unitId),
    figureChildren(db, unitId, tableDay(year, today)),
  ]);
  const childIds = children.map((child) => child.unitId);
  const progress = await computeProgress(db, scope, targets, unit.id, year, today, childIds);
  const names = new Map(children.map((child) => [child.unitId, child.name]));
  // Lagging units first: the most targets at risk or missed, then the weakest share of threshold
  // reached, then by name.
  const rows = progress.children
    .map(({ unitId: childId, figures }) => {
      let lagging = 0;
      let reached = Number.POSITIVE_INFINITY;
      for (const f of figures) {
        if (f.status === 'at_risk' || f.status === 'missed') lagging++;
        if (f.value !== null && f.threshold !== 0) reached = Math.min(reached, f.value / f.threshold);
      }
      return { unitId: childId, unitName: names.get(childId) ?? '', lagging, reached, figures };
    })
    .sort((a, b) => b.lagging - a.lagging || a.reached - b.reached || byName.compare(a.unitName, b.unitName))
    .map(({ reached: _, ...row }) => row);
  return {
    planId,
    unitId,
    year,
    targets: targets.map(({ id, code, title, measure }) => ({ targetId: id, code, title, measure })),
    unit: progress.unit,
    rows,
  };
}

export async function progressTrend(db: Db, actor: Actor, planId: number, unitId: number) {
  const { scope, targets, unit } = await planForProgress(db, actor, planId, unitId);
  const today = todayInVietnam();
  const lastYear = Math.min(scope.termEnd, Number(today.slice(0, 4)));
  const years: number[] = [];
  for (let year = scope.termStart; year <= lastYear; year++) years.push(year);
  const perYear = await Promise.all(years.map((year) => computeProgress(db, scope, targets, unit.id, year, today, [])));
  return {
    planId,
    unitId,
    years,
    targets: targets.map((target, i) => ({
      targetId: target.id,
      code: target.code,
      title: target.title,
      points: perYear.map((progress, y) => ({
        year: years[y] as number,
        value: progress.unit[i]?.value ?? null,
        status: progress.unit[i]?.status ?? 'not_applicable',
      })),
    })),
  };
}

/** The people a coverage target has not reached yet in the unit's subtree: the list a chair acts on. */
export async function uncovered(db: Db, actor: Actor, planId: number, targetId: number, unitId: number, year: number) {
  const { scope, targets, unit } = await planForProgress(db, actor, planId, unitId);
  if (!covers(actor, 'manageMembers', unit.path)) throw new AppError('FORBIDDEN');
  const target = targets.find((t) => t.id === targetId);
  if (!target) throw new AppError('NOT_FOUND', 'Không tìm thấy chỉ tiêu.');
  if (target.measure !== 'coverage') throw fieldError('targetId', 'Chỉ tiêu này không tính theo người tham gia.');
  const period = periodFor(target.period, year, { start: scope.termStart, end: scope.termEnd });
  const today = todayInVietnam();
  if (today < period.start) return { targetId, unitId, year, total: 0, items: [] };
  const day = tableDay(Number(period.end.slice(0, 4)) - 1, today);
  const items = await uncoveredMembers(db, {
    root: unit.id,
    day,
    from: period.start,
    to: period.end,
    categories: target.categories,
    keyOfficialsOnly: target.population === 'key_officials',
  });
  return { targetId, unitId, year, total: items.length, items };
}

/** A figure the system cannot know, entered with its evidence by whoever manages the unit. */
export async function enterManualFigure(
  db: Db,
  actor: Actor,
  planId: number,
  targetId: number,
  input: { unitId: number; year: number; numerator: number; denominator?: number | null | undefined; evidence: string },
) {
  const { scope, targets, unit } = await planForProgress(db, actor, planId, input.unitId);
  if (!covers(actor, 'manageMembers', unit.path)) throw new AppError('FORBIDDEN');
  const target = targets.find((t) => t.id === targetId);
  if (!target) throw new AppError('NOT_FOUND', 'Không tìm thấy chỉ tiêu.');
  if (target.measure !== 'count' && !input.denominator) throw fieldError('denominator', 'Hãy nhập mẫu số (tổng số).');
  if (input.denominator && input.numerator > input.denominator)
    throw fieldError('numerator', 'Tử số không được lớn hơn mẫu số.');
  const period = periodFor(target.period, input.year, { start: scope.termStart, end: scope.termEnd });
  await db.transaction().execute(async (tx) => {
    const values = {
      numerator: input.numerator,
      denominator: target.measure === 'count' ? null : (input.denominator ?? null),
      evidence: input.evidence,
      entered_by: actor.accountId,
      entered_at: new Date(),
    };
    await tx
      .insertInto('manual_figures')
      .values({ target_id: targetId, unit_id: unit.id, period_start: period.startYear, ...values })
      .onConflict((oc) => oc.columns(['target_id', 'unit_id', 'period_start']).doUpdateSet(values))
      .execute();
    await recordAudit(tx, actor, {
      action: 'progress.manual_figure',
      entityType: 'target',
      entityId: targetId,
      unitId: unit.id,
      after: { ...input, periodStart: period.startYear },
    });
  });
  return unitProgress(db, actor, planId, unit.id, input.year);
}
