import {
  idParam,
  surveyInput,
  surveyList,
  surveyListQuery,
  surveyPatch,
  surveyResponseInput,
  surveyResponseResult,
  surveyResults,
  surveyResultsQuery,
  surveyView,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/database.js';
import { requireActor } from '../../../platform/auth-plugin.js';
import { todayInVietnam } from '../../../platform/dates.js';
import { answerSurvey } from './responses.service.js';
import { surveyResults as resultsOf } from './results.service.js';
import { resultsWorkbook } from './results-excel.js';
import { createSurvey, deleteSurvey, publishSurvey, updateSurvey } from './surveys.commands.js';
import { assertCanManageSurvey } from './surveys.policy.js';
import { listSurveys, viewSurvey } from './surveys.queries.js';
import { findSurvey } from './surveys.repository.js';

/**
 * Surveys (khảo sát): made by a unit for its subtree, answered by members, followed by the unit.
 * Thin routes: validate → policy → command or query → presenter. No path carries anything about
 * the person answering (the request log keeps method and path only).
 */
const tags = ['Khảo sát'];

export const surveyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/surveys',
    {
      schema: {
        tags,
        summary: 'Danh sách khảo sát',
        description:
          '`scope=mine` (mặc định): các khảo sát đã công bố cho đơn vị bạn, đang mở trước, kèm `responded` (bạn đã ' +
          'trả lời). `scope=managed`: khảo sát của các đơn vị bạn quản lý, kể cả bản nháp.',
        querystring: surveyListQuery,
        response: { 200: surveyList },
      },
    },
    async (request) => listSurveys(db, requireActor(request), request.query.scope),
  );

  app.post(
    '/surveys',
    {
      schema: {
        tags,
        summary: 'Tạo khảo sát (bản nháp)',
        description:
          'Quản trị, biên tập viên của đơn vị tổ chức (`unitId`). `audienceUnitIds`: các đơn vị trong cây của đơn vị ' +
          'tổ chức (để trống: toàn bộ). `anonymous`: ẩn danh — không lưu người trả lời, không sửa được câu trả lời. ' +
          'Câu hỏi: `single` (chọn một), `multiple` (chọn nhiều) với ít nhất 2 phương án; `scale` (thang 1–5 hoặc ' +
          '1–10, nhãn hai đầu); `text` (trả lời tự do); `required`: bắt buộc. Ngày đóng không trước ngày mở và hôm nay.',
        body: surveyInput,
        response: { 201: surveyView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createSurvey(db, actor, request.body);
      return reply.status(201).send(await viewSurvey(db, actor, id));
    },
  );

  app.get(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết khảo sát',
        description:
          'Câu hỏi, trạng thái (nháp → chưa đến ngày mở → đang mở → đã đóng, theo ngày sau khi công bố), quyền của ' +
          'người xem: `canAnswer`, `canEditAnswer` (khảo sát ghi tên: sửa được đến ngày đóng), `myAnswers` (chỉ khảo ' +
          'sát ghi tên). Đơn vị khác: 404.',
        params: idParam,
        response: { 200: surveyView },
      },
    },
    async (request) => viewSurvey(db, requireActor(request), request.params.id),
  );

  app.put(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Sửa bản nháp khảo sát',
        description:
          'Thay toàn bộ nội dung (như khi tạo, trừ đơn vị tổ chức). Chỉ khi còn là bản nháp (409 nếu đã công bố).',
        params: idParam,
        body: surveyPatch,
        response: { 200: surveyView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateSurvey(db, actor, request.params.id, request.body);
      return viewSurvey(db, actor, request.params.id);
    },
  );

  app.delete(
    '/surveys/:id',
    {
      schema: { tags, summary: 'Xóa bản nháp khảo sát', description: 'Chỉ khi còn là bản nháp.', params: idParam },
    },
    async (request, reply) => {
      await deleteSurvey(db, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/surveys/:id/publish',
    {
      schema: {
        tags,
        summary: 'Công bố khảo sát',
        description:
          'Từ đây không sửa được nữa. Trong cùng giao dịch, mọi đoàn viên đang sinh hoạt trong đối tượng khảo sát (có ' +
          'tài khoản) nhận thông báo “Khảo sát mới” (trong ứng dụng, e-mail theo lựa chọn của từng người). ' +
          '`notified`: số tài khoản được báo.',
        params: idParam,
        response: { 200: surveyView.extend({ notified: z.number() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { notified } = await publishSurvey(db, actor, request.params.id);
      return { ...(await viewSurvey(db, actor, request.params.id)), notified };
    },
  );

  app.post(
    '/surveys/:id/response',
    {
      schema: {
        tags,
        summary: 'Trả lời khảo sát',
        description:
          'Đoàn viên thuộc đối tượng khảo sát (đang sinh hoạt hôm nay), khi khảo sát đang mở. `answers`: mỗi câu một ' +
          'mục — `optionIds` (câu lựa chọn), `value` (thang điểm), `text` (tự do). Thiếu câu bắt buộc: 400 với lỗi ' +
          'từng câu (`answers.<mã câu hỏi>`). Khảo sát ghi tên: gửi lại thay câu trả lời cũ (`replaced`). Khảo sát ' +
          'ẩn danh: chỉ một lần (409 lần sau) — câu trả lời không lưu người gửi, thời điểm (chỉ lưu ngày) hay địa chỉ ' +
          'IP, nên không thể tìm lại để sửa. Chưa mở hoặc đã đóng: 409.',
        params: idParam,
        body: surveyResponseInput,
        response: { 200: surveyResponseResult },
      },
    },
    async (request) => answerSurvey(db, requireActor(request), request.params.id, request.body.answers),
  );

  app.get(
    '/surveys/:id/results',
    {
      schema: {
        tags,
        summary: 'Kết quả khảo sát',
        description:
          'Chỉ đơn vị tổ chức và cấp trên (đơn vị khác: 404). Mỗi câu: tổng và từng đơn vị trong cây (cộng dồn cấp ' +
          'dưới). Nhóm dưới 5 câu trả lời không hiển thị (`suppressed`, `suppressedReason: small`); khi phần còn lại ' +
          'của một đơn vị cha (trả lời trực tiếp ở đơn vị cha cộng các đơn vị con bị ẩn) từ 1 đến 4, đơn vị con nhỏ ' +
          'nhất còn hiện cũng bị ẩn (`complement`) để không suy ra được bằng phép trừ. Trả lời tự do chỉ hiện khi ' +
          'nhóm từ 5 câu trả lời, khảo sát ẩn danh không kèm đơn vị. Tỷ lệ trả lời theo đơn vị: đã trả lời / đoàn ' +
          'viên đang sinh hoạt vào ngày `day` (mặc định: hôm nay hoặc ngày đóng nếu đã qua).',
        params: idParam,
        querystring: surveyResultsQuery,
        response: { 200: surveyResults },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const survey = await findSurvey(db, request.params.id);
      assertCanManageSurvey(actor, survey);
      return resultsOf(db, survey, request.query.day ?? defaultDay(survey.closesOn));
    },
  );

  app.get(
    '/surveys/:id/results.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải kết quả khảo sát (.xlsx)',
        description: 'Cùng số liệu, cùng quy tắc ẩn nhóm nhỏ như GET /surveys/{id}/results.',
        params: idParam,
        querystring: surveyResultsQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const survey = await findSurvey(db, request.params.id);
      assertCanManageSurvey(actor, survey);
      const results = await resultsOf(db, survey, request.query.day ?? defaultDay(survey.closesOn));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="ket-qua-khao-sat-${survey.id}.xlsx"`)
        .send(await resultsWorkbook(results, survey.unitName));
    },
  );
};

function defaultDay(closesOn: string): string {
  const today = todayInVietnam();
  return closesOn < today ? closesOn : today;
}
