import { z } from 'zod';

/**
 * Zalo Official Account and Facebook Page publishing: a unit's channel connections, the
 * per-article delivery status, deliveries per month. Secrets go in, never come out: a
 * connection is shown as connected, the token's last four characters and its expiry.
 */

export const CHANNEL_NAMES = ['zalo', 'facebook'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const CHANNEL_POST_STATUSES = ['pending', 'publishing', 'published', 'failed', 'disconnected'] as const;
export type ChannelPostStatus = (typeof CHANNEL_POST_STATUSES)[number];

const secret = (label: string, max: number) =>
  z
    .string({ error: `Cần nhập ${label}` })
    .trim()
    .min(1, `Cần nhập ${label}`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} tối đa ${max} ký tự`)
    .regex(/^\S*$/u, `${label[0]?.toUpperCase()}${label.slice(1)} không được chứa khoảng trắng`);

const numericId = (label: string) =>
  z
    .string({ error: `Cần nhập ${label}` })
    .trim()
    .min(1, `Cần nhập ${label}`)
    .max(40, `${label[0]?.toUpperCase()}${label.slice(1)} tối đa 40 chữ số`)
    .regex(/^\d*$/u, `${label[0]?.toUpperCase()}${label.slice(1)} chỉ gồm chữ số`);

export const channelParams = z.object({
  unitId: z.coerce.number().int().positive(),
  channel: z.enum(CHANNEL_NAMES, { error: 'Kênh phải là zalo hoặc facebook' }),
});
export const unitChannelsParams = z.object({ unitId: z.coerce.number().int().positive() });
export const articleChannelParams = z.object({
  articleId: z.coerce.number().int().positive(),
  channel: z.enum(CHANNEL_NAMES, { error: 'Kênh phải là zalo hoặc facebook' }),
});
export const articleParams = z.object({ articleId: z.coerce.number().int().positive() });

export const zaloConnectInput = z.object({
  oaId: numericId('mã OA (OA ID)'),
  appId: numericId('mã ứng dụng (App ID)'),
  secretKey: secret('khóa bí mật của ứng dụng', 200),
  accessToken: secret('mã truy cập (access token)', 2000),
  refreshToken: secret('mã làm mới (refresh token)', 2000),
});
export type ZaloConnectInput = z.infer<typeof zaloConnectInput>;

export const facebookConnectInput = z.object({
  pageId: numericId('mã Trang (Page ID)'),
  pageAccessToken: secret('mã truy cập của Trang', 2000),
});
export type FacebookConnectInput = z.infer<typeof facebookConnectInput>;

export const channelConnectionView = z.object({
  channel: z.enum(CHANNEL_NAMES),
  /** not_connected: never connected (or removed); disconnected: the platform refused its tokens. */
  state: z.enum(['connected', 'disconnected', 'not_connected']),
  /** Zalo: the OA id; Facebook: the Page id. */
  externalId: z.string().nullable(),
  appId: z.string().nullable(),
  /** The access token's last four characters, to recognise it. */
  tokenHint: z.string().nullable(),
  accessExpiresAt: z.string().nullable(),
  refreshExpiresAt: z.string().nullable(),
  lastError: z.string().nullable(),
  connectedAt: z.string().nullable(),
  connectedBy: z.string().nullable(),
});
export type ChannelConnectionView = z.infer<typeof channelConnectionView>;

export const unitChannelsView = z.object({
  unitId: z.number(),
  unitName: z.string(),
  /** Connect, disconnect and test: the unit's administrators. */
  canManage: z.boolean(),
  connections: z.array(channelConnectionView),
});
export type UnitChannelsView = z.infer<typeof unitChannelsView>;

export const channelTestResult = z.object({ ok: z.boolean(), message: z.string() });
export type ChannelTestResult = z.infer<typeof channelTestResult>;

export const deliveriesQuery = z.object({
  months: z.coerce.number().int().min(1, 'Số tháng tối thiểu là 1').max(36, 'Số tháng tối đa là 36').default(12),
});
export const deliveryMonth = z.object({
  /** "2025-03", Vietnam time. */
  month: z.string(),
  channel: z.enum(CHANNEL_NAMES),
  published: z.number(),
  failed: z.number(),
  pending: z.number(),
});
export const deliveriesView = z.object({ unitId: z.number(), months: z.array(deliveryMonth) });
export type DeliveriesView = z.infer<typeof deliveriesView>;

export const articleChannelPostView = z.object({
  channel: z.enum(CHANNEL_NAMES),
  status: z.enum(CHANNEL_POST_STATUSES),
  attempts: z.number(),
  /** A failed row the queue will try again by itself. */
  willRetry: z.boolean(),
  lastError: z.string().nullable(),
  note: z.string().nullable(),
  remoteId: z.string().nullable(),
  remoteUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** Failed or disconnected, and the actor may retry it. */
  canRetry: z.boolean(),
});
export type ArticleChannelPostView = z.infer<typeof articleChannelPostView>;

export const articleChannelPostsView = z.object({
  articleId: z.number(),
  posts: z.array(articleChannelPostView),
});
export type ArticleChannelPostsView = z.infer<typeof articleChannelPostsView>;
