import type {
  Gender,
  MemberStatus,
  MemberView,
  Position,
  UnionRole,
  UnitDetail,
  UnitSummary,
} from '@lan-toa/contracts';
import type { Actor } from '../../platform/access.js';
import type { MemberRecord } from './members.repository.js';
import { canEditUnit, canManageMembersOf, canSeeContacts } from './org.policy.js';
import type { UnitRecord } from './units.repository.js';

/** Contact and personal fields are removed here, not in the browser, when the viewer may not see them. */
export function presentMember(actor: Actor, member: MemberRecord): MemberView {
  const contacts = canSeeContacts(actor, member);
  return {
    id: member.id,
    fullName: member.fullName,
    gender: member.gender as Gender,
    position: member.position as Position,
    unionRole: member.unionRole as UnionRole,
    isKeyOfficial: member.isKeyOfficial,
    status: member.status as MemberStatus,
    unitId: member.unitId,
    unitName: member.unitName,
    joinedUnitOn: member.joinedUnitOn,
    birthDate: contacts ? member.birthDate : null,
    unionJoinedOn: contacts ? member.unionJoinedOn : null,
    phone: contacts ? member.phone : null,
    email: contacts ? member.email : null,
  };
}

export function presentUnitDetail(
  actor: Actor,
  unit: UnitRecord,
  at: UnitSummary,
  ancestors: { id: number; name: string }[],
  children: UnitSummary[],
): UnitDetail {
  return {
    ...at,
    ancestors,
    children,
    abilities: {
      edit: canEditUnit(actor, unit) && unit.validTo === null,
      manageMembers: canManageMembersOf(actor, unit) && unit.validTo === null,
      viewContacts: canManageMembersOf(actor, unit),
    },
  };
}
