import type { ActivityFileView } from '@lan-toa/contracts';
import type { Executor } from '../../db/database.js';

/** Photos and attachments of activities: rows without their bytes, and one file's bytes to serve. */

export async function listActivityFiles(db: Executor, activityId: number) {
  return db
    .selectFrom('activity_files as af')
    .innerJoin('files as f', 'f.id', 'af.file_id')
    .select([
      'af.file_id as id',
      'af.kind',
      'af.caption',
      'af.thumbnail_id as thumbnailId',
      'f.original_name as name',
      'f.content_type as contentType',
      'f.size',
    ])
    .where('af.activity_id', '=', activityId)
    .orderBy('af.kind', 'desc')
    .orderBy('af.sort_order')
    .orderBy('af.file_id')
    .execute();
}

export type ActivityFileRow = Awaited<ReturnType<typeof listActivityFiles>>[number];

export function presentActivityFile(row: ActivityFileRow): ActivityFileView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    contentType: row.contentType,
    size: row.size,
    caption: row.caption,
    url: `/api/files/${row.id}`,
    thumbnailUrl: row.thumbnailId === null ? null : `/api/files/${row.id}/thumbnail`,
  };
}

export async function findActivityFile(db: Executor, activityId: number, fileId: number) {
  const rows = await listActivityFiles(db, activityId);
  return rows.find((row) => row.id === fileId) ?? null;
}

/** The attachment a file (or, with `thumbnail`, its thumbnail) belongs to, with the bytes to serve. */
export async function loadFileForServing(db: Executor, fileId: number, thumbnail: boolean) {
  return db
    .selectFrom('activity_files as af')
    .innerJoin('files as f', 'f.id', thumbnail ? 'af.thumbnail_id' : 'af.file_id')
    .select([
      'af.activity_id as activityId',
      'af.kind',
      'f.original_name as name',
      'f.content_type as contentType',
      'f.data',
    ])
    .where('af.file_id', '=', fileId)
    .executeTakeFirst();
}
