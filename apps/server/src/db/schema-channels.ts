import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0013-channels; joined into `Database` in schema.ts. */

type Id = ColumnType<number, never, never>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type ChannelName = 'zalo' | 'facebook';
export type PostStatus = 'pending' | 'publishing' | 'published' | 'failed' | 'disconnected';

export interface ChannelConnectionsTable {
  id: Id;
  unit_id: number;
  channel: ChannelName;
  status: Generated<'connected' | 'disconnected'>;
  external_id: string;
  app_id: string | null;
  secrets: Buffer;
  token_hint: string;
  access_expires_at: Date | null;
  refresh_expires_at: Date | null;
  last_error: string | null;
  connected_by: number | null;
  connected_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ArticleChannelPostsTable {
  id: Id;
  article_id: number;
  unit_id: number;
  channel: ChannelName;
  status: Generated<PostStatus>;
  attempts: Generated<number>;
  will_retry: Generated<boolean>;
  last_error: string | null;
  note: string | null;
  verify_token: string | null;
  remote_id: string | null;
  remote_url: string | null;
  claimed_at: Date | null;
  published_at: Date | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ChannelTables {
  channel_connections: ChannelConnectionsTable;
  article_channel_posts: ArticleChannelPostsTable;
}
