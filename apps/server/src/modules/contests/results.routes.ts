import {
  attemptAdminRow,
  essayScoreInput,
  idParam,
  participationQuery,
  participationTable,
  rankingPage,
  rankingQuery,
  voidAttemptInput,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { attemptEvents, listAttempts, scoreEssay, voidAttempt } from './attempts.admin.js';
import { findVisibleContest } from './contests.repository.js';
import { overallRanking, participation, roundRanking } from './results.service.js';
import { participationWorkbook, rankingWorkbook } from './results-excel.js';

const TAG = 'Cuộc thi trực tuyến — kết quả';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const roundParams = z.object({ roundId: z.coerce.number().int().positive() });
const attemptParams = z.object({ attemptId: z.coerce.number().int().positive() });
const ALL = { page: 1, pageSize: Number.POSITIVE_INFINITY };
const RANKING_RULE =
  'Xếp theo điểm (số câu đúng, cộng điểm tự luận nếu có), rồi độ chênh của câu dự đoán so với con số thực (không dự đoán xếp sau), rồi thời gian làm bài. Mỗi người tính một lượt theo quy định của vòng (lượt cao nhất, lượt đầu hoặc lượt cuối).';

export const resultRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/contests/rounds/:roundId/ranking',
    {
      schema: {
        tags: [TAG],
        summary: 'Bảng xếp hạng một vòng thi',
        description: `${RANKING_RULE} Người xem thấy khi vòng thi đã kết thúc và công bố kết quả (\`published\`); ban tổ chức xem được ngay trong khi thi.`,
        params: roundParams,
        querystring: rankingQuery,
        response: { 200: rankingPage },
      },
    },
    async (request) => roundRanking(db, request.actor, request.params.roundId, request.query),
  );

  app.get(
    '/contests/:id/ranking',
    {
      schema: {
        tags: [TAG],
        summary: 'Bảng xếp hạng chung cuộc',
        description: `Cộng các lượt được tính của mỗi người qua các vòng. ${RANKING_RULE}`,
        params: idParam,
        querystring: rankingQuery,
        response: { 200: rankingPage },
      },
    },
    async (request) => overallRanking(db, request.actor, request.params.id, request.query),
  );

  app.get(
    '/contests/:id/ranking.xlsx',
    {
      schema: {
        tags: [TAG],
        summary: 'Xuất bảng xếp hạng (.xlsx)',
        params: idParam,
        querystring: z.object({ roundId: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request, reply) => {
      const contest = await findVisibleContest(db, request.actor, request.params.id);
      const { roundId } = request.query;
      const ranking =
        roundId === undefined
          ? await overallRanking(db, request.actor, contest.id, ALL)
          : await roundRanking(db, request.actor, roundId, ALL);
      const title = `Bảng xếp hạng ${roundId === undefined ? 'chung cuộc' : 'vòng thi'} — ${contest.title}`;
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="xep-hang-cuoc-thi-${contest.id}${roundId ? `-vong-${roundId}` : ''}.xlsx"`,
        )
        .send(await rankingWorkbook(title, ranking));
    },
  );

  app.get(
    '/contests/:id/participation',
    {
      schema: {
        tags: [TAG],
        summary: 'Tỷ lệ tham gia theo đơn vị',
        description:
          'Mỗi đơn vị trực thuộc `unitId` (mặc định: đơn vị đối tượng dự thi): số đoàn viên đang sinh hoạt vào ngày tham chiếu (ngày cuối của vòng/cuộc thi, hoặc hôm nay nếu chưa kết thúc), số người đã có lượt thi được tính, tỷ lệ và thứ hạng. Người chuyển đơn vị tính ở nơi họ sinh hoạt vào ngày đó; người dự thi không thuộc danh sách đoàn viên tính riêng (`guests`). Ban tổ chức xem mọi đơn vị; cán bộ quản lý đơn vị xem phần của mình.',
        params: idParam,
        querystring: participationQuery,
        response: { 200: participationTable },
      },
    },
    async (request) => participation(db, requireActor(request), request.params.id, request.query),
  );

  app.get(
    '/contests/:id/participation.xlsx',
    {
      schema: {
        tags: [TAG],
        summary: 'Xuất bảng tỷ lệ tham gia theo đơn vị (.xlsx)',
        params: idParam,
        querystring: participationQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const contest = await findVisibleContest(db, actor, request.params.id);
      const table = await participation(db, actor, contest.id, request.query);
      const title = `Tỷ lệ đoàn viên tham gia cuộc thi “${contest.title}” — ${table.total.unitName}`;
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="ty-le-tham-gia-cuoc-thi-${contest.id}-${table.unitId}.xlsx"`,
        )
        .send(await participationWorkbook(title, table));
    },
  );

  app.get(
    '/contests/rounds/:roundId/attempts',
    {
      schema: {
        tags: [TAG],
        summary: 'Các lượt thi của một vòng (ban tổ chức)',
        description:
          'Kèm dấu hiệu bất thường: `too_fast` (đúng hết trong thời gian quá ngắn), `shared_address` (nhiều người dự thi từ cùng một địa chỉ mạng). `flagged=true` chỉ liệt kê lượt có dấu hiệu.',
        params: roundParams,
        querystring: rankingQuery.extend({ flagged: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ total: z.number(), items: z.array(attemptAdminRow) }) },
      },
    },
    async (request) =>
      listAttempts(db, requireActor(request), request.params.roundId, {
        ...request.query,
        flagged: request.query.flagged === 'true',
      }),
  );

  app.get(
    '/contests/attempts/:attemptId/events',
    {
      schema: {
        tags: [TAG],
        summary: 'Nhật ký một lượt thi (ban tổ chức)',
        description:
          'Bắt đầu, nộp bài (cả các lần nộp lặp lại), nộp muộn, hết giờ tự động đóng, hủy kết quả — thời điểm theo đồng hồ máy chủ và địa chỉ mạng.',
        params: attemptParams,
        response: {
          200: z.array(
            z.object({
              kind: z.enum(['start', 'submit', 'repeat_submit', 'late_submit', 'expire', 'void']),
              at: z.string(),
              ip: z.string().nullable(),
              detail: z.record(z.string(), z.unknown()),
            }),
          ),
        },
      },
    },
    async (request) => attemptEvents(db, requireActor(request), request.params.attemptId),
  );

  app.post(
    '/contests/attempts/:attemptId/void',
    {
      schema: {
        tags: [TAG],
        summary: 'Hủy kết quả một lượt thi (có lý do)',
        description: 'Lượt bị hủy không còn được tính trong xếp hạng và tỷ lệ tham gia. Ghi vào nhật ký.',
        params: attemptParams,
        body: voidAttemptInput,
      },
    },
    async (request, reply) => {
      await voidAttempt(db, requireActor(request), request.params.attemptId, request.body.reason);
      return reply.status(204).send();
    },
  );

  app.put(
    '/contests/attempts/:attemptId/essay-score',
    {
      schema: {
        tags: [TAG],
        summary: 'Chấm điểm bài tự luận',
        params: attemptParams,
        body: essayScoreInput,
      },
    },
    async (request, reply) => {
      await scoreEssay(db, requireActor(request), request.params.attemptId, request.body.score);
      return reply.status(204).send();
    },
  );
};
