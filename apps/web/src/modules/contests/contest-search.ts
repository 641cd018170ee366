export function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

export interface ContestsSearch {
  page?: number;
}

export function parseContestsSearch(search: Record<string, unknown>): ContestsSearch {
  return { page: positiveInt(search.page) };
}

export const CONTEST_TABS = ['overview', 'setup', 'rounds', 'questions', 'results'] as const;
export type ContestTab = (typeof CONTEST_TABS)[number];

export interface ContestSearch {
  tab?: ContestTab;
}

export function parseContestSearch(search: Record<string, unknown>): ContestSearch {
  return {
    tab: (CONTEST_TABS as readonly unknown[]).includes(search.tab) ? (search.tab as ContestTab) : undefined,
  };
}

/**
 * The result page carries the contest it came from (for its title and the way back). The player
 * reads its contest from the attempt; `?contestId=` of older player links only serves the way
 * back when an attempt cannot start.
 */
export interface FromContestSearch {
  contestId?: number;
}

export function parseFromContestSearch(search: Record<string, unknown>): FromContestSearch {
  return { contestId: positiveInt(search.contestId) };
}
