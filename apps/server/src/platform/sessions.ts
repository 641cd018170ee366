import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@lan-toa/contracts';
import { sql } from 'kysely';
import { type Db, type Executor, runPrepared } from '../db/database.js';
import type { Actor, Grant } from './access.js';

/** ASVS 3.3: re-authenticate after 12 hours, or after 30 minutes without activity. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** Touch `last_seen_at` at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface Session {
  tokenHash: string;
  csrfToken: string;
  /** A temporary password (set by an admin) allows nothing but choosing a new one. */
  mustChangePassword: boolean;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Executor, accountId: number): Promise<{ token: string; csrfToken: string }> {
  // Sessions that ended by time are removed when their owner logs in again (and at start).
  await deleteExpiredSessions(db, accountId);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      account_id: accountId,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + SESSION_ABSOLUTE_MS),
    })
    .execute();
  return { token, csrfToken };
}

export async function destroySession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function destroyAccountSessions(db: Executor, accountId: number, except?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (except) query = query.where('token_hash', '!=', except);
  await query.execute();
}

export async function loadGrants(db: Executor, accountId: number): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .leftJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.role', 'g.unit_id', 'u.name', 'u.path'])
    .where('g.account_id', '=', accountId)
    .orderBy('g.id')
    .execute();
  return rows.map((row) => ({
    role: row.role as Role,
    unitId: row.unit_id,
    unitName: row.name ?? null,
    unitPath: row.path ?? null,
  }));
}

/** Resolves a session token to its actor; expired or idle sessions are deleted and give null. */
export async function loadSession(
  db: Db,
  token: string,
  ip: string | null,
): Promise<{ actor: Actor; session: Session } | null> {
  const tokenHash = hashToken(token);
  // The session, its account and the account's grants in one round trip: every request pays it.
  const query = db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select([
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      'a.id',
      'a.display_name',
      'a.member_id',
      'a.disabled_at',
      'a.must_change_password',
    ])
    .select(
      sql<{ role: Role; unit_id: number | null; name: string | null; path: string | null }[]>`(
        select coalesce(json_agg(json_build_object('role', g.role, 'unit_id', g.unit_id, 'name', u.name, 'path', u.path) order by g.id), '[]')
        from role_grants g left join units u on u.id = g.unit_id where g.account_id = a.id)`.as('grants'),
    )
    .where('s.token_hash', '=', tokenHash);
  const [row] = await runPrepared(db, 'session_load', query.compile());
  if (!row) return null;
  const now = Date.now();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (row.disabled_at || row.expires_at.getTime() <= now || now - lastSeen > SESSION_IDLE_MS) {
    await destroySession(db, tokenHash);
    return null;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('token_hash', '=', tokenHash).execute();
  }
  const grants = row.grants.map((grant) => ({
    role: grant.role,
    unitId: grant.unit_id,
    unitName: grant.name,
    unitPath: grant.path,
  }));
  return {
    actor: { accountId: row.id, displayName: row.display_name, memberId: row.member_id, grants, ip },
    session: { tokenHash, csrfToken: row.csrf_token, mustChangePassword: row.must_change_password },
  };
}

/** Removes sessions past their absolute or idle limit (of one account, or of everyone). */
export async function deleteExpiredSessions(db: Executor, accountId?: number): Promise<void> {
  let query = db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([eb('expires_at', '<=', new Date()), eb('last_seen_at', '<', new Date(Date.now() - SESSION_IDLE_MS))]),
    );
  if (accountId !== undefined) query = query.where('account_id', '=', accountId);
  await query.execute();
}
