import {
  createTargetBody,
  createTaskBody,
  idParam,
  planTargetParams,
  planTargetView,
  planTaskParams,
  planTaskView,
  updateTargetBody,
  updateTaskBody,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { AppError } from '../../platform/errors.js';
import { addTarget, addTask, removeTarget, removeTask, updateTarget, updateTask } from './plan-items.commands.js';
import { presentTarget, presentTask } from './plans.presenter.js';
import { planTargets, planTasks } from './plans.repository.js';

const tags = ['Kế hoạch'];
const DRAFT_ONLY = 'Chỉ với dự thảo; kế hoạch đã ban hành trả 409 CONFLICT (hãy dùng văn bản sửa đổi, bổ sung).';
const TARGET_RULES =
  'Đo lường: coverage (tỷ lệ tham gia; đối tượng all_members hoặc key_officials; cần loại hoạt động), ' +
  'count (số hoạt động; không có đối tượng; cần loại hoạt động và cấp tổ chức issuer hoặc subtree; ngưỡng là số ' +
  'nguyên dương), evaluation_share (tỷ lệ đạt chuẩn; đối tượng units hoặc families; không có loại hoạt động). ' +
  'Ngưỡng phần trăm từ 0 đến 100. Chỉ tiêu kế thừa chỉ được nâng ngưỡng, không thấp hơn kế hoạch cấp trên.';

/** Targets and tasks of a draft plan, one at a time. */
export const planItemRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  async function targetView(planId: number, targetId: number) {
    const target = (await planTargets(db, planId)).find((row) => row.id === targetId);
    if (!target) throw new AppError('NOT_FOUND', 'Không tìm thấy chỉ tiêu.');
    return presentTarget(target);
  }
  async function taskView(planId: number, taskId: number) {
    const task = (await planTasks(db, planId)).find((row) => row.id === taskId);
    if (!task) throw new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ.');
    return presentTask(task);
  }

  app.post(
    '/plans/:id/targets',
    {
      schema: {
        tags,
        summary: 'Thêm chỉ tiêu vào dự thảo',
        description: `${DRAFT_ONLY} ${TARGET_RULES}`,
        params: idParam,
        body: createTargetBody,
        response: { 201: planTargetView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await addTarget(db, actor, request.params.id, request.body);
      return reply.status(201).send(await targetView(request.params.id, id));
    },
  );

  app.patch(
    '/plans/:id/targets/:targetId',
    {
      schema: {
        tags,
        summary: 'Sửa chỉ tiêu của dự thảo',
        description: `${DRAFT_ONLY} ${TARGET_RULES}`,
        params: planTargetParams,
        body: updateTargetBody,
        response: { 200: planTargetView },
      },
    },
    async (request) => {
      const { id, targetId } = request.params;
      await updateTarget(db, requireActor(request), id, targetId, request.body);
      return targetView(id, targetId);
    },
  );

  app.delete(
    '/plans/:id/targets/:targetId',
    {
      schema: {
        tags,
        summary: 'Xóa chỉ tiêu của dự thảo',
        description: `${DRAFT_ONLY} Chỉ tiêu kế thừa từ kế hoạch cấp trên không xóa được.`,
        params: planTargetParams,
      },
    },
    async (request, reply) => {
      await removeTarget(db, requireActor(request), request.params.id, request.params.targetId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/plans/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Thêm nhiệm vụ vào dự thảo',
        description: DRAFT_ONLY,
        params: idParam,
        body: createTaskBody,
        response: { 201: planTaskView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await addTask(db, actor, request.params.id, request.body);
      return reply.status(201).send(await taskView(request.params.id, id));
    },
  );

  app.patch(
    '/plans/:id/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Sửa nhiệm vụ của dự thảo',
        description: `${DRAFT_ONLY} Nhiệm vụ kế thừa từ kế hoạch cấp trên không sửa được nội dung.`,
        params: planTaskParams,
        body: updateTaskBody,
        response: { 200: planTaskView },
      },
    },
    async (request) => {
      const { id, taskId } = request.params;
      await updateTask(db, requireActor(request), id, taskId, request.body);
      return taskView(id, taskId);
    },
  );

  app.delete(
    '/plans/:id/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Xóa nhiệm vụ của dự thảo',
        description: `${DRAFT_ONLY} Nhiệm vụ kế thừa từ kế hoạch cấp trên không xóa được.`,
        params: planTaskParams,
      },
    },
    async (request, reply) => {
      await removeTask(db, requireActor(request), request.params.id, request.params.taskId);
      return reply.status(204).send();
    },
  );
};
