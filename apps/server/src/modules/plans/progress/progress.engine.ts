import type { PeriodKind, TargetMeasure, TargetStatus } from '@lan-toa/contracts';
import type { Executor } from '../../../db/database.js';
import { elapsedShare, type Period, periodFor, referenceDay } from './periods.js';
import {
  type BucketFigure,
  countByBucket,
  type EvaluationFigure,
  evaluationByBucket,
  ownCounts,
} from './progress.sql.js';
import { type CoverageFigure, coverageFromRecords, coverageFromSummary, summaryYear } from './progress-coverage.sql.js';
import { type Judgement, judge } from './status.js';

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
  title: string;
  measure: TargetMeasure;
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

interface Reading {
  target: TargetDefinition;
  period: Period;
  /** The day whose tree and members are counted; null before the period starts. */
  day: string | null;
}

/**
 * The figures of every target of one computation, per bucket, from as few queries as the targets
 * allow, all started at once so they run side by side on the pool's connections: 2.1a and 2.1b
 * read the same people (one coverage query gives both populations); evaluation targets read on
 * the same day share one query whatever their period's start; counts organised by the issuer are
 * one scan of its own activities. Coverage of one category over one calendar year comes from the
 * maintained steps when that year is kept (migration 0006), anything else from the records.
 */
function bucketsOf(
  db: Executor,
  plan: PlanScope,
  root: number,
  readings: Reading[],
): Promise<(BucketFigure[] | null)[]> {
  const coverage = new Map<string, Promise<CoverageFigure[]>>();
  const counts = new Map<string, Promise<BucketFigure[]>>();
  const evaluationStarts = new Map<string, Set<number>>();
  const evaluations = new Map<string, Promise<EvaluationFigure[]>>();
  const own: { from: string; to: string; categories: string[] }[] = [];
  const isOwn = (target: TargetDefinition) => target.measure === 'count' && target.organiser === 'issuer';

  for (const { target, period, day } of readings) {
    if (day === null) continue;
    if (target.measure === 'evaluation_share') {
      const key = `${day} ${day.slice(0, 4)}`;
      evaluationStarts.set(key, (evaluationStarts.get(key) ?? new Set<number>()).add(period.startYear));
    }
    // "Organised by the issuer" is the issuing unit's own duty: figures exist only for it.
    if (isOwn(target) && root === (target.issuerUnitId ?? plan.unitId))
      own.push({ from: period.start, to: period.end, categories: target.categories });
  }
  const ownRun = ownCounts(db, root, own);
  let ownIndex = 0;

  const rowsOf = async ({ target, period, day }: Reading): Promise<BucketFigure[] | null> => {
    if (day === null) return null;
    switch (target.measure) {
      case 'coverage': {
        const input = { root, day, from: period.start, to: period.end, categories: target.categories };
        const key = JSON.stringify(input);
        let rows = coverage.get(key);
        if (!rows) {
          const year = summaryYear(input);
          rows = (year === null ? Promise.resolve(null) : coverageFromSummary(db, input, year)).then(
            (kept) => kept ?? coverageFromRecords(db, input),
          );
          coverage.set(key, rows);
        }
        const keyOfficialsOnly = target.population === 'key_officials';
        return (await rows)
          .map((row) => ({
            bucket: row.bucket,
            numerator: keyOfficialsOnly ? row.keyNumerator : row.numerator,
            denominator: keyOfficialsOnly ? row.keyDenominator : row.denominator,
          }))
          .filter((row) => row.denominator > 0);
      }
      case 'count': {
        if (isOwn(target)) {
          if (root !== (target.issuerUnitId ?? plan.unitId)) return NOTHING;
          const index = ownIndex++;
          const numbers = await ownRun;
          return [{ bucket: root, numerator: numbers[index] ?? 0, denominator: 0 }];
        }
        const input = { root, day, from: period.start, to: period.end, categories: target.categories };
        const key = JSON.stringify(input);
        let rows = counts.get(key);
        if (!rows) {
          rows = countByBucket(db, input);
          counts.set(key, rows);
        }
        return rows;
      }
      case 'evaluation_share': {
        // Results are yearly; each unit is judged by its latest confirmed result in the period so far.
        const toYear = Number(day.slice(0, 4));
        const key = `${day} ${toYear}`;
        let rows = evaluations.get(key);
        if (!rows) {
          rows = evaluationByBucket(db, { root, day, toYear, fromYears: [...(evaluationStarts.get(key) ?? [])] });
          evaluations.set(key, rows);
        }
        const families = target.population === 'families';
        return (await rows)
          .filter((row) => row.fromYear === period.startYear)
          .map((row) => ({
            bucket: row.bucket,
            numerator: families ? row.familiesRecognised : row.unitsMet,
            denominator: families ? row.families : row.units,
          }));
      }
    }
  };
  // Every query is started before any is awaited; the own counts are awaited even if no target reads them.
  return Promise.all([ownRun, ...readings.map(rowsOf)]).then(([, ...rows]) => rows);
}

/** The fields every figure of one target and period shares, made once per computation. */
function figureBase(target: TargetDefinition, period: Period, day: string | null) {
  return {
    targetId: target.id,
    code: target.code,
    title: target.title,
    measure: target.measure,
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
}

/**
 * A figure from its summed numerator and denominator; null sums: nothing to count (not
 * applicable). Written out field by field: a dashboard makes hundreds of these per call, and
 * object spreads made this the engine's costliest line.
 */
function figure(
  target: TargetDefinition,
  base: ReturnType<typeof figureBase>,
  elapsed: number,
  sums: { numerator: number; denominator: number } | null,
): Figure {
  let numerator = 0;
  let denominator: number | null = null;
  let judged: Judgement = { value: null, forecast: null, status: 'not_applicable' };
  if (sums !== null) {
    numerator = sums.numerator;
    denominator = target.measure === 'count' ? null : sums.denominator;
    judged = judge({ measure: target.measure, numerator, denominator, threshold: target.threshold, elapsed });
  }
  return {
    targetId: base.targetId,
    code: base.code,
    title: base.title,
    measure: base.measure,
    numerator,
    denominator,
    value: judged.value,
    threshold: base.threshold,
    status: judged.status,
    forecast: judged.forecast,
    period: base.period,
    referenceDay: base.referenceDay,
    manual: null,
  };
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
  const readings = targets.map((target) => {
    const period = periodFor(target.period, year, { start: plan.termStart, end: plan.termEnd });
    return { target, period, day: referenceDay(period, today) };
  });
  const [manual, results] = await Promise.all([
    manualFigures(db, targets, [root, ...childIds]),
    bucketsOf(db, plan, root, readings),
  ]);
  const withManual = (target: TargetDefinition, unitId: number, computed: Figure, elapsed: number): Figure => {
    const entered = manual.size > 0 && manual.get(`${target.id}:${unitId}:${computed.period.startYear}`);
    if (!entered) return computed;
    const denominator = target.measure === 'count' ? null : entered.denominator;
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
  const ZERO = { numerator: 0, denominator: 0 };
  for (const [i, { target, period, day }] of readings.entries()) {
    const rows = results[i] ?? null;
    const base = figureBase(target, period, day);
    // The same share of the period has passed for the unit and every child: computed once.
    const elapsed = elapsedShare(period, today);
    // "Organised by the issuer" is the issuing unit's own duty: the units below have no such figure.
    const nothing = rows === null || (target.measure === 'count' && rows === NOTHING);
    const issuerOnly = target.measure === 'count' && target.organiser === 'issuer';
    const total = { numerator: 0, denominator: 0 };
    const byBucket = new Map<number, { numerator: number; denominator: number }>();
    for (const row of rows ?? []) {
      total.numerator += row.numerator;
      total.denominator += row.denominator;
      const sums = byBucket.get(row.bucket);
      if (sums) {
        sums.numerator += row.numerator;
        sums.denominator += row.denominator;
      } else byBucket.set(row.bucket, { numerator: row.numerator, denominator: row.denominator });
    }
    unit.push(withManual(target, root, figure(target, base, elapsed, nothing ? null : total), elapsed));
    for (const [childId, figures] of perChild) {
      const sums = rows === null || rows === NOTHING || issuerOnly ? null : (byBucket.get(childId) ?? ZERO);
      figures.push(withManual(target, childId, figure(target, base, elapsed, sums), elapsed));
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
