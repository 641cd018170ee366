import {
  amendPlanBody,
  cascadeQuery,
  cascadeResponse,
  createPlanBody,
  derivePlanBody,
  idParam,
  planDetail,
  planListQuery,
  planPage,
  planVersionDetail,
  planVersionParams,
  planVersionSummary,
  updatePlanBody,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { AppError } from '../../platform/errors.js';
import { amendPlan } from './plan-amendments.js';
import { planItemRoutes } from './plan-items.routes.js';
import { createPlan, derivePlan, issuePlan, updatePlan } from './plans.commands.js';
import { canViewCascade } from './plans.policy.js';
import { presentPlanDetail, presentPlanSummary, presentVersion } from './plans.presenter.js';
import { findVisiblePlan, listPlans, planVersionList } from './plans.repository.js';
import { planCascade } from './plans-cascade.js';

const tags = ['Kế hoạch'];

export const planRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const detail = async (actor: Actor, id: number) => presentPlanDetail(db, actor, await findVisiblePlan(db, actor, id));

  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Danh sách kế hoạch được xem',
        description:
          'Kế hoạch đã ban hành của đơn vị mình và các đơn vị cấp trên, cấp dưới trong phạm vi được xem; ' +
          'dự thảo chỉ hiện với người quản lý đơn vị ban hành. Cấp cao trước, nhiệm kỳ mới trước.',
        querystring: planListQuery,
        response: { 200: planPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { page, pageSize, ...filters } = request.query;
      const { items, total } = await listPlans(db, actor, filters, { page, pageSize });
      return { items: items.map(presentPlanSummary), total, page, pageSize };
    },
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Toàn văn kế hoạch: các mục, chỉ tiêu, nhiệm vụ và quyền thao tác',
        params: idParam,
        response: { 200: planDetail },
      },
    },
    async (request) => detail(requireActor(request), request.params.id),
  );

  app.post(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Tạo dự thảo kế hoạch',
        description:
          'Người quản lý đơn vị (quyền quản trị đơn vị) tạo kế hoạch của đơn vị. Nội dung các mục là HTML; ' +
          'máy chủ chỉ giữ định dạng cơ bản (p, br, strong, em, u, ul, ol, li, h3, h4, blockquote, a).',
        body: createPlanBody,
        response: { 201: planDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createPlan(db, actor, request.body);
      return reply.status(201).send(await detail(actor, id));
    },
  );

  app.patch(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Sửa dự thảo kế hoạch',
        description: 'Chỉ dự thảo; kế hoạch đã ban hành trả 409 CONFLICT (hãy dùng văn bản sửa đổi, bổ sung).',
        params: idParam,
        body: updatePlanBody,
        response: { 200: planDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updatePlan(db, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/plans/:id/issue',
    {
      schema: {
        tags,
        summary: 'Ban hành kế hoạch',
        description:
          'Cần số và ngày ký. Sau khi ban hành, kế hoạch hiện với mọi đơn vị cấp dưới, được lưu phiên bản 1 ' +
          'và chỉ thay đổi bằng văn bản sửa đổi, bổ sung.',
        params: idParam,
        response: { 200: planDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await issuePlan(db, actor, request.params.id);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/plans/:id/amendments',
    {
      schema: {
        tags,
        summary: 'Sửa đổi, bổ sung kế hoạch đã ban hành',
        description:
          'Lý do và các thay đổi (trường của kế hoạch; thêm, sửa, xóa chỉ tiêu và nhiệm vụ) thành một phiên bản ' +
          'mới; các phiên bản trước vẫn xem được.',
        params: idParam,
        body: amendPlanBody,
        response: { 201: planDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await amendPlan(db, actor, request.params.id, request.body);
      return reply.status(201).send(await detail(actor, request.params.id));
    },
  );

  app.get(
    '/plans/:id/versions',
    {
      schema: {
        tags,
        summary: 'Các phiên bản đã ban hành của kế hoạch',
        params: idParam,
        response: { 200: z.array(planVersionSummary) },
      },
    },
    async (request) => {
      const plan = await findVisiblePlan(db, requireActor(request), request.params.id);
      return planVersionList(db, plan.id);
    },
  );

  app.get(
    '/plans/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'Toàn văn một phiên bản đã ban hành',
        params: planVersionParams,
        response: { 200: planVersionDetail },
      },
    },
    async (request) => {
      const plan = await findVisiblePlan(db, requireActor(request), request.params.id);
      return presentVersion(db, plan.id, request.params.version);
    },
  );

  app.post(
    '/plans/:id/derived',
    {
      schema: {
        tags,
        summary: 'Đơn vị cấp dưới xây dựng kế hoạch từ kế hoạch này',
        description:
          'Tạo dự thảo của đơn vị: chép các mục làm điểm xuất phát, kế thừa mọi chỉ tiêu (chỉ được nâng ngưỡng) ' +
          'và nhiệm vụ. Mỗi đơn vị một kế hoạch cho mỗi kế hoạch cấp trên (409 DUPLICATE).',
        params: idParam,
        body: derivePlanBody,
        response: { 201: planDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await derivePlan(db, actor, request.params.id, request.body);
      return reply.status(201).send(await detail(actor, id));
    },
  );

  app.get(
    '/plans/:id/cascade',
    {
      schema: {
        tags,
        summary: 'Tình hình xây dựng kế hoạch của các đơn vị cấp dưới',
        description:
          'Mọi đơn vị đang hoạt động dưới đơn vị ban hành, với trạng thái kế hoạch của đơn vị: chưa có (none), ' +
          'dự thảo (draft), đã ban hành (issued, kèm số và ngày). Có số đếm; sắp xếp theo trạng thái, tên, ngày.',
        params: idParam,
        querystring: cascadeQuery,
        response: { 200: cascadeResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const plan = await findVisiblePlan(db, actor, request.params.id);
      if (!canViewCascade(actor, plan.unitPath)) throw new AppError('FORBIDDEN');
      return planCascade(db, actor, plan, request.query);
    },
  );

  await app.register(planItemRoutes, { db });
};
