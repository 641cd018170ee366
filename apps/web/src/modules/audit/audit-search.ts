import { isIsoDate } from '../../app/format';

export interface AuditSearch {
  action?: string;
  from?: string;
  to?: string;
  page?: number;
}

export function parseAuditSearch(search: Record<string, unknown>): AuditSearch {
  const page = Number(search.page);
  return {
    action: typeof search.action === 'string' && search.action ? search.action.slice(0, 60) : undefined,
    from: isIsoDate(search.from) ? search.from : undefined,
    to: isIsoDate(search.to) ? search.to : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
