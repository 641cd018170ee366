import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Me, UnitDetail, UnitHistoryEntry, UnitKind, UnitTreeNode } from '../../app/types';

export const unitKeys = {
  all: ['units'] as const,
  tree: (at: string | undefined) => ['units', 'tree', at ?? 'today'] as const,
  detail: (id: number) => ['units', 'detail', id] as const,
  history: (id: number) => ['units', 'history', id] as const,
  kinds: ['unit-kinds'] as const,
};

export const unitTreeQuery = (at?: string) =>
  queryOptions({
    queryKey: unitKeys.tree(at),
    queryFn: ({ signal }) => api.get<UnitTreeNode[]>('/api/units/tree', { at }, signal),
  });

export const unitQuery = (id: number) =>
  queryOptions({
    queryKey: unitKeys.detail(id),
    queryFn: ({ signal }) => api.get<UnitDetail>(`/api/units/${id}`, undefined, signal),
  });

export const unitHistoryQuery = (id: number) =>
  queryOptions({
    queryKey: unitKeys.history(id),
    queryFn: ({ signal }) => api.get<UnitHistoryEntry[]>(`/api/units/${id}/history`, undefined, signal),
  });

export const unitKindsQuery = queryOptions({
  queryKey: unitKeys.kinds,
  queryFn: ({ signal }) => api.get<UnitKind[]>('/api/unit-kinds', undefined, signal),
  staleTime: 10 * 60_000,
});

export type UnitCommand =
  | { type: 'create'; body: { name: string; kindId: number; parentId: number; validFrom: string } }
  | { type: 'rename'; unitId: number; body: { name: string; effectiveDate: string } }
  | { type: 'move'; unitId: number; body: { parentId: number; effectiveDate: string } }
  | { type: 'merge'; unitId: number; body: { intoUnitId: number; effectiveDate: string } }
  | { type: 'dissolve'; unitId: number; body: { effectiveDate: string } };

function runCommand(command: UnitCommand): Promise<UnitDetail> {
  if (command.type === 'create') return api.post<UnitDetail>('/api/units', command.body);
  return api.post<UnitDetail>(`/api/units/${command.unitId}/${command.type}`, command.body);
}

/** Every change to the tree: afterwards all unit and member reads are stale. */
export function useUnitCommand() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: runCommand,
    onSuccess: async (unit) => {
      client.setQueryData(unitKeys.detail(unit.id), unit);
      await Promise.all([
        client.invalidateQueries({ queryKey: unitKeys.all }),
        client.invalidateQueries({ queryKey: ['members'] }),
      ]);
    },
  });
}

/** Flattens the tree depth-first, keeping each unit's depth for indentation. */
export interface FlatUnit {
  unit: UnitTreeNode;
  depth: number;
  path: number[];
}

export function flattenTree(nodes: UnitTreeNode[], depth = 0, path: number[] = []): FlatUnit[] {
  const result: FlatUnit[] = [];
  for (const node of nodes) {
    const nodePath = [...path, node.id];
    result.push({ unit: node, depth, path: nodePath });
    result.push(...flattenTree(node.children, depth + 1, nodePath));
  }
  return result;
}

/**
 * Adding a unit below this one needs unit management over it, so a unit's own admin may do it
 * even though only the level above may rename, move, merge or dissolve the unit itself
 * (`abilities.edit`). The server has no ability flag for this; it is read from the grants.
 */
export function canAddChildUnit(me: Me, unit: UnitDetail): boolean {
  if (unit.validTo !== null) return false;
  if (unit.abilities.edit) return true;
  const path = [...unit.ancestors.map((ancestor) => ancestor.id), unit.id];
  return me.roles.some(
    (grant) =>
      grant.role === 'system_admin' ||
      (grant.role === 'unit_admin' && grant.unitId !== null && path.includes(grant.unitId)),
  );
}
