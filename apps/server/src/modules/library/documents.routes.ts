import {
  documentInput,
  documentListQuery,
  documentPage,
  documentPatch,
  documentView,
  idParam,
  libraryTopic,
  libraryTopicInput,
  libraryTopicList,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db, Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { AppError } from '../../platform/errors.js';
import { contentDisposition, readMultipart } from '../../platform/files.js';
import {
  addDocumentFile,
  createDocument,
  deleteDocument,
  removeDocumentFile,
  saveTopic,
  updateDocument,
} from './documents.commands.js';
import { filesOf, findVisibleDocument, searchDocuments, topicsOf } from './documents.repository.js';
import { canAssignDocument, canEditDocument, canEditTopics } from './library.policy.js';
import { presentDocument, presentDocumentSummary } from './library.presenter.js';

/** The document library: topics, documents, their files. Thin routes: validate → command → presenter. */
export const LIBRARY_TAGS = ['Thư viện văn bản'];
const tags = LIBRARY_TAGS;
const fileParams = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });
const fileQuery = z.object({ inline: z.enum(['0', '1']).optional() });

async function viewDocument(db: Executor, actor: Actor, id: number) {
  const document = await findVisibleDocument(db, actor, id);
  const [topics, files] = await Promise.all([topicsOf(db, [id]), filesOf(db, [id])]);
  return presentDocument(document, topics.get(id) ?? [], files.get(id) ?? [], {
    canEdit: canEditDocument(actor, document),
    canAssign: canAssignDocument(actor, document),
  });
}

export const documentRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/library/topics',
    {
      schema: {
        tags,
        summary: 'Danh mục chủ đề văn bản',
        description:
          'Danh mục chủ đề dùng để phân loại văn bản (Bộ luật Lao động, Luật Công đoàn, phòng chống ma túy…). ' +
          '`canEdit`: người xem được sửa danh mục (quản trị hệ thống, quản trị cấp tỉnh).',
        response: { 200: libraryTopicList },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await db
        .selectFrom('library_topics')
        .select(['id', 'name', 'sort_order as sortOrder', 'archived'])
        .orderBy('sort_order')
        .orderBy('id')
        .execute();
      return { items: rows, canEdit: canEditTopics(actor) };
    },
  );

  app.post(
    '/library/topics',
    {
      schema: {
        tags,
        summary: 'Thêm chủ đề',
        description: 'Chỉ quản trị hệ thống hoặc quản trị đơn vị cấp tỉnh. Tên chủ đề không được trùng.',
        body: libraryTopicInput,
        response: { 201: libraryTopic },
      },
    },
    async (request, reply) => {
      const id = await saveTopic(db, requireActor(request), null, request.body);
      return reply
        .status(201)
        .send({ id, name: request.body.name, sortOrder: request.body.sortOrder, archived: request.body.archived });
    },
  );

  app.patch(
    '/library/topics/:id',
    {
      schema: {
        tags,
        summary: 'Sửa chủ đề',
        description: 'Đổi tên, thứ tự, hoặc ngừng dùng (`archived`) — chủ đề ngừng dùng vẫn hiện ở văn bản cũ.',
        params: idParam,
        body: libraryTopicInput,
        response: { 200: libraryTopic },
      },
    },
    async (request) => {
      const id = await saveTopic(db, requireActor(request), request.params.id, request.body);
      return { id, name: request.body.name, sortOrder: request.body.sortOrder, archived: request.body.archived };
    },
  );

  app.get(
    '/library/documents',
    {
      schema: {
        tags,
        summary: 'Tìm văn bản',
        description:
          'Văn bản bạn được xem: của đơn vị bạn, của các đơn vị cấp trên (văn bản của tỉnh mọi đơn vị trực thuộc đều ' +
          'xem được) và, với người quản lý, của các đơn vị cấp dưới. `q` tìm trong loại, số ký hiệu, trích yếu, cơ quan ' +
          'ban hành, tóm tắt và chủ đề, không cần gõ dấu ("nghi quyet 02" tìm được "Nghị quyết 02-NQ/TW"); mỗi từ đều ' +
          'phải có. Lọc theo loại (`type`), chủ đề (`topicId`), năm ban hành (`year`), cơ quan ban hành (`issuer`). ' +
          'Mới ban hành trước. Chưa tìm trong nội dung tệp đính kèm.',
        querystring: documentListQuery,
        response: { 200: documentPage },
      },
    },
    async (request) => {
      const { rows, total } = await searchDocuments(db, requireActor(request), request.query);
      const ids = rows.map((row) => row.id);
      const [topics, files] = await Promise.all([topicsOf(db, ids), filesOf(db, ids)]);
      return {
        items: rows.map((row) => presentDocumentSummary(row, topics.get(row.id) ?? [], files.get(row.id)?.length ?? 0)),
        total,
      };
    },
  );

  app.post(
    '/library/documents',
    {
      schema: {
        tags,
        summary: 'Thêm văn bản',
        description:
          'Chỉ quản trị, biên tập viên của đơn vị ban hành (`unitId`: đơn vị đăng văn bản lên thư viện, mọi đơn vị ' +
          'trực thuộc sẽ thấy). Tệp (PDF, Word) tải lên riêng qua POST /library/documents/{id}/files.',
        body: documentInput,
        response: { 201: documentView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createDocument(db, actor, request.body);
      return reply.status(201).send(await viewDocument(db, actor, id));
    },
  );

  app.get(
    '/library/documents/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết văn bản',
        description:
          'Kèm danh sách tệp, chủ đề và quyền của người xem (`canEdit`, `canAssign`). 404 nếu không được xem.',
        params: idParam,
        response: { 200: documentView },
      },
    },
    async (request) => viewDocument(db, requireActor(request), request.params.id),
  );

  app.patch(
    '/library/documents/:id',
    {
      schema: {
        tags,
        summary: 'Sửa văn bản',
        description: 'Chỉ các trường gửi lên được thay đổi; `topicIds` thay cả danh sách chủ đề.',
        params: idParam,
        body: documentPatch,
        response: { 200: documentView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateDocument(db, actor, request.params.id, request.body);
      return viewDocument(db, actor, request.params.id);
    },
  );

  app.delete(
    '/library/documents/:id',
    {
      schema: {
        tags,
        summary: 'Xóa văn bản',
        description: 'Xóa cả tệp đính kèm. Văn bản đã được giao học tập không xóa được (409 CONFLICT).',
        params: idParam,
      },
    },
    async (request, reply) => {
      await deleteDocument(db, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/library/documents/:id/files',
    {
      schema: {
        tags,
        summary: 'Tải lên tệp văn bản',
        description:
          'multipart/form-data, trường `file`: PDF hoặc Word (.docx), tối đa 10 MB. Loại tệp xác định từ nội dung, ' +
          'không theo tên hay khai báo của trình duyệt; loại khác bị từ chối (400 FILE_INVALID), quá lớn: 413.',
        params: idParam,
        response: { 201: documentView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await findVisibleDocument(db, actor, request.params.id);
      const upload = await readMultipart(request);
      await addDocumentFile(db, actor, request.params.id, upload);
      return reply.status(201).send(await viewDocument(db, actor, request.params.id));
    },
  );

  app.delete(
    '/library/documents/:id/files/:fileId',
    { schema: { tags, summary: 'Xóa tệp văn bản', params: fileParams } },
    async (request, reply) => {
      await removeDocumentFile(db, requireActor(request), request.params.id, request.params.fileId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/library/documents/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Tải tệp văn bản',
        description:
          'Chỉ người xem được văn bản (404 nếu không). Mặc định tải về; `inline=1` để xem trực tiếp tệp PDF trên trình duyệt.',
        params: fileParams,
        querystring: fileQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await findVisibleDocument(db, actor, request.params.id);
      const file = await db
        .selectFrom('document_files as df')
        .innerJoin('files as f', 'f.id', 'df.file_id')
        .select(['f.original_name as name', 'f.content_type as contentType', 'f.data'])
        .where('df.document_id', '=', request.params.id)
        .where('df.file_id', '=', request.params.fileId)
        .executeTakeFirst();
      if (!file) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp.');
      const inline = request.query.inline === '1' && file.contentType === 'application/pdf';
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(file.data);
    },
  );
};
