import type { MeResponse } from '@lan-toa/contracts';
import type { Executor } from '../../db/database.js';
import { type Actor, hasRole, isSystemAdmin, scopeOf } from '../../platform/access.js';

/** The abilities the web app shows or hides; the server still checks every request itself. */
export async function presentMe(db: Executor, actor: Actor, csrfToken: string): Promise<MeResponse> {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'email', 'phone', 'member_id', 'must_change_password'])
    .where('id', '=', actor.accountId)
    .executeTakeFirstOrThrow();
  let homeUnitIds = actor.grants.map((grant) => grant.unitId).filter((id): id is number => id !== null);
  if (isSystemAdmin(actor)) {
    const roots = await db
      .selectFrom('units')
      .select('id')
      .where('parent_id', 'is', null)
      .where('valid_to', 'is', null)
      .orderBy('id')
      .execute();
    homeUnitIds = roots.map((row) => row.id);
  }
  const manageMembers = scopeOf(actor, 'manageMembers');
  const manageUnits = scopeOf(actor, 'manageUnits');
  const admin = isSystemAdmin(actor) || hasRole(actor, 'unit_admin');
  return {
    account: {
      id: account.id,
      displayName: account.display_name,
      email: account.email,
      phone: account.phone,
      memberId: account.member_id,
      mustChangePassword: account.must_change_password,
    },
    roles: actor.grants.map(({ role, unitId, unitName }) => ({ role, unitId, unitName })),
    homeUnitIds: [...new Set(homeUnitIds)],
    abilities: {
      manageUnits: manageUnits.all || manageUnits.subtrees.length > 0,
      manageMembers: manageMembers.all || manageMembers.subtrees.length > 0,
      manageAccounts: admin,
      viewAudit: admin,
      importMembers: manageMembers.all || manageMembers.subtrees.length > 0,
    },
    csrfToken,
  };
}
