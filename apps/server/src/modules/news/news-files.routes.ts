import { articleImageView, idParam } from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db, Executor } from '../../db/database.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { AppError } from '../../platform/errors.js';
import { readMultipart } from '../../platform/files.js';
import { uploadArticleImage } from './news.commands.js';
import { canViewArticle } from './news.policy.js';
import { fileUrl } from './news.presenter.js';
import { findArticle } from './news.repository.js';

/**
 * Images of articles. Uploads go through platform/files (type from the bytes, 10 MB, re-encoded by
 * sharp without metadata). Serving: an image of a published article is public and cached for long
 * (its id never gets other bytes); any other only for the article's newsroom (404 otherwise).
 */

const NEWS_TAGS = ['Tin bài — biên tập'];
const fileParams = z.object({ fileId: z.coerce.number().int().positive() });
const widthQuery = z.object({
  w: z.coerce
    .number()
    .int()
    .refine((w) => w === 400 || w === 960, 'Chiều rộng chỉ là 400 hoặc 960')
    .optional(),
});
const uploadQuery = z.object({ cover: z.enum(['true', 'false']).optional() });

async function loadImage(db: Executor, fileId: number, width: number | undefined) {
  const column = width === 400 ? 'af.thumbnail_id' : width === 960 ? 'af.medium_id' : 'af.file_id';
  return db
    .selectFrom('article_files as af')
    .innerJoin('files as f', 'f.id', column)
    .select(['af.article_id as articleId', 'f.content_type as contentType', 'f.data', 'f.sha256'])
    .where('af.file_id', '=', fileId)
    .executeTakeFirst();
}

export const newsFileRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/news/articles/:id/images',
    {
      schema: {
        tags: NEWS_TAGS,
        summary: 'Tải ảnh lên cho tin bài',
        description:
          'multipart/form-data, trường `file`: ảnh JPEG, PNG hoặc WebP tối đa 10 MB (loại ảnh được xác định từ nội dung). ' +
          'Ảnh được nén lại, bỏ siêu dữ liệu, lưu ở ba cỡ (tối đa 2000, 960, 400 px). `?cover=true`: đặt làm ảnh bìa. Dùng ' +
          '`url` trong nội dung (`<img src="…">`). Chỉ người được sửa tin bài.',
        params: idParam,
        querystring: uploadQuery,
        response: { 201: articleImageView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // The article is checked before the upload is read, so a stranger learns nothing and sends nothing.
      const article = await findArticle(db, request.params.id);
      if (!article || !canViewArticle(actor, article)) throw new AppError('NOT_FOUND', 'Không tìm thấy tin bài.');
      const upload = await readMultipart(request);
      const stored = await uploadArticleImage(db, actor, request.params.id, upload, request.query.cover === 'true');
      return reply.status(201).send({
        fileId: stored.fileId,
        url: fileUrl(stored.fileId),
        thumbnailUrl: fileUrl(stored.fileId, 400),
        width: stored.width,
        height: stored.height,
      });
    },
  );

  app.get(
    '/news/files/:fileId',
    {
      schema: {
        tags: NEWS_TAGS,
        summary: 'Ảnh của tin bài',
        description:
          '`w=960` hoặc `w=400`: bản thu nhỏ. Ảnh của tin đã đăng: ai cũng xem được (lưu đệm lâu). Ảnh của tin chưa đăng: ' +
          'chỉ người biên tập tin bài (404 với người khác).',
        params: fileParams,
        querystring: widthQuery,
      },
    },
    async (request, reply) => {
      const file = await loadImage(db, request.params.fileId, request.query.w);
      const article = file ? await findArticle(db, file.articleId) : null;
      if (!file || !article) throw new AppError('NOT_FOUND', 'Không tìm thấy ảnh.');
      const published = article.status === 'published';
      if (!published && !canViewArticle(request.actor, article)) throw new AppError('NOT_FOUND', 'Không tìm thấy ảnh.');
      const etag = `"${file.sha256.slice(0, 32)}"`;
      reply
        .header('content-type', file.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .header('etag', etag)
        .header('cache-control', published ? 'public, max-age=604800' : 'private, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.send(file.data);
    },
  );
};
