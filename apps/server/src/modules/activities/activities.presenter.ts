import type { ActivitySummary, ActivityView, CheckinInfo, CheckinState } from '@lan-toa/contracts';
import type { Actor } from '../../platform/access.js';
import { canEditActivity, canManageAttendance } from './activities.policy.js';
import type { ActivityRecord, PlanItemRef } from './activities.repository.js';
import { toVietnamIso, vietnamDay } from './activity-time.js';

export function checkinPath(code: string): string {
  return `/checkin/${code}`;
}

export function checkinState(opensAt: Date, openUntil: Date, now = new Date()): CheckinState {
  if (now < opensAt) return 'not_open';
  if (now > openUntil) return 'closed';
  return 'open';
}

/** Check-in details, for those who run it; `origin` makes the absolute address the QR code carries. */
export function presentCheckin(activity: ActivityRecord, origin: string): CheckinInfo | null {
  const { checkinCode, checkinOpensAt, checkinOpenUntil } = activity;
  if (!checkinCode || !checkinOpensAt || !checkinOpenUntil) return null;
  return {
    code: checkinCode,
    path: checkinPath(checkinCode),
    url: `${origin}${checkinPath(checkinCode)}`,
    opensAt: toVietnamIso(checkinOpensAt),
    openUntil: toVietnamIso(checkinOpenUntil),
    state: checkinState(checkinOpensAt, checkinOpenUntil),
  };
}

interface SummaryRow {
  id: number;
  category: ActivitySummary['category'];
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  audience: ActivitySummary['audience'];
  organisingUnitId: number;
  organisingUnitName: string;
  participatingUnitCount: number;
  attendanceCount: number;
}

export function presentSummary(row: SummaryRow): ActivitySummary {
  return {
    id: row.id,
    category: row.category,
    title: row.title,
    startsAt: toVietnamIso(row.startsAt),
    endsAt: toVietnamIso(row.endsAt),
    day: vietnamDay(row.startsAt),
    place: row.place,
    audience: row.audience,
    organisingUnit: { id: row.organisingUnitId, name: row.organisingUnitName },
    participatingUnitCount: row.participatingUnitCount,
    attendanceCount: row.attendanceCount,
  };
}

export function presentActivity(
  actor: Actor,
  activity: ActivityRecord,
  extra: {
    links: { tasks: PlanItemRef[]; targets: PlanItemRef[] };
    counts: { attendance: number; guests: number };
    origin: string;
  },
): ActivityView {
  const edit = canEditActivity(actor, activity);
  return {
    ...presentSummary({
      ...activity,
      participatingUnitCount: activity.participating.length,
      attendanceCount: extra.counts.attendance,
    }),
    description: activity.description,
    participatingUnits: activity.participating.map((unit) => ({ id: unit.id, name: unit.name })),
    tasks: extra.links.tasks,
    targets: extra.links.targets,
    topicDocuments: activity.topicDocuments.map((document) => ({
      title: document.title,
      number: document.number ?? '',
    })),
    guestCount: extra.counts.guests,
    createdBy:
      activity.createdBy === null ? null : { id: activity.createdBy, name: activity.createdByName ?? 'Không rõ' },
    createdAt: toVietnamIso(activity.createdAt),
    updatedAt: toVietnamIso(activity.updatedAt),
    // The code is a key to record attendance: only those who run the activity see it.
    checkin: edit ? presentCheckin(activity, extra.origin) : null,
    abilities: { edit, manageAttendance: canManageAttendance(actor, activity) },
  };
}
