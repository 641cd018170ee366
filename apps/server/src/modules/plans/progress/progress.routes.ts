import {
  manualFigureBody,
  progressQuery,
  progressResponse,
  progressTableResponse,
  trendResponse,
  uncoveredResponse,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/database.js';
import { requireActor } from '../../../platform/auth-plugin.js';
import { enterManualFigure, progressTable, progressTrend, uncovered, unitProgress } from './progress.service.js';
import { buildProgressWorkbook } from './progress-excel.js';

const tags = ['Tiến độ chỉ tiêu'];
const planParam = z.object({ planId: z.coerce.number().int().positive() });
const targetParam = planParam.extend({ targetId: z.coerce.number().int().positive() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const progressRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/plans/:planId/progress',
    {
      schema: {
        tags,
        summary: 'Kết quả từng chỉ tiêu của kế hoạch cho một đơn vị (và cấp dưới) trong một năm',
        description:
          'Với mỗi chỉ tiêu: tử số, mẫu số, giá trị (% hoặc số lượng), ngưỡng, đánh giá (met = đạt, on_track = đang thực hiện, at_risk = có nguy cơ, missed = không đạt, not_applicable = không áp dụng) và dự báo cho kỳ đang diễn ra. Kỳ của chỉ tiêu (năm, nhiệm kỳ, chu kỳ 2 hoặc 5 năm) là kỳ chứa năm được hỏi.',
        params: planParam,
        querystring: progressQuery,
        response: { 200: progressResponse },
      },
    },
    async (request) =>
      unitProgress(db, requireActor(request), request.params.planId, request.query.unitId, request.query.year),
  );

  app.get(
    '/plans/:planId/progress/units',
    {
      schema: {
        tags,
        summary: 'Bảng đơn vị × chỉ tiêu (đơn vị chậm tiến độ lên đầu)',
        params: planParam,
        querystring: progressQuery,
        response: { 200: progressTableResponse },
      },
    },
    async (request) =>
      progressTable(db, requireActor(request), request.params.planId, request.query.unitId, request.query.year),
  );

  app.get(
    '/plans/:planId/progress/units/export',
    { schema: { tags, summary: 'Xuất bảng đơn vị × chỉ tiêu (.xlsx)', params: planParam, querystring: progressQuery } },
    async (request, reply) => {
      const actor = requireActor(request);
      const table = await progressTable(db, actor, request.params.planId, request.query.unitId, request.query.year);
      const { unitName } = await unitProgress(
        db,
        actor,
        request.params.planId,
        request.query.unitId,
        request.query.year,
      );
      const file = await buildProgressWorkbook(table, unitName);
      const name = `tien-do-chi-tieu-${request.query.unitId}-${request.query.year}.xlsx`;
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(file);
    },
  );

  app.get(
    '/plans/:planId/progress/trend',
    {
      schema: {
        tags,
        summary: 'Diễn biến các chỉ tiêu qua các năm của nhiệm kỳ',
        params: planParam,
        querystring: z.object({ unitId: z.coerce.number().int().positive() }),
        response: { 200: trendResponse },
      },
    },
    async (request) => progressTrend(db, requireActor(request), request.params.planId, request.query.unitId),
  );

  app.get(
    '/plans/:planId/targets/:targetId/uncovered',
    {
      schema: {
        tags,
        summary: 'Danh sách người chưa tham gia (chỉ tiêu bao phủ) — để đơn vị nhắc nhở',
        params: targetParam,
        querystring: progressQuery,
        response: { 200: uncoveredResponse },
      },
    },
    async (request) =>
      uncovered(
        db,
        requireActor(request),
        request.params.planId,
        request.params.targetId,
        request.query.unitId,
        request.query.year,
      ),
  );

  app.post(
    '/plans/:planId/targets/:targetId/manual-figures',
    {
      schema: {
        tags,
        summary: 'Nhập tay số liệu hệ thống không tự tính được (kèm căn cứ)',
        params: targetParam,
        body: manualFigureBody,
        response: { 200: progressResponse },
      },
    },
    async (request) =>
      enterManualFigure(db, requireActor(request), request.params.planId, request.params.targetId, request.body),
  );
};
