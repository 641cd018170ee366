import type { Role } from '@lan-toa/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';

export interface Grant {
  role: Role;
  unitId: number | null;
  unitName: string | null;
  /** ltree path of the unit today; null for the system admin. */
  unitPath: string | null;
}

/** Who is asking. Built once per request from the session; every policy and query takes it. */
export interface Actor {
  accountId: number;
  displayName: string;
  memberId: number | null;
  grants: Grant[];
  ip: string | null;
}

/** What a grant lets one do over a unit's subtree, from least to most. */
export type Capability = 'view' | 'manageMembers' | 'manageUnits';

const CAPABILITIES: Record<Role, Capability[]> = {
  system_admin: ['view', 'manageMembers', 'manageUnits'],
  unit_admin: ['view', 'manageMembers', 'manageUnits'],
  unit_editor: ['view', 'manageMembers'],
  member: ['view'],
};

export function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((grant) => grant.role === 'system_admin');
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.grants.some((grant) => roles.includes(grant.role));
}

/**
 * The subtree roots where the actor has a capability. A member's grant covers only their own
 * unit, not the units below it; managers' grants cover the whole subtree.
 */
export function scopeOf(actor: Actor, capability: Capability): { all: boolean; subtrees: string[]; exact: string[] } {
  const scope = { all: false, subtrees: [] as string[], exact: [] as string[] };
  for (const grant of actor.grants) {
    if (!CAPABILITIES[grant.role].includes(capability)) continue;
    if (grant.role === 'system_admin') scope.all = true;
    else if (grant.unitPath && grant.role === 'member') scope.exact.push(grant.unitPath);
    else if (grant.unitPath) scope.subtrees.push(grant.unitPath);
  }
  return scope;
}

/** Does the actor have the capability over a unit at this path (today's tree)? */
export function covers(actor: Actor, capability: Capability, unitPath: string): boolean {
  const scope = scopeOf(actor, capability);
  if (scope.all) return true;
  if (scope.exact.includes(unitPath)) return true;
  return scope.subtrees.some((root) => unitPath === root || unitPath.startsWith(`${root}.`));
}

/**
 * The same rule as a SQL condition on an ltree column, so scoping happens in the query
 * (index-backed `<@`) and never by filtering rows in JavaScript.
 */
export function scopeCondition(actor: Actor, capability: Capability, pathColumn: string): Expression<SqlBool> {
  const scope = scopeOf(actor, capability);
  if (scope.all) return sql<SqlBool>`true`;
  const column = sql.ref(pathColumn);
  const parts = [];
  for (const root of scope.subtrees) parts.push(sql<SqlBool>`${column} <@ ${root}::ltree`);
  if (scope.exact.length > 0) parts.push(sql<SqlBool>`${column} = any(${scope.exact}::ltree[])`);
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** The actor of a system-admin account, for set-up work done outside a request (first start, seeds, benchmarks). */
export function systemAdminActor(account: { id: number; displayName: string }): Actor {
  return {
    accountId: account.id,
    displayName: account.displayName,
    memberId: null,
    grants: [{ role: 'system_admin', unitId: null, unitName: null, unitPath: null }],
    ip: null,
  };
}
