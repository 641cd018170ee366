import { describe, expect, it } from 'vitest';
import { elapsedShare, periodFor, referenceDay } from './periods.js';
import { judge } from './status.js';

const term = { start: 2023, end: 2028 };

describe('periods of a 2023–2028 plan', () => {
  it('places a year in its year, the term, and its 2- and 5-year cycles', () => {
    expect(periodFor('year', 2024, term)).toMatchObject({ start: '2024-01-01', end: '2025-01-01' });
    expect(periodFor('term', 2024, term)).toMatchObject({ start: '2023-01-01', end: '2029-01-01' });
    expect(periodFor('cycle2', 2024, term)).toMatchObject({ startYear: 2023, endYear: 2024 });
    expect(periodFor('cycle2', 2025, term)).toMatchObject({ startYear: 2025, endYear: 2026 });
    expect(periodFor('cycle5', 2026, term)).toMatchObject({ startYear: 2023, endYear: 2027 });
    expect(periodFor('cycle5', 2028, term)).toMatchObject({ startYear: 2028, endYear: 2028, end: '2029-01-01' });
  });

  it('counts on the last day of a closed period, on today in a running one, not at all before it', () => {
    const year2024 = periodFor('year', 2024, term);
    expect(referenceDay(year2024, '2026-11-26')).toBe('2024-12-31');
    expect(referenceDay(year2024, '2024-06-30')).toBe('2024-06-30');
    expect(referenceDay(year2024, '2023-12-31')).toBeNull();
    expect(elapsedShare(year2024, '2024-06-30')).toBeCloseTo(182 / 366, 5);
    expect(elapsedShare(year2024, '2025-01-01')).toBe(1);
  });
});

describe('judging a figure', () => {
  it('gives đạt / không đạt once the period is over', () => {
    expect(judge({ measure: 'coverage', numerator: 19, denominator: 20, threshold: 95, elapsed: 1 })).toEqual({
      value: 95,
      forecast: null,
      status: 'met',
    });
    expect(judge({ measure: 'coverage', numerator: 18, denominator: 20, threshold: 95, elapsed: 1 })).toMatchObject({
      value: 90,
      status: 'missed',
    });
  });

  it('forecasts a running period in a straight line', () => {
    // 2 trainings after a third of the term → 6 expected ≥ 5: on track.
    expect(judge({ measure: 'count', numerator: 2, denominator: null, threshold: 5, elapsed: 1 / 3 })).toEqual({
      value: 2,
      forecast: 6,
      status: 'on_track',
    });
    // 40 % covered at half-year → 80 % expected < 95 %: at risk.
    expect(judge({ measure: 'coverage', numerator: 4, denominator: 10, threshold: 95, elapsed: 0.5 })).toEqual({
      value: 40,
      forecast: 80,
      status: 'at_risk',
    });
    // Coverage never forecasts above 100 %.
    expect(judge({ measure: 'coverage', numerator: 9, denominator: 10, threshold: 100, elapsed: 0.5 }).forecast).toBe(
      100,
    );
  });

  it('has no value for an empty population instead of dividing by zero', () => {
    expect(judge({ measure: 'coverage', numerator: 0, denominator: 0, threshold: 95, elapsed: 1 })).toEqual({
      value: null,
      forecast: null,
      status: 'not_applicable',
    });
  });
});
