export interface CalendarSearch {
  unitId?: number;
  /** "YYYY-MM" */
  month?: string;
  view?: 'month' | 'list';
}

export function parseCalendarSearch(search: Record<string, unknown>): CalendarSearch {
  const unitId = Number(search.unitId);
  const month =
    typeof search.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/u.test(search.month) ? search.month : undefined;
  return {
    unitId: Number.isInteger(unitId) && unitId > 0 ? unitId : undefined,
    month,
    view: search.view === 'month' || search.view === 'list' ? search.view : undefined,
  };
}
