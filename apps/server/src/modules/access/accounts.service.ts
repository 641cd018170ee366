import type { AccountView, Role } from '@lan-toa/contracts';
import { foldVietnamese, normalizePhone } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import { type Actor, scopeCondition } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, fieldError, uniqueViolation } from '../../platform/errors.js';
import { generatePassword, hashPassword } from '../../platform/passwords.js';
import { destroyAccountSessions, loadGrants } from '../../platform/sessions.js';
import { findMember } from '../org/members.repository.js';
import { canManageMembersOf } from '../org/org.policy.js';
import { findUnit } from '../org/units.repository.js';
import { assertCanGrant, assertCanManageAccounts, canManageAccount } from './access.policy.js';

const DUPLICATES = {
  email: 'E-mail đã được dùng cho tài khoản khác.',
  phone: 'Số điện thoại đã được dùng cho tài khoản khác.',
  member_id: 'Đoàn viên này đã có tài khoản.',
};

async function view(db: Executor, accountId: number): Promise<AccountView> {
  const row = await db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'email', 'phone', 'member_id', 'locked_until', 'disabled_at', 'last_login_at'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!row) throw new AppError('ACCOUNT_NOT_FOUND');
  const grants = await loadGrants(db, accountId);
  const locked = row.locked_until && row.locked_until.getTime() > Date.now() ? row.locked_until.toISOString() : null;
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    memberId: row.member_id,
    roles: grants.map(({ role, unitId, unitName }) => ({ role, unitId, unitName })),
    lockedUntil: locked,
    disabled: row.disabled_at !== null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
  };
}

/** Loads an account the actor may manage; others "do not exist". */
async function manageable(db: Executor, actor: Actor, accountId: number) {
  assertCanManageAccounts(actor);
  const grants = await loadGrants(db, accountId);
  const exists = await db.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst();
  if (!exists || !canManageAccount(actor, grants)) throw new AppError('ACCOUNT_NOT_FOUND');
  return grants;
}

export async function listAccounts(
  db: Db,
  actor: Actor,
  query: { q?: string | undefined; page: number; pageSize: number },
) {
  assertCanManageAccounts(actor);
  let base = db.selectFrom('accounts as a').where((eb) =>
    eb.exists(
      eb
        .selectFrom('role_grants as g')
        .leftJoin('units as u', 'u.id', 'g.unit_id')
        .select('g.id')
        .whereRef('g.account_id', '=', 'a.id')
        .where(scopeCondition(actor, 'manageUnits', 'u.path')),
    ),
  );
  if (query.q) {
    const q = `%${foldVietnamese(query.q).replace(/[%_\\]/gu, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([eb(sql`lower(unaccent(a.display_name))`, 'like', q), eb('a.email', 'like', q), eb('a.phone', 'like', q)]),
    );
  }
  const [rows, total] = await Promise.all([
    base
      .select('a.id')
      .orderBy('a.display_name')
      .orderBy('a.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = [];
  for (const row of rows) items.push(await view(db, row.id));
  return { items, total: total.n, page: query.page, pageSize: query.pageSize };
}

export interface NewAccount {
  displayName: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  memberId?: number | null | undefined;
  role: Role;
  unitId: number | null;
}

/** Creates an account with a one-time password the person must change at first login. */
export async function createAccount(db: Db, actor: Actor | null, input: NewAccount, password?: string) {
  const temporaryPassword = password ?? generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  try {
    const id = await db.transaction().execute(async (tx) => {
      const unitPath = await grantUnitPath(tx, input.role, input.unitId);
      if (actor) assertCanGrant(actor, input.role, unitPath);
      if (input.memberId) await assertCanLinkMember(tx, actor, input.memberId, input.role, input.unitId);
      const created = await tx
        .insertInto('accounts')
        .values({
          display_name: input.displayName,
          email: input.email?.toLowerCase() ?? null,
          phone: input.phone ? normalizePhone(input.phone) : null,
          member_id: input.memberId ?? null,
          password_hash: passwordHash,
          must_change_password: password === undefined,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('role_grants')
        .values({ account_id: created.id, role: input.role, unit_id: input.unitId })
        .execute();
      await recordAudit(tx, actor, {
        action: 'account.created',
        entityType: 'account',
        entityId: created.id,
        unitId: input.unitId,
        after: { ...input },
      });
      return created.id;
    });
    return { account: await view(db, id), temporaryPassword };
  } catch (error) {
    throw uniqueViolation(error, DUPLICATES) ?? error;
  }
}

/**
 * Linking an account to a member gives it that member's own view (contact details included),
 * so the actor must manage the member's unit, and a member role must be for that very unit.
 */
async function assertCanLinkMember(
  db: Executor,
  actor: Actor | null,
  memberId: number,
  role: Role,
  unitId: number | null,
) {
  const member = await findMember(db, memberId).catch(() => {
    throw fieldError('memberId', 'Không tìm thấy đoàn viên.');
  });
  if (actor && !canManageMembersOf(actor, { path: member.unitPath }))
    throw fieldError('memberId', 'Không tìm thấy đoàn viên.');
  if (role === 'member' && unitId !== member.unitId) {
    throw fieldError(
      'unitId',
      `Đoàn viên này sinh hoạt ở ${member.unitName}; vai trò đoàn viên phải gắn với đơn vị đó.`,
    );
  }
}

async function grantUnitPath(db: Executor, role: Role, unitId: number | null): Promise<string | null> {
  if (role === 'system_admin') {
    if (unitId !== null) throw fieldError('unitId', 'Quản trị hệ thống không gắn với đơn vị.');
    return null;
  }
  if (unitId === null) throw fieldError('unitId', 'Hãy chọn đơn vị cho vai trò này.');
  const unit = await findUnit(db, unitId).catch(() => {
    throw fieldError('unitId', 'Không tìm thấy đơn vị.');
  });
  return unit.path;
}

export async function updateAccount(
  db: Db,
  actor: Actor,
  accountId: number,
  input: { disabled?: boolean | undefined; role?: Role | undefined; unitId?: number | null | undefined },
) {
  const before = await view(db, accountId);
  await manageable(db, actor, accountId);
  if (accountId === actor.accountId && input.disabled)
    throw fieldError('disabled', 'Bạn không thể tự khóa tài khoản của mình.');
  await db.transaction().execute(async (tx) => {
    if (input.role !== undefined || input.unitId !== undefined) {
      if (accountId === actor.accountId) throw fieldError('role', 'Bạn không thể tự đổi vai trò của mình.');
      const role = input.role ?? before.roles[0]?.role ?? 'member';
      const unitId = input.unitId === undefined ? (before.roles[0]?.unitId ?? null) : input.unitId;
      assertCanGrant(actor, role, await grantUnitPath(tx, role, unitId));
      if (before.memberId !== null) await assertCanLinkMember(tx, actor, before.memberId, role, unitId);
      await tx.deleteFrom('role_grants').where('account_id', '=', accountId).execute();
      await tx.insertInto('role_grants').values({ account_id: accountId, role, unit_id: unitId }).execute();
    }
    if (input.disabled !== undefined) {
      await tx
        .updateTable('accounts')
        .set({ disabled_at: input.disabled ? new Date() : null })
        .where('id', '=', accountId)
        .execute();
      if (input.disabled) await destroyAccountSessions(tx, accountId);
    }
    await recordAudit(tx, actor, {
      action: 'account.updated',
      entityType: 'account',
      entityId: accountId,
      unitId: before.roles[0]?.unitId ?? null,
      before,
      after: input,
    });
  });
  return view(db, accountId);
}

export async function resetPassword(db: Db, actor: Actor, accountId: number) {
  const grants = await manageable(db, actor, accountId);
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('accounts')
      .set({
        password_hash: passwordHash,
        must_change_password: true,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: new Date(),
      })
      .where('id', '=', accountId)
      .execute();
    await destroyAccountSessions(tx, accountId);
    await recordAudit(tx, actor, {
      action: 'account.password_reset',
      entityType: 'account',
      entityId: accountId,
      unitId: grants[0]?.unitId ?? null,
    });
  });
  return { account: await view(db, accountId), temporaryPassword };
}

export async function unlockAccount(db: Db, actor: Actor, accountId: number) {
  const grants = await manageable(db, actor, accountId);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('accounts')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', accountId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'account.unlocked',
      entityType: 'account',
      entityId: accountId,
      unitId: grants[0]?.unitId ?? null,
    });
  });
  return view(db, accountId);
}
