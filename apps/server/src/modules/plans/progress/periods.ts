import type { PeriodKind } from '@lan-toa/contracts';

/** A period of a target: [start, end) as calendar dates, and the year its figures are filed under. */
export interface Period {
  kind: PeriodKind;
  /** First year of the period (the key hand-entered figures are stored under). */
  startYear: number;
  endYear: number;
  start: string;
  /** Exclusive. */
  end: string;
}

const jan1 = (year: number) => `${year}-01-01`;

/**
 * The period of a target that contains `year`, within the plan's term: each year; the whole
 * term; or the 2- and 5-year cycles counted from the term's first year (2023–2024, 2025–2026…;
 * 2023–2027, 2028), cut at the term's end.
 */
export function periodFor(kind: PeriodKind, year: number, term: { start: number; end: number }): Period {
  const inTerm = Math.min(Math.max(year, term.start), term.end);
  let startYear: number;
  let endYear: number;
  switch (kind) {
    case 'year':
      startYear = year;
      endYear = year;
      break;
    case 'term':
      startYear = term.start;
      endYear = term.end;
      break;
    case 'cycle2':
    case 'cycle5': {
      const length = kind === 'cycle2' ? 2 : 5;
      startYear = term.start + Math.floor((inTerm - term.start) / length) * length;
      endYear = Math.min(startYear + length - 1, term.end);
      break;
    }
  }
  return { kind, startYear, endYear, start: jan1(startYear), end: jan1(endYear + 1) };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function addDays(date: string, days: number): string {
  return new Date(toTime(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day whose tree and members a figure counts: the period's last day, or today while the
 * period runs. Before the period starts there is nothing to count yet (null).
 */
export function referenceDay(period: Period, today: string): string | null {
  if (today < period.start) return null;
  const last = addDays(period.end, -1);
  return today < last ? today : last;
}

/** Share of the period that has passed by `today` (0 before it, 1 once it is over). */
export function elapsedShare(period: Period, today: string): number {
  const total = toTime(period.end) - toTime(period.start);
  const done = toTime(addDays(today, 1)) - toTime(period.start);
  return Math.min(1, Math.max(0, done / total));
}
