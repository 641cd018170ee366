/** The dashboard's URL state: which plan, unit and year (so a drill-down is a link, and Back works). */
export interface DashboardSearch {
  planId?: number;
  unitId?: number;
  year?: number;
}

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

export function parseDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  const year = positiveInt(search.year);
  return {
    planId: positiveInt(search.planId),
    unitId: positiveInt(search.unitId),
    year: year !== undefined && year >= 2000 && year <= 2100 ? year : undefined,
  };
}
