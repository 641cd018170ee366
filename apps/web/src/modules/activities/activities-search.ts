import { ACTIVITY_CATEGORIES, type ActivityCategory } from '@lan-toa/contracts';
import { isIsoDate } from '../../app/format';
import { textParam } from '../../app/search-params';

export interface ActivitiesSearch {
  unitId?: number;
  from?: string;
  to?: string;
  category?: ActivityCategory;
  q?: string;
  page?: number;
}

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

export function parseActivitiesSearch(search: Record<string, unknown>): ActivitiesSearch {
  return {
    unitId: positiveInt(search.unitId),
    from: isIsoDate(search.from) ? search.from : undefined,
    to: isIsoDate(search.to) ? search.to : undefined,
    category: (ACTIVITY_CATEGORIES as readonly unknown[]).includes(search.category)
      ? (search.category as ActivityCategory)
      : undefined,
    q: textParam(search.q, 100),
    page: positiveInt(search.page),
  };
}
