import { createHash } from 'node:crypto';
import type { ArticleInput, ArticlePatch } from '@lan-toa/contracts';
import sharp from 'sharp';
import type { Db, Tx } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { insertFile, prepareUpload } from '../../platform/files.js';
import { findUnit } from '../org/units.repository.js';
import { assertArticleAction, canWriteFor } from './news.policy.js';
import {
  type ArticleRecord,
  articleFileIds,
  categoryExists,
  lockVisibleArticle,
  publisherOf,
} from './news.repository.js';
import { articleSearchText, sanitizeArticleHtml, slugify } from './news.sanitize.js';

/**
 * Writing articles: create, edit, comment, upload images. Each write is one transaction with its
 * audit event (entity 'article', unit: the writing unit). The workflow's transitions are in
 * news.workflow.ts.
 */

export async function auditArticle(
  tx: Tx,
  actor: Actor | null,
  article: { id: number; unitId: number },
  action: string,
  change: { before?: unknown; after?: unknown } = {},
): Promise<void> {
  await recordAudit(tx, actor, {
    action: `article.${action}`,
    entityType: 'article',
    entityId: article.id,
    unitId: article.unitId,
    ...change,
  });
}

async function assertCategory(tx: Tx, code: string) {
  if (!(await categoryExists(tx, code))) throw fieldError('category', 'Chuyên mục không tồn tại.');
}

export async function createArticle(db: Db, actor: Actor, input: ArticleInput): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, input.unitId).catch(() => null);
    // A unit one may not write for is answered like a missing one.
    if (!unit || !canWriteFor(actor, unit.path)) throw fieldError('unitId', 'Bạn không viết tin cho đơn vị này.');
    if (unit.validTo !== null) throw fieldError('unitId', `Đơn vị "${unit.name}" đã giải thể hoặc sáp nhập.`);
    await assertCategory(tx, input.category);
    const bodyHtml = sanitizeArticleHtml(input.bodyHtml, new Set());
    const created = await tx
      .insertInto('articles')
      .values({
        unit_id: unit.id,
        publisher_unit_id: await publisherOf(tx, unit.path),
        title: input.title,
        summary: input.summary,
        body_html: bodyHtml,
        category: input.category,
        slug: `tmp-${createHash('sha256').update(`${Date.now()}${Math.random()}`).digest('hex').slice(0, 16)}`,
        search_text: articleSearchText(input.title, input.summary, bodyHtml),
        author_account_id: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('articles')
      .set({ slug: `${slugify(input.title)}-${created.id}` })
      .where('id', '=', created.id)
      .execute();
    await auditArticle(tx, actor, { id: created.id, unitId: unit.id }, 'created', {
      after: { title: input.title, category: input.category },
    });
    return created.id;
  });
}

export async function updateArticle(db: Db, actor: Actor, id: number, patch: ArticlePatch): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const article = await lockVisibleArticle(tx, actor, id);
    assertArticleAction(actor, article, 'edit');
    if (patch.category !== undefined) await assertCategory(tx, patch.category);
    const own = await articleFileIds(tx, id);
    if (patch.coverFileId != null && !own.has(patch.coverFileId)) {
      throw fieldError('coverFileId', 'Ảnh bìa phải là một ảnh đã tải lên cho tin bài này.');
    }
    const title = patch.title ?? article.title;
    const summary = patch.summary ?? article.summary;
    const bodyHtml = patch.bodyHtml === undefined ? article.bodyHtml : sanitizeArticleHtml(patch.bodyHtml, own);
    await tx
      .updateTable('articles')
      .set({
        title,
        summary,
        body_html: bodyHtml,
        category: patch.category ?? article.category,
        cover_file_id: patch.coverFileId === undefined ? article.coverFileId : patch.coverFileId,
        search_text: articleSearchText(title, summary, bodyHtml),
        // The address is fixed once the article has been published: shared links keep working.
        slug: article.publishedAt === null ? `${slugify(title)}-${id}` : article.slug,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await auditArticle(tx, actor, article, 'updated', {
      before: changed(article, patch),
      after: { ...patch, bodyHtml: patch.bodyHtml === undefined ? undefined : `${bodyHtml.length} ký tự` },
    });
  });
}

function changed(article: ArticleRecord, patch: ArticlePatch) {
  return {
    title: patch.title === undefined ? undefined : article.title,
    summary: patch.summary === undefined ? undefined : article.summary,
    category: patch.category === undefined ? undefined : article.category,
    coverFileId: patch.coverFileId === undefined ? undefined : article.coverFileId,
    bodyHtml: patch.bodyHtml === undefined ? undefined : `${article.bodyHtml.length} ký tự`,
  };
}

export async function addComment(db: Db, actor: Actor, id: number, body: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const article = await lockVisibleArticle(tx, actor, id);
    assertArticleAction(actor, article, 'comment');
    const row = await tx
      .insertInto('article_comments')
      .values({ article_id: id, author_account_id: actor.accountId, body })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditArticle(tx, actor, article, 'commented', { after: { commentId: row.id } });
    return row.id;
  });
}

const MEDIUM_SIDE = 960;

/**
 * An image for the body or the cover: checked by content (JPEG, PNG, WebP only; 10 MB), re-encoded
 * without metadata by sharp at three widths (≤ 2000, 960 and 400 px) for the portal's srcset.
 */
export async function uploadArticleImage(
  db: Db,
  actor: Actor,
  id: number,
  upload: { buffer: Buffer; filename: string },
  asCover: boolean,
) {
  const prepared = await prepareUpload(upload.buffer, upload.filename);
  if (prepared.kind !== 'photo' || !prepared.thumbnail) {
    throw new AppError('FILE_INVALID', 'Chỉ nhận ảnh JPEG, PNG hoặc WebP.', [
      { field: 'file', message: 'Tệp không phải là ảnh JPEG, PNG hoặc WebP.' },
    ]);
  }
  const webp = prepared.main.contentType === 'image/webp';
  const pipeline = sharp(prepared.main.data).resize({ width: MEDIUM_SIDE, withoutEnlargement: true });
  const medium = await (webp ? pipeline.webp({ quality: 80 }) : pipeline.jpeg({ quality: 80, mozjpeg: true })).toBuffer(
    { resolveWithObject: true },
  );
  return db.transaction().execute(async (tx) => {
    const article = await lockVisibleArticle(tx, actor, id);
    assertArticleAction(actor, article, 'edit');
    const fileId = await insertFile(tx, prepared.main, actor);
    const mediumId = await insertFile(
      tx,
      {
        data: medium.data,
        contentType: prepared.main.contentType,
        name: prepared.main.name,
        width: medium.info.width,
        height: medium.info.height,
      },
      actor,
    );
    const thumbnailId = await insertFile(tx, prepared.thumbnail as NonNullable<typeof prepared.thumbnail>, actor);
    await tx
      .insertInto('article_files')
      .values({ file_id: fileId, article_id: id, medium_id: mediumId, thumbnail_id: thumbnailId })
      .execute();
    if (asCover) {
      await tx
        .updateTable('articles')
        .set({ cover_file_id: fileId, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    }
    await auditArticle(tx, actor, article, asCover ? 'cover_uploaded' : 'image_uploaded', {
      after: { fileId, size: prepared.main.data.length },
    });
    return { fileId, width: prepared.main.width, height: prepared.main.height };
  });
}
