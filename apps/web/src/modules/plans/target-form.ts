import {
  ACTIVITY_CATEGORIES,
  type ActivityCategory,
  PERIOD_KINDS,
  type PeriodKind,
  TARGET_MEASURES,
  type TargetMeasure,
  type TargetOrganiser,
  type TargetPopulation,
} from '@lan-toa/contracts';
import type { TFunction } from 'i18next';

export { ACTIVITY_CATEGORIES, PERIOD_KINDS, TARGET_MEASURES };

export interface TargetValues {
  code: string;
  title: string;
  measure: TargetMeasure;
  population: TargetPopulation | null;
  categories: ActivityCategory[];
  organiser: TargetOrganiser | null;
  period: PeriodKind;
  threshold: number;
}

export const POPULATIONS_OF: Record<TargetMeasure, TargetPopulation[]> = {
  coverage: ['all_members', 'key_officials'],
  evaluation_share: ['units', 'families'],
  count: [],
};

export function emptyTarget(): TargetValues {
  return {
    code: '',
    title: '',
    measure: 'coverage',
    population: 'all_members',
    categories: ['study'],
    organiser: null,
    period: 'year',
    threshold: 95,
  };
}

/** Moving to another measure keeps what still fits and fills the rest with the usual choice. */
export function withMeasure(values: TargetValues, measure: TargetMeasure): TargetValues {
  const populations = POPULATIONS_OF[measure];
  return {
    ...values,
    measure,
    population:
      populations.length === 0
        ? null
        : populations.includes(values.population as TargetPopulation)
          ? values.population
          : (populations[0] ?? null),
    categories: measure === 'evaluation_share' ? [] : values.categories.length > 0 ? values.categories : ['study'],
    organiser: measure === 'count' ? (values.organiser ?? 'subtree') : null,
    threshold:
      measure === 'count'
        ? Math.max(1, Math.round(values.threshold > 100 ? values.threshold : 1))
        : Math.min(100, values.threshold),
  };
}

const CODE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/u;

/**
 * The same combination rules as the contracts' `targetProblems` (which the server applies), in
 * the interface language, so an amendment is checked before it is sent.
 */
export function targetProblems(
  t: TFunction,
  values: TargetValues,
  floor: number | null,
): Partial<Record<keyof TargetValues, string>> {
  const problems: Partial<Record<keyof TargetValues, string>> = {};
  if (!CODE.test(values.code.trim())) problems.code = t('plans.targetForm.codeInvalid');
  if (values.title.trim().length < 3) problems.title = t('plans.targetForm.titleRequired');
  if (values.measure !== 'count' && !POPULATIONS_OF[values.measure].includes(values.population as TargetPopulation)) {
    problems.population = t('plans.targetForm.populationRequired');
  }
  if (values.measure !== 'evaluation_share' && values.categories.length === 0) {
    problems.categories = t('plans.targetForm.categoriesRequired');
  }
  if (values.measure === 'count' && values.organiser === null)
    problems.organiser = t('plans.targetForm.organiserRequired');
  if (values.measure === 'count' && (!Number.isInteger(values.threshold) || values.threshold < 1)) {
    problems.threshold = t('plans.targetForm.countThreshold');
  }
  if (values.measure !== 'count' && (values.threshold < 0 || values.threshold > 100)) {
    problems.threshold = t('plans.targetForm.percentThreshold');
  }
  if (floor !== null && values.threshold < floor) problems.threshold = t('plans.targetForm.belowFloor', { floor });
  return problems;
}
