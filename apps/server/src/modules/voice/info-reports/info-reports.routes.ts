import {
  clarificationArticleList,
  clarificationArticleQuery,
  foldVietnamese,
  infoReportDetail,
  infoReportIdParam,
  infoReportInput,
  infoReportListQuery,
  infoReportPage,
  infoReportResponse,
  infoReportTransition,
  infoReportView,
  infoTrend,
  infoTrendQuery,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import { requireActor } from '../../../platform/auth-plugin.js';
import { AppError } from '../../../platform/errors.js';
import { readMultipart } from '../../../platform/files.js';
import { createInfoReport, respondToInfoReport, transitionInfoReport } from './info-reports.commands.js';
import { assertCanView, INFO_REPORT_NOT_FOUND, triageScopeCondition } from './info-reports.policy.js';
import { presentReport } from './info-reports.presenter.js';
import { findReport, listEvents, listReports } from './info-reports.repository.js';
import { infoTrend as computeTrend } from './info-reports.trend.js';

export const INFO_REPORT_TAGS = ['Tiếng nói đoàn viên — báo tin xấu, độc'];
const tags = INFO_REPORT_TAGS;

function parseInput(raw: unknown) {
  const parsed = infoReportInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    field: ['body', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new AppError('VALIDATION_FAILED', details[0]?.message ?? 'Dữ liệu gửi lên chưa hợp lệ.', details);
}

export const infoReportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/info-reports',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Báo tin xấu, độc',
        description:
          'Đoàn viên báo thông tin sai sự thật, xấu, độc về ngành giáo dục hoặc tổ chức công đoàn. Gửi JSON ' +
          '(`url`, `description`, `platform`, `anonymous`) hoặc multipart/form-data với các trường đó và tệp `file` ' +
          '(ảnh chụp màn hình JPEG, PNG, WebP, tối đa 10 MB; loại ảnh xác định từ nội dung; ảnh được nén lại và bỏ ' +
          'mọi siêu dữ liệu, kể cả vị trí GPS). Cần ít nhất một trong: đường liên kết, ảnh, mô tả. Đường liên kết ' +
          'chỉ được lưu dưới dạng văn bản, máy chủ không bao giờ mở nó (tránh tấn công SSRF). Tin báo chuyển thẳng ' +
          'tới công đoàn tỉnh, trường không thấy. `anonymous: true`: không lưu tài khoản, đoàn viên, đơn vị, địa chỉ ' +
          'mạng hay giờ gửi — chỉ lưu ngày; người báo cũng không xem lại được tin ẩn danh.',
        response: { 201: infoReportView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      let input: ReturnType<typeof parseInput>;
      let screenshot: { buffer: Buffer; filename: string } | null = null;
      if (request.isMultipart()) {
        const upload = await readMultipart(request);
        input = parseInput(upload.fields);
        screenshot = { buffer: upload.buffer, filename: upload.filename };
      } else {
        input = parseInput(request.body ?? {});
      }
      const id = await createInfoReport(db, actor, input, screenshot);
      const row = await findReport(db, id);
      if (!row) throw INFO_REPORT_NOT_FOUND();
      return reply.status(201).send(presentReport(actor, row));
    },
  );

  app.get(
    '/info-reports/mine',
    {
      schema: {
        tags,
        summary: 'Tin tôi đã báo',
        description: 'Các tin báo có tên của người đang đăng nhập, mới nhất trước, kèm trạng thái xử lý.',
        querystring: infoReportListQuery,
        response: { 200: infoReportPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const result = await listReports(
        db,
        sql`r.reporter_account_id = ${actor.accountId} and not r.anonymous`,
        request.query,
      );
      return { items: result.rows.map((row) => presentReport(actor, row)), total: result.total, counts: result.counts };
    },
  );

  app.get(
    '/info-reports',
    {
      schema: {
        tags,
        summary: 'Hộp tin báo cần xử lý (công đoàn tỉnh)',
        description:
          'Tin báo của các tỉnh mà người xem là quản trị hoặc biên tập viên (hoặc quản trị hệ thống): lọc theo ' +
          '`status`, `platform`; `counts` là số tin theo trạng thái. Công đoàn cơ sở không xem được (danh sách rỗng).',
        querystring: infoReportListQuery,
        response: { 200: infoReportPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const result = await listReports(db, triageScopeCondition(actor), request.query);
      return { items: result.rows.map((row) => presentReport(actor, row)), total: result.total, counts: result.counts };
    },
  );

  app.get(
    '/info-reports/trend',
    {
      schema: {
        tags,
        summary: 'Xu hướng tin xấu, độc',
        description:
          'Với tin báo trong khoảng `from`–`to` (theo ngày báo): số tin theo tuần hoặc tháng (`bucket`, đủ mọi ' +
          'kỳ, kỳ không có tin là 0), theo nền tảng, trạng thái, kết quả; trung vị số ngày từ khi báo đến khi ' +
          'bắt đầu xác minh (null khi chưa có tin nào được xử lý); tỷ lệ xác minh là độc hại trên số tin đã kết ' +
          'luận (null khi chưa kết luận tin nào).',
        querystring: infoTrendQuery,
        response: { 200: infoTrend },
      },
    },
    async (request) => computeTrend(db, requireActor(request), request.query),
  );

  app.get(
    '/info-reports/clarification-articles',
    {
      schema: {
        tags,
        summary: 'Tin bài đã đăng để chọn làm bài cải chính',
        description: 'Tối đa 20 tin bài đã đăng, mới nhất trước; `q` tìm theo tiêu đề (không cần gõ dấu) hoặc mã.',
        querystring: clarificationArticleQuery,
        response: { 200: clarificationArticleList },
      },
    },
    async (request) => {
      requireActor(request);
      const q = request.query.q ?? '';
      let query = db
        .selectFrom('articles')
        .select(['id', 'title', 'slug', sql<string>`published_at::text`.as('publishedAt')])
        .where('status', '=', 'published');
      if (/^\d{1,12}$/u.test(q)) query = query.where('id', '=', Number(q));
      else if (q) query = query.where('search_text', 'like', `%${foldVietnamese(q).replace(/[%_\\]/gu, '\\$&')}%`);
      const items = await query.orderBy('published_at', 'desc').limit(20).execute();
      return { items };
    },
  );

  app.get(
    '/info-reports/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết tin báo',
        description:
          'Người báo (tin có tên) hoặc cán bộ công đoàn tỉnh; người khác nhận 404. `abilities`: các bước người ' +
          'xem được làm. Tên người báo chỉ hiện với cán bộ tỉnh và không bao giờ có với tin ẩn danh.',
        params: infoReportIdParam,
        response: { 200: infoReportDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await findReport(db, request.params.id);
      if (!row) throw INFO_REPORT_NOT_FOUND();
      assertCanView(actor, row);
      const view = presentReport(actor, row);
      const events =
        view.abilities.respond || row.reporterAccountId === actor.accountId ? await listEvents(db, row.id) : [];
      const staff = view.abilities.respond || view.abilities.startVerifying;
      return {
        ...view,
        events: events.map((e) => ({
          from: e.from as typeof view.status | null,
          to: e.to as typeof view.status,
          at: e.at.toISOString(),
          by: staff ? e.by : null,
          note: staff ? e.note : null,
        })),
      };
    },
  );

  app.post(
    '/info-reports/:id/transition',
    {
      schema: {
        tags,
        summary: 'Chuyển trạng thái tin báo',
        description:
          'mới → đang xác minh (quản trị, biên tập viên tỉnh); đang xác minh → xác minh là sai sự thật/độc hại ' +
          'hoặc báo nhầm (quản trị, biên tập viên); đang xác minh hoặc đã xác minh → chuyển cơ quan chức năng ' +
          '(chỉ quản trị); mở lại tin đã kết luận (chỉ quản trị). Bước không được phép: 403.',
        params: infoReportIdParam,
        body: infoReportTransition,
        response: { 200: infoReportView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await transitionInfoReport(db, actor, request.params.id, request.body);
      const row = await findReport(db, request.params.id);
      if (!row) throw INFO_REPORT_NOT_FOUND();
      return presentReport(actor, row);
    },
  );

  app.patch(
    '/info-reports/:id/response',
    {
      schema: {
        tags,
        summary: 'Ghi nhận kết quả xử lý',
        description:
          'Bài cải chính (`clarificationArticleId`: mã một tin bài đã đăng), văn bản đã gửi (`letterRecipient` nơi ' +
          'nhận, `letterSentOn` ngày gửi, `letterNumber` số, ký hiệu), ghi chú. Chỉ trường gửi lên được đổi; null ' +
          'để xóa. Chỉ cán bộ tỉnh, sau khi đã bắt đầu xác minh.',
        params: infoReportIdParam,
        body: infoReportResponse,
        response: { 200: infoReportView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await respondToInfoReport(db, actor, request.params.id, request.body);
      const row = await findReport(db, request.params.id);
      if (!row) throw INFO_REPORT_NOT_FOUND();
      return presentReport(actor, row);
    },
  );

  for (const kind of ['full', 'thumbnail'] as const) {
    app.get(
      kind === 'full' ? '/info-reports/:id/screenshot' : '/info-reports/:id/screenshot/thumbnail',
      {
        schema: {
          tags,
          summary: kind === 'full' ? 'Ảnh chụp màn hình' : 'Ảnh chụp màn hình thu nhỏ',
          description: 'Chỉ người xem được tin báo (404 nếu không).',
          params: infoReportIdParam,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const row = await findReport(db, request.params.id);
        if (!row) throw INFO_REPORT_NOT_FOUND();
        assertCanView(actor, row);
        const file = await db
          .selectFrom('info_report_files')
          .select(['content_type', 'data'])
          .where('report_id', '=', row.id)
          .where('kind', '=', kind)
          .executeTakeFirst();
        if (!file) throw INFO_REPORT_NOT_FOUND();
        return reply
          .header('content-type', file.content_type)
          .header('content-disposition', 'inline; filename="anh-chup.jpg"')
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=3600')
          .send(file.data);
      },
    );
  }
};
