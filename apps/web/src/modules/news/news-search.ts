import type { ArticleStatus } from '@lan-toa/contracts';

/** The statuses in the order of the list's tabs (the contracts' values; zod stays out of the browser). */
export const ARTICLE_STATUSES: readonly ArticleStatus[] = [
  'draft',
  'submitted',
  'approved',
  'published',
  'rejected',
  'archived',
];

export interface NewsSearch {
  status?: ArticleStatus;
  category?: string;
  q?: string;
  page?: number;
}

export function parseNewsSearch(search: Record<string, unknown>): NewsSearch {
  const page = Number(search.page);
  return {
    status: (ARTICLE_STATUSES as readonly unknown[]).includes(search.status)
      ? (search.status as ArticleStatus)
      : undefined,
    category:
      typeof search.category === 'string' && /^[a-z0-9-]{1,60}$/u.test(search.category) ? search.category : undefined,
    q: typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 100) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
