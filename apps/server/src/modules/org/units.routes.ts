import {
  createUnitBody,
  createUnitKindBody,
  dissolveUnitBody,
  idParam,
  mergeUnitBody,
  moveUnitBody,
  renameUnitBody,
  unitDetail,
  unitHistoryEntry,
  unitKind,
  unitTreeNode,
  unitTreeQuery,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { isSystemAdmin } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { todayInVietnam } from '../../platform/dates.js';
import { AppError, uniqueViolation } from '../../platform/errors.js';
import { assertCanViewUnit } from './org.policy.js';
import { presentUnitDetail } from './org.presenter.js';
import { createUnit, dissolveUnit, mergeUnit, moveUnit, renameUnit } from './units.commands.js';
import { ancestorsAt, findUnit, treeAt, unitHistory, unitsAt } from './units.repository.js';

const tags = ['Cơ cấu tổ chức'];

export const unitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  async function detail(actor: ReturnType<typeof requireActor>, id: number, at: string) {
    const unit = await findUnit(db, id);
    assertCanViewUnit(actor, unit);
    // A unit that did not exist on `at` is shown as it was on its last day.
    const day =
      unit.validTo && unit.validTo <= at ? previousDay(unit.validTo) : at < unit.validFrom ? unit.validFrom : at;
    const [summary] = await unitsAt(db, day, [id]);
    if (!summary) throw new AppError('UNIT_NOT_FOUND');
    const childIds = await db
      .selectFrom('unit_versions')
      .select('unit_id')
      .where('parent_id', '=', id)
      .where('valid_from', '<=', day)
      .where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>', day)]))
      .execute();
    const [ancestors, children] = await Promise.all([
      ancestorsAt(db, id, day),
      unitsAt(
        db,
        day,
        childIds.map((row) => row.unit_id),
      ),
    ]);
    return presentUnitDetail(actor, unit, summary, ancestors, children);
  }

  app.get(
    '/unit-kinds',
    { schema: { tags, summary: 'Loại đơn vị', response: { 200: z.array(unitKind) } } },
    async (request) => {
      requireActor(request);
      return db
        .selectFrom('unit_kinds')
        .select(['id', 'code', 'name', 'sort_order as sortOrder'])
        .orderBy('sort_order')
        .execute();
    },
  );

  app.post(
    '/unit-kinds',
    {
      schema: {
        tags,
        summary: 'Thêm loại đơn vị (quản trị hệ thống)',
        body: createUnitKindBody,
        response: { 201: unitKind },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!isSystemAdmin(actor)) throw new AppError('FORBIDDEN');
      try {
        const kind = await db.transaction().execute(async (tx) => {
          const row = await tx
            .insertInto('unit_kinds')
            .values({ code: request.body.code, name: request.body.name, sort_order: request.body.sortOrder })
            .returning(['id', 'code', 'name', 'sort_order as sortOrder'])
            .executeTakeFirstOrThrow();
          await recordAudit(tx, actor, {
            action: 'unit_kind.created',
            entityType: 'unit_kind',
            entityId: row.id,
            unitId: null,
            after: row,
          });
          return row;
        });
        return reply.status(201).send(kind);
      } catch (error) {
        throw uniqueViolation(error, { code: 'Mã loại đơn vị đã tồn tại.' }) ?? error;
      }
    },
  );

  app.get(
    '/units/tree',
    {
      schema: {
        tags,
        summary: 'Cây tổ chức (tại một ngày)',
        querystring: unitTreeQuery,
        response: { 200: z.array(unitTreeNode) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return treeAt(db, actor, request.query.at ?? todayInVietnam());
    },
  );

  app.get(
    '/units/:id',
    {
      schema: {
        tags,
        summary: 'Thông tin đơn vị',
        params: idParam,
        querystring: unitTreeQuery,
        response: { 200: unitDetail },
      },
    },
    async (request) => {
      return detail(requireActor(request), request.params.id, request.query.at ?? todayInVietnam());
    },
  );

  app.get(
    '/units/:id/history',
    {
      schema: {
        tags,
        summary: 'Lịch sử tên và vị trí của đơn vị',
        params: idParam,
        response: { 200: z.array(unitHistoryEntry) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      assertCanViewUnit(actor, await findUnit(db, request.params.id));
      return unitHistory(db, request.params.id);
    },
  );

  app.post(
    '/units',
    { schema: { tags, summary: 'Thành lập đơn vị', body: createUnitBody, response: { 201: unitDetail } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createUnit(db, actor, request.body);
      return reply.status(201).send(await detail(actor, id, todayInVietnam()));
    },
  );

  app.post(
    '/units/:id/rename',
    {
      schema: { tags, summary: 'Đổi tên đơn vị', params: idParam, body: renameUnitBody, response: { 200: unitDetail } },
    },
    async (request) => {
      const actor = requireActor(request);
      await renameUnit(db, actor, request.params.id, request.body);
      return detail(actor, request.params.id, todayInVietnam());
    },
  );

  app.post(
    '/units/:id/move',
    {
      schema: {
        tags,
        summary: 'Chuyển đơn vị sang đơn vị cấp trên khác',
        params: idParam,
        body: moveUnitBody,
        response: { 200: unitDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await moveUnit(db, actor, request.params.id, request.body);
      return detail(actor, request.params.id, todayInVietnam());
    },
  );

  app.post(
    '/units/:id/merge',
    {
      schema: {
        tags,
        summary: 'Sáp nhập đơn vị vào đơn vị khác',
        params: idParam,
        body: mergeUnitBody,
        response: { 200: unitDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const survivorId = await mergeUnit(db, actor, request.params.id, request.body);
      return detail(actor, survivorId, todayInVietnam());
    },
  );

  app.post(
    '/units/:id/dissolve',
    {
      schema: {
        tags,
        summary: 'Giải thể đơn vị',
        params: idParam,
        body: dissolveUnitBody,
        response: { 200: unitDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await dissolveUnit(db, actor, request.params.id, request.body);
      return detail(actor, request.params.id, todayInVietnam());
    },
  );
};

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
