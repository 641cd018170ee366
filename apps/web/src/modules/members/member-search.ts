import { MEMBER_STATUSES, type MemberStatus, UNION_ROLES, type UnionRole } from '@lan-toa/contracts';
import { textParam } from '../../app/search-params';
import { PAGE_SIZES } from '../../components/pagination-bar';

export const MEMBER_SORTS = ['name', '-name', 'unit', 'joined', '-joined'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export const UNIT_TABS = ['members', 'children', 'culture', 'history'] as const;
export type UnitTab = (typeof UNIT_TABS)[number];

/** The unit page's URL state: tab and member list filters (so links, back and export keep them). */
export interface UnitSearch {
  tab?: UnitTab;
  q?: string;
  unionRole?: UnionRole;
  status?: MemberStatus;
  keyOfficial?: 'true' | 'false';
  subtree?: 'true' | 'false';
  sort?: MemberSort;
  page?: number;
  pageSize?: number;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

export function parseUnitSearch(search: Record<string, unknown>): UnitSearch {
  const pageSize = positiveInt(search.pageSize);
  return {
    tab: oneOf(UNIT_TABS, search.tab),
    q: textParam(search.q, 100),
    unionRole: oneOf(UNION_ROLES, search.unionRole),
    status: oneOf(MEMBER_STATUSES, search.status),
    keyOfficial: oneOf(['true', 'false'] as const, String(search.keyOfficial ?? '')),
    subtree: oneOf(['true', 'false'] as const, String(search.subtree ?? '')),
    sort: oneOf(MEMBER_SORTS, search.sort),
    page: positiveInt(search.page),
    pageSize: pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : undefined,
  };
}

/** The query sent to GET /api/units/:id/members (and, without paging, to the export). */
export function memberListParams(search: UnitSearch, withPaging: boolean) {
  return {
    q: search.q?.trim() || undefined,
    unionRole: search.unionRole,
    status: search.status,
    keyOfficial: search.keyOfficial,
    subtree: search.subtree ?? 'true',
    sort: search.sort ?? 'name',
    ...(withPaging ? { page: search.page ?? 1, pageSize: search.pageSize ?? 25 } : {}),
  };
}
