import {
  concernCategory,
  concernDetail as concernDetailSchema,
  concernListQuery,
  concernSummary,
  concernTransitionBody,
  createConcernBody,
  createConcernResponse,
  trackConcernBody,
  trackTransitionBody,
  updateConcernCategoryBody,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/database.js';
import { requireActor } from '../../../platform/auth-plugin.js';
import { type AppError, fieldError } from '../../../platform/errors.js';
import { contentDisposition } from '../../../platform/files.js';
import { configureAnonymity, trackingCodeHash } from '../anonymity.js';
import { figureRoutes } from '../figures/figures.routes.js';
import { createConcern, setCategoryDeadline, transitionConcern } from './concerns.commands.js';
import { canEditCategories, forbidden } from './concerns.policy.js';
import { attachmentFor, concernDetail, listCategories, listHandled, listMine } from './concerns.queries.js';
import { registerConcernJobs } from './concerns.sweeper.js';

const tags = ['Ý kiến, kiến nghị'];
const idParam = z.object({ id: z.uuid('Mã ý kiến không hợp lệ') });
const attachmentParams = idParam.extend({ attachmentId: z.uuid('Mã tệp không hợp lệ') });
const TRACK_LIMIT = { rateLimit: { max: 20, timeWindow: '1 minute' } };

async function hashOf(db: Db, code: string | undefined): Promise<string> {
  const hash = code ? await trackingCodeHash(db, code, 'concern') : null;
  if (!hash) throw fieldError('code', 'Mã theo dõi gồm 12 ký tự chữ và số, ví dụ 7KQ2-M9XD-4TPA');
  return hash;
}

export const concernRoutes: FastifyPluginAsyncZod<{ db: Db; minUnitMembers: number }> = async (
  app,
  { db, minUnitMembers },
) => {
  configureAnonymity({ minUnitMembers });
  registerConcernJobs(db);
  await app.register(figureRoutes, { db });

  app.get(
    '/concerns/categories',
    {
      schema: {
        tags,
        summary: 'Các lĩnh vực ý kiến, kiến nghị và thời hạn xử lý',
        response: { 200: z.object({ items: z.array(concernCategory) }) },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: await listCategories(db) };
    },
  );

  app.put(
    '/concerns/categories/:code',
    {
      schema: {
        tags,
        summary: 'Sửa thời hạn xử lý của một lĩnh vực',
        description: 'Chỉ quản trị hệ thống và quản trị công đoàn cấp tỉnh. Áp dụng cho ý kiến gửi từ nay về sau.',
        params: z.object({ code: z.string().min(1).max(50) }),
        body: updateConcernCategoryBody,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!canEditCategories(actor)) throw forbidden();
      await setCategoryDeadline(db, actor, request.params.code, request.body.deadlineDays);
      return reply.status(204).send();
    },
  );

  app.post(
    '/concerns',
    {
      bodyLimit: 45 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Gửi ý kiến, kiến nghị',
        description:
          'Đoàn viên gửi ý kiến tới công đoàn đơn vị mình. Tệp đính kèm (tối đa 3, mỗi tệp 10 MB) gửi dạng base64. ' +
          'Gửi ẩn danh (`anonymous: true`): không lưu tài khoản, đoàn viên, địa chỉ IP, thiết bị hay giờ gửi (chỉ lưu ngày); ' +
          'nếu đơn vị có ít hơn ngưỡng đoàn viên (mặc định 10) thì ý kiến được ghi cho cấp trên gần nhất đủ ngưỡng; ' +
          'chỉ nhận ảnh (được nén lại, bỏ siêu dữ liệu). Trả về mã theo dõi — chỉ hiển thị MỘT lần, máy chủ chỉ lưu bản băm.',
        body: createConcernBody,
        response: { 201: createConcernResponse },
      },
    },
    async (request, reply) => {
      const created = await createConcern(db, requireActor(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/concerns/mine',
    {
      schema: {
        tags,
        summary: 'Ý kiến của tôi',
        description: 'Các ý kiến có tên mình đã gửi (ý kiến ẩn danh chỉ theo dõi được bằng mã theo dõi).',
        response: { 200: z.object({ items: z.array(concernSummary) }) },
      },
    },
    async (request) => ({ items: await listMine(db, requireActor(request)) }),
  );

  app.get(
    '/concerns/inbox',
    {
      schema: {
        tags,
        summary: 'Hộp thư ý kiến cần xử lý',
        description:
          'Ý kiến đang thuộc các đơn vị mình quản lý (quản trị, biên tập viên) và cấp dưới, sắp theo hạn xử lý.',
        querystring: concernListQuery,
        response: { 200: z.object({ items: z.array(concernSummary) }) },
      },
    },
    async (request) => ({ items: await listHandled(db, requireActor(request), request.query) }),
  );

  app.get(
    '/concerns/track',
    {
      config: TRACK_LIMIT,
      schema: {
        tags,
        summary: 'Theo dõi ý kiến ẩn danh bằng mã',
        description:
          'Không cần đăng nhập. Mã theo dõi gửi trong tiêu đề `x-tracking-code` (không đặt trong đường dẫn để không bị ghi vào nhật ký).',
        headers: z.object({ 'x-tracking-code': z.string().max(40).optional() }),
        response: { 200: concernDetailSchema },
      },
    },
    async (request) => {
      const trackingHash = await hashOf(db, request.headers['x-tracking-code']);
      return concernDetail(db, null, { trackingHash });
    },
  );

  app.post(
    '/concerns/track',
    {
      config: TRACK_LIMIT,
      schema: {
        tags,
        summary: 'Theo dõi ý kiến ẩn danh bằng mã (mã trong thân yêu cầu)',
        description: 'Như GET /concerns/track, mã gửi trong thân yêu cầu `{ code }`.',
        body: trackConcernBody,
        response: { 200: concernDetailSchema },
      },
    },
    async (request) => concernDetail(db, null, { trackingHash: await hashOf(db, request.body.code) }),
  );

  app.post(
    '/concerns/track/transitions',
    {
      config: TRACK_LIMIT,
      schema: {
        tags,
        summary: 'Đánh giá hoặc mở lại ý kiến ẩn danh bằng mã',
        description:
          'Người giữ mã theo dõi được đánh giá câu trả lời (`rate`, 1–5; ý kiến được đóng) hoặc mở lại MỘT lần (`reopen`, cần lý do).',
        body: trackTransitionBody,
        response: { 200: concernDetailSchema },
      },
    },
    async (request) => {
      const trackingHash = await hashOf(db, request.body.code);
      await transitionConcern(db, null, { trackingHash }, request.body);
      return concernDetail(db, null, { trackingHash });
    },
  );

  app.get(
    '/concerns/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết ý kiến, kiến nghị',
        description:
          'Người gửi (ý kiến có tên) và người xử lý của đơn vị đang giữ ý kiến hoặc cấp trên; người khác nhận 404.',
        params: idParam,
        response: { 200: concernDetailSchema },
      },
    },
    async (request) => concernDetail(db, requireActor(request), { id: request.params.id }),
  );

  app.post(
    '/concerns/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Chuyển trạng thái ý kiến',
        description:
          'Thao tác: `receive` (tiếp nhận), `start` (đang xử lý), `answer` (trả lời, cần nội dung — đã giải quyết), ' +
          '`escalate` (chuyển cấp trên, cần lý do; hạn xử lý mới), `rate` (người gửi đánh giá 1–5, ý kiến được đóng), ' +
          '`reopen` (người gửi mở lại một lần, cần lý do). Sai vai trò: 403; sai trạng thái: 409. ' +
          'Trả về 204 khi ý kiến đã chuyển ra khỏi phạm vi người thao tác (chuyển cấp trên).',
        params: idParam,
        body: concernTransitionBody,
        response: { 200: concernDetailSchema, 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await transitionConcern(db, actor, { id: request.params.id }, request.body);
      // Escalated out of the asker's units: done, and no longer theirs to see.
      const after = await concernDetail(db, actor, { id: request.params.id }).catch((error: AppError) => {
        if (error.code === 'NOT_FOUND') return null;
        throw error;
      });
      return after ? after : reply.status(204).send(null);
    },
  );

  app.get(
    '/concerns/:id/attachments/:attachmentId',
    {
      schema: { tags, summary: 'Tải tệp đính kèm của ý kiến', params: attachmentParams },
    },
    async (request, reply) => {
      const file = await attachmentFor(db, requireActor(request), request.params.id, request.params.attachmentId);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition('attachment', file.name))
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    },
  );
};
