import type { DocumentSummary, DocumentView } from '@lan-toa/contracts';
import type { DocumentFileRow, DocumentRecord } from './documents.repository.js';

/** Documents and their files as the API shows them; raw rows never leave the server. */

export function fileUrl(documentId: number, fileId: number): string {
  return `/api/library/documents/${documentId}/files/${fileId}`;
}

export function presentFile(file: DocumentFileRow) {
  return {
    id: file.id,
    name: file.name,
    contentType: file.contentType,
    size: file.size,
    url: fileUrl(file.documentId, file.id),
  };
}

export function presentDocumentSummary(
  row: DocumentRecord,
  topics: { id: number; name: string }[],
  fileCount: number,
): DocumentSummary {
  return {
    id: row.id,
    type: row.type,
    number: row.number,
    issuedOn: row.issuedOn,
    issuer: row.issuer,
    title: row.title,
    summary: row.summary,
    unitId: row.unitId,
    unitName: row.unitName,
    topics,
    fileCount,
  };
}

export function presentDocument(
  row: DocumentRecord,
  topics: { id: number; name: string }[],
  files: DocumentFileRow[],
  abilities: { canEdit: boolean; canAssign: boolean },
): DocumentView {
  return {
    ...presentDocumentSummary(row, topics, files.length),
    files: files.map(presentFile),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...abilities,
  };
}
