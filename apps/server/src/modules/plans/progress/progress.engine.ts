import type { PeriodKind, TargetMeasure, TargetStatus } from '@lan-toa/contracts';
import type { Executor } from '../../../db/database.js';
import { elapsedShare, type Period, periodFor, referenceDay } from './periods.js';
import { type BucketFigure, countByBucket, coverageByBucket, evaluationByBucket } from './progress.sql.js';
import { judge } from './status.js';

export interface TargetDefinition {
  id: number;
  code: string;
  title: string;
  measure: TargetMeasure;
  population: string | null;
  categories: string[];
  organiser: string | null;
  period: PeriodKind;
  threshold: number;
  /** For counts organised by the issuer: the unit that issued the original target (a derived plan inherits the duty's owner). */
  issuerUnitId?: number;
}

export interface PlanScope {
  id: number;
  /** The issuing unit: "organised by the issuer" counts only its own activities. */
  unitId: number;
  termStart: number;
  termEnd: number;
}

export interface Figure {
  targetId: number;
  code: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
  threshold: number;
  status: TargetStatus | 'not_applicable';
  forecast: number | null;
  period: { kind: PeriodKind; start: string; end: string; startYear: number; endYear: number };
  /** The day whose tree and members were counted (null before the period starts). */
  referenceDay: string | null;
  manual: { evidence: string; enteredAt: string } | null;
}

/** A unit's figure for every target, and the same for each unit directly under it. */
export interface Progress {
  unit: Figure[];
  children: { unitId: number; figures: Figure[] }[];
}

const NOTHING: BucketFigure[] = [];

async function buckets(
  db: Executor,
  plan: PlanScope,
  target: TargetDefinition,
  root: number,
  period: Period,
  day: string,
) {
  switch (target.measure) {
    case 'coverage':
      return coverageByBucket(db, {
        root,
        day,
        from: period.start,
        to: period.end,
        categories: target.categories,
        keyOfficialsOnly: target.population === 'key_officials',
      });
    case 'count':
      // "Organised by the issuer" is the issuing unit's own duty: figures exist only for it.
      if (target.organiser === 'issuer' && root !== (target.issuerUnitId ?? plan.unitId)) return NOTHING;
      return countByBucket(db, {
        root,
        day,
        from: period.start,
        to: period.end,
        categories: target.categories,
        organiser: target.organiser === 'issuer' ? 'issuer' : 'subtree',
      });
    case 'evaluation_share':
      return evaluationByBucket(db, {
        root,
        day,
        fromYear: period.startYear,
        toYear: Number(day.slice(0, 4)),
        population: target.population === 'families' ? 'families' : 'units',
      });
  }
}

function figure(
  target: TargetDefinition,
  period: Period,
  day: string | null,
  today: string,
  rows: BucketFigure[] | null,
): Figure {
  const base = {
    targetId: target.id,
    code: target.code,
    threshold: target.threshold,
    period: {
      kind: period.kind,
      start: period.start,
      end: period.end,
      startYear: period.startYear,
      endYear: period.endYear,
    },
    referenceDay: day,
    manual: null,
  };
  if (rows === null || (target.measure === 'count' && rows === NOTHING)) {
    return { ...base, numerator: 0, denominator: null, value: null, forecast: null, status: 'not_applicable' };
  }
  const numerator = rows.reduce((sum, row) => sum + row.numerator, 0);
  const denominator = target.measure === 'count' ? null : rows.reduce((sum, row) => sum + row.denominator, 0);
  const judged = judge({
    measure: target.measure,
    numerator,
    denominator,
    threshold: target.threshold,
    elapsed: elapsedShare(period, today),
  });
  return { ...base, numerator, denominator, ...judged };
}

/**
 * Every target of a plan for a unit's subtree in the period that holds `year`, and the same for
 * each unit directly under it. Population-weighted: a parent's figure is the sum of its buckets'
 * numerators over the sum of their denominators, never an average of percentages.
 */
export async function computeProgress(
  db: Executor,
  plan: PlanScope,
  targets: TargetDefinition[],
  root: number,
  year: number,
  today: string,
  childIds: number[],
): Promise<Progress> {
  const manual = await manualFigures(db, targets, [root, ...childIds]);
  const withManual = (target: TargetDefinition, unitId: number, computed: Figure): Figure => {
    const entered = manual.get(`${target.id}:${unitId}:${computed.period.startYear}`);
    if (!entered) return computed;
    const denominator = target.measure === 'count' ? null : entered.denominator;
    const elapsed = elapsedShare({ ...computed.period, kind: computed.period.kind }, today);
    const judged = judge({
      measure: target.measure,
      numerator: entered.numerator,
      denominator,
      threshold: target.threshold,
      elapsed,
    });
    return {
      ...computed,
      numerator: entered.numerator,
      denominator,
      ...judged,
      manual: { evidence: entered.evidence, enteredAt: entered.enteredAt },
    };
  };
  const unit: Figure[] = [];
  const perChild = new Map<number, Figure[]>(childIds.map((id) => [id, []]));
  for (const target of targets) {
    const period = periodFor(target.period, year, { start: plan.termStart, end: plan.termEnd });
    const day = referenceDay(period, today);
    const rows = day === null ? null : await buckets(db, plan, target, root, period, day);
    unit.push(withManual(target, root, figure(target, period, day, today, rows)));
    // "Organised by the issuer" is the issuing unit's own duty: the units below have no such figure.
    const issuerOnly = target.measure === 'count' && target.organiser === 'issuer';
    for (const [childId, figures] of perChild) {
      const childRows =
        rows === null ? null : rows === NOTHING || issuerOnly ? NOTHING : rows.filter((row) => row.bucket === childId);
      figures.push(withManual(target, childId, figure(target, period, day, today, childRows)));
    }
  }
  return { unit, children: [...perChild].map(([unitId, figures]) => ({ unitId, figures })) };
}

/**
 * Figures entered by hand (with evidence) for what the system cannot know. They replace the
 * computed figure of exactly that unit and period, and are always shown as entered by hand.
 */
async function manualFigures(db: Executor, targets: TargetDefinition[], unitIds: number[]) {
  const byKey = new Map<
    string,
    { numerator: number; denominator: number | null; evidence: string; enteredAt: string }
  >();
  if (targets.length === 0 || unitIds.length === 0) return byKey;
  const rows = await db
    .selectFrom('manual_figures')
    .select(['target_id', 'unit_id', 'period_start', 'numerator', 'denominator', 'evidence', 'entered_at'])
    .where(
      'target_id',
      'in',
      targets.map((t) => t.id),
    )
    .where('unit_id', 'in', unitIds)
    .execute();
  for (const row of rows) {
    byKey.set(`${row.target_id}:${row.unit_id}:${row.period_start}`, {
      numerator: Number(row.numerator),
      denominator: row.denominator === null ? null : Number(row.denominator),
      evidence: row.evidence,
      enteredAt: new Date(row.entered_at).toISOString(),
    });
  }
  return byKey;
}
