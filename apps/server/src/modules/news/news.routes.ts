import {
  articleCommentInput,
  articleCommentList,
  articleCommentView,
  articleInput,
  articleListQuery,
  articlePage,
  articlePatch,
  articlePublishInput,
  articleRejectInput,
  articleView,
  idParam,
  newsMeta,
  newsReachQuery,
  newsReachView,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { addComment, createArticle, updateArticle } from './news.commands.js';
import { presentArticle } from './news.presenter.js';
import { listArticles, listComments, newsMeta as loadMeta } from './news.queries.js';
import { newsReach } from './news.reach.js';
import { findVisibleArticle } from './news.repository.js';
import { registerNewsJobs, transitionArticle } from './news.workflow.js';
import { newsFileRoutes } from './news-files.routes.js';

/**
 * The newsroom: articles of the units one edits, the editorial workflow, comments, images, reach.
 * Members have no place here (they read the portal at /tin-tuc); an article outside one's units
 * answers 404, an action one's role or the article's status does not allow 403 or 409.
 */
export const NEWS_TAGS = ['Tin bài — biên tập'];
const tags = NEWS_TAGS;

const WORKFLOW_DOC =
  'Quy trình: bản nháp → gửi duyệt (biên tập viên, quản trị công đoàn cơ sở) → duyệt → đăng (biên tập viên, quản trị ' +
  'của đơn vị đăng tin — công đoàn tỉnh); bị trả lại (kèm lý do) thì sửa rồi gửi lại; lưu trữ. Trạng thái không cho ' +
  'phép: 409 CONFLICT; vai trò không cho phép: 403 FORBIDDEN. Mọi chuyển trạng thái được ghi nhật ký.';

export const newsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  registerNewsJobs(db);
  const view = async (request: { actor: Parameters<typeof presentArticle>[0] }, id: number) =>
    presentArticle(request.actor, await findVisibleArticle(db, request.actor, id));

  app.get(
    '/news/meta',
    {
      schema: {
        tags,
        summary: 'Chuyên mục và đơn vị được viết tin',
        description:
          'Danh sách chuyên mục của cổng tin và các đơn vị người dùng được viết tin (biên tập viên, quản trị).',
        response: { 200: newsMeta },
      },
    },
    async (request) => loadMeta(db, requireActor(request)),
  );

  app.get(
    '/news/articles',
    {
      schema: {
        tags,
        summary: 'Danh sách tin bài',
        description:
          'Tin bài của các đơn vị bạn biên tập hoặc quản trị (và đơn vị cấp dưới), mới sửa trước. Lọc theo `status`, ' +
          '`unitId` (cả cây đơn vị con), `category`; `q` tìm trong tiêu đề, tóm tắt và nội dung, không cần gõ dấu. ' +
          '`counts`: số tin theo từng trạng thái với cùng bộ lọc (cho các thẻ).',
        querystring: articleListQuery,
        response: { 200: articlePage },
      },
    },
    async (request) => listArticles(db, requireActor(request), request.query),
  );

  app.post(
    '/news/articles',
    {
      schema: {
        tags,
        summary: 'Viết tin bài mới (bản nháp)',
        description:
          'Chỉ biên tập viên, quản trị của đơn vị `unitId` (hoặc cấp trên). Nội dung `bodyHtml` được làm sạch: chỉ giữ ' +
          'đoạn văn, chữ đậm/nghiêng/gạch chân, tiêu đề, danh sách, trích dẫn, liên kết web và ảnh đã tải lên cho chính tin ' +
          'bài; mã script, thuộc tính sự kiện, SVG, liên kết `javascript:` bị loại bỏ.',
        body: articleInput,
        response: { 201: articleView },
      },
    },
    async (request, reply) => {
      const id = await createArticle(db, requireActor(request), request.body);
      return reply.status(201).send(await view(request, id));
    },
  );

  app.get(
    '/news/articles/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết tin bài',
        description: `Kèm \`abilities\`: các thao tác người xem được làm lúc này (giao diện chỉ hiện các nút đó). ${WORKFLOW_DOC}`,
        params: idParam,
        response: { 200: articleView },
      },
    },
    async (request) => view(request, request.params.id),
  );

  app.patch(
    '/news/articles/:id',
    {
      schema: {
        tags,
        summary: 'Sửa tin bài',
        description:
          'Người viết sửa khi là bản nháp hoặc bị trả lại; biên tập viên đơn vị đăng tin sửa khi chờ duyệt, đã duyệt, đã ' +
          'đăng. `coverFileId`: ảnh đã tải lên cho tin bài (null: bỏ ảnh bìa). Địa chỉ công khai không đổi sau khi đã đăng.',
        params: idParam,
        body: articlePatch,
        response: { 200: articleView },
      },
    },
    async (request) => {
      await updateArticle(db, requireActor(request), request.params.id, request.body);
      return view(request, request.params.id);
    },
  );

  const transitions = [
    [
      'submit',
      'Gửi duyệt',
      'Gửi tin bài (bản nháp hoặc bị trả lại) cho biên tập viên đơn vị đăng tin. Nội dung không được trống.',
      null,
    ],
    ['approve', 'Duyệt tin bài', 'Biên tập viên đơn vị đăng tin duyệt tin đang chờ duyệt.', null],
    [
      'reject',
      'Trả lại tin bài',
      'Trả tin bài chờ duyệt hoặc đã duyệt về người viết, kèm lý do (được ghi vào trao đổi).',
      articleRejectInput,
    ],
    [
      'publish',
      'Đăng tin bài',
      'Đăng tin đã duyệt lên cổng tin ngay, hoặc hẹn giờ với `publishAt` trong tương lai (tin chờ ở trạng thái đã duyệt ' +
        'và được đăng tự động đúng giờ, bằng một tác vụ nền chỉ đăng một lần).',
      articlePublishInput,
    ],
    ['archive', 'Lưu trữ tin bài', 'Gỡ tin đã đăng khỏi cổng tin, hoặc cất bản nháp không dùng nữa.', null],
  ] as const;
  for (const [action, summary, description, body] of transitions) {
    app.post(
      `/news/articles/:id/${action}`,
      {
        schema: {
          tags,
          summary,
          description: `${description} ${WORKFLOW_DOC}`,
          params: idParam,
          ...(body ? { body } : {}),
          response: { 200: articleView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const input = (request.body ?? {}) as { reason?: string; publishAt?: string | null };
        if (action === 'reject') {
          await transitionArticle(db, actor, request.params.id, { action, reason: input.reason ?? '' });
        } else if (action === 'publish') {
          const publishAt = input.publishAt ? new Date(input.publishAt) : null;
          await transitionArticle(db, actor, request.params.id, { action, publishAt });
        } else {
          await transitionArticle(db, actor, request.params.id, { action });
        }
        return view(request, request.params.id);
      },
    );
  }

  app.get(
    '/news/articles/:id/comments',
    {
      schema: {
        tags,
        summary: 'Trao đổi biên tập của tin bài',
        description: 'Góp ý của người viết và biên tập viên, cùng các lý do trả lại (`kind: "rejection"`), cũ trước.',
        params: idParam,
        response: { 200: articleCommentList },
      },
    },
    async (request) => listComments(db, requireActor(request), request.params.id),
  );

  app.post(
    '/news/articles/:id/comments',
    {
      schema: {
        tags,
        summary: 'Gửi góp ý',
        description: 'Người viết và biên tập viên trao đổi về tin bài (không khi đã lưu trữ).',
        params: idParam,
        body: articleCommentInput,
        response: { 201: articleCommentView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await addComment(db, actor, request.params.id, request.body.body);
      const { items } = await listComments(db, actor, request.params.id);
      return reply.status(201).send(items[items.length - 1] as (typeof items)[number]);
    },
  );

  app.get(
    '/news/reach',
    {
      schema: {
        tags: ['Tin bài — lượt đọc'],
        summary: 'Lượt đọc tin bài theo đơn vị',
        description:
          'Lượt đọc trên cổng tin của các tin bài do đơn vị `unitId` và đơn vị cấp dưới viết, trong khoảng `from`–`to` ' +
          '(mặc định 30 ngày gần nhất): tổng, theo từng đơn vị trực thuộc (gộp cả cây con), 10 tin đọc nhiều nhất, theo ' +
          'ngày. Mỗi người đọc được tính một lần mỗi ngày cho mỗi tin, không lưu địa chỉ IP. Chỉ biên tập viên, quản trị ' +
          'của đơn vị hoặc cấp trên.',
        querystring: newsReachQuery,
        response: { 200: newsReachView },
      },
    },
    async (request) => newsReach(db, requireActor(request), request.query),
  );

  await app.register(newsFileRoutes, { db });
};
