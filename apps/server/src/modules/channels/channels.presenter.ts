import type { ArticleChannelPostView, ChannelConnectionView, ChannelName } from '@lan-toa/contracts';
import type { ChannelConnectionsTable } from '../../db/schema-channels.js';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

type ConnectionRow = Pick<
  ChannelConnectionsTable,
  'external_id' | 'app_id' | 'token_hint' | 'access_expires_at' | 'refresh_expires_at' | 'last_error'
> & { status: 'connected' | 'disconnected'; connected_at: Date; connected_by_name: string | null };

/** Never the secrets: connected or not, the token's last four characters, expiries. */
export function presentConnection(channel: ChannelName, row: ConnectionRow | undefined): ChannelConnectionView {
  if (!row) {
    return {
      channel,
      state: 'not_connected',
      externalId: null,
      appId: null,
      tokenHint: null,
      accessExpiresAt: null,
      refreshExpiresAt: null,
      lastError: null,
      connectedAt: null,
      connectedBy: null,
    };
  }
  return {
    channel,
    state: row.status,
    externalId: row.external_id,
    appId: row.app_id,
    tokenHint: row.token_hint,
    accessExpiresAt: iso(row.access_expires_at),
    refreshExpiresAt: iso(row.refresh_expires_at),
    lastError: row.last_error,
    connectedAt: iso(row.connected_at),
    connectedBy: row.connected_by_name,
  };
}

export interface PostRow {
  channel: ChannelName;
  status: ArticleChannelPostView['status'];
  attempts: number;
  will_retry: boolean;
  last_error: string | null;
  note: string | null;
  remote_id: string | null;
  remote_url: string | null;
  published_at: Date | null;
  updated_at: Date;
}

export function presentPost(row: PostRow, mayRetry: boolean): ArticleChannelPostView {
  return {
    channel: row.channel,
    status: row.status,
    attempts: row.attempts,
    willRetry: row.status === 'failed' && row.will_retry,
    lastError: row.last_error,
    note: row.note,
    remoteId: row.remote_id,
    remoteUrl: row.remote_url,
    publishedAt: iso(row.published_at),
    updatedAt: row.updated_at.toISOString(),
    canRetry: mayRetry && (row.status === 'failed' || row.status === 'disconnected'),
  };
}
