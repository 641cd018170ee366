import type { ConcernAction, ConcernTransitionBody, CreateConcernBody } from '@lan-toa/contracts';
import { createConcernBody } from '@lan-toa/contracts';
import type { Db, Executor, Tx } from '../../../db/database.js';
import type { ConcernStatusCode } from '../../../db/schema-concerns.js';
import type { Actor } from '../../../platform/access.js';
import { recordAudit } from '../../../platform/audit.js';
import { addDays, todayInVietnam } from '../../../platform/dates.js';
import { AppError, fieldError } from '../../../platform/errors.js';
import { prepareUpload } from '../../../platform/files.js';

type PreparedFile = Awaited<ReturnType<typeof prepareUpload>>['main'];

import { notify } from '../../notifications/notify.js';
import { coarseDate, displayUnitFor, newTrackingCode, trackingCodeHash } from '../anonymity.js';
import { CONCERN_NOT_FOUND, refusal, rolesOver, TRANSITIONS } from './concerns.policy.js';

async function deadlineDays(tx: Executor, category: string): Promise<number> {
  const row = await tx
    .selectFrom('concern_categories')
    .select('deadline_days')
    .where('code', '=', category)
    .executeTakeFirst();
  if (!row) throw fieldError('category', 'Lĩnh vực không hợp lệ');
  return row.deadline_days;
}

async function unitName(tx: Executor, unitId: number): Promise<string> {
  const row = await tx.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirstOrThrow();
  return row.name;
}

/**
 * A member raises a concern at their unit today. Anonymous: stored under the display unit (the
 * level above when the unit is small), with the date only, no member/account, no audit row, no
 * notice now (handlers learn of it in the next day's first sweep), attachments only as re-encoded
 * images (documents can carry their author's name in their metadata).
 */
export async function createConcern(
  db: Db,
  actor: Actor,
  input: CreateConcernBody,
): Promise<{ id: string; trackingCode: string | null; unitName: string }> {
  const body = createConcernBody.parse(input);
  if (actor.memberId === null) {
    throw new AppError('FORBIDDEN', 'Chỉ tài khoản gắn với một đoàn viên mới gửi được ý kiến, kiến nghị.');
  }
  const files: PreparedFile[] = [];
  for (const [i, file] of body.attachments.entries()) {
    const buffer = Buffer.from(file.dataBase64, 'base64');
    const prepared = await prepareUpload(buffer, file.name).catch((error: AppError) => {
      throw fieldError(`attachments.${i}`, `${file.name}: ${error.message}`);
    });
    if (body.anonymous && prepared.kind !== 'photo') {
      throw fieldError(
        `attachments.${i}`,
        `${file.name}: ý kiến ẩn danh chỉ đính kèm được ảnh (tệp PDF, Word có thể chứa tên người soạn).`,
      );
    }
    files.push(prepared.main);
  }
  const today = body.anonymous ? coarseDate() : todayInVietnam();
  return db.transaction().execute(async (tx) => {
    const membership = await tx
      .selectFrom('memberships')
      .select('unit_id')
      .where('member_id', '=', actor.memberId as number)
      .where('valid_from', '<=', today)
      .where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>', today)]))
      .executeTakeFirst();
    if (!membership) throw new AppError('CONFLICT', 'Bạn chưa sinh hoạt ở đơn vị nào nên chưa gửi được ý kiến.');
    const days = await deadlineDays(tx, body.category);
    const code = body.anonymous ? newTrackingCode() : null;
    const unitId = body.anonymous ? await displayUnitFor(tx, membership.unit_id, today) : membership.unit_id;
    const dueOn = addDays(today, days);
    const row = await tx
      .insertInto('concerns')
      .values({
        category: body.category,
        title: body.title,
        body: body.body,
        anonymous: body.anonymous,
        member_id: body.anonymous ? null : actor.memberId,
        account_id: body.anonymous ? null : actor.accountId,
        submitted_at: body.anonymous ? null : new Date(),
        tracking_hash: code ? await trackingCodeHash(tx, code, 'concern') : null,
        submitted_on: today,
        origin_unit_id: unitId,
        unit_id: unitId,
        due_on: dueOn,
        first_due_on: dueOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const file of files) {
      await tx
        .insertInto('concern_attachments')
        .values({
          concern_id: row.id,
          name: file.name,
          content_type: file.contentType,
          size: file.data.length,
          data: file.data,
        })
        .execute();
    }
    if (!body.anonymous) {
      await recordAudit(tx, actor, {
        action: 'concern.create',
        entityType: 'concern',
        entityId: null,
        unitId,
        after: { id: row.id, category: body.category, title: body.title },
      });
    }
    return { id: row.id, trackingCode: code, unitName: await unitName(tx, unitId) };
  });
}

export interface LockedConcern {
  id: string;
  status: ConcernStatusCode;
  anonymous: boolean;
  category: string;
  title: string;
  unitId: number;
  unitPath: string;
  parentId: number | null;
  memberId: number | null;
  accountId: number | null;
  reopened: boolean;
  firstAnsweredAt: Date | null;
}

export async function lockConcern(tx: Tx, where: { id: string } | { trackingHash: string }): Promise<LockedConcern> {
  let query = tx
    .selectFrom('concerns as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select([
      'c.id',
      'c.status',
      'c.anonymous',
      'c.category',
      'c.title',
      'c.unit_id as unitId',
      'u.path as unitPath',
      'u.parent_id as parentId',
      'c.member_id as memberId',
      'c.account_id as accountId',
      'c.reopened',
      'c.first_answered_at as firstAnsweredAt',
    ])
    .forUpdate('c');
  query = 'id' in where ? query.where('c.id', '=', where.id) : query.where('c.tracking_hash', '=', where.trackingHash);
  const row = await query.executeTakeFirst();
  if (!row) throw CONCERN_NOT_FOUND();
  return row;
}

export async function handlerAccounts(tx: Executor, unitId: number): Promise<number[]> {
  const rows = await tx
    .selectFrom('role_grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select('a.id')
    .where('g.unit_id', '=', unitId)
    .where('g.role', 'in', ['unit_admin', 'unit_editor'])
    .where('a.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Moves an item to its unit's parent with a fresh deadline (a handler's step, or the sweeper's). */
export async function escalateTo(
  tx: Tx,
  item: LockedConcern,
  reason: string,
  by: { accountId: number | null; name: string },
  today: string,
): Promise<void> {
  if (item.parentId === null) throw new Error('escalateTo: no parent');
  const dueOn = addDays(today, await deadlineDays(tx, item.category));
  await tx
    .updateTable('concerns')
    .set((eb) => ({
      status: 'escalated',
      unit_id: item.parentId as number,
      due_on: dueOn,
      reminded_due_on: null,
      escalations: eb('escalations', '+', 1),
    }))
    .where('id', '=', item.id)
    .execute();
  await addEvent(tx, item, 'escalated', 'escalated', reason, by, today, item.parentId);
  await notify(tx, {
    accountIds: await handlerAccounts(tx, item.parentId),
    kind: 'concern_deadline',
    title: `Ý kiến, kiến nghị được chuyển lên đơn vị: “${item.title}”`,
    body: `Lý do: ${reason}. Hạn xử lý mới: ${dueOn.split('-').reverse().join('/')}.`,
    link: `/y-kien/xu-ly/${item.id}`,
  });
}

async function addEvent(
  tx: Tx,
  item: LockedConcern,
  kind: string,
  to: ConcernStatusCode,
  note: string,
  by: { accountId: number | null; name: string | null },
  today: string,
  unitId: number = item.unitId,
  exact = true,
): Promise<void> {
  await tx
    .insertInto('concern_events')
    .values({
      concern_id: item.id,
      kind,
      from_status: item.status,
      to_status: to,
      unit_id: unitId,
      actor_account_id: by.accountId,
      actor_name: by.name,
      note,
      at: exact ? new Date() : null,
      on_date: today,
    })
    .execute();
}

const EVENT_KIND: Record<ConcernAction, string> = {
  receive: 'received',
  start: 'started',
  answer: 'answered',
  escalate: 'escalated',
  rate: 'rated',
  reopen: 'reopened',
};

/**
 * One step of the status machine, checked against the policy table. `viaCode`: the tracking code
 * was proved (anonymous owner, no account needed). The member's own steps on an anonymous item
 * are recorded with the date only and no actor.
 */
export async function transitionConcern(
  db: Db,
  actor: Actor | null,
  where: { id: string } | { trackingHash: string },
  input: ConcernTransitionBody,
): Promise<void> {
  const { action, note = '', rating } = input;
  await db.transaction().execute(async (tx) => {
    const item = await lockConcern(tx, where);
    const roles = rolesOver(actor, { ...item, hasParent: item.parentId !== null }, 'trackingHash' in where);
    const refused = refusal(action, { ...item, hasParent: item.parentId !== null }, roles);
    if (refused) throw refused;
    const rule = TRANSITIONS[action];
    const text = note.trim();
    if (rule.needsNote && !text) throw fieldError('note', rule.needsNote);
    if (action === 'rate' && rating === undefined) throw fieldError('rating', 'Hãy chọn mức đánh giá từ 1 đến 5');
    const asHandler = rule.by === 'handler';
    const anonymousOwner = !asHandler && item.anonymous;
    const today = todayInVietnam();
    const by = anonymousOwner
      ? { accountId: null, name: null }
      : { accountId: actor?.accountId ?? null, name: actor?.displayName ?? null };
    if (action === 'escalate') {
      await escalateTo(tx, item, text, { accountId: by.accountId, name: by.name ?? '' }, today);
    } else {
      const now = new Date();
      await tx
        .updateTable('concerns')
        .set({
          status: rule.to,
          ...(action === 'answer'
            ? {
                answer: text,
                answered_unit_id: item.unitId,
                answered_at: now,
                resolved_at: now,
                first_answered_at: item.firstAnsweredAt ?? now,
              }
            : {}),
          ...(action === 'rate' ? { rating, closed_on: today } : {}),
          ...(action === 'reopen' ? { reopened: true } : {}),
        })
        .where('id', '=', item.id)
        .execute();
      const eventNote = action === 'rate' ? `${rating}/5${text ? ` — ${text}` : ''}` : text;
      await addEvent(tx, item, EVENT_KIND[action], rule.to, eventNote, by, today, item.unitId, !anonymousOwner);
      if (action === 'answer' && !item.anonymous && item.accountId !== null) {
        await notify(tx, {
          accountIds: [item.accountId],
          kind: 'concern_answered',
          title: `Ý kiến của bạn đã được trả lời: “${item.title}”`,
          link: `/y-kien/cua-toi/${item.id}`,
        });
      }
      if (action === 'reopen') {
        await notify(tx, {
          accountIds: await handlerAccounts(tx, item.unitId),
          kind: 'concern_deadline',
          title: `Ý kiến, kiến nghị được mở lại: “${item.title}”`,
          body: text,
          link: `/y-kien/xu-ly/${item.id}`,
        });
      }
    }
    if (asHandler && actor) {
      await recordAudit(tx, actor, {
        action: `concern.${action}`,
        entityType: 'concern',
        entityId: null,
        unitId: item.unitId,
        before: { id: item.id, status: item.status },
        after: { id: item.id, status: rule.to },
      });
    }
  });
}

export async function setCategoryDeadline(db: Db, actor: Actor, code: string, deadlineDays: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('concern_categories').selectAll().where('code', '=', code).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'Không tìm thấy lĩnh vực.');
    await tx.updateTable('concern_categories').set({ deadline_days: deadlineDays }).where('code', '=', code).execute();
    await recordAudit(tx, actor, {
      action: 'concern_category.update',
      entityType: 'concern_category',
      entityId: null,
      unitId: null,
      before: { code, deadlineDays: before.deadline_days },
      after: { code, deadlineDays },
    });
  });
}
