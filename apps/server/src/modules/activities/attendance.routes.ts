import {
  attendanceImportResult,
  attendanceView,
  checkinInfo,
  idParam,
  openCheckinBody,
  rosterView,
  setAttendanceBody,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import type { Db } from '../../db/database.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { AppError } from '../../platform/errors.js';
import { readMultipart } from '../../platform/files.js';
import { assertCanEditActivity, assertCanViewActivity } from './activities.policy.js';
import { presentCheckin } from './activities.presenter.js';
import { findActivity } from './activities.repository.js';
import { ACTIVITY_TAGS, requestOrigin } from './activities.routes.js';
import { closeCheckin, openCheckin, setAttendance } from './attendance.commands.js';
import { loadAttendanceView, loadRoster } from './attendance.presenter.js';
import { buildAttendanceTemplate } from './attendance-excel.js';
import { importAttendance } from './attendance-import.js';

const tags = ACTIVITY_TAGS;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CHECKIN_NOT_OPEN = () =>
  new AppError('NOT_FOUND', 'Hoạt động chưa mở điểm danh bằng mã QR.', [
    { field: 'checkin', message: 'Hãy mở điểm danh trước (POST /api/activities/{id}/checkin).' },
  ]);

export const attendanceRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/activities/attendance-template',
    { schema: { tags, summary: 'Tải mẫu nhập điểm danh (.xlsx)' } },
    async (request, reply) => {
      requireActor(request);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="mau-diem-danh.xlsx"`)
        .send(await buildAttendanceTemplate());
    },
  );

  app.get(
    '/activities/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Ai đã tham gia, ai chưa tham gia',
        description:
          'Số liệu của cả hoạt động; danh sách chỉ gồm những người bạn được xem (`partial` = true khi có người ' +
          'ngoài phạm vi).',
        params: idParam,
        response: { 200: attendanceView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const activity = await findActivity(db, request.params.id);
      assertCanViewActivity(actor, activity);
      return loadAttendanceView(db, actor, activity);
    },
  );

  app.get(
    '/activities/:id/roster',
    {
      schema: {
        tags,
        summary: 'Danh sách để điểm danh: mọi người được mời (trong phạm vi bạn được xem)',
        description:
          'Mỗi người kèm `attended`, `expected` (thuộc đối tượng của hoạt động), `recordable` (bạn được đánh dấu).',
        params: idParam,
        response: { 200: rosterView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const activity = await findActivity(db, request.params.id);
      assertCanViewActivity(actor, activity);
      return loadRoster(db, actor, activity);
    },
  );

  app.put(
    '/activities/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Điểm danh theo danh sách (đánh dấu người đã tham gia)',
        description:
          'Điểm danh của những đoàn viên bạn quản lý trở thành đúng danh sách `memberIds`; người ngoài đơn vị tham ' +
          'gia vào ngày diễn ra → 400 kèm từng người.',
        params: idParam,
        body: setAttendanceBody,
        response: { 200: attendanceView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await setAttendance(db, actor, request.params.id, request.body.memberIds);
      return loadAttendanceView(db, actor, await findActivity(db, request.params.id));
    },
  );

  app.post(
    '/activities/:id/attendance/import',
    {
      schema: {
        tags,
        summary: 'Nhập điểm danh từ tệp .xlsx (tất cả hoặc không gì cả)',
        description:
          'multipart/form-data, trường `file`; cột "Số điện thoại", "E-mail" hoặc "Họ và tên" (+ "Đơn vị"). Lỗi: ' +
          '400 IMPORT_INVALID, `details` theo dòng và cột.',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 200: attendanceImportResult },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // Rights first: an outsider learns nothing from the content of their file.
      const activity = await findActivity(db, request.params.id);
      assertCanViewActivity(actor, activity);
      const buffer = (await readMultipart(request)).buffer;
      return importAttendance(db, actor, request.params.id, buffer);
    },
  );

  app.post(
    '/activities/:id/checkin',
    {
      schema: {
        tags,
        summary: 'Mở (hoặc đổi giờ) điểm danh bằng mã QR',
        description: 'Mặc định mở từ 30 phút trước giờ bắt đầu đến 30 phút sau giờ kết thúc. Mã giữ nguyên khi mở lại.',
        params: idParam,
        body: openCheckinBody,
        response: { 200: checkinInfo },
      },
    },
    async (request) => {
      const activity = await openCheckin(db, requireActor(request), request.params.id, request.body);
      const info = presentCheckin(activity, requestOrigin(request));
      if (!info) throw CHECKIN_NOT_OPEN();
      return info;
    },
  );

  app.delete(
    '/activities/:id/checkin',
    { schema: { tags, summary: 'Đóng điểm danh bằng mã QR (mã cũ hết hiệu lực)', params: idParam } },
    async (request, reply) => {
      await closeCheckin(db, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/activities/:id/checkin/qr.svg',
    { schema: { tags, summary: 'Mã QR dẫn tới trang điểm danh (SVG)', params: idParam } },
    async (request, reply) => {
      const actor = requireActor(request);
      const activity = await findActivity(db, request.params.id);
      assertCanEditActivity(actor, activity);
      const info = presentCheckin(activity, requestOrigin(request));
      if (!info) throw CHECKIN_NOT_OPEN();
      const svg = await QRCode.toString(info.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(svg);
    },
  );
};
