import {
  KEY_UNION_ROLES,
  type MemberInput,
  normalizePhone,
  normalizeSpaces,
  splitVietnameseName,
  type UnionRole,
} from '@lan-toa/contracts';
import type { Db, Executor, Tx } from '../../db/database.js';
import type { NewMember } from '../../db/schema.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { todayInVietnam, viDate } from '../../platform/dates.js';
import { AppError, fieldError, uniqueViolation } from '../../platform/errors.js';
import { findMember, memberSearchText } from './members.repository.js';
import { assertCanManageMembersOf, assertCanViewUnit } from './org.policy.js';
import { lockTreeShared } from './unit-versions.js';
import { findUnit } from './units.repository.js';

/** Member changes: each one transaction with its membership/status history and audit event. */

export const DUPLICATE_FIELDS = {
  phone: 'Số điện thoại này đã có trong hệ thống.',
  email: 'E-mail này đã có trong hệ thống.',
};

export interface NewMemberData extends MemberInput {
  unitId: number;
  joinedUnitOn: string;
}

/** Database columns for a member, derived consistently from the input (name parts, search text, key official). */
export function memberColumns(input: MemberInput): Omit<NewMember, 'created_at' | 'updated_at' | 'status'> {
  const fullName = normalizeSpaces(input.fullName);
  const parts = splitVietnameseName(fullName);
  const phone = input.phone ? normalizePhone(input.phone) : null;
  const email = input.email ? input.email.trim().toLowerCase() : null;
  return {
    full_name: fullName,
    family_name: parts.family,
    middle_name: parts.middle,
    given_name: parts.given,
    ...memberSearchText({ fullName, phone, email }),
    gender: input.gender,
    birth_date: input.birthDate ?? null,
    position: input.position,
    union_role: input.unionRole,
    is_key_official: input.isKeyOfficial ?? KEY_UNION_ROLES.includes(input.unionRole as UnionRole),
    union_joined_on: input.unionJoinedOn ?? null,
    phone,
    email,
  };
}

/** Inserts members with their first membership and status in one round trip each (used by create, import, seed). */
export async function insertMembers(tx: Executor, rows: NewMemberData[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids: number[] = [];
  const CHUNK = 2000;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const inserted = await tx.insertInto('members').values(chunk.map(memberColumns)).returning('id').execute();
    const chunkIds = inserted.map((row) => row.id);
    await tx
      .insertInto('memberships')
      .values(
        chunk.map((row, i) => ({
          member_id: chunkIds[i] as number,
          unit_id: row.unitId,
          valid_from: row.joinedUnitOn,
          valid_to: null,
          end_reason: null,
        })),
      )
      .execute();
    await tx
      .insertInto('member_statuses')
      .values(
        chunk.map((row, i) => ({
          member_id: chunkIds[i] as number,
          status: 'active',
          valid_from: row.joinedUnitOn,
          note: null,
        })),
      )
      .execute();
    ids.push(...chunkIds);
  }
  return ids;
}

function assertNotFuture(date: string): void {
  if (date > todayInVietnam()) throw fieldError('effectiveDate', 'Ngày hiệu lực không được ở tương lai.');
}

export async function createMember(db: Db, actor: Actor, input: NewMemberData): Promise<number> {
  try {
    return await db.transaction().execute(async (tx) => {
      await lockTreeShared(tx);
      const unit = await findUnit(tx, input.unitId);
      assertCanManageMembersOf(actor, unit);
      if (unit.validTo !== null) throw fieldError('unitId', 'Đơn vị đã giải thể hoặc sáp nhập.');
      if (input.joinedUnitOn < unit.validFrom)
        throw fieldError(
          'joinedUnitOn',
          `Ngày vào đơn vị không được trước ngày thành lập đơn vị (${viDate(unit.validFrom)}).`,
        );
      const [id] = await insertMembers(tx, [input]);
      await recordAudit(tx, actor, {
        action: 'member.created',
        entityType: 'member',
        entityId: id ?? null,
        unitId: unit.id,
        after: input,
      });
      return id as number;
    });
  } catch (error) {
    throw uniqueViolation(error, DUPLICATE_FIELDS) ?? error;
  }
}

export async function updateMember(db: Db, actor: Actor, memberId: number, patch: Partial<MemberInput>): Promise<void> {
  try {
    await db.transaction().execute(async (tx) => {
      const before = await findMember(tx, memberId);
      assertCanManageMembersOf(actor, { path: before.unitPath });
      const merged: MemberInput = {
        fullName: patch.fullName ?? before.fullName,
        gender: (patch.gender ?? before.gender) as MemberInput['gender'],
        birthDate: patch.birthDate === undefined ? before.birthDate : patch.birthDate,
        position: (patch.position ?? before.position) as MemberInput['position'],
        unionRole: (patch.unionRole ?? before.unionRole) as MemberInput['unionRole'],
        // A new union role brings its default key-official flag unless the flag is set explicitly.
        isKeyOfficial: patch.isKeyOfficial ?? (patch.unionRole ? undefined : before.isKeyOfficial),
        unionJoinedOn: patch.unionJoinedOn === undefined ? before.unionJoinedOn : patch.unionJoinedOn,
        phone: patch.phone === undefined ? before.phone : patch.phone,
        email: patch.email === undefined ? before.email : patch.email,
      };
      await tx
        .updateTable('members')
        .set({ ...memberColumns(merged), updated_at: new Date() })
        .where('id', '=', memberId)
        .execute();
      await recordAudit(tx, actor, {
        action: 'member.updated',
        entityType: 'member',
        entityId: memberId,
        unitId: before.unitId,
        before,
        after: merged,
      });
    });
  } catch (error) {
    throw uniqueViolation(error, DUPLICATE_FIELDS) ?? error;
  }
}

/** Closes the open membership on `date` and opens one in the new unit; history keeps both. */
export async function moveMembership(
  tx: Tx,
  memberId: number,
  toUnitId: number,
  date: string,
  reason: 'transfer' | 'merge',
) {
  const open = await tx
    .selectFrom('memberships')
    .select(['id', 'valid_from', 'unit_id'])
    .where('member_id', '=', memberId)
    .where('valid_to', 'is', null)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (open.unit_id === toUnitId) throw fieldError('toUnitId', 'Đoàn viên đang sinh hoạt ở đơn vị này.');
  if (date < open.valid_from)
    throw new AppError('DATE_BEFORE_HISTORY', undefined, [
      { field: 'effectiveDate', message: `Ngày chuyển phải từ ${viDate(open.valid_from)} trở đi.` },
    ]);
  if (date === open.valid_from) {
    await tx.updateTable('memberships').set({ unit_id: toUnitId }).where('id', '=', open.id).execute();
    return;
  }
  await tx.updateTable('memberships').set({ valid_to: date, end_reason: reason }).where('id', '=', open.id).execute();
  await tx
    .insertInto('memberships')
    .values({ member_id: memberId, unit_id: toUnitId, valid_from: date, valid_to: null, end_reason: null })
    .execute();
}

export async function transferMember(
  db: Db,
  actor: Actor,
  memberId: number,
  input: { toUnitId: number; effectiveDate: string },
) {
  assertNotFuture(input.effectiveDate);
  await db.transaction().execute(async (tx) => {
    await lockTreeShared(tx);
    const member = await findMember(tx, memberId);
    assertCanManageMembersOf(actor, { path: member.unitPath });
    const target = await findUnit(tx, input.toUnitId);
    assertCanViewUnit(actor, target);
    assertCanManageMembersOf(actor, target);
    if (target.validTo !== null) throw fieldError('toUnitId', 'Đơn vị nhận đã giải thể hoặc sáp nhập.');
    if (input.effectiveDate < target.validFrom) {
      throw fieldError(
        'effectiveDate',
        `Đơn vị nhận thành lập ngày ${viDate(target.validFrom)}; ngày chuyển phải từ ngày đó.`,
      );
    }
    await moveMembership(tx, memberId, target.id, input.effectiveDate, 'transfer');
    // A member's own account follows them: its member role now belongs to the new unit.
    await tx
      .updateTable('role_grants')
      .set({ unit_id: target.id })
      .where('role', '=', 'member')
      .where('account_id', 'in', (eb) => eb.selectFrom('accounts').select('id').where('member_id', '=', memberId))
      .execute();
    const change = {
      entityType: 'member',
      entityId: memberId,
      before: { unitId: member.unitId, unitName: member.unitName },
      after: { unitId: target.id, unitName: target.name, effectiveDate: input.effectiveDate },
    };
    // Both units' administrators see the move in their log.
    await recordAudit(tx, actor, { action: 'member.transferred', unitId: target.id, ...change });
    await recordAudit(tx, actor, { action: 'member.transferred_out', unitId: member.unitId, ...change });
  });
}

export async function setMemberStatus(
  db: Db,
  actor: Actor,
  memberId: number,
  input: { status: string; effectiveDate: string; note?: string | undefined },
) {
  assertNotFuture(input.effectiveDate);
  await db.transaction().execute(async (tx) => {
    const member = await findMember(tx, memberId);
    assertCanManageMembersOf(actor, { path: member.unitPath });
    const latest = await tx
      .selectFrom('member_statuses')
      .select(['valid_from', 'status'])
      .where('member_id', '=', memberId)
      .orderBy('valid_from', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (latest && input.effectiveDate < latest.valid_from) {
      throw new AppError('DATE_BEFORE_HISTORY', undefined, [
        { field: 'effectiveDate', message: `Ngày hiệu lực phải từ ${viDate(latest.valid_from)} trở đi.` },
      ]);
    }
    if (latest?.status === input.status) throw fieldError('status', 'Đoàn viên đang ở trạng thái này.');
    await tx
      .insertInto('member_statuses')
      .values({ member_id: memberId, status: input.status, valid_from: input.effectiveDate, note: input.note ?? null })
      .execute();
    await tx
      .updateTable('members')
      .set({ status: input.status, updated_at: new Date() })
      .where('id', '=', memberId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'member.status_changed',
      entityType: 'member',
      entityId: memberId,
      unitId: member.unitId,
      before: { status: member.status },
      after: input,
    });
  });
}
