import type { ConcernDetail, ConcernStatus, ConcernSummary } from '@lan-toa/contracts';
import { CONCERN_OPEN_STATUSES } from '@lan-toa/contracts';

import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/access.js';
import { todayInVietnam } from '../../../platform/dates.js';
import { allowedActions, CONCERN_NOT_FOUND, handledCondition, rolesOver } from './concerns.policy.js';

function baseQuery(db: Executor) {
  return db
    .selectFrom('concerns as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .innerJoin('concern_categories as k', 'k.code', 'c.category')
    .leftJoin('members as m', 'm.id', 'c.member_id')
    .select([
      'c.id',
      'c.category',
      'k.name as categoryName',
      'c.title',
      'c.anonymous',
      'c.status',
      'c.unit_id as unitId',
      'u.name as unitName',
      'u.path as unitPath',
      'u.parent_id as parentId',
      'c.submitted_on as submittedOn',
      'c.due_on as dueOn',
      'c.escalations',
      'c.rating',
      'm.full_name as authorName',
      'c.member_id as memberId',
      'c.account_id as accountId',
      'c.reopened',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function summary(row: Row, today: string, showAuthor: boolean): ConcernSummary {
  const status = row.status as ConcernStatus;
  return {
    id: row.id,
    category: row.category,
    categoryName: row.categoryName,
    title: row.title,
    anonymous: row.anonymous,
    status,
    unitId: row.unitId,
    unitName: row.unitName,
    submittedOn: row.submittedOn,
    dueOn: row.dueOn,
    overdue: CONCERN_OPEN_STATUSES.includes(status) && row.dueOn < today,
    escalations: row.escalations,
    rating: row.rating,
    authorName: showAuthor && !row.anonymous ? row.authorName : null,
  };
}

/** The handler's inbox: items handled now by units the actor manages (or below). */
export async function listHandled(
  db: Executor,
  actor: Actor,
  filter: { status?: ConcernStatus; unitId?: number },
): Promise<ConcernSummary[]> {
  let query = baseQuery(db).where(handledCondition(actor));
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.unitId) query = query.where('c.unit_id', '=', filter.unitId);
  const rows = await query.orderBy('c.due_on').orderBy('c.submitted_on').limit(500).execute();
  const today = todayInVietnam();
  return rows.map((row) => summary(row, today, true));
}

/** A member's own named items. */
export async function listMine(db: Executor, actor: Actor): Promise<ConcernSummary[]> {
  if (actor.memberId === null) return [];
  const rows = await baseQuery(db)
    .where('c.member_id', '=', actor.memberId)
    .orderBy('c.submitted_on', 'desc')
    .execute();
  const today = todayInVietnam();
  return rows.map((row) => summary(row, today, false));
}

/** One item with its history, for whoever may see it (404 otherwise). */
export async function concernDetail(
  db: Executor,
  actor: Actor | null,
  where: { id: string } | { trackingHash: string },
): Promise<ConcernDetail> {
  let query = baseQuery(db)
    .innerJoin('units as ou', 'ou.id', 'c.origin_unit_id')
    .leftJoin('units as au', 'au.id', 'c.answered_unit_id')
    .select(['c.body', 'ou.name as originUnitName', 'c.answer', 'au.name as answeredUnitName', 'c.answered_at']);
  query = 'id' in where ? query.where('c.id', '=', where.id) : query.where('c.tracking_hash', '=', where.trackingHash);
  const row = await query.executeTakeFirst();
  if (!row) throw CONCERN_NOT_FOUND();
  const place = { ...row, status: row.status as ConcernStatus, hasParent: row.parentId !== null };
  const roles = rolesOver(actor, place, 'trackingHash' in where);
  if (roles.size === 0) throw CONCERN_NOT_FOUND();
  const events = await db
    .selectFrom('concern_events as e')
    .leftJoin('units as u', 'u.id', 'e.unit_id')
    .select([
      'e.kind',
      'e.from_status',
      'e.to_status',
      'u.name as unitName',
      'e.actor_name',
      'e.note',
      'e.at',
      'e.on_date',
    ])
    .where('e.concern_id', '=', row.id)
    .orderBy('e.on_date')
    .orderBy('e.id')
    .execute();
  const attachments = await db
    .selectFrom('concern_attachments')
    .select(['id', 'name', 'content_type', 'size'])
    .where('concern_id', '=', row.id)
    .orderBy('name')
    .execute();
  const handler = roles.has('handler');
  return {
    ...summary(row, todayInVietnam(), handler),
    body: row.body,
    originUnitName: row.originUnitName,
    answer: row.answer,
    answeredUnitName: row.answeredUnitName,
    answeredAt: row.answered_at ? row.answered_at.toISOString() : null,
    reopened: row.reopened,
    // The member sees which unit acted, not which person.
    events: events.map((e) => ({
      kind: e.kind,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      unitName: e.unitName,
      actorName: handler ? e.actor_name : null,
      note: e.note,
      at: e.at ? e.at.toISOString() : null,
      onDate: e.on_date,
    })),
    attachments: attachments.map((a) => ({ id: a.id, name: a.name, contentType: a.content_type, size: a.size })),
    actions: allowedActions(place, roles),
  };
}

export async function attachmentFor(
  db: Executor,
  actor: Actor,
  concernId: string,
  attachmentId: string,
): Promise<{ name: string; contentType: string; data: Buffer }> {
  await concernDetail(db, actor, { id: concernId }); // 404 unless the actor may see the item
  const row = await db
    .selectFrom('concern_attachments')
    .select(['name', 'content_type as contentType', 'data'])
    .where('id', '=', attachmentId)
    .where('concern_id', '=', concernId)
    .executeTakeFirst();
  if (!row) throw CONCERN_NOT_FOUND();
  return row;
}

export async function listCategories(db: Executor) {
  const rows = await db
    .selectFrom('concern_categories')
    .select(['code', 'name', 'deadline_days as deadlineDays'])
    .orderBy('sort_order')
    .execute();
  return rows;
}
