import type {
  ChannelName,
  ChannelTestResult,
  FacebookConnectInput,
  UnitChannelsView,
  ZaloConnectInput,
} from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { ChannelError } from './channel-error.js';
import { canManageChannels, unitForChannels, unitToManageChannels } from './channels.policy.js';
import { presentConnection } from './channels.presenter.js';
import { facebookCheck } from './facebook-client.js';
import type { ChannelSettings } from './publisher.js';
import { type FacebookSecrets, openSecrets, sealSecrets, type ZaloSecrets } from './secrets.js';
import { zaloCheck } from './zalo-client.js';
import { REFRESH_TOKEN_DAYS, withZaloToken } from './zalo-tokens.js';

/** A unit's Zalo OA and Facebook Page: connect, disconnect, test. Every write is audited (without secrets). */

/** A Zalo access token lasts 25 hours from when it was issued; one pasted in is taken as fresh. */
const ZALO_ACCESS_HOURS = 25;

export async function unitChannels(db: Db, actor: Actor, unitId: number): Promise<UnitChannelsView> {
  const unit = await unitForChannels(db, actor, unitId);
  const rows = await db
    .selectFrom('channel_connections as c')
    .leftJoin('accounts as a', 'a.id', 'c.connected_by')
    .select([
      'c.channel',
      'c.status',
      'c.external_id',
      'c.app_id',
      'c.token_hint',
      'c.access_expires_at',
      'c.refresh_expires_at',
      'c.last_error',
      'c.connected_at',
      'a.display_name as connected_by_name',
    ])
    .where('c.unit_id', '=', unit.id)
    .execute();
  return {
    unitId: unit.id,
    unitName: unit.name,
    canManage: canManageChannels(actor, unit.path),
    connections: (['zalo', 'facebook'] as const).map((channel) =>
      presentConnection(
        channel,
        rows.find((row) => row.channel === channel),
      ),
    ),
  };
}

async function saveConnection(
  db: Db,
  actor: Actor,
  unitId: number,
  channel: ChannelName,
  values: {
    externalId: string;
    appId: string | null;
    secrets: ZaloSecrets | FacebookSecrets;
    accessHours: number | null;
    refreshDays: number | null;
  },
): Promise<void> {
  const unit = await unitToManageChannels(db, actor, unitId);
  const row = {
    status: 'connected' as const,
    external_id: values.externalId,
    app_id: values.appId,
    secrets: sealSecrets(unit.id, channel, values.secrets),
    token_hint: values.secrets.accessToken.slice(-4),
    access_expires_at:
      values.accessHours === null ? null : sql<Date>`now() + make_interval(hours => ${values.accessHours})`,
    refresh_expires_at:
      values.refreshDays === null ? null : sql<Date>`now() + make_interval(days => ${values.refreshDays})`,
    last_error: null,
    connected_by: actor.accountId,
    connected_at: sql<Date>`now()`,
    updated_at: sql<Date>`now()`,
  };
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('channel_connections')
      .values({ unit_id: unit.id, channel, ...row })
      .onConflict((oc) => oc.columns(['unit_id', 'channel']).doUpdateSet(row))
      .execute();
    await recordAudit(tx, actor, {
      action: 'channel.connect',
      entityType: 'channel_connection',
      entityId: null,
      unitId: unit.id,
      after: { channel, externalId: values.externalId, appId: values.appId, tokenHint: row.token_hint },
    });
  });
}

export async function connectZalo(db: Db, actor: Actor, unitId: number, input: ZaloConnectInput): Promise<void> {
  await saveConnection(db, actor, unitId, 'zalo', {
    externalId: input.oaId,
    appId: input.appId,
    secrets: { secretKey: input.secretKey, accessToken: input.accessToken, refreshToken: input.refreshToken },
    accessHours: ZALO_ACCESS_HOURS,
    refreshDays: REFRESH_TOKEN_DAYS,
  });
}

/** A Page token made from a long-lived user token does not expire; Facebook says so with 190 when revoked. */
export async function connectFacebook(
  db: Db,
  actor: Actor,
  unitId: number,
  input: FacebookConnectInput,
): Promise<void> {
  await saveConnection(db, actor, unitId, 'facebook', {
    externalId: input.pageId,
    appId: null,
    secrets: { accessToken: input.pageAccessToken },
    accessHours: null,
    refreshDays: null,
  });
}

/** Forgets the tokens. Rows already in the outbox stay; a waiting one becomes 'disconnected'. */
export async function disconnectChannel(db: Db, actor: Actor, unitId: number, channel: ChannelName): Promise<void> {
  const unit = await unitToManageChannels(db, actor, unitId);
  await db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom('channel_connections')
      .where('unit_id', '=', unit.id)
      .where('channel', '=', channel)
      .returning(['external_id'])
      .executeTakeFirst();
    if (!removed) return;
    await recordAudit(tx, actor, {
      action: 'channel.disconnect',
      entityType: 'channel_connection',
      entityId: null,
      unitId: unit.id,
      before: { channel, externalId: removed.external_id },
    });
  });
}

async function markDisconnected(db: Db, unitId: number, channel: ChannelName, message: string) {
  await db
    .updateTable('channel_connections')
    .set({ status: 'disconnected', last_error: message, updated_at: sql<Date>`now()` })
    .where('unit_id', '=', unitId)
    .where('channel', '=', channel)
    .execute();
}

/**
 * Calls the platform with the stored tokens (Zalo: the OA's latest article, refreshing the token
 * if needed; Facebook: the Page's name). A refused token marks the connection disconnected.
 */
export async function testChannel(
  db: Db,
  settings: ChannelSettings,
  actor: Actor,
  unitId: number,
  channel: ChannelName,
): Promise<ChannelTestResult> {
  const unit = await unitToManageChannels(db, actor, unitId);
  const row = await db
    .selectFrom('channel_connections')
    .select(['id', 'external_id', 'app_id', 'secrets', 'access_expires_at'])
    .where('unit_id', '=', unit.id)
    .where('channel', '=', channel)
    .executeTakeFirst();
  if (!row) return { ok: false, message: 'Đơn vị chưa kết nối kênh này.' };
  try {
    if (channel === 'zalo') {
      const secrets = openSecrets<ZaloSecrets>(unit.id, 'zalo', row.secrets);
      const connection = {
        id: row.id,
        unitId: unit.id,
        appId: row.app_id ?? '',
        accessExpiresAt: row.access_expires_at,
        secrets,
      };
      await withZaloToken(db, settings, connection, (token) => zaloCheck(settings, token));
      await clearError(db, row.id);
      return { ok: true, message: `Kết nối tốt: Zalo nhận mã truy cập của OA ${row.external_id}.` };
    }
    const secrets = openSecrets<FacebookSecrets>(unit.id, 'facebook', row.secrets);
    const name = await facebookCheck(settings, { pageId: row.external_id, accessToken: secrets.accessToken });
    await clearError(db, row.id);
    return { ok: true, message: `Kết nối tốt: Trang "${name}" nhận mã truy cập.` };
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    if (error.kind === 'auth' || error.kind === 'permission')
      await markDisconnected(db, unit.id, channel, error.message);
    return { ok: false, message: error.message };
  }
}

async function clearError(db: Db, connectionId: number) {
  await db
    .updateTable('channel_connections')
    .set({ status: 'connected', last_error: null, updated_at: sql<Date>`now()` })
    .where('id', '=', connectionId)
    .execute();
}
