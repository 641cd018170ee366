import type { InfoReportStatus, infoReportInput, infoReportResponse, infoReportTransition } from '@lan-toa/contracts';
import type { z } from 'zod';
import type { Db, Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/access.js';
import { recordAudit } from '../../../platform/audit.js';
import { todayInVietnam } from '../../../platform/dates.js';
import { AppError, fieldError } from '../../../platform/errors.js';
import { prepareUpload } from '../../../platform/files.js';
import { coarseDate } from '../anonymity.js';
import { allowedTransition, assertCanView, canTriage, INFO_REPORT_NOT_FOUND } from './info-reports.policy.js';
import { findReport } from './info-reports.repository.js';

type Input = z.output<typeof infoReportInput>;

/** The reporter's unit and the province at the top of its tree (the first label of its path). */
async function reporterPlace(tx: Executor, actor: Actor) {
  const grant =
    actor.grants.find((g) => g.role === 'member' && g.unitId !== null) ?? actor.grants.find((g) => g.unitId !== null);
  if (!grant?.unitId || !grant.unitPath) {
    throw new AppError('FORBIDDEN', 'Tài khoản chưa gắn với đơn vị nào nên chưa gửi được tin báo.');
  }
  const provinceId = Number(grant.unitPath.split('.')[0]);
  const province = await tx.selectFrom('units').select('id').where('id', '=', provinceId).executeTakeFirst();
  if (!province) throw new AppError('UNIT_NOT_FOUND');
  return { unitId: grant.unitId, provinceId: province.id };
}

/**
 * A new report, with its screenshot if any, in one transaction. An anonymous one keeps only the
 * province it goes to and the date: no account, member, unit, address or time of day, and no
 * audit event naming the actor (the audit table would be the link).
 */
export async function createInfoReport(
  db: Db,
  actor: Actor,
  input: Input,
  screenshot: { buffer: Buffer; filename: string } | null,
): Promise<string> {
  if (!input.url && !input.description && !screenshot) {
    throw fieldError('description', 'Hãy gửi ít nhất một trong ba: đường liên kết, ảnh chụp màn hình hoặc mô tả.');
  }
  // Checked and re-encoded (metadata, including GPS location, dropped) before anything is written.
  const image = screenshot ? await prepareUpload(screenshot.buffer, screenshot.filename) : null;
  if (image && image.kind !== 'photo') {
    throw new AppError('FILE_INVALID', 'Ảnh chụp màn hình phải là ảnh JPEG, PNG hoặc WebP.', [
      { field: 'file', message: 'Ảnh chụp màn hình phải là ảnh JPEG, PNG hoặc WebP.' },
    ]);
  }
  return db.transaction().execute(async (tx) => {
    const place = await reporterPlace(tx, actor);
    const anonymous = input.anonymous;
    const row = await tx
      .insertInto('info_reports')
      .values({
        province_unit_id: place.provinceId,
        anonymous,
        reporter_account_id: anonymous ? null : actor.accountId,
        reporter_member_id: anonymous ? null : actor.memberId,
        reporter_unit_id: anonymous ? null : place.unitId,
        platform: input.platform,
        url: input.url,
        description: input.description,
        has_screenshot: image !== null,
        // The shared rule of the voice domain: anonymous items keep the date only (named ones too, so
        // the trend counts everyone the same way); the named report's moment is in created_at.
        reported_on: coarseDate(),
        created_at: anonymous ? null : new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (image?.thumbnail) {
      await tx
        .insertInto('info_report_files')
        .values([
          { report_id: row.id, kind: 'full', ...pick(image.main) },
          { report_id: row.id, kind: 'thumbnail', ...pick(image.thumbnail) },
        ])
        .execute();
    }
    if (!anonymous) {
      await recordAudit(tx, actor, {
        action: 'info_report.create',
        entityType: 'info_report',
        entityId: null,
        unitId: place.provinceId,
        after: { id: row.id, platform: input.platform },
      });
    }
    return row.id;
  });
}

const pick = (file: { data: Buffer; contentType: string; width: number | null; height: number | null }) => ({
  content_type: file.contentType,
  data: file.data,
  width: file.width,
  height: file.height,
});

/** Moves a report along the status machine; refuses (403) what the actor's role may not do. */
export async function transitionInfoReport(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof infoReportTransition>,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const report = await findReport(tx, id, true);
    if (!report || !canTriage(actor, report)) throw INFO_REPORT_NOT_FOUND();
    const transition = allowedTransition(actor, report, body.to);
    if (!transition) {
      throw new AppError('FORBIDDEN', 'Bạn không được chuyển tin báo sang trạng thái này từ trạng thái hiện tại.', [
        { field: 'to', message: 'Chuyển trạng thái không được phép.' },
      ]);
    }
    const today = todayInVietnam();
    const concluded = (['verified', 'false_alarm', 'handed_over'] as InfoReportStatus[]).includes(body.to);
    await tx
      .updateTable('info_reports')
      .set({
        status: body.to,
        triaged_on: report.triagedOn ?? today,
        concluded_on: concluded ? today : null,
      })
      .where('id', '=', id)
      .execute();
    await tx
      .insertInto('info_report_events')
      .values({
        report_id: id,
        from_status: report.status,
        to_status: body.to,
        account_id: actor.accountId,
        note: body.note,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: `info_report.${transition.action}`,
      entityType: 'info_report',
      entityId: null,
      unitId: report.provinceUnitId,
      before: { id, status: report.status },
      after: { id, status: body.to },
    });
  });
}

/** Records the response: the clarification article, the letter sent, notes. */
export async function respondToInfoReport(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof infoReportResponse>,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const report = await findReport(tx, id, true);
    if (!report || !canTriage(actor, report)) throw INFO_REPORT_NOT_FOUND();
    assertCanView(actor, report);
    if (report.status === 'new') {
      throw new AppError('CONFLICT', 'Hãy bắt đầu xác minh trước khi ghi nhận kết quả xử lý.');
    }
    if (body.clarificationArticleId) {
      const article = await tx
        .selectFrom('articles')
        .select('id')
        .where('id', '=', body.clarificationArticleId)
        .where('status', '=', 'published')
        .executeTakeFirst();
      if (!article) throw fieldError('clarificationArticleId', 'Không tìm thấy tin bài đã đăng với mã này.');
    }
    const changes = {
      ...(body.clarificationArticleId !== undefined ? { clarification_article_id: body.clarificationArticleId } : {}),
      ...(body.letterRecipient !== undefined ? { letter_recipient: body.letterRecipient } : {}),
      ...(body.letterSentOn !== undefined ? { letter_sent_on: body.letterSentOn } : {}),
      ...(body.letterNumber !== undefined ? { letter_number: body.letterNumber } : {}),
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
    };
    if (Object.keys(changes).length === 0) return;
    await tx.updateTable('info_reports').set(changes).where('id', '=', id).execute();
    await recordAudit(tx, actor, {
      action: 'info_report.respond',
      entityType: 'info_report',
      entityId: null,
      unitId: report.provinceUnitId,
      after: { id, ...changes },
    });
  });
}
