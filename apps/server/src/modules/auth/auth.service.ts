import { normalizePhone } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { burnVerifyTime, checkPasswordStrength, hashPassword, verifyPassword } from '../../platform/passwords.js';
import { createSession, destroyAccountSessions } from '../../platform/sessions.js';

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/** "Nguyen@Example.vn" and "+84 912 345 678" both find their account. */
export function loginKey(login: string): { column: 'email' | 'phone'; value: string } {
  const trimmed = login.trim();
  if (trimmed.includes('@')) return { column: 'email', value: trimmed.toLowerCase() };
  return { column: 'phone', value: normalizePhone(trimmed) };
}

export async function login(db: Db, input: { login: string; password: string }, ip: string | null) {
  const key = loginKey(input.login);
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'password_hash', 'disabled_at'])
    .where(key.column, '=', key.value)
    .executeTakeFirst();
  if (!account || account.disabled_at) {
    await burnVerifyTime(input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const actor: Actor = { accountId: account.id, displayName: account.display_name, memberId: null, grants: [], ip };
  // Count the attempt before checking the password, in one conditional update: parallel guesses
  // cannot slip past the lock-out, and a locked account is not even checked. An expired lock
  // starts the count again.
  const attempt = await db
    .updateTable('accounts')
    .set({
      failed_logins: sql`case when locked_until is not null then 1 else failed_logins + 1 end`,
      locked_until: sql`case when (case when locked_until is not null then 1 else failed_logins + 1 end) >= ${MAX_FAILED_LOGINS}
        then now() + make_interval(mins => ${LOCK_MINUTES}) else null end`,
    })
    .where('id', '=', account.id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`now()`)]))
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirst();
  if (!attempt) {
    await recordAudit(db, actor, {
      action: 'auth.refused_locked',
      entityType: 'account',
      entityId: account.id,
      unitId: null,
    });
    throw new AppError('ACCOUNT_LOCKED');
  }
  if (!(await verifyPassword(account.password_hash, input.password))) {
    await recordAudit(db, actor, {
      action: attempt.locked_until ? 'auth.locked' : 'auth.login_failed',
      entityType: 'account',
      entityId: account.id,
      unitId: null,
      after: { failedLogins: attempt.failed_logins },
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  return db.transaction().execute(async (tx) => {
    await tx
      .updateTable('accounts')
      .set({ failed_logins: 0, locked_until: null, last_login_at: new Date() })
      .where('id', '=', account.id)
      .execute();
    const session = await createSession(tx, account.id);
    await recordAudit(tx, actor, { action: 'auth.login', entityType: 'account', entityId: account.id, unitId: null });
    return { accountId: account.id, ...session };
  });
}

export async function changePassword(
  db: Db,
  actor: Actor,
  sessionHash: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const account = await db
    .selectFrom('accounts')
    .select(['password_hash', 'email', 'phone'])
    .where('id', '=', actor.accountId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(account.password_hash, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', undefined, [
      { field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  }
  checkPasswordStrength(input.newPassword, [account.email?.split('@')[0] ?? '', account.phone ?? '']);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('accounts')
      .set({ password_hash: passwordHash, must_change_password: false, password_changed_at: new Date() })
      .where('id', '=', actor.accountId)
      .execute();
    // Other sessions of this account end: a changed password must lock out whoever had the old one.
    await destroyAccountSessions(tx, actor.accountId, sessionHash);
    await recordAudit(tx, actor, {
      action: 'auth.password_changed',
      entityType: 'account',
      entityId: actor.accountId,
      unitId: null,
    });
  });
}
