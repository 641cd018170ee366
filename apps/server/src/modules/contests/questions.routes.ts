import {
  idParam,
  questionDeleteResult,
  questionImportResult,
  questionInput,
  questionListQuery,
  questionPage,
  questionPatch,
  questionView,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { AppError } from '../../platform/errors.js';
import { readMultipart } from '../../platform/files.js';
import { canManageContest } from './contests.policy.js';
import { findVisibleContest } from './contests.repository.js';
import { CONTEST_SETUP_TAGS } from './contests.routes.js';
import { createQuestion, deleteQuestion, importQuestions, updateQuestion } from './questions.commands.js';
import { bankTopics, listQuestions, presentQuestion } from './questions.repository.js';
import { buildQuestionExport, buildQuestionTemplate } from './questions-excel.js';

/**
 * The question bank, for the contest's organisers only: every answer here carries the answer
 * key, so a member who can see the contest still gets 403, and an outsider 404.
 */
const tags = CONTEST_SETUP_TAGS;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const questionParams = z.object({ questionId: z.coerce.number().int().positive() });
const exportQuery = questionListQuery.omit({ page: true, pageSize: true });

function attachment(filename: string): string {
  return `attachment; filename="${filename}"`;
}

/** The contest, if the actor organises it: 404 when they may not see it, 403 when they only see it. */
async function managedContest(db: Db, actor: Actor, id: number) {
  const contest = await findVisibleContest(db, actor, id);
  if (!canManageContest(actor, contest)) {
    throw new AppError('FORBIDDEN', 'Chỉ ban tổ chức cuộc thi được xem và sửa ngân hàng câu hỏi.');
  }
  return contest;
}

export const questionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/contests/:id/questions',
    {
      schema: {
        tags,
        summary: 'Ngân hàng câu hỏi (kèm đáp án)',
        description:
          'Chỉ ban tổ chức. Lọc theo chủ đề (`topic`), mức độ (`difficulty` 1–3), đang dùng (`active`), tìm trong nội ' +
          'dung (`q`, không cần gõ dấu). `topics`: mọi chủ đề của ngân hàng.',
        params: idParam,
        querystring: questionListQuery,
        response: { 200: questionPage },
      },
    },
    async (request) => {
      const contest = await managedContest(db, requireActor(request), request.params.id);
      const { page, pageSize, ...filters } = request.query;
      const [result, topics] = await Promise.all([
        listQuestions(db, contest.id, filters, { page, pageSize }),
        bankTopics(db, contest.id),
      ]);
      return { items: result.items.map(presentQuestion), total: result.total, topics };
    },
  );

  app.post(
    '/contests/:id/questions',
    {
      schema: {
        tags,
        summary: 'Thêm câu hỏi',
        description:
          '`options`: 2–8 phương án, mỗi phương án có mã là một chữ cái thường (`a`, `b`…); `correct`: mã các phương ' +
          'án đúng (câu `single` đúng một đáp án). `difficulty`: 1 Dễ, 2 Trung bình, 3 Khó.',
        params: idParam,
        body: questionInput,
        response: { 201: questionView },
      },
    },
    async (request, reply) => {
      const question = await createQuestion(db, requireActor(request), request.params.id, request.body);
      return reply.status(201).send(question);
    },
  );

  app.patch(
    '/contests/questions/:questionId',
    {
      schema: {
        tags,
        summary: 'Sửa câu hỏi',
        description:
          'Chỉ các trường gửi lên được thay đổi; câu hỏi sau khi sửa phải hợp lệ như khi thêm. `active: false` ngừng ' +
          'rút câu này vào lượt thi mới. Câu đã được rút vào lượt thi thì không đổi được loại, phương án, đáp án ' +
          '(409 CONFLICT). Với cuộc thi đã công bố, ngân hàng phải còn đủ câu cho các vòng chưa kết thúc.',
        params: questionParams,
        body: questionPatch,
        response: { 200: questionView },
      },
    },
    async (request) => updateQuestion(db, requireActor(request), request.params.questionId, request.body),
  );

  app.delete(
    '/contests/questions/:questionId',
    {
      schema: {
        tags,
        summary: 'Xóa câu hỏi',
        description:
          'Câu chưa từng được rút vào lượt thi thì bị xóa (`outcome: "deleted"`); câu đã được rút thì được giữ lại cho ' +
          'các bài đã làm và chuyển sang ngừng dùng (`outcome: "deactivated"`).',
        params: questionParams,
        response: { 200: questionDeleteResult },
      },
    },
    async (request) => deleteQuestion(db, requireActor(request), request.params.questionId),
  );

  app.get(
    '/contests/:id/questions/template.xlsx',
    { schema: { tags, summary: 'Tải mẫu nhập câu hỏi (.xlsx)', params: idParam } },
    async (request, reply) => {
      const contest = await managedContest(db, requireActor(request), request.params.id);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('mau-nhap-cau-hoi.xlsx'))
        .send(await buildQuestionTemplate(await bankTopics(db, contest.id)));
    },
  );

  app.get(
    '/contests/:id/questions/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất ngân hàng câu hỏi (.xlsx, kèm đáp án)',
        description:
          'Cùng bộ lọc như danh sách (không phân trang); cùng các cột với tệp mẫu nên nhập lại được vào cuộc thi khác. ' +
          'Mỗi lần xuất được ghi nhật ký.',
        params: idParam,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const contest = await managedContest(db, actor, request.params.id);
      const { items } = await listQuestions(db, contest.id, request.query, null);
      const file = await buildQuestionExport(items.map(presentQuestion), contest.title);
      await recordAudit(db, actor, {
        action: 'contest.questions_exported',
        entityType: 'contest',
        entityId: contest.id,
        unitId: contest.unitId,
        after: { rows: items.length, filters: request.query },
      });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`cau-hoi-cuoc-thi-${contest.id}.xlsx`))
        .send(file);
    },
  );

  app.post(
    '/contests/:id/questions/import',
    {
      schema: {
        tags,
        summary: 'Nhập câu hỏi từ tệp .xlsx (tất cả hoặc không gì cả)',
        description:
          'multipart/form-data, trường `file`. Cột: STT, Câu hỏi, Loại (Một đáp án / Nhiều đáp án), Phương án A…F, ' +
          'Đáp án đúng (ví dụ "B" hoặc "A, C"), Chủ đề, Mức độ (Dễ / Trung bình / Khó). Câu hỏi được thêm vào ngân ' +
          'hàng. Có lỗi: 400 IMPORT_INVALID, `details` theo dòng và cột, không câu nào được ghi.',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 200: questionImportResult },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // Rights first: an outsider learns nothing from the content of their file.
      await managedContest(db, actor, request.params.id);
      const { buffer } = await readMultipart(request);
      return importQuestions(db, actor, request.params.id, buffer);
    },
  );
};
