import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import sharp from 'sharp';
import type { Executor } from '../db/database.js';
import type { Actor } from './access.js';
import { AppError } from './errors.js';

/**
 * Uploaded files (ASVS 12.1–12.5): at most 10 MB; the type is read from the bytes, never from the
 * name or the browser's Content-Type; only images (JPEG, PNG, WebP, re-encoded without metadata)
 * and PDF, DOCX, XLSX are kept; the bytes live in PostgreSQL under a generated id, and the name
 * is kept only to be offered back (with the extension of the detected type).
 */

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_IMAGE_SIDE = 2000;
const THUMBNAIL_SIDE = 400;
/** 60 megapixels: a 48 MP phone photo passes, a decompression bomb does not. */
const MAX_INPUT_PIXELS = 60_000_000;

export type DetectedType = 'jpeg' | 'png' | 'webp' | 'pdf' | 'docx' | 'xlsx';

const DOCUMENT_TYPES = {
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const;

const startsWith = (buffer: Buffer, bytes: number[] | string, offset = 0) => {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return (
    buffer.length >= offset + expected.length && buffer.subarray(offset, offset + expected.length).equals(expected)
  );
};

/** The file's type from its magic numbers; an Office file is a zip whose entries name its kind. */
export function detectType(buffer: Buffer): DetectedType | null {
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buffer, 'RIFF') && startsWith(buffer, 'WEBP', 8)) return 'webp';
  if (startsWith(buffer, '%PDF-')) return 'pdf';
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04]) && buffer.includes('[Content_Types].xml')) {
    // Entry names are stored uncompressed in the local and central headers.
    if (buffer.includes('word/document.xml')) return 'docx';
    if (buffer.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

const refused = (message: string) => new AppError('FILE_INVALID', message, [{ field: 'file', message }]);

/** The name offered on download: no path, no control characters, the extension of the real type. */
export function safeName(originalName: string, extension: string): string {
  const base = (originalName.split(/[\\/]/u).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}"]/gu, '')
    .replace(/\.[^.]*$/u, '')
    .trim()
    .slice(0, 150);
  return `${base || 'tep'}.${extension}`;
}

interface Prepared {
  kind: 'photo' | 'attachment';
  main: { data: Buffer; contentType: string; name: string; width: number | null; height: number | null };
  thumbnail: { data: Buffer; contentType: string; name: string; width: number; height: number } | null;
}

async function encodeImage(input: Buffer, side: number, webp: boolean) {
  const pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate() // apply the EXIF orientation before the metadata is dropped
    .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
  const { data, info } = await (webp
    ? pipeline.webp({ quality: 82 })
    : pipeline.jpeg({ quality: 82, mozjpeg: true })
  ).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, contentType: webp ? 'image/webp' : 'image/jpeg' };
}

/** Checks and converts an upload; throws FILE_INVALID (400) or PAYLOAD_TOO_LARGE (413). */
export async function prepareUpload(buffer: Buffer, originalName: string): Promise<Prepared> {
  if (buffer.length > MAX_FILE_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn: tối đa 10 MB.', [
      { field: 'file', message: 'Tệp vượt quá 10 MB.' },
    ]);
  }
  if (buffer.length === 0) throw refused('Tệp rỗng.');
  const type = detectType(buffer);
  if (type === null) {
    throw refused(
      'Chỉ nhận ảnh JPEG, PNG, WebP và tệp PDF, Word (.docx), Excel (.xlsx); nội dung tệp không thuộc loại nào trong số đó.',
    );
  }
  if (type === 'pdf' || type === 'docx' || type === 'xlsx') {
    const { contentType, extension } = DOCUMENT_TYPES[type];
    const main = { data: buffer, contentType, name: safeName(originalName, extension), width: null, height: null };
    return { kind: 'attachment', main, thumbnail: null };
  }
  try {
    const { hasAlpha } = await sharp(buffer, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    // Transparent images stay transparent (WebP); everything else becomes a JPEG.
    const webp = hasAlpha === true;
    const full = await encodeImage(buffer, MAX_IMAGE_SIDE, webp);
    const thumb = await encodeImage(full.data, THUMBNAIL_SIDE, webp);
    const extension = webp ? 'webp' : 'jpg';
    const name = safeName(originalName, extension);
    return {
      kind: 'photo',
      main: { ...full, name },
      thumbnail: { ...thumb, name: name.replace(/\.[a-z]+$/u, `-nho.${extension}`) },
    };
  } catch {
    throw refused('Ảnh bị hỏng, quá lớn (trên 60 triệu điểm ảnh) hoặc không đọc được.');
  }
}

/** Stores one prepared file (or a variant of it) and returns its id. */
export async function insertFile(tx: Executor, file: Prepared['main'], actor: Actor): Promise<number> {
  const row = await tx
    .insertInto('files')
    .values({
      sha256: createHash('sha256').update(file.data).digest('hex'),
      content_type: file.contentType,
      size: file.data.length,
      original_name: file.name,
      data: file.data,
      width: file.width,
      height: file.height,
      created_by: actor.accountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface StoredUpload {
  kind: 'photo' | 'attachment';
  fileId: number;
  thumbnailId: number | null;
  name: string;
  contentType: string;
  size: number;
}

/** Checks, converts and stores an upload (and a photo's thumbnail) inside the caller's transaction. */
export async function storeUpload(
  tx: Executor,
  buffer: Buffer,
  originalName: string,
  actor: Actor,
): Promise<StoredUpload> {
  const prepared = await prepareUpload(buffer, originalName);
  const fileId = await insertFile(tx, prepared.main, actor);
  const thumbnailId = prepared.thumbnail ? await insertFile(tx, prepared.thumbnail, actor) : null;
  return {
    kind: prepared.kind,
    fileId,
    thumbnailId,
    name: prepared.main.name,
    contentType: prepared.main.contentType,
    size: prepared.main.data.length,
  };
}

export interface MultipartUpload {
  buffer: Buffer;
  filename: string;
  fields: Record<string, string>;
}

const NO_FILE = () => refused('Hãy gửi tệp trong trường "file".');

/** A multipart body with one file (field `file`) and text fields, in any order. */
export async function readMultipart(request: FastifyRequest): Promise<MultipartUpload> {
  if (!request.isMultipart()) throw NO_FILE();
  let upload: { buffer: Buffer; filename: string } | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        if (part.fieldname === 'file') upload = { buffer, filename: part.filename };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) {
      throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn: tối đa 10 MB.', [
        { field: 'file', message: 'Tệp vượt quá 10 MB.' },
      ]);
    }
    throw refused('Tệp gửi lên bị hỏng hoặc không đúng định dạng multipart.');
  }
  if (!upload) throw NO_FILE();
  return { ...upload, fields };
}

/** The Content-Disposition of a served file: an ASCII fallback name and the exact name in UTF-8 (RFC 6266). */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[^\x20-\x7e]|["\\]/gu, '');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
