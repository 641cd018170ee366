import { CASCADE_STATUSES } from './plan-labels';

type CascadeStatus = (typeof CASCADE_STATUSES)[number];
export const CASCADE_SORTS = ['status', '-status', 'unit', '-unit', 'issued', '-issued'] as const;

export interface CascadeSearch {
  status?: CascadeStatus;
  sort?: (typeof CASCADE_SORTS)[number];
}

export function parseCascadeSearch(search: Record<string, unknown>): CascadeSearch {
  return {
    status: (CASCADE_STATUSES as readonly unknown[]).includes(search.status)
      ? (search.status as CascadeStatus)
      : undefined,
    sort: (CASCADE_SORTS as readonly unknown[]).includes(search.sort)
      ? (search.sort as CascadeSearch['sort'])
      : undefined,
  };
}
