import { randomBytes } from 'node:crypto';
import type { ErrorDetail } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import { type Actor, scopeCondition } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { todayInVietnam, viDate } from '../../platform/dates.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { assertCanEditActivity, assertCanManageAttendance } from './activities.policy.js';
import { checkinState } from './activities.presenter.js';
import { type ActivityRecord, findActivity, findActivityByCode } from './activities.repository.js';
import { MINUTE_MS, viDateTime, vietnamDay } from './activity-time.js';
import { attendees, invitedMembers } from './attendance.repository.js';

/** Attendance writes: the roster, guests, opening check-in and checking in. One transaction each. */

const DEFAULT_CHECKIN_MARGIN_MS = 30 * MINUTE_MS;

/** Attendance is taken on or after the activity's day, never for something yet to happen. */
export function assertHasBegun(activity: ActivityRecord): string {
  const day = vietnamDay(activity.startsAt);
  if (day > todayInVietnam()) {
    throw new AppError('VALIDATION_FAILED', `Hoạt động diễn ra ngày ${viDate(day)}; chưa thể điểm danh.`, [
      { field: 'memberIds', message: 'Hoạt động chưa diễn ra.' },
    ]);
  }
  return day;
}

/** "Nguyễn Văn A (mã 12)" for the members the actor may see; "mã 12" for the others. */
async function describeMembers(tx: Tx, actor: Actor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('members as p')
    .innerJoin('memberships as m', (join) => join.onRef('m.member_id', '=', 'p.id').on('m.valid_to', 'is', null))
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['p.id', 'p.full_name as fullName'])
    .where('p.id', 'in', ids)
    .where(scopeCondition(actor, 'view', 'u.path'))
    .execute();
  return new Map(rows.map((row) => [row.id, `${row.fullName} (mã ${row.id})`]));
}

/**
 * Members the actor may record for this activity: invited that day and in a unit the actor
 * manages. Anyone else in `memberIds` is reported, by position, and nothing is written.
 */
export async function checkRoster(
  tx: Tx,
  actor: Actor,
  activity: ActivityRecord,
  day: string,
  memberIds: number[],
): Promise<void> {
  const allowed = new Set(
    (await invitedMembers(tx, activity.id, day, { memberIds, scope: { actor, capability: 'manageMembers' } })).map(
      (member) => member.memberId,
    ),
  );
  const refused = memberIds.filter((id) => !allowed.has(id));
  if (refused.length === 0) return;
  const names = await describeMembers(tx, actor, refused);
  const details: ErrorDetail[] = memberIds.flatMap((id, index) =>
    allowed.has(id)
      ? []
      : [
          {
            field: `memberIds.${index}`,
            message:
              `${names.get(id) ?? `Đoàn viên mã ${id}`} không thuộc đơn vị tham gia (hoặc không còn sinh hoạt) ` +
              `vào ngày ${viDate(day)}, hoặc bạn không quản lý đơn vị của người này.`,
          },
        ],
  );
  const message = `${refused.length} đoàn viên không thể điểm danh cho hoạt động này; chưa có gì được ghi.`;
  throw new AppError('VALIDATION_FAILED', message, details);
}

/**
 * Sets who took part, as ticked on the units' lists: the attendance of the members the actor
 * manages becomes exactly `memberIds`. Records of others (another school's chair ticking their
 * own people) are left alone; those kept keep their source (a check-in stays a check-in).
 */
export async function setAttendance(db: Db, actor: Actor, activityId: number, memberIds: number[]) {
  return db.transaction().execute(async (tx) => {
    const activity = await findActivity(tx, activityId, true);
    assertCanManageAttendance(actor, activity);
    const day = assertHasBegun(activity);
    await checkRoster(tx, actor, activity, day, memberIds);
    const wanted = new Set(memberIds);
    const managed = await attendees(tx, activityId, day, { actor, capability: 'manageMembers' });
    const removed = managed.filter((row) => !wanted.has(row.memberId)).map((row) => row.memberId);
    if (removed.length > 0) {
      await tx
        .deleteFrom('attendances')
        .where('activity_id', '=', activityId)
        .where('member_id', 'in', removed)
        .execute();
    }
    const added = await insertAttendance(tx, activity, day, memberIds, 'roster');
    await recordAudit(tx, actor, {
      action: 'activity.attendance_set',
      entityType: 'activity',
      entityId: activityId,
      unitId: activity.organisingUnitId,
      after: { added, removed: removed.length, ticked: memberIds.length },
    });
    return { added, removed: removed.length };
  });
}

/** Inserts attendance rows; existing ones stay as they are. Returns how many were new. */
export async function insertAttendance(
  tx: Tx,
  activity: ActivityRecord,
  day: string,
  memberIds: number[],
  source: 'roster' | 'checkin' | 'import',
): Promise<number> {
  let added = 0;
  const CHUNK = 5000;
  for (let start = 0; start < memberIds.length; start += CHUNK) {
    const chunk = memberIds.slice(start, start + CHUNK);
    const rows = await tx
      .insertInto('attendances')
      .values(
        chunk.map((memberId) => ({
          activity_id: activity.id,
          member_id: memberId,
          category: activity.category,
          attended_on: day,
          source,
        })),
      )
      .onConflict((oc) => oc.columns(['activity_id', 'member_id']).doNothing())
      .returning('member_id')
      .execute();
    added += rows.length;
  }
  return added;
}

export async function addGuest(
  db: Db,
  actor: Actor,
  activityId: number,
  input: { name: string; organisation: string },
) {
  return db.transaction().execute(async (tx) => {
    const activity = await findActivity(tx, activityId);
    assertCanEditActivity(actor, activity);
    const guest = await tx
      .insertInto('activity_guests')
      .values({ activity_id: activityId, name: input.name, organisation: input.organisation })
      .returning(['id', 'name', 'organisation'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'activity.guest_added',
      entityType: 'activity',
      entityId: activityId,
      unitId: activity.organisingUnitId,
      after: guest,
    });
    return guest;
  });
}

export async function removeGuest(db: Db, actor: Actor, activityId: number, guestId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const activity = await findActivity(tx, activityId);
    assertCanEditActivity(actor, activity);
    const removed = await tx
      .deleteFrom('activity_guests')
      .where('id', '=', guestId)
      .where('activity_id', '=', activityId)
      .returning(['id', 'name', 'organisation'])
      .executeTakeFirst();
    if (!removed) throw new AppError('NOT_FOUND', 'Không tìm thấy khách mời.');
    await recordAudit(tx, actor, {
      action: 'activity.guest_removed',
      entityType: 'activity',
      entityId: activityId,
      unitId: activity.organisingUnitId,
      before: removed,
    });
  });
}

/** 144 random bits, URL-safe: unguessable, short enough for a QR code a phone reads at a glance. */
function newCheckinCode(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Opens self check-in (or changes its window): from 30 minutes before the start to 30 minutes
 * after the end unless given. The code stays the same when re-opened, so printed QR codes keep working.
 */
export async function openCheckin(
  db: Db,
  actor: Actor,
  activityId: number,
  input: { opensAt?: string | undefined; openUntil?: string | undefined },
): Promise<ActivityRecord> {
  return db.transaction().execute(async (tx) => {
    const activity = await findActivity(tx, activityId, true);
    assertCanEditActivity(actor, activity);
    const opensAt = input.opensAt
      ? new Date(input.opensAt)
      : new Date(activity.startsAt.getTime() - DEFAULT_CHECKIN_MARGIN_MS);
    const openUntil = input.openUntil
      ? new Date(input.openUntil)
      : new Date(activity.endsAt.getTime() + DEFAULT_CHECKIN_MARGIN_MS);
    if (openUntil <= opensAt) throw fieldError('openUntil', 'Giờ đóng điểm danh phải sau giờ mở.');
    const code = activity.checkinCode ?? newCheckinCode();
    await tx
      .updateTable('activities')
      .set({ checkin_code: code, checkin_opens_at: opensAt, checkin_open_until: openUntil })
      .where('id', '=', activityId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'activity.checkin_opened',
      entityType: 'activity',
      entityId: activityId,
      unitId: activity.organisingUnitId,
      after: { opensAt: opensAt.toISOString(), openUntil: openUntil.toISOString() },
    });
    return findActivity(tx, activityId);
  });
}

/** Closes check-in and forgets the code: an old QR code then leads nowhere. */
export async function closeCheckin(db: Db, actor: Actor, activityId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const activity = await findActivity(tx, activityId, true);
    assertCanEditActivity(actor, activity);
    await tx
      .updateTable('activities')
      .set({ checkin_code: null, checkin_opens_at: null, checkin_open_until: null })
      .where('id', '=', activityId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'activity.checkin_closed',
      entityType: 'activity',
      entityId: activityId,
      unitId: activity.organisingUnitId,
    });
  });
}

export const CHECKIN_CODE_UNKNOWN = () =>
  new AppError('NOT_FOUND', 'Mã điểm danh không đúng hoặc buổi điểm danh đã bị đóng.');

/**
 * A member checks themself in with the code. Counted once however often it is sent; refused
 * with a plain reason when check-in is not open or the member was not invited that day.
 */
export async function checkIn(db: Db, actor: Actor, code: string) {
  const memberId = actor.memberId;
  if (memberId === null) {
    throw new AppError('FORBIDDEN', 'Tài khoản của bạn chưa gắn với hồ sơ đoàn viên nên không thể tự điểm danh.');
  }
  return db.transaction().execute(async (tx) => {
    const found = await findActivityByCode(tx, code);
    if (!found) throw CHECKIN_CODE_UNKNOWN();
    // Held until the record is written: a change of date or a closing waits, so the day stays right.
    const activity = await findActivity(tx, found.id, 'share');
    if (activity.checkinCode !== code || !activity.checkinOpensAt || !activity.checkinOpenUntil) {
      throw CHECKIN_CODE_UNKNOWN();
    }
    const state = checkinState(activity.checkinOpensAt, activity.checkinOpenUntil);
    if (state === 'not_open') {
      throw new AppError('CONFLICT', `Chưa đến giờ điểm danh: mở từ ${viDateTime(activity.checkinOpensAt)}.`);
    }
    if (state === 'closed') {
      throw new AppError('CONFLICT', `Đã hết giờ điểm danh (đóng lúc ${viDateTime(activity.checkinOpenUntil)}).`);
    }
    const day = vietnamDay(activity.startsAt);
    const invited = await invitedMembers(tx, activity.id, day, { memberIds: [memberId] });
    if (invited.length === 0) {
      throw new AppError(
        'FORBIDDEN',
        `Bạn không thuộc đơn vị được mời tham gia "${activity.title}" nên không thể điểm danh.`,
      );
    }
    const added = await insertAttendance(tx, activity, day, [memberId], 'checkin');
    const row = await tx
      .selectFrom('attendances')
      .select('recorded_at')
      .where('activity_id', '=', activity.id)
      .where('member_id', '=', memberId)
      .executeTakeFirstOrThrow();
    if (added > 0) {
      await recordAudit(tx, actor, {
        action: 'activity.checked_in',
        entityType: 'activity',
        entityId: activity.id,
        unitId: activity.organisingUnitId,
        after: { memberId },
      });
    }
    return { activity, recordedAt: row.recorded_at, alreadyCheckedIn: added === 0 };
  });
}

/** Has this member a record for the activity? (the check-in page shows it) */
export async function hasAttendance(db: Db, activityId: number, memberId: number): Promise<boolean> {
  const row = await sql<{ found: boolean }>`
    select exists (select 1 from attendances where activity_id = ${activityId} and member_id = ${memberId}) as found
  `.execute(db);
  return row.rows[0]?.found ?? false;
}
