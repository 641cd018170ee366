import type { AttendanceView, RosterView } from '@lan-toa/contracts';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import type { ActivityRecord } from './activities.repository.js';
import { toVietnamIso, vietnamDay } from './activity-time.js';
import { attendanceCounts, attendees, guests, hasHiddenPeople, invitedMembers } from './attendance.repository.js';

/**
 * Who took part and who did not. Counts are of the whole activity (numbers are not personal);
 * the lists name only people the viewer may see anyway, and say when they leave some out.
 */
export async function loadAttendanceView(
  db: Executor,
  actor: Actor,
  activity: ActivityRecord,
): Promise<AttendanceView> {
  const day = vietnamDay(activity.startsAt);
  const scope = { actor, capability: 'view' as const };
  const [counts, attended, absent, guestRows, partial] = await Promise.all([
    attendanceCounts(db, activity.id, day, activity.audience),
    attendees(db, activity.id, day, scope),
    invitedMembers(db, activity.id, day, { scope, audience: activity.audience, absentOnly: true }),
    guests(db, activity.id),
    hasHiddenPeople(db, actor, activity.id, day),
  ]);
  const person = (row: Omit<(typeof absent)[number], 'unitPath'>) => ({
    memberId: row.memberId,
    fullName: row.fullName,
    unitId: row.unitId,
    unitName: row.unitName,
    unionRole: row.unionRole,
    isKeyOfficial: row.isKeyOfficial,
  });
  return {
    activityId: activity.id,
    day,
    audience: activity.audience,
    counts,
    partial,
    attended: attended.map((row) => ({
      ...person(row),
      source: row.source,
      recordedAt: toVietnamIso(row.recordedAt),
      invited: row.invited,
    })),
    absent: absent.map(person),
    guests: guestRows,
  };
}

/** Everyone invited whom the viewer may see, marked: attended, expected, and whether the viewer may tick them. */
export async function loadRoster(db: Executor, actor: Actor, activity: ActivityRecord): Promise<RosterView> {
  const day = vietnamDay(activity.startsAt);
  const [visible, recordable, recorded] = await Promise.all([
    invitedMembers(db, activity.id, day, { scope: { actor, capability: 'view' } }),
    invitedMembers(db, activity.id, day, { scope: { actor, capability: 'manageMembers' } }),
    db.selectFrom('attendances').select('member_id').where('activity_id', '=', activity.id).execute(),
  ]);
  const mayRecord = new Set(recordable.map((row) => row.memberId));
  const attended = new Set(recorded.map((row) => row.member_id));
  return {
    activityId: activity.id,
    day,
    audience: activity.audience,
    items: visible.map(({ unitPath: _path, ...row }) => ({
      ...row,
      attended: attended.has(row.memberId),
      expected: activity.audience === 'all_members' || row.isKeyOfficial,
      recordable: mayRecord.has(row.memberId),
    })),
  };
}
