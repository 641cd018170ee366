import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { ChannelError } from './channel-error.js';
import { openSecrets, sealSecrets, type ZaloSecrets } from './secrets.js';
import { type ZaloUrls, zaloRefresh } from './zalo-client.js';

/**
 * Zalo access tokens last 25 hours; refresh tokens three months, and each refresh token works
 * once: refreshing rotates both. Two processes refreshing at once with the same refresh token
 * would leave one of them holding a dead pair — and if the dead one were stored, the OA would be
 * lost until someone reconnects it. So a refresh happens under the connection's row lock: the
 * first process locks, refreshes, writes the new pair in one UPDATE and commits; the second
 * waits for the lock, sees the access token has changed, and uses the new one without calling
 * Zalo. A process never sends a refresh token it has not just read under the lock.
 *
 * (The one window left is Zalo's, not ours: if Zalo rotates the pair and its answer is lost on
 * the way back, the new pair exists only at Zalo and the OA has to be reconnected.)
 */

export const REFRESH_TOKEN_DAYS = 90;
/** Refresh a little before the access token expires rather than fail a post on it. */
const EARLY_MS = 5 * 60_000;

export interface ZaloConnection {
  id: number;
  unitId: number;
  appId: string;
  accessExpiresAt: Date | null;
  secrets: ZaloSecrets;
}

export const accessExpiring = (connection: { accessExpiresAt: Date | null }, now = Date.now()) =>
  connection.accessExpiresAt !== null && connection.accessExpiresAt.getTime() - EARLY_MS <= now;

/**
 * A working access token: the stored one if another process has refreshed since `seenAccessToken`
 * was read, else a fresh one from Zalo, stored with its rotated refresh token before this
 * returns. When Zalo refuses the refresh token the connection is marked disconnected and an
 * `auth` error thrown.
 */
export async function refreshZaloAccess(
  db: Db,
  urls: ZaloUrls,
  connectionId: number,
  seenAccessToken: string,
): Promise<string> {
  const outcome = await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('channel_connections')
      .select(['id', 'unit_id', 'app_id', 'status', 'secrets'])
      .where('id', '=', connectionId)
      .where('channel', '=', 'zalo')
      .forUpdate()
      .executeTakeFirst();
    if (row?.status !== 'connected' || !row.app_id) {
      return { error: new ChannelError('auth', 'OA Zalo chưa được kết nối; hãy kết nối lại rồi bấm Thử lại.') };
    }
    const secrets = openSecrets<ZaloSecrets>(row.unit_id, 'zalo', row.secrets);
    if (secrets.accessToken !== seenAccessToken) return { accessToken: secrets.accessToken };
    try {
      const pair = await zaloRefresh(urls, {
        appId: row.app_id,
        secretKey: secrets.secretKey,
        refreshToken: secrets.refreshToken,
      });
      const next: ZaloSecrets = { ...secrets, accessToken: pair.accessToken, refreshToken: pair.refreshToken };
      await tx
        .updateTable('channel_connections')
        .set({
          secrets: sealSecrets(row.unit_id, 'zalo', next),
          token_hint: pair.accessToken.slice(-4),
          access_expires_at: sql<Date>`now() + make_interval(secs => ${pair.expiresInSeconds})`,
          refresh_expires_at: sql<Date>`now() + make_interval(days => ${REFRESH_TOKEN_DAYS})`,
          last_error: null,
          updated_at: sql<Date>`now()`,
        })
        .where('id', '=', row.id)
        .execute();
      return { accessToken: pair.accessToken };
    } catch (error) {
      if (!(error instanceof ChannelError) || error.kind !== 'auth') throw error;
      await tx
        .updateTable('channel_connections')
        .set({ status: 'disconnected', last_error: error.message, updated_at: sql<Date>`now()` })
        .where('id', '=', row.id)
        .execute();
      return { error };
    }
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.accessToken;
}

/** Runs `call` with a working Zalo access token: refreshed ahead of expiry, or once after -216/-220. */
export async function withZaloToken<T>(
  db: Db,
  urls: ZaloUrls,
  connection: ZaloConnection,
  call: (accessToken: string) => Promise<T>,
): Promise<T> {
  let refreshed = false;
  const refresh = async () => {
    connection.secrets.accessToken = await refreshZaloAccess(db, urls, connection.id, connection.secrets.accessToken);
    // Fresh for this run: later calls of the same run use it without refreshing again.
    connection.accessExpiresAt = null;
    refreshed = true;
  };
  if (accessExpiring(connection)) await refresh();
  try {
    return await call(connection.secrets.accessToken);
  } catch (error) {
    if (!(error instanceof ChannelError) || error.kind !== 'auth' || refreshed) throw error;
    await refresh();
    return call(connection.secrets.accessToken);
  }
}
