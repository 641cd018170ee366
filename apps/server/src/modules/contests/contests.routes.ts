import {
  contestInput,
  contestListQuery,
  contestPage,
  contestPatch,
  contestView,
  idParam,
  roundInput,
  roundPatch,
  roundView,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { createContest, deleteContest, publishContest, updateContest } from './contests.commands.js';
import { listContests, viewContest, viewRound } from './contests.queries.js';
import { createRound, deleteRound, updateRound } from './rounds.commands.js';

/**
 * Setting up contests and their rounds. Organisers are the managers (manageMembers) of the
 * organising unit; a contest one may not see answers 404, one seen but not organised 403.
 */
export const CONTEST_SETUP_TAGS = ['Cuộc thi trực tuyến — thiết lập'];
const tags = CONTEST_SETUP_TAGS;
const roundParams = z.object({ roundId: z.coerce.number().int().positive() });

export const contestRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/contests',
    {
      schema: {
        tags,
        summary: 'Danh sách cuộc thi',
        description:
          'Các cuộc thi bạn được xem: do đơn vị bạn quản lý tổ chức (kể cả bản nháp), cuộc thi đã công bố dành cho ' +
          'đơn vị của bạn (hoặc cấp dưới, cấp trên của nó), cuộc thi công khai. Không đăng nhập: chỉ cuộc thi công ' +
          'khai đã công bố. Cuộc thi đang có vòng mở lên đầu, rồi mới nhất trước. `q` tìm theo tên, không cần gõ dấu.',
        querystring: contestListQuery,
        response: { 200: contestPage },
      },
    },
    async (request) => listContests(db, request.actor, request.query),
  );

  app.post(
    '/contests',
    {
      schema: {
        tags,
        summary: 'Tạo cuộc thi (bản nháp)',
        description:
          'Chỉ ban tổ chức (quản trị, biên tập viên) của đơn vị `unitId`. Đối tượng dự thi (`audienceUnitId`) mặc định ' +
          'là đơn vị tổ chức; phải là đơn vị đó hoặc một đơn vị trực thuộc. `audience: "public"`: ai cũng dự thi được ' +
          '(đăng ký bằng họ tên, đơn vị, số điện thoại).',
        body: contestInput,
        response: { 201: contestView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createContest(db, actor, request.body);
      return reply.status(201).send(await viewContest(db, actor, id));
    },
  );

  app.get(
    '/contests/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết cuộc thi',
        description:
          'Thể lệ, giải thưởng, các vòng thi (trạng thái `upcoming`/`open`/`closed` theo đồng hồ máy chủ) và quyền của ' +
          'người xem: `canManage` (ban tổ chức), `canEnter` (được dự thi). Không cần đăng nhập với cuộc thi công khai.',
        params: idParam,
        response: { 200: contestView },
      },
    },
    async (request) => viewContest(db, request.actor, request.params.id),
  );

  app.patch(
    '/contests/:id',
    {
      schema: {
        tags,
        summary: 'Sửa cuộc thi',
        description:
          'Chỉ các trường gửi lên được thay đổi. Không đổi được đối tượng dự thi khi đã có người dự thi (409 CONFLICT).',
        params: idParam,
        body: contestPatch,
        response: { 200: contestView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateContest(db, actor, request.params.id, request.body);
      return viewContest(db, actor, request.params.id);
    },
  );

  app.delete(
    '/contests/:id',
    {
      schema: {
        tags,
        summary: 'Xóa cuộc thi (chỉ bản nháp)',
        description: 'Xóa cả vòng thi và ngân hàng câu hỏi. Cuộc thi đã công bố không xóa được (409 CONFLICT).',
        params: idParam,
      },
    },
    async (request, reply) => {
      await deleteContest(db, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/contests/:id/publish',
    {
      schema: {
        tags,
        summary: 'Công bố cuộc thi',
        description:
          'Cuộc thi hiện ra với đối tượng dự thi. Từ chối (400, mỗi vấn đề một dòng trong `details`) khi chưa có vòng ' +
          'thi nào hoặc ngân hàng câu hỏi không đủ câu cho số câu, chủ đề, mức độ của một vòng. Công bố lại cuộc thi đã ' +
          'công bố không thay đổi gì.',
        params: idParam,
        response: { 200: contestView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await publishContest(db, actor, request.params.id);
      return viewContest(db, actor, request.params.id);
    },
  );

  app.post(
    '/contests/:id/rounds',
    {
      schema: {
        tags,
        summary: 'Thêm vòng thi',
        description:
          'Vòng mới mang số tiếp theo. `quotas`: số câu rút ngẫu nhiên theo chủ đề (`topic`, null = mọi chủ đề) và mức ' +
          'độ (`difficulty` 1 Dễ, 2 Trung bình, 3 Khó, null = mọi mức), tổng bằng `questionCount`; để trống: rút từ cả ' +
          'ngân hàng. `timeLimitMinutes`: thời gian làm bài. `bestOf`: lượt được tính khi thi nhiều lượt. Với cuộc thi ' +
          'đã công bố, ngân hàng phải đủ câu cho vòng mới.',
        params: idParam,
        body: roundInput,
        response: { 201: roundView },
      },
    },
    async (request, reply) => {
      const roundId = await createRound(db, requireActor(request), request.params.id, request.body);
      return reply.status(201).send(await viewRound(db, roundId));
    },
  );

  app.patch(
    '/contests/rounds/:roundId',
    {
      schema: {
        tags,
        summary: 'Sửa vòng thi',
        description:
          'Khi vòng đã có người làm bài thì không đổi được số câu hỏi, số câu theo chủ đề/mức độ, thời gian làm bài, ' +
          'số lượt thi, thời điểm mở (409 CONFLICT); vòng đã kết thúc không sửa được.',
        params: roundParams,
        body: roundPatch,
        response: { 200: roundView },
      },
    },
    async (request) => {
      await updateRound(db, requireActor(request), request.params.roundId, request.body);
      return viewRound(db, request.params.roundId);
    },
  );

  app.delete(
    '/contests/rounds/:roundId',
    {
      schema: {
        tags,
        summary: 'Xóa vòng thi (khi chưa có ai làm bài)',
        description: 'Các vòng sau được đánh số lại. Cuộc thi đã công bố phải còn ít nhất một vòng.',
        params: roundParams,
      },
    },
    async (request, reply) => {
      await deleteRound(db, requireActor(request), request.params.roundId);
      return reply.status(204).send();
    },
  );
};
