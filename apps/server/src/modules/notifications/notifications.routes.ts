import {
  idParam,
  notificationListQuery,
  notificationPage,
  notificationPreferences,
  notificationPreferencesInput,
  notificationView,
  unreadCount,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { registerContestRoundJobs } from './contest-rounds.js';
import { registerDigestJobs } from './digest.js';
import { registerEmailJobs } from './email.jobs.js';
import { configureMail } from './mail.js';
import { NOTIFICATION_NOT_FOUND, ownerOf } from './notifications.policy.js';
import { presentNotification, presentPreferences } from './notifications.presenter.js';
import {
  countUnread,
  emailAddressOf,
  findNotification,
  listNotifications,
  markAllRead,
  markRead,
  readPreferences,
  writePreferences,
} from './notifications.repository.js';

/**
 * The notification centre and e-mail preferences: each person sees and changes only their own.
 * Registering these routes also wires the module's background jobs (e-mail, digest, contest
 * rounds) to this database and the mail settings of the config.
 */
const tags = ['Thông báo'];

export const notificationRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  configureMail({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, publicUrl: config.publicUrl });
  registerEmailJobs(db);
  registerDigestJobs(db);
  registerContestRoundJobs(db);

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo của tôi',
        description:
          'Thông báo trong ứng dụng của người đang đăng nhập, mới nhất trước, theo trang (`page`, `pageSize` tối đa ' +
          '100). `unread=true`: chỉ thông báo chưa đọc. Kèm `total` (số thông báo khớp bộ lọc) và `unread` (số chưa ' +
          'đọc). `link` là đường dẫn trong ứng dụng tới nội dung liên quan.',
        querystring: notificationListQuery,
        response: { 200: notificationPage },
      },
    },
    async (request) => {
      const { page, pageSize, unread } = request.query;
      const result = await listNotifications(db, ownerOf(requireActor(request)), {
        page,
        pageSize,
        unreadOnly: unread,
      });
      return {
        items: result.rows.map(presentNotification),
        total: result.total,
        unread: result.unread,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'Số thông báo chưa đọc',
        description: 'Con số trên biểu tượng chuông ở đầu trang; nhẹ, để hỏi lại định kỳ.',
        response: { 200: unreadCount },
      },
    },
    async (request) => ({ unread: await countUnread(db, ownerOf(requireActor(request))) }),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc',
        description:
          'Đánh dấu một thông báo của bạn là đã đọc (giữ thời điểm đọc lần đầu). Thông báo của người khác hoặc không ' +
          'tồn tại: 404.',
        params: idParam,
        response: { 200: notificationView },
      },
    },
    async (request) => {
      const owner = ownerOf(requireActor(request));
      if (!(await markRead(db, owner, request.params.id))) throw NOTIFICATION_NOT_FOUND();
      const row = await findNotification(db, owner, request.params.id);
      if (!row) throw NOTIFICATION_NOT_FOUND();
      return presentNotification(row);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Đánh dấu tất cả đã đọc',
        description: 'Mọi thông báo chưa đọc của bạn thành đã đọc; trả về số thông báo vừa đánh dấu.',
        response: { 200: z.object({ marked: z.number() }) },
      },
    },
    async (request) => ({ marked: await markAllRead(db, ownerOf(requireActor(request))) }),
  );

  app.get(
    '/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Cài đặt thông báo',
        description:
          'Với từng loại thông báo: thông báo trong ứng dụng luôn có; e-mail `immediate` (gửi ngay), `digest` (gộp ' +
          'vào thư tổng hợp lúc 17:00 hằng ngày, chỉ các thông báo chưa đọc) hoặc `off` (không gửi). Chưa chọn: theo ' +
          'mặc định của loại đó. `emailAddress`: địa chỉ nhận thư (null: tài khoản chưa có e-mail, không thư nào ' +
          'được gửi).',
        response: { 200: notificationPreferences },
      },
    },
    async (request) => {
      const owner = ownerOf(requireActor(request));
      return presentPreferences(await readPreferences(db, owner), await emailAddressOf(db, owner));
    },
  );

  app.patch(
    '/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Đổi cài đặt thông báo',
        description:
          'Gửi các loại muốn đổi: `items: [{ kind, email }]`, mỗi loại một lần. Loại không gửi lên giữ nguyên. Áp dụng ' +
          'cho các thông báo từ nay về sau.',
        body: notificationPreferencesInput,
        response: { 200: notificationPreferences },
      },
    },
    async (request) => {
      const owner = ownerOf(requireActor(request));
      await writePreferences(db, owner, request.body.items);
      return presentPreferences(await readPreferences(db, owner), await emailAddressOf(db, owner));
    },
  );
};
