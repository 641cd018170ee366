import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { storeUpload } from '../../platform/files.js';
import { assertCanEditActivity } from './activities.policy.js';
import { findActivity } from './activities.repository.js';
import { type ActivityFileRow, findActivityFile } from './files.repository.js';

/** Adding and removing an activity's photos and attachments: one transaction each, audited. */

const FILE_NOT_FOUND = () => new AppError('NOT_FOUND', 'Không tìm thấy tệp.');

export async function addActivityFile(
  db: Db,
  actor: Actor,
  activityId: number,
  upload: { buffer: Buffer; filename: string; caption: string },
): Promise<ActivityFileRow> {
  return db.transaction().execute(async (tx) => {
    const activity = await findActivity(tx, activityId, 'share');
    assertCanEditActivity(actor, activity);
    const stored = await storeUpload(tx, upload.buffer, upload.filename, actor);
    const { next } = await tx
      .selectFrom('activity_files')
      .select((eb) => eb.fn.coalesce(eb.fn.max('sort_order'), eb.lit(0)).as('next'))
      .where('activity_id', '=', activityId)
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('activity_files')
      .values({
        activity_id: activityId,
        file_id: stored.fileId,
        thumbnail_id: stored.thumbnailId,
        kind: stored.kind,
        caption: upload.caption,
        sort_order: Number(next) + 1,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'activity.file_added',
      entityType: 'activity',
      entityId: activityId,
      unitId: activity.organisingUnitId,
      after: {
        fileId: stored.fileId,
        kind: stored.kind,
        name: stored.name,
        contentType: stored.contentType,
        size: stored.size,
        caption: upload.caption,
      },
    });
    const row = await findActivityFile(tx, activityId, stored.fileId);
    if (!row) throw FILE_NOT_FOUND();
    return row;
  });
}

export async function removeActivityFile(db: Db, actor: Actor, activityId: number, fileId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const activity = await findActivity(tx, activityId, 'share');
    assertCanEditActivity(actor, activity);
    const before = await findActivityFile(tx, activityId, fileId);
    if (!before) throw FILE_NOT_FOUND();
    // The trigger on activity_files deletes the file and its thumbnail.
    await tx.deleteFrom('activity_files').where('activity_id', '=', activityId).where('file_id', '=', fileId).execute();
    await recordAudit(tx, actor, {
      action: 'activity.file_removed',
      entityType: 'activity',
      entityId: activityId,
      unitId: activity.organisingUnitId,
      before: {
        fileId,
        kind: before.kind,
        name: before.name,
        contentType: before.contentType,
        size: before.size,
        caption: before.caption,
      },
    });
  });
}
