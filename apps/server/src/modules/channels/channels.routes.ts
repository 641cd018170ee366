import {
  articleChannelParams,
  articleChannelPostsView,
  articleParams,
  channelParams,
  channelTestResult,
  deliveriesQuery,
  deliveriesView,
  facebookConnectInput,
  unitChannelsParams,
  unitChannelsView,
  zaloConnectInput,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { connectFacebook, connectZalo, disconnectChannel, testChannel, unitChannels } from './connections.service.js';
import { articleChannelPosts, retryChannelPost, unitDeliveries } from './posts.service.js';
import { startChannelPublishing } from './publisher.js';
import { loadChannelKey } from './secrets.js';

/**
 * Zalo OA and Facebook Page of a unit, and the delivery of published articles to them. The
 * outbox itself is fed by the news module (outbox.ts); these routes show and steer it.
 */
const tags = ['Kênh truyền thông (Zalo, Facebook)'];

const SECRETS_NOTE =
  'Mã truy cập và khóa bí mật được mã hóa (AES-256-GCM) khi lưu và không bao giờ được trả về qua API: chỉ hiện trạng ' +
  'thái kết nối, 4 ký tự cuối của mã truy cập và thời hạn.';

export const channelRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  const settings = { ...config.channels, publicUrl: config.publicUrl };
  await loadChannelKey(db, config.channels.secretKey);
  startChannelPublishing(db, settings);

  app.get(
    '/units/:unitId/channels',
    {
      schema: {
        tags,
        summary: 'Kênh truyền thông của đơn vị',
        description:
          'Trạng thái kết nối OA Zalo và Trang Facebook của đơn vị: `connected` (đang kết nối), `disconnected` (nền ' +
          'tảng đã từ chối mã truy cập, cần kết nối lại), `not_connected` (chưa kết nối). Ban biên tập và quản trị ' +
          `của đơn vị hoặc cấp trên được xem; người khác nhận 404. ${SECRETS_NOTE}`,
        params: unitChannelsParams,
        response: { 200: unitChannelsView },
      },
    },
    async (request) => unitChannels(db, requireActor(request), request.params.unitId),
  );

  app.put(
    '/units/:unitId/channels/zalo',
    {
      schema: {
        tags,
        summary: 'Kết nối OA Zalo',
        description:
          'Lưu App ID, khóa bí mật của ứng dụng, mã truy cập, mã làm mới và OA ID (lấy ở developers.zalo.me sau khi OA ' +
          'cấp quyền cho ứng dụng). Kết nối lại thay thế bộ mã cũ. Mã truy cập Zalo có hạn 25 giờ và được tự làm mới; ' +
          `mã làm mới có hạn 3 tháng, mỗi lần làm mới Zalo cấp mã mới. Chỉ quản trị viên đơn vị. ${SECRETS_NOTE}`,
        params: unitChannelsParams,
        body: zaloConnectInput,
        response: { 200: unitChannelsView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await connectZalo(db, actor, request.params.unitId, request.body);
      return unitChannels(db, actor, request.params.unitId);
    },
  );

  app.put(
    '/units/:unitId/channels/facebook',
    {
      schema: {
        tags,
        summary: 'Kết nối Trang Facebook',
        description:
          'Lưu Page ID và mã truy cập của Trang (Page access token) có các quyền pages_manage_posts, ' +
          'pages_read_engagement, pages_show_list. Nên dùng mã Trang lấy từ mã người dùng dài hạn để mã không hết hạn. ' +
          `Chỉ quản trị viên đơn vị. ${SECRETS_NOTE}`,
        params: unitChannelsParams,
        body: facebookConnectInput,
        response: { 200: unitChannelsView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await connectFacebook(db, actor, request.params.unitId, request.body);
      return unitChannels(db, actor, request.params.unitId);
    },
  );

  app.delete(
    '/units/:unitId/channels/:channel',
    {
      schema: {
        tags,
        summary: 'Ngắt kết nối kênh',
        description:
          'Xóa các mã đã lưu của kênh. Bài đã đăng giữ nguyên; bài đang chờ gửi sẽ chuyển sang "mất kết nối". Chỉ ' +
          'quản trị viên đơn vị.',
        params: channelParams,
        response: { 200: unitChannelsView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await disconnectChannel(db, actor, request.params.unitId, request.params.channel);
      return unitChannels(db, actor, request.params.unitId);
    },
  );

  app.post(
    '/units/:unitId/channels/:channel/test',
    {
      schema: {
        tags,
        summary: 'Kiểm tra kết nối kênh',
        description:
          'Gọi thử nền tảng bằng mã đã lưu (Zalo: đọc bài mới nhất của OA, tự làm mới mã nếu cần; Facebook: đọc tên ' +
          'Trang). `ok: false` kèm lý do bằng tiếng Việt; nếu nền tảng từ chối mã, kênh chuyển sang "mất kết nối".',
        params: channelParams,
        response: { 200: channelTestResult },
      },
    },
    async (request) => testChannel(db, settings, requireActor(request), request.params.unitId, request.params.channel),
  );

  app.get(
    '/units/:unitId/channel-deliveries',
    {
      schema: {
        tags,
        summary: 'Số bài gửi lên kênh theo tháng',
        description:
          'Số bài đã đăng, lỗi (kể cả mất kết nối) và đang chờ trên từng kênh, theo tháng (giờ Việt Nam), của đơn vị và ' +
          'các đơn vị trực thuộc, `months` tháng gần nhất (mặc định 12).',
        params: unitChannelsParams,
        querystring: deliveriesQuery,
        response: { 200: deliveriesView },
      },
    },
    async (request) => unitDeliveries(db, requireActor(request), request.params.unitId, request.query.months),
  );

  app.get(
    '/articles/:articleId/channel-posts',
    {
      schema: {
        tags,
        summary: 'Trạng thái gửi bài lên các kênh',
        description:
          'Mỗi kênh một dòng: `pending` (chờ gửi), `publishing` (đang gửi), `published` (đã đăng, kèm mã và liên kết ' +
          'bài trên kênh), `failed` (lỗi; `willRetry` cho biết hệ thống còn tự thử lại), `disconnected` (kênh mất kết ' +
          'nối, cần kết nối lại rồi gửi lại). `lastError` là lý do bằng tiếng Việt.',
        params: articleParams,
        response: { 200: articleChannelPostsView },
      },
    },
    async (request) => articleChannelPosts(db, requireActor(request), request.params.articleId),
  );

  app.post(
    '/articles/:articleId/channel-posts/:channel/retry',
    {
      schema: {
        tags,
        summary: 'Gửi lại bài lên kênh',
        description:
          'Đưa lại vào hàng đợi một lần gửi đang lỗi hoặc mất kết nối (409 nếu bài đã đăng, đang gửi, hoặc kênh chưa ' +
          'được kết nối lại). Bài không bao giờ bị đăng hai lần: lần gửi đã có mã bài trên kênh thì dừng.',
        params: articleChannelParams,
        response: { 200: articleChannelPostsView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await retryChannelPost(db, actor, request.params.articleId, request.params.channel);
      return articleChannelPosts(db, actor, request.params.articleId);
    },
  );
};
