export const PLAN_TABS = ['document', 'targets', 'tasks', 'versions'] as const;
export type PlanTab = (typeof PLAN_TABS)[number];

export interface PlanSearch {
  tab?: PlanTab;
}

export function parsePlanSearch(search: Record<string, unknown>): PlanSearch {
  const tab =
    typeof search.tab === 'string' && (PLAN_TABS as readonly string[]).includes(search.tab) ? search.tab : undefined;
  return tab ? { tab: tab as PlanTab } : {};
}
