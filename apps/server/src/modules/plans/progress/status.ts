import type { TargetMeasure, TargetStatus } from '@lan-toa/contracts';

export interface Judgement {
  value: number | null;
  forecast: number | null;
  status: TargetStatus | 'not_applicable';
}

/**
 * Value, forecast and status of one figure. Percentages for coverage and evaluation shares,
 * a plain number for counts. A running period is judged by a straight-line forecast: a count
 * or a coverage that keeps its pace until the period ends. Evaluations arrive once a year, so
 * they have no forecast and stay "đang thực hiện" until the period is over.
 */
export function judge(input: {
  measure: TargetMeasure;
  numerator: number;
  denominator: number | null;
  threshold: number;
  elapsed: number;
}): Judgement {
  const { measure, numerator, denominator, threshold, elapsed } = input;
  const isCount = measure === 'count';
  if (!isCount && !denominator) return { value: null, forecast: null, status: 'not_applicable' };
  const value = isCount ? numerator : round1((100 * numerator) / (denominator as number));
  if (elapsed >= 1) return { value, forecast: null, status: value >= threshold ? 'met' : 'missed' };
  if (value >= threshold) return { value, forecast: value, status: 'met' };
  if (elapsed <= 0) return { value, forecast: null, status: 'on_track' };
  if (measure === 'evaluation_share') return { value, forecast: null, status: 'on_track' };
  const projected = value / elapsed;
  const forecast = round1(isCount ? projected : Math.min(100, projected));
  return { value, forecast, status: forecast >= threshold ? 'on_track' : 'at_risk' };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
