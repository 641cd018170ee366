import {
  cultureEvaluationBody,
  cultureEvaluationList,
  cultureEvaluationView,
  cultureListQuery,
  cultureParams,
  cultureUnitParam,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { todayInVietnam } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { assertCanViewUnit } from '../org/org.policy.js';
import { findUnit } from '../org/units.repository.js';
import { confirmCulture, enterCulture } from './culture.commands.js';
import { findCulture, listCulture } from './culture.repository.js';

const tags = ['Phong trào văn hóa'];

async function oneRow(db: Db, actor: Actor, unitId: number, year: number) {
  const row = await findCulture(db, actor, unitId, year);
  if (!row) throw new AppError('UNIT_NOT_FOUND');
  return row;
}

export const cultureRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/units/:unitId/culture-evaluations',
    {
      schema: {
        tags,
        summary: 'Kết quả "đơn vị đạt chuẩn văn hóa", "gia đình văn hóa" của đơn vị và cấp dưới trong năm',
        description: 'Mỗi đơn vị một dòng với trạng thái: chưa nhập / đã nhập / đã xác nhận. Mặc định năm nay.',
        params: cultureUnitParam,
        querystring: cultureListQuery,
        response: { 200: cultureEvaluationList },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unit = await findUnit(db, request.params.unitId);
      assertCanViewUnit(actor, unit);
      const year = request.query.year ?? Number(todayInVietnam().slice(0, 4));
      return listCulture(db, actor, unit.id, year);
    },
  );

  app.put(
    '/units/:unitId/culture-evaluations/:year',
    {
      schema: {
        tags,
        summary: 'Nhập (hoặc sửa) kết quả năm của đơn vị',
        description:
          'Do quản trị, biên tập viên của đơn vị (hoặc cấp trên) nhập. Sửa sau khi đã xác nhận thì phải xác nhận lại.',
        params: cultureParams,
        body: cultureEvaluationBody,
        response: { 200: cultureEvaluationView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unitId, year } = request.params;
      await enterCulture(db, actor, unitId, year, request.body);
      return oneRow(db, actor, unitId, year);
    },
  );

  app.post(
    '/units/:unitId/culture-evaluations/:year/confirm',
    {
      schema: {
        tags,
        summary: 'Cấp trên xác nhận kết quả năm của đơn vị',
        description: 'Chỉ người quản lý đơn vị cấp trên; đơn vị không tự xác nhận kết quả của mình (403).',
        params: cultureParams,
        response: { 200: cultureEvaluationView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unitId, year } = request.params;
      await confirmCulture(db, actor, unitId, year);
      return oneRow(db, actor, unitId, year);
    },
  );
};
