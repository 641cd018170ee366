import { queryOptions, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from './api';
import type { Me } from './types';

async function fetchMe(): Promise<Me> {
  const me = await api.request<Me>('GET', '/api/me', { skipAuthRedirect: true });
  setCsrfToken(me.csrfToken);
  return me;
}

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: fetchMe,
  staleTime: 5 * 60_000,
});

/** The signed-in account; only used below the authenticated layout, which loads it first. */
export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}

export function useSetMe(): (me: Me) => void {
  const client = useQueryClient();
  return (me) => {
    setCsrfToken(me.csrfToken);
    client.setQueryData(meQuery.queryKey, me);
  };
}

/** Where an account lands after signing in: its first home unit, else its own member page. */
export function homePath(
  me: Me,
): { to: '/units/$unitId'; unitId: string } | { to: '/members/$memberId'; memberId: string } | null {
  const unitId = me.homeUnitIds[0];
  if (unitId !== undefined) return { to: '/units/$unitId', unitId: String(unitId) };
  if (me.account.memberId !== null) return { to: '/members/$memberId', memberId: String(me.account.memberId) };
  return null;
}

/**
 * Whether a unit lies in the signed-in account's part of the tree: it, or one of its ancestors,
 * is a home unit. Units above that part "do not exist" for the account (the server answers 404).
 */
export function inHomeScope(me: Me, unitId: number, ancestorIds: readonly number[]): boolean {
  return me.homeUnitIds.includes(unitId) || ancestorIds.some((id) => me.homeUnitIds.includes(id));
}
