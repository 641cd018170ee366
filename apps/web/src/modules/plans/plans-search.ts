import { textParam } from '../../app/search-params';

export interface PlansSearch {
  q?: string;
  status?: 'draft' | 'issued';
  page?: number;
}

export function parsePlansSearch(search: Record<string, unknown>): PlansSearch {
  const page = Number(search.page);
  return {
    q: textParam(search.q, 100),
    status: search.status === 'draft' || search.status === 'issued' ? search.status : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
