import {
  createMemberBody,
  idParam,
  importResult,
  memberHistory,
  memberListQuery,
  memberPage,
  memberStatusBody,
  memberView,
  transferMemberBody,
  updateMemberBody,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { AppError } from '../../platform/errors.js';
import { readMultipart } from '../../platform/files.js';
import { createMember, setMemberStatus, transferMember, updateMember } from './members.commands.js';
import { findMember, listMembers, memberHistory as loadHistory } from './members.repository.js';
import { buildMemberExport, buildMemberTemplate } from './members-excel.js';
import { importMembers } from './members-import.js';
import { assertCanManageMembersOf, assertCanViewUnit, canSeeContacts, canViewMember } from './org.policy.js';
import { presentMember } from './org.presenter.js';
import { findUnit } from './units.repository.js';

const tags = ['Đoàn viên'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const exportQuery = memberListQuery.omit({ page: true, pageSize: true });

function attachment(filename: string): string {
  return `attachment; filename="${filename.normalize('NFD').replace(/[^\x20-\x7e]/gu, '')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const memberRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  async function visibleMember(request: Parameters<typeof requireActor>[0], id: number) {
    const actor = requireActor(request);
    const member = await findMember(db, id);
    if (!canViewMember(actor, member)) throw new AppError('MEMBER_NOT_FOUND');
    return { actor, member };
  }

  app.get(
    '/units/:id/members',
    {
      schema: {
        tags,
        summary: 'Danh sách đoàn viên của đơn vị',
        params: idParam,
        querystring: memberListQuery,
        response: { 200: memberPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unit = await findUnit(db, request.params.id);
      assertCanViewUnit(actor, unit);
      const { page, pageSize, ...filters } = request.query;
      const result = await listMembers(db, actor, unit, filters, { page, pageSize });
      return { items: result.items.map((member) => presentMember(actor, member)), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/units/:id/members/export',
    { schema: { tags, summary: 'Xuất danh sách đoàn viên (.xlsx)', params: idParam, querystring: exportQuery } },
    async (request, reply) => {
      const actor = requireActor(request);
      const unit = await findUnit(db, request.params.id);
      assertCanViewUnit(actor, unit);
      const { items } = await listMembers(db, actor, unit, request.query, null);
      const views = items.map((member) => presentMember(actor, member));
      const file = await buildMemberExport(views, unit.name);
      await recordAudit(db, actor, {
        action: 'member.exported',
        entityType: 'unit',
        entityId: unit.id,
        unitId: unit.id,
        after: { rows: views.length, filters: request.query },
      });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`doan-vien-${unit.id}.xlsx`))
        .send(file);
    },
  );

  app.get(
    '/members/import-template',
    { schema: { tags, summary: 'Tải mẫu nhập đoàn viên (.xlsx)' } },
    async (request, reply) => {
      requireActor(request);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('mau-nhap-doan-vien.xlsx'))
        .send(await buildMemberTemplate());
    },
  );

  app.post(
    '/units/:id/members/import',
    {
      schema: {
        tags,
        summary: 'Nhập đoàn viên từ tệp .xlsx (tất cả hoặc không gì cả)',
        description:
          'multipart/form-data, trường `file`. Lỗi: 400 IMPORT_INVALID, `details` liệt kê từng lỗi theo dòng và cột.',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: importResult },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const unit = await findUnit(db, request.params.id);
      assertCanManageMembersOf(actor, unit);
      const buffer = (await readMultipart(request)).buffer;
      const created = await importMembers(db, actor, unit, buffer);
      return reply.status(201).send({ created, unitId: unit.id });
    },
  );

  app.get(
    '/members/:id',
    { schema: { tags, summary: 'Thông tin đoàn viên', params: idParam, response: { 200: memberView } } },
    async (request) => {
      const { actor, member } = await visibleMember(request, request.params.id);
      return presentMember(actor, member);
    },
  );

  app.get(
    '/members/:id/history',
    {
      schema: { tags, summary: 'Quá trình sinh hoạt và trạng thái', params: idParam, response: { 200: memberHistory } },
    },
    async (request) => {
      const { actor, member } = await visibleMember(request, request.params.id);
      const history = await loadHistory(db, request.params.id, canSeeContacts(actor, member));
      return history as z.infer<typeof memberHistory>;
    },
  );

  app.post(
    '/members',
    { schema: { tags, summary: 'Thêm đoàn viên', body: createMemberBody, response: { 201: memberView } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createMember(db, actor, request.body);
      return reply.status(201).send(presentMember(actor, await findMember(db, id)));
    },
  );

  app.patch(
    '/members/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin đoàn viên',
        params: idParam,
        body: updateMemberBody,
        response: { 200: memberView },
      },
    },
    async (request) => {
      const { actor } = await visibleMember(request, request.params.id);
      await updateMember(db, actor, request.params.id, request.body);
      return presentMember(actor, await findMember(db, request.params.id));
    },
  );

  app.post(
    '/members/:id/transfer',
    {
      schema: {
        tags,
        summary: 'Chuyển sinh hoạt sang đơn vị khác',
        params: idParam,
        body: transferMemberBody,
        response: { 200: memberView },
      },
    },
    async (request) => {
      const { actor } = await visibleMember(request, request.params.id);
      await transferMember(db, actor, request.params.id, request.body);
      return presentMember(actor, await findMember(db, request.params.id));
    },
  );

  app.post(
    '/members/:id/status',
    {
      schema: {
        tags,
        summary: 'Đổi trạng thái (nghỉ hưu, chuyển công tác, thôi sinh hoạt…)',
        params: idParam,
        body: memberStatusBody,
        response: { 200: memberView },
      },
    },
    async (request) => {
      const { actor } = await visibleMember(request, request.params.id);
      await setMemberStatus(db, actor, request.params.id, request.body);
      return presentMember(actor, await findMember(db, request.params.id));
    },
  );
};
