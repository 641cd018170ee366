import {
  activityFileFields,
  activityFileList,
  activityFileParams,
  activityFileView,
  fileIdParam,
  idParam,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { contentDisposition, readMultipart } from '../../platform/files.js';
import { assertCanEditActivity, assertCanViewActivity, canViewActivity } from './activities.policy.js';
import { findActivity } from './activities.repository.js';
import { ACTIVITY_TAGS } from './activities.routes.js';
import { addActivityFile, removeActivityFile } from './files.commands.js';
import { listActivityFiles, loadFileForServing, presentActivityFile } from './files.repository.js';

const tags = ACTIVITY_TAGS;

export const activityFileRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/activities/:id/files',
    {
      schema: {
        tags,
        summary: 'Ảnh và tệp đính kèm của hoạt động',
        params: idParam,
        response: { 200: activityFileList },
      },
    },
    async (request) => {
      const activity = await findActivity(db, request.params.id);
      assertCanViewActivity(requireActor(request), activity);
      const rows = await listActivityFiles(db, activity.id);
      return { items: rows.map(presentActivityFile) };
    },
  );

  app.post(
    '/activities/:id/files',
    {
      schema: {
        tags,
        summary: 'Tải lên ảnh hoặc tệp đính kèm',
        description:
          'multipart/form-data: trường `file` (tối đa 10 MB) và trường tùy chọn `caption`. Loại tệp được xác định ' +
          'từ nội dung: ảnh JPEG, PNG, WebP (được nén lại, tối đa 2000 px, bỏ siêu dữ liệu, kèm ảnh thu nhỏ 400 px) ' +
          'là `photo`; PDF, Word (.docx), Excel (.xlsx) là `attachment`; loại khác bị từ chối (FILE_INVALID). ' +
          'Chỉ người quản lý đơn vị tổ chức.',
        params: idParam,
        response: { 201: activityFileView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      assertCanEditActivity(actor, await findActivity(db, request.params.id));
      const upload = await readMultipart(request);
      const fields = activityFileFields.safeParse(upload.fields);
      if (!fields.success) throw fieldError('caption', fields.error.issues[0]?.message ?? 'Chú thích không hợp lệ.');
      const row = await addActivityFile(db, actor, request.params.id, { ...upload, caption: fields.data.caption });
      return reply.status(201).send(presentActivityFile(row));
    },
  );

  app.delete(
    '/activities/:id/files/:fileId',
    { schema: { tags, summary: 'Xóa ảnh hoặc tệp đính kèm', params: activityFileParams } },
    async (request, reply) => {
      await removeActivityFile(db, requireActor(request), request.params.id, request.params.fileId);
      return reply.status(204).send();
    },
  );

  for (const thumbnail of [false, true]) {
    app.get(
      thumbnail ? '/files/:fileId/thumbnail' : '/files/:fileId',
      {
        schema: {
          tags,
          summary: thumbnail ? 'Ảnh thu nhỏ' : 'Tải tệp',
          description:
            'Chỉ người xem được hoạt động chứa tệp (404 nếu không). Ảnh hiển thị trực tiếp; tài liệu luôn được tải về.',
          params: fileIdParam,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await loadFileForServing(db, request.params.fileId, thumbnail);
        // A file one may not see "does not exist", with the same answer as a missing one.
        if (!file || !canViewActivity(actor, await findActivity(db, file.activityId))) {
          throw new AppError('NOT_FOUND', 'Không tìm thấy tệp.');
        }
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.kind === 'photo' ? 'inline' : 'attachment', file.name))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=3600')
          .send(file.data);
      },
    );
  }
};
