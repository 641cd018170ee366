import type { Gender, MemberStatus, Position, UnionRole } from '@lan-toa/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../app/api';
import type { MemberHistory, MemberPage, MemberView } from '../../app/types';
import { memberListParams, type UnitSearch } from './member-search';

export const memberKeys = {
  all: ['members'] as const,
  list: (unitId: number, search: UnitSearch) => ['members', 'list', unitId, memberListParams(search, true)] as const,
  detail: (id: number) => ['members', 'detail', id] as const,
  history: (id: number) => ['members', 'history', id] as const,
};

export const memberListQuery = (unitId: number, search: UnitSearch) =>
  queryOptions({
    queryKey: memberKeys.list(unitId, search),
    queryFn: ({ signal }) =>
      api.get<MemberPage>(`/api/units/${unitId}/members`, memberListParams(search, true), signal),
    placeholderData: keepPreviousData,
  });

export function memberExportUrl(unitId: number, search: UnitSearch): string {
  return buildUrl(`/api/units/${unitId}/members/export`, memberListParams(search, false));
}

export const memberQuery = (id: number) =>
  queryOptions({
    queryKey: memberKeys.detail(id),
    queryFn: ({ signal }) => api.get<MemberView>(`/api/members/${id}`, undefined, signal),
  });

export const memberHistoryQuery = (id: number) =>
  queryOptions({
    queryKey: memberKeys.history(id),
    queryFn: ({ signal }) => api.get<MemberHistory>(`/api/members/${id}/history`, undefined, signal),
  });

export interface MemberFormValues {
  fullName: string;
  gender: Gender;
  birthDate: string | null;
  position: Position;
  unionRole: UnionRole;
  isKeyOfficial: boolean;
  unionJoinedOn: string | null;
  phone: string | null;
  email: string | null;
}

export type MemberCommand =
  | { type: 'create'; body: MemberFormValues & { unitId: number; joinedUnitOn: string } }
  | { type: 'update'; memberId: number; body: Partial<MemberFormValues> }
  | { type: 'transfer'; memberId: number; body: { toUnitId: number; effectiveDate: string } }
  | { type: 'status'; memberId: number; body: { status: MemberStatus; effectiveDate: string; note?: string } };

function runCommand(command: MemberCommand): Promise<MemberView> {
  switch (command.type) {
    case 'create':
      return api.post<MemberView>('/api/members', command.body);
    case 'update':
      return api.patch<MemberView>(`/api/members/${command.memberId}`, command.body);
    case 'transfer':
      return api.post<MemberView>(`/api/members/${command.memberId}/transfer`, command.body);
    case 'status':
      return api.post<MemberView>(`/api/members/${command.memberId}/status`, command.body);
  }
}

/** Any change to a member: member lists, unit counts and the tree are stale afterwards. */
export function useMemberCommand() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: runCommand,
    onSuccess: async (member) => {
      client.setQueryData(memberKeys.detail(member.id), member);
      await Promise.all([
        client.invalidateQueries({ queryKey: memberKeys.all }),
        client.invalidateQueries({ queryKey: ['units'] }),
      ]);
    },
  });
}
