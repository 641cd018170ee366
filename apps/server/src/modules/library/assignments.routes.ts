import {
  assignmentInput,
  assignmentListQuery,
  assignmentPage,
  assignmentPatch,
  assignmentProgress,
  assignmentProgressQuery,
  assignmentView,
  documentReach,
  documentReachQuery,
  idParam,
  studyConfirmInput,
  studyConfirmResult,
  studyPendingList,
  studyRemindResult,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { todayInVietnam } from '../../platform/dates.js';
import { assertCanViewUnit } from '../org/org.policy.js';
import { findUnit } from '../org/units.repository.js';
import { createAssignment, deleteAssignment, updateAssignment } from './assignments.commands.js';
import { findVisibleAssignment, listAssignments, viewAssignment } from './assignments.queries.js';
import { assertCanFollowAssignment, followedCondition } from './library.policy.js';
import { confirmStudy } from './study.service.js';
import { registerStudyDeadlineJobs } from './study-deadlines.js';
import { pendingWorkbook } from './study-excel.js';
import { documentConfirmations, pendingMembers, assignmentProgress as progressOf } from './study-progress.js';
import { remindPending } from './study-reminders.js';

/**
 * Study assignments (giao học tập, quán triệt): given by a unit, read and confirmed by members,
 * followed by the unit. Thin routes: validate → policy → command or query → presenter.
 */
const tags = ['Học tập, quán triệt văn bản'];

export const assignmentRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  registerStudyDeadlineJobs(db);
  app.get(
    '/study/assignments',
    {
      schema: {
        tags,
        summary: 'Danh sách đợt học tập',
        description:
          '`scope=mine` (mặc định): "Tài liệu cần học" — các đợt giao cho đơn vị bạn đang sinh hoạt hoặc bạn đã xác ' +
          'nhận, kèm thời điểm bạn xác nhận. `scope=managed`: các đợt do đơn vị bạn quản lý giao, hoặc giao cho đơn ' +
          'vị bạn quản lý. Hạn muộn nhất trước.',
        querystring: assignmentListQuery,
        response: { 200: assignmentPage },
      },
    },
    async (request) => listAssignments(db, requireActor(request), request.query),
  );

  app.post(
    '/study/assignments',
    {
      schema: {
        tags,
        summary: 'Giao văn bản để học tập',
        description:
          'Chỉ quản trị, biên tập viên của đơn vị giao (`unitId`). Văn bản phải của đơn vị đó hoặc cấp trên. ' +
          '`audienceUnitIds`: các đơn vị được giao (trong cây của đơn vị giao; để trống: toàn bộ đơn vị). ' +
          '`questions`: câu hỏi trắc nghiệm một đáp án (tùy chọn); `passMark`: số câu cần đúng (mặc định: tất cả). ' +
          '`countsAsStudy`: tính là học tập, quán triệt cho chỉ tiêu 2.1 — khi đó tạo luôn (cùng giao dịch) một ' +
          'hoạt động "học tập, quán triệt" của đơn vị giao; mỗi xác nhận là một lượt tham gia.',
        body: assignmentInput,
        response: { 201: assignmentView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createAssignment(db, actor, request.body);
      return reply.status(201).send(await viewAssignment(db, actor, id));
    },
  );

  app.get(
    '/study/assignments/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết đợt học tập',
        description:
          'Văn bản (kèm tệp), câu hỏi (đáp án chỉ hiện với đơn vị giao), quyền của người xem: `canManage`, ' +
          '`canConfirm` (bạn thuộc đối tượng được giao hôm nay), thời điểm bạn đã xác nhận và lần trả lời gần nhất.',
        params: idParam,
        response: { 200: assignmentView },
      },
    },
    async (request) => viewAssignment(db, requireActor(request), request.params.id),
  );

  app.patch(
    '/study/assignments/:id',
    {
      schema: {
        tags,
        summary: 'Sửa đợt học tập',
        description:
          'Đổi tên, lời nhắn, hạn hoàn thành (hạn mới không trước hôm nay). Văn bản và câu hỏi không đổi được.',
        params: idParam,
        body: assignmentPatch,
        response: { 200: assignmentView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateAssignment(db, actor, request.params.id, request.body);
      return viewAssignment(db, actor, request.params.id);
    },
  );

  app.delete(
    '/study/assignments/:id',
    {
      schema: {
        tags,
        summary: 'Thu hồi đợt học tập',
        description: 'Chỉ khi chưa ai xác nhận (409 CONFLICT nếu đã có); hoạt động học tập đi kèm cũng được xóa.',
        params: idParam,
      },
    },
    async (request, reply) => {
      await deleteAssignment(db, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/study/assignments/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Xác nhận đã đọc và nắm nội dung',
        description:
          'Đoàn viên thuộc đối tượng được giao (hôm nay). Có câu hỏi: gửi `answers` {mã câu hỏi: mã phương án} cho ' +
          'mọi câu; chỉ được ghi nhận khi đạt số câu đúng yêu cầu (`confirmed: false` nếu chưa đạt, được làm lại; ' +
          'đáp án đúng không được gửi về). Thiếu câu trả lời: 400 với lỗi từng câu. Xác nhận lại không đổi gì.',
        params: idParam,
        body: studyConfirmInput,
        response: { 200: studyConfirmResult },
      },
    },
    async (request) => confirmStudy(db, requireActor(request), request.params.id, request.body.answers),
  );

  app.get(
    '/study/assignments/:id/progress',
    {
      schema: {
        tags,
        summary: 'Tiến độ xác nhận theo đơn vị',
        description:
          'Số được giao: đoàn viên đang sinh hoạt vào ngày tính (`day`, mặc định hôm nay) ở đơn vị thuộc đối tượng ' +
          'được giao, tính theo đơn vị họ sinh hoạt ngày đó (người chuyển đi/đến tính ở nơi họ đang ở); số đã xác ' +
          'nhận: những người trong số đó xác nhận đến hết ngày tính. Tỷ lệ = đã xác nhận / được giao. Đơn vị giao xem ' +
          'toàn bộ; đơn vị cấp dưới được giao chỉ xem phần của mình; đơn vị khác: 404.',
        params: idParam,
        querystring: assignmentProgressQuery,
        response: { 200: assignmentProgress },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const assignment = await findVisibleAssignment(db, actor, request.params.id);
      assertCanFollowAssignment(actor, assignment);
      return progressOf(db, assignment.id, request.query.day ?? todayInVietnam(), followedCondition(actor, assignment));
    },
  );

  app.get(
    '/study/assignments/:id/pending',
    {
      schema: {
        tags,
        summary: 'Danh sách chưa xác nhận',
        description:
          'Những người được giao (theo ngày tính `day`) chưa xác nhận, theo đơn vị rồi theo tên. Cùng phạm vi như ' +
          'tiến độ. `hasAccount`: người đó có tài khoản để nhận thông báo nhắc.',
        params: idParam,
        querystring: assignmentProgressQuery,
        response: { 200: studyPendingList },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const assignment = await findVisibleAssignment(db, actor, request.params.id);
      assertCanFollowAssignment(actor, assignment);
      const day = request.query.day ?? todayInVietnam();
      const items = await pendingMembers(db, assignment.id, day, followedCondition(actor, assignment));
      return { day, items, total: items.length };
    },
  );

  app.get(
    '/study/assignments/:id/pending.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải danh sách chưa xác nhận (.xlsx)',
        description: 'Cùng danh sách và phạm vi như GET /study/assignments/{id}/pending.',
        params: idParam,
        querystring: assignmentProgressQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const assignment = await findVisibleAssignment(db, actor, request.params.id);
      assertCanFollowAssignment(actor, assignment);
      const day = request.query.day ?? todayInVietnam();
      const items = await pendingMembers(db, assignment.id, day, followedCondition(actor, assignment));
      const buffer = await pendingWorkbook(assignment, day, items);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="chua-xac-nhan-${assignment.id}.xlsx"`)
        .send(buffer);
    },
  );

  app.post(
    '/study/assignments/:id/remind',
    {
      schema: {
        tags,
        summary: 'Nhắc những người chưa xác nhận',
        description:
          'Ghi lại lần nhắc và gửi thông báo (trong ứng dụng, và e-mail theo lựa chọn của từng người) tới mọi người ' +
          'chưa xác nhận trong phạm vi bạn theo dõi. `reminded`: số người được nhắc; `notified`: số tài khoản nhận ' +
          'thông báo (người chưa có tài khoản cần được nhắc trực tiếp).',
        params: idParam,
        response: { 200: studyRemindResult },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const assignment = await findVisibleAssignment(db, actor, request.params.id);
      assertCanFollowAssignment(actor, assignment);
      return remindPending(db, actor, assignment);
    },
  );

  app.get(
    '/library/reach',
    {
      schema: {
        tags,
        summary: 'Số xác nhận theo văn bản',
        description:
          'Với mỗi văn bản đã được giao học tập: số đợt giao liên quan tới đơn vị `unitId` và số lượt xác nhận của ' +
          'đoàn viên thuộc đơn vị đó (theo nơi họ sinh hoạt khi xác nhận), trong năm `year` nếu có. Dùng cho bảng ' +
          'theo dõi truyền thông.',
        querystring: documentReachQuery,
        response: { 200: documentReach },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      assertCanViewUnit(actor, await findUnit(db, request.query.unitId));
      const year = request.query.year ?? null;
      return {
        unitId: request.query.unitId,
        year,
        items: await documentConfirmations(db, { unitId: request.query.unitId, year }),
      };
    },
  );
};
