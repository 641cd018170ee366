export interface AccountsSearch {
  q?: string;
  page?: number;
}

export function parseAccountsSearch(search: Record<string, unknown>): AccountsSearch {
  const page = Number(search.page);
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
