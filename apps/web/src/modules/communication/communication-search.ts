export interface CommunicationSearch {
  unitId?: number;
  year?: number;
}

export function parseCommunicationSearch(search: Record<string, unknown>): CommunicationSearch {
  const unitId = Number(search.unitId);
  const year = Number(search.year);
  return {
    unitId: Number.isInteger(unitId) && unitId > 0 ? unitId : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
  };
}
