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
import { computeProgress, type Figure, type PlanScope, type TargetDefinition } from './progress.engine.js';
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
  const plan = await findVisiblePlan(db, actor, planId);
  const unit = await findUnit(db, unitId);
  // A plan's figures are asked for a unit the actor sees, under the plan's issuing unit.
  if (
    !covers(actor, 'view', unit.path) ||
    !(unit.path === plan.unitPath || unit.path.startsWith(`${plan.unitPath}.`))
  ) {
    throw planNotFound();
  }
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
  return {
    scope: { id: plan.id, unitId: plan.unitId, termStart: plan.termStart, termEnd: plan.termEnd },
    targets: rows.rows.map(({ issuer_unit_id, ...row }) => ({
      ...row,
      issuerUnitId: issuer_unit_id,
      measure: row.measure as TargetMeasure,
      period: row.period as PeriodKind,
      threshold: Number(row.threshold),
    })),
    unit,
  };
}

const withTitles = (targets: TargetDefinition[], figures: Figure[]) =>
  figures.map((figure, i) => ({
    ...figure,
    title: targets[i]?.title ?? '',
    measure: targets[i]?.measure ?? 'coverage',
  }));

/** The day whose children a year's table shows: the year's last day, or today while it runs. */
function tableDay(year: number, today: string): string {
  const last = `${year}-12-31`;
  return today < last ? today : last;
}

export async function unitProgress(db: Db, actor: Actor, planId: number, unitId: number, year: number) {
  const { scope, targets, unit } = await planForProgress(db, actor, planId, unitId);
  const progress = await computeProgress(db, scope, targets, unit.id, year, todayInVietnam(), []);
  return { planId, unitId, unitName: unit.name, year, targets: withTitles(targets, progress.unit) };
}

export async function progressTable(db: Db, actor: Actor, planId: number, unitId: number, year: number) {
  const { scope, targets, unit } = await planForProgress(db, actor, planId, unitId);
  const today = todayInVietnam();
  const day = tableDay(year, today);
  const childIds = await figureChildren(db, unit.id, day);
  const progress = await computeProgress(db, scope, targets, unit.id, year, today, childIds);
  const names = await unitNamesOn(db, childIds, day);
  const rows = progress.children.map((child) => {
    const figures = withTitles(targets, child.figures);
    const lagging = figures.filter((f) => f.status === 'at_risk' || f.status === 'missed').length;
    return { unitId: child.unitId, unitName: names.get(child.unitId) ?? '', lagging, figures };
  });
  // Lagging units first: the most targets at risk or missed, then the weakest share of threshold reached.
  const reached = (row: (typeof rows)[number]) =>
    Math.min(
      ...row.figures.map((f) =>
        f.value === null || f.threshold === 0 ? Number.POSITIVE_INFINITY : f.value / f.threshold,
      ),
    );
  rows.sort((a, b) => b.lagging - a.lagging || reached(a) - reached(b) || a.unitName.localeCompare(b.unitName, 'vi'));
  return {
    planId,
    unitId,
    year,
    targets: targets.map(({ id, code, title, measure }) => ({ targetId: id, code, title, measure })),
    unit: withTitles(targets, progress.unit),
    rows,
  };
}

async function unitNamesOn(db: Db, ids: number[], day: string): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('unit_versions')
    .select(['unit_id', 'name'])
    .where('unit_id', 'in', ids)
    .where('valid_from', '<=', day)
    .where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>', day)]))
    .execute();
  return new Map(rows.map((row) => [row.unit_id, row.name]));
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
