import type { CascadeStatus, PlanSectionKey } from '@lan-toa/contracts';
import type { TFunction } from 'i18next';
import { formatNumber, formatPercent } from '../../app/format';
import type { PlanTarget } from '../../app/types';

/** The sections of a plan, in the order the document prints them (mirrors the contracts). */
export const PLAN_SECTION_KEYS = [
  'purpose',
  'targets',
  'tasks',
  'organisation',
  'recipients',
] as const satisfies readonly PlanSectionKey[];

export const CASCADE_STATUSES = ['none', 'draft', 'issued'] as const satisfies readonly CascadeStatus[];

type TargetShape = Pick<PlanTarget, 'measure' | 'population' | 'categories' | 'organiser' | 'period' | 'threshold'>;

/** "từ 95% trở lên" / "100%" / "ít nhất 5 hoạt động" (see `capitalize` for a sentence start). */
export function thresholdText(t: TFunction, target: Pick<PlanTarget, 'measure' | 'threshold'>): string {
  if (target.measure === 'count') {
    return t('plans.threshold.count', { count: target.threshold, formatted: formatNumber(target.threshold) });
  }
  if (target.threshold >= 100) return t('plans.threshold.all');
  return t('plans.threshold.percent', { value: formatPercent(target.threshold) });
}

/** The measure in words: who is counted, for what, organised by whom. */
export function measureText(t: TFunction, target: TargetShape): string {
  const categories = target.categories
    .map((category) => {
      const label = t(`enums.activityCategory.${category}`);
      return label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
    })
    .join('; ');
  if (target.measure === 'coverage') {
    return t('plans.measureText.coverage', {
      population: t(`enums.population.${target.population ?? 'all_members'}`),
      categories,
    });
  }
  if (target.measure === 'count') {
    return t('plans.measureText.count', {
      categories,
      organiser: t(`enums.organiser.${target.organiser ?? 'subtree'}`),
    });
  }
  return t('plans.measureText.evaluation_share', {
    population: t(`enums.population.${target.population ?? 'units'}`),
  });
}

export function periodText(t: TFunction, period: PlanTarget['period']): string {
  return t(`enums.period.${period}`);
}

/** First letter upper case, for a phrase standing alone (a table cell). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
