import { ROLES, type Role } from '@lan-toa/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { AccountView, Me, Page, TemporaryPasswordResponse } from '../../app/types';
import type { AccountsSearch } from './accounts-search';

export const ACCOUNTS_PAGE_SIZE = 25;

export const accountsQuery = (search: AccountsSearch) =>
  queryOptions({
    queryKey: ['accounts', search.q ?? '', search.page ?? 1],
    queryFn: ({ signal }) =>
      api.get<Page<AccountView>>(
        '/api/accounts',
        { q: search.q, page: search.page ?? 1, pageSize: ACCOUNTS_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export interface CreateAccountValues {
  displayName: string;
  email: string | null;
  phone: string | null;
  memberId: number | null;
  role: Role;
  unitId: number | null;
}

export type AccountCommand =
  | { type: 'create'; body: CreateAccountValues }
  | { type: 'reset-password'; accountId: number }
  | { type: 'unlock'; accountId: number }
  | { type: 'update'; accountId: number; body: { disabled?: boolean; role?: Role; unitId?: number | null } };

type CommandResult = { kind: 'password'; value: TemporaryPasswordResponse } | { kind: 'account'; value: AccountView };

async function runCommand(command: AccountCommand): Promise<CommandResult> {
  switch (command.type) {
    case 'create':
      return { kind: 'password', value: await api.post<TemporaryPasswordResponse>('/api/accounts', command.body) };
    case 'reset-password':
      return {
        kind: 'password',
        value: await api.post<TemporaryPasswordResponse>(`/api/accounts/${command.accountId}/reset-password`),
      };
    case 'unlock':
      return { kind: 'account', value: await api.post<AccountView>(`/api/accounts/${command.accountId}/unlock`) };
    case 'update':
      return {
        kind: 'account',
        value: await api.patch<AccountView>(`/api/accounts/${command.accountId}`, command.body),
      };
  }
}

export function useAccountCommand() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: runCommand,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
}

export function isLocked(account: AccountView): boolean {
  return account.lockedUntil !== null && new Date(account.lockedUntil).getTime() > Date.now();
}

/** Roles the signed-in account may hand out: only a system admin grants system admin. */
export function grantableRoles(me: Me): Role[] {
  const isSystemAdmin = me.roles.some((grant) => grant.role === 'system_admin');
  return ROLES.filter((role) => isSystemAdmin || role !== 'system_admin');
}

/** Every role but system admin is held in one unit. */
export function roleNeedsUnit(role: Role): boolean {
  return role !== 'system_admin';
}
