import { textParam } from '../../app/search-params';

export interface AccountsSearch {
  q?: string;
  page?: number;
}

export function parseAccountsSearch(search: Record<string, unknown>): AccountsSearch {
  const page = Number(search.page);
  return {
    q: textParam(search.q, 100),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
