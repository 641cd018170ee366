import {
  DOCUMENT_TYPE_LABELS,
  type DocumentInput,
  type DocumentPatch,
  type DocumentType,
  type libraryTopicInput,
} from '@lan-toa/contracts';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, fieldError, uniqueViolation } from '../../platform/errors.js';
import { detectType, MAX_FILE_BYTES, storeUpload } from '../../platform/files.js';
import { assertCanManageMembersOf } from '../org/org.policy.js';
import { findUnit } from '../org/units.repository.js';
import { type DocumentRecord, findVisibleDocument, refreshSearchText } from './documents.repository.js';
import { assertCanEditDocument, canEditTopics } from './library.policy.js';

/**
 * Writing documents, their files and the topic list: each write one transaction with its audit
 * event (entity 'document', unit: the publishing unit).
 */

export const MAX_DOCUMENT_FILES = 10;

async function checkTopics(tx: Tx, topicIds: number[]): Promise<void> {
  const unique = [...new Set(topicIds)];
  if (unique.length === 0) return;
  const found = await tx
    .selectFrom('library_topics')
    .select('id')
    .where('id', 'in', unique)
    .where('archived', '=', false)
    .execute();
  if (found.length !== unique.length) throw fieldError('topicIds', 'Có chủ đề không tồn tại hoặc đã ngừng dùng.');
}

async function setTopics(tx: Tx, documentId: number, topicIds: number[]): Promise<void> {
  await tx.deleteFrom('document_topics').where('document_id', '=', documentId).execute();
  const unique = [...new Set(topicIds)];
  if (unique.length > 0) {
    await tx
      .insertInto('document_topics')
      .values(unique.map((topic_id) => ({ document_id: documentId, topic_id })))
      .execute();
  }
}

function snapshot(document: Partial<DocumentRecord> & { topicIds?: number[] }) {
  const { id: _id, unitName: _n, unitPath: _p, createdAt: _c, updatedAt: _u, ...rest } = document;
  return rest;
}

export async function createDocument(db: Db, actor: Actor, input: DocumentInput): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, input.unitId).catch(() => {
      throw fieldError('unitId', 'Không tìm thấy đơn vị ban hành.');
    });
    assertCanManageMembersOf(actor, unit);
    if (unit.validTo !== null) throw fieldError('unitId', `Đơn vị "${unit.name}" đã giải thể hoặc sáp nhập.`);
    await checkTopics(tx, input.topicIds);
    const row = await tx
      .insertInto('documents')
      .values({
        unit_id: input.unitId,
        type: input.type,
        number: input.number,
        issued_on: input.issuedOn,
        issuer: input.issuer,
        title: input.title,
        summary: input.summary,
        created_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setTopics(tx, row.id, input.topicIds);
    await refreshSearchText(tx, row.id, DOCUMENT_TYPE_LABELS[input.type]);
    await recordAudit(tx, actor, {
      action: 'document.created',
      entityType: 'document',
      entityId: row.id,
      unitId: input.unitId,
      after: input,
    });
    return row.id;
  });
}

export async function updateDocument(db: Db, actor: Actor, id: number, patch: DocumentPatch): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await findVisibleDocument(tx, actor, id);
    assertCanEditDocument(actor, before);
    if (patch.topicIds) await checkTopics(tx, patch.topicIds);
    const { topicIds, issuedOn, ...fields } = patch;
    await tx
      .updateTable('documents')
      .set({ ...fields, ...(issuedOn === undefined ? {} : { issued_on: issuedOn }), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    if (topicIds) await setTopics(tx, id, topicIds);
    const type = (patch.type ?? before.type) as DocumentType;
    await refreshSearchText(tx, id, DOCUMENT_TYPE_LABELS[type]);
    await recordAudit(tx, actor, {
      action: 'document.updated',
      entityType: 'document',
      entityId: id,
      unitId: before.unitId,
      before: snapshot(before),
      after: patch,
    });
  });
}

export async function deleteDocument(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await findVisibleDocument(tx, actor, id);
    assertCanEditDocument(actor, before);
    const used = await tx
      .selectFrom('study_assignment_documents')
      .select('assignment_id')
      .where('document_id', '=', id)
      .executeTakeFirst();
    if (used) throw new AppError('CONFLICT', 'Văn bản đang được giao học tập; không xóa được.');
    await tx.deleteFrom('documents').where('id', '=', id).execute();
    await recordAudit(tx, actor, {
      action: 'document.deleted',
      entityType: 'document',
      entityId: id,
      unitId: before.unitId,
      before: snapshot(before),
    });
  });
}

/** Only PDF and Word (.docx), read from the bytes; at most 10 MB (platform/files.ts). */
export async function addDocumentFile(
  db: Db,
  actor: Actor,
  documentId: number,
  upload: { buffer: Buffer; filename: string },
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const document = await findVisibleDocument(tx, actor, documentId);
    assertCanEditDocument(actor, document);
    const type = upload.buffer.length <= MAX_FILE_BYTES ? detectType(upload.buffer) : null;
    if (upload.buffer.length <= MAX_FILE_BYTES && upload.buffer.length > 0 && type !== 'pdf' && type !== 'docx') {
      const message = 'Văn bản chỉ nhận tệp PDF hoặc Word (.docx); nội dung tệp không thuộc hai loại đó.';
      throw new AppError('FILE_INVALID', message, [{ field: 'file', message }]);
    }
    const count = await tx
      .selectFrom('document_files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_DOCUMENT_FILES) {
      throw fieldError('file', `Mỗi văn bản tối đa ${MAX_DOCUMENT_FILES} tệp.`);
    }
    const stored = await storeUpload(tx, upload.buffer, upload.filename, actor);
    await tx
      .insertInto('document_files')
      .values({ document_id: documentId, file_id: stored.fileId, sort_order: Number(count.n) })
      .execute();
    await tx.updateTable('documents').set({ updated_at: new Date() }).where('id', '=', documentId).execute();
    await recordAudit(tx, actor, {
      action: 'document.file_added',
      entityType: 'document',
      entityId: documentId,
      unitId: document.unitId,
      after: { fileId: stored.fileId, name: stored.name, size: stored.size },
    });
    return stored.fileId;
  });
}

export async function removeDocumentFile(db: Db, actor: Actor, documentId: number, fileId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const document = await findVisibleDocument(tx, actor, documentId);
    assertCanEditDocument(actor, document);
    const removed = await tx
      .deleteFrom('document_files')
      .where('document_id', '=', documentId)
      .where('file_id', '=', fileId)
      .returning('file_id')
      .executeTakeFirst();
    if (!removed) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp.');
    await recordAudit(tx, actor, {
      action: 'document.file_removed',
      entityType: 'document',
      entityId: documentId,
      unitId: document.unitId,
      before: { fileId },
    });
  });
}

type TopicInput = z.infer<typeof libraryTopicInput>;

function assertTopicEditor(actor: Actor): void {
  if (!canEditTopics(actor)) {
    throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống hoặc quản trị cấp tỉnh được sửa danh mục chủ đề.');
  }
}

const DUPLICATE_TOPIC = { library_topics_name: 'Đã có chủ đề cùng tên.' };

export async function saveTopic(db: Db, actor: Actor, id: number | null, input: TopicInput): Promise<number> {
  assertTopicEditor(actor);
  try {
    return await db.transaction().execute(async (tx) => {
      const values = { name: input.name, sort_order: input.sortOrder, archived: input.archived };
      const row =
        id === null
          ? await tx.insertInto('library_topics').values(values).returning('id').executeTakeFirstOrThrow()
          : await tx.updateTable('library_topics').set(values).where('id', '=', id).returning('id').executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy chủ đề.');
      await recordAudit(tx, actor, {
        action: id === null ? 'library_topic.created' : 'library_topic.updated',
        entityType: 'library_topic',
        entityId: row.id,
        unitId: null,
        after: input,
      });
      return row.id;
    });
  } catch (error) {
    const duplicate = uniqueViolation(error, DUPLICATE_TOPIC);
    if (duplicate)
      throw new AppError('DUPLICATE', 'Đã có chủ đề cùng tên.', [{ field: 'name', message: 'Đã có chủ đề cùng tên.' }]);
    throw error;
  }
}
