import {
  activityListQuery,
  activityPage,
  activityView,
  addGuestBody,
  createActivityBody,
  guestView,
  idParam,
  updateActivityBody,
} from '@lan-toa/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { assertCanViewUnit } from '../org/org.policy.js';
import { findUnit } from '../org/units.repository.js';
import { createActivity, deleteActivity, updateActivity } from './activities.commands.js';
import { assertCanViewActivity } from './activities.policy.js';
import { presentActivity, presentSummary } from './activities.presenter.js';
import { activityCounts, activityLinks, findActivity, listActivities } from './activities.repository.js';
import { addGuest, removeGuest } from './attendance.commands.js';

export const ACTIVITY_TAGS = ['Hoạt động'];
const tags = ACTIVITY_TAGS;

/** The address the app is served at, as the browser reached it (for links and QR codes). */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** An activity as its viewer may see it (404 when they may not). */
export async function viewActivity(db: Db, actor: Actor, id: number, origin: string) {
  const activity = await findActivity(db, id);
  assertCanViewActivity(actor, activity);
  const [links, counts] = await Promise.all([activityLinks(db, id), activityCounts(db, id)]);
  return presentActivity(actor, activity, { links, counts, origin });
}

const guestParams = z.object({ id: z.coerce.number().int().positive(), guestId: z.coerce.number().int().positive() });

export const activityRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/activities',
    {
      schema: {
        tags,
        summary: 'Danh sách hoạt động',
        description:
          'Hoạt động do các đơn vị thuộc đơn vị `unitId` (kể cả cấp dưới) tổ chức hoặc tham gia, trong phạm vi bạn ' +
          'được xem; mới nhất trước.',
        querystring: activityListQuery,
        response: { 200: activityPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { page, pageSize, unitId, ...filters } = request.query;
      let unitPath: string | undefined;
      if (unitId !== undefined) {
        const unit = await findUnit(db, unitId);
        assertCanViewUnit(actor, unit);
        unitPath = unit.path;
      }
      const result = await listActivities(db, actor, { ...filters, unitPath }, { page, pageSize });
      return { items: result.items.map(presentSummary), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết hoạt động',
        description:
          'Đơn vị, nhiệm vụ và chỉ tiêu liên kết, số người điểm danh, tài liệu chủ đề (`topicDocuments`: nghị quyết, ' +
          'chỉ thị, luật… mà hoạt động học tập, quán triệt, mỗi mục `{title, number}`, `number` rỗng khi không có).',
        params: idParam,
        response: { 200: activityView },
      },
    },
    async (request) => viewActivity(db, requireActor(request), request.params.id, requestOrigin(request)),
  );

  app.post(
    '/activities',
    {
      schema: {
        tags,
        summary: 'Tạo hoạt động',
        description:
          'Đơn vị tham gia mặc định là đơn vị tổ chức. `topicDocuments`: tối đa 20 tài liệu chủ đề, mỗi mục có ' +
          '`title` (bắt buộc, tối đa 300 ký tự) và `number` (số, ký hiệu, tùy chọn, tối đa 100 ký tự, ví dụ "02-NQ/TW").',
        body: createActivityBody,
        response: { 201: activityView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createActivity(db, actor, request.body);
      return reply.status(201).send(await viewActivity(db, actor, id, requestOrigin(request)));
    },
  );

  app.patch(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Sửa hoạt động',
        description:
          'Đổi ngày hoặc loại hoạt động thì điểm danh đi theo (ngày, loại). Không đổi được nếu người đã điểm danh ' +
          'không còn thuộc đơn vị tham gia vào ngày mới. `topicDocuments`, khi gửi, thay cả danh sách tài liệu chủ đề ' +
          '(`[]` để xóa hết).',
        params: idParam,
        body: updateActivityBody,
        response: { 200: activityView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateActivity(db, actor, request.params.id, request.body);
      return viewActivity(db, actor, request.params.id, requestOrigin(request));
    },
  );

  app.delete(
    '/activities/:id',
    { schema: { tags, summary: 'Xóa hoạt động (cùng điểm danh, khách mời)', params: idParam } },
    async (request, reply) => {
      await deleteActivity(db, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/activities/:id/guests',
    {
      schema: { tags, summary: 'Thêm khách mời', params: idParam, body: addGuestBody, response: { 201: guestView } },
    },
    async (request, reply) => {
      const guest = await addGuest(db, requireActor(request), request.params.id, request.body);
      return reply.status(201).send(guest);
    },
  );

  app.delete(
    '/activities/:id/guests/:guestId',
    { schema: { tags, summary: 'Xóa khách mời', params: guestParams } },
    async (request, reply) => {
      await removeGuest(db, requireActor(request), request.params.id, request.params.guestId);
      return reply.status(204).send();
    },
  );
};
