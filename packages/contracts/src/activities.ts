import { z } from 'zod';
import { ACTIVITY_CATEGORIES, ATTENDANCE_SOURCES, MAX_TOPIC_DOCUMENTS, UNION_ROLES } from './enums.js';
import { isoDate, pageQuery } from './schemas.js';

/**
 * Activities, attendance, check-in, culture evaluations and the calendar: the requests and
 * answers of the activities module, shared by the server and the web app.
 */

/** Who an activity is for: everyone in the participating units, or their key union officials only. */
export const ACTIVITY_AUDIENCES = ['all_members', 'key_officials'] as const;
export type ActivityAudience = (typeof ACTIVITY_AUDIENCES)[number];
export const ACTIVITY_AUDIENCE_LABELS: Record<ActivityAudience, string> = {
  all_members: 'Toàn thể đoàn viên',
  key_officials: 'Cán bộ công đoàn chủ chốt',
};

export const CHECKIN_STATES = ['not_open', 'open', 'closed'] as const;
export type CheckinState = (typeof CHECKIN_STATES)[number];

export const CULTURE_STATUSES = ['not_entered', 'entered', 'confirmed'] as const;
export type CultureStatus = (typeof CULTURE_STATUSES)[number];

export const CALENDAR_KINDS = [
  'activity',
  'workers_month',
  'may_day',
  'safety_month',
  'midterm_review',
  'final_review',
] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/u;

/**
 * A moment as the API takes it: ISO 8601 with its offset ("2024-09-05T08:00:00+07:00"), so
 * nobody has to guess the time zone. Answers always use +07:00 (Asia/Ho_Chi_Minh).
 */
export const isoDateTime = z
  .string()
  .trim()
  .refine((value) => {
    const match = DATE_TIME.exec(value);
    if (!match) return false;
    const [, day, hours, minutes, seconds] = match;
    if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59) return false;
    return isoDate.safeParse(day).success && !Number.isNaN(new Date(value).getTime());
  }, 'Thời điểm phải có dạng 2024-09-05T08:00:00+07:00 (có múi giờ) và hợp lệ');

const ids = (max: number, label: string) =>
  z
    .array(z.number().int().positive())
    .max(max, `Tối đa ${max} ${label}`)
    .transform((values) => [...new Set(values)]);

/**
 * A document an activity is about (tài liệu chủ đề): a resolution, directive or law studied at a
 * session, e.g. "Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị…" with number "02-NQ/TW".
 * Free text for now; the document library will later let them be picked from it.
 */
export const topicDocumentInput = z.object({
  title: z
    .string({ error: 'Cần nhập tên tài liệu chủ đề' })
    .trim()
    .min(1, 'Cần nhập tên tài liệu chủ đề')
    .max(300, 'Tên tài liệu chủ đề tối đa 300 ký tự'),
  number: z
    .string({ error: 'Số, ký hiệu tài liệu phải là chuỗi ký tự' })
    .trim()
    .max(100, 'Số, ký hiệu tài liệu tối đa 100 ký tự')
    .default(''),
});
const topicDocuments = z
  .array(topicDocumentInput, { error: 'Danh sách tài liệu chủ đề không hợp lệ' })
  .max(MAX_TOPIC_DOCUMENTS, `Tối đa ${MAX_TOPIC_DOCUMENTS} tài liệu chủ đề`);

const activityFields = {
  category: z.enum(ACTIVITY_CATEGORIES),
  title: z.string().trim().min(3, 'Tên hoạt động cần ít nhất 3 ký tự').max(300),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  place: z.string().trim().max(300).default(''),
  organisingUnitId: z.number().int().positive(),
  /** Defaults to the organising unit. Each unit counts with its whole subtree. */
  participatingUnitIds: ids(2000, 'đơn vị').optional(),
  audience: z.enum(ACTIVITY_AUDIENCES).default('all_members'),
  description: z.string().trim().max(20_000).default(''),
  taskIds: ids(100, 'nhiệm vụ').default([]),
  targetIds: ids(100, 'chỉ tiêu').default([]),
  /** In the order given; an edit replaces the whole list. */
  topicDocuments: topicDocuments.default([]),
};

function endsAfterStart(value: { startsAt?: string | undefined; endsAt?: string | undefined }): boolean {
  if (!value.startsAt || !value.endsAt) return true;
  return new Date(value.endsAt).getTime() >= new Date(value.startsAt).getTime();
}
const ENDS_BEFORE_START = { message: 'Thời điểm kết thúc phải sau thời điểm bắt đầu', path: ['endsAt'] };

export const createActivityBody = z.object(activityFields).refine(endsAfterStart, ENDS_BEFORE_START);
export const updateActivityBody = z
  .object({
    category: activityFields.category.optional(),
    title: activityFields.title.optional(),
    startsAt: isoDateTime.optional(),
    endsAt: isoDateTime.optional(),
    place: z.string().trim().max(300).optional(),
    organisingUnitId: z.number().int().positive().optional(),
    participatingUnitIds: ids(2000, 'đơn vị').optional(),
    audience: z.enum(ACTIVITY_AUDIENCES).optional(),
    description: z.string().trim().max(20_000).optional(),
    taskIds: ids(100, 'nhiệm vụ').optional(),
    targetIds: ids(100, 'chỉ tiêu').optional(),
    /** Replaces the whole list when given. */
    topicDocuments: topicDocuments.optional(),
  })
  .refine(endsAfterStart, ENDS_BEFORE_START);

export const activityListQuery = z.object({
  /** Activities organised by or involving units of this unit's subtree; all visible ones when absent. */
  unitId: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  category: z.enum(ACTIVITY_CATEGORIES).optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

const unitRef = z.object({ id: z.number(), name: z.string() });
/** `number` is '' when none was given. */
export const topicDocumentView = z.object({ title: z.string(), number: z.string() });
const planItemRef = z.object({ id: z.number(), planId: z.number(), code: z.string(), title: z.string() });

export const checkinInfo = z.object({
  code: z.string(),
  /** The page members open: `/checkin/<code>`. */
  path: z.string(),
  /** The same page as an absolute address (what the QR code carries). */
  url: z.string(),
  opensAt: z.string(),
  openUntil: z.string(),
  state: z.enum(CHECKIN_STATES),
});

export const activitySummary = z.object({
  id: z.number(),
  category: z.enum(ACTIVITY_CATEGORIES),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The local (Asia/Ho_Chi_Minh) day the activity starts: the day attendance counts for. */
  day: z.string(),
  place: z.string(),
  audience: z.enum(ACTIVITY_AUDIENCES),
  organisingUnit: unitRef,
  participatingUnitCount: z.number(),
  attendanceCount: z.number(),
});

export const activityView = activitySummary.extend({
  description: z.string(),
  participatingUnits: z.array(unitRef),
  tasks: z.array(planItemRef),
  targets: z.array(planItemRef),
  /** The resolutions, directives, laws… the activity is about, in the organiser's order. */
  topicDocuments: z.array(topicDocumentView),
  guestCount: z.number(),
  createdBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Only for those who may open check-in; null when it has never been opened or was closed. */
  checkin: checkinInfo.nullable(),
  abilities: z.object({ edit: z.boolean(), manageAttendance: z.boolean() }),
});

export const activityPage = z.object({
  items: z.array(activitySummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

// ---------- attendance ----------
export const setAttendanceBody = z.object({ memberIds: ids(20_000, 'đoàn viên') });

const personRow = z.object({
  memberId: z.number(),
  fullName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  unionRole: z.enum(UNION_ROLES),
  isKeyOfficial: z.boolean(),
});

export const attendeeRow = personRow.extend({
  source: z.enum(ATTENDANCE_SOURCES),
  recordedAt: z.string(),
  /** False when the member was not (or is no longer recorded as) in a participating unit that day. */
  invited: z.boolean(),
});

export const guestView = z.object({ id: z.number(), name: z.string(), organisation: z.string() });
export const addGuestBody = z.object({
  name: z.string().trim().min(2, 'Họ và tên khách mời cần ít nhất 2 ký tự').max(120),
  organisation: z.string().trim().max(200).default(''),
});

export const attendanceView = z.object({
  activityId: z.number(),
  day: z.string(),
  audience: z.enum(ACTIVITY_AUDIENCES),
  /** For the whole activity, whatever the viewer may see of the people. */
  counts: z.object({
    /** Members of the audience in the participating units (and their subtrees), active that day. */
    expected: z.number(),
    /** Everyone with an attendance record. */
    attended: z.number(),
    /** Of the expected, how many took part. */
    attendedExpected: z.number(),
    absent: z.number(),
    keyOfficialsExpected: z.number(),
    keyOfficialsAttended: z.number(),
    guests: z.number(),
  }),
  /** True when the lists leave out people outside the viewer's part of the tree. */
  partial: z.boolean(),
  attended: z.array(attendeeRow),
  absent: z.array(personRow),
  guests: z.array(guestView),
});

/** The roster to tick: everyone invited that the viewer may see, with where each stands. */
export const rosterView = z.object({
  activityId: z.number(),
  day: z.string(),
  audience: z.enum(ACTIVITY_AUDIENCES),
  items: z.array(
    personRow.extend({
      attended: z.boolean(),
      /** Part of the audience (everyone, or key officials only). */
      expected: z.boolean(),
      /** The viewer may tick or untick this person. */
      recordable: z.boolean(),
    }),
  ),
});

export const attendanceImportResult = z.object({ matched: z.number(), added: z.number(), alreadyPresent: z.number() });

export const openCheckinBody = z.object({
  /** Defaults to 30 minutes before the start. */
  opensAt: isoDateTime.optional(),
  /** Defaults to 30 minutes after the end. */
  openUntil: isoDateTime.optional(),
});

export const checkinCodeParam = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{16,64}$/u, 'Mã điểm danh không hợp lệ'),
});

export const checkinPage = z.object({
  activityId: z.number(),
  title: z.string(),
  category: z.enum(ACTIVITY_CATEGORIES),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  organisingUnitName: z.string(),
  opensAt: z.string(),
  openUntil: z.string(),
  state: z.enum(CHECKIN_STATES),
  /** Null when not signed in. */
  checkedIn: z.boolean().nullable(),
});

export const checkinResult = z.object({
  activityId: z.number(),
  title: z.string(),
  recordedAt: z.string(),
  /** True when the member had already checked in (or been ticked): the second check-in counts once. */
  alreadyCheckedIn: z.boolean(),
});

// ---------- culture evaluations ----------
const count = z.number().int().min(0, 'Không được âm').max(1_000_000);

export const cultureEvaluationBody = z
  .object({
    unitRegistered: z.boolean(),
    /** null: registered, result not known yet. */
    unitAchieved: z.boolean().nullable(),
    familiesTotal: count,
    familiesRegistered: count,
    familiesAchieved: count,
  })
  .superRefine((value, ctx) => {
    if (value.familiesRegistered > value.familiesTotal) {
      ctx.addIssue({
        code: 'custom',
        path: ['familiesRegistered'],
        message: 'Số gia đình đăng ký không được lớn hơn tổng số gia đình',
      });
    }
    if (value.familiesAchieved > value.familiesRegistered) {
      ctx.addIssue({
        code: 'custom',
        path: ['familiesAchieved'],
        message: 'Số gia đình đạt gia đình văn hóa không được lớn hơn số gia đình đăng ký',
      });
    }
    if (value.unitAchieved === true && !value.unitRegistered) {
      ctx.addIssue({
        code: 'custom',
        path: ['unitAchieved'],
        message: 'Đơn vị chưa đăng ký thì không thể đạt chuẩn văn hóa',
      });
    }
  });

export const cultureParams = z.object({
  unitId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000, 'Năm từ 2000 trở đi').max(2100),
});
export const cultureUnitParam = z.object({ unitId: z.coerce.number().int().positive() });
export const cultureListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const cultureEvaluationView = z.object({
  unitId: z.number(),
  unitName: z.string(),
  parentId: z.number().nullable(),
  kindName: z.string(),
  /** No unit under it that year: the units target 2.3 counts. */
  leaf: z.boolean(),
  year: z.number(),
  status: z.enum(CULTURE_STATUSES),
  unitRegistered: z.boolean().nullable(),
  unitAchieved: z.boolean().nullable(),
  familiesTotal: z.number().nullable(),
  familiesRegistered: z.number().nullable(),
  familiesAchieved: z.number().nullable(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  abilities: z.object({ edit: z.boolean(), confirm: z.boolean() }),
});

export const cultureEvaluationList = z.object({
  unitId: z.number(),
  year: z.number(),
  items: z.array(cultureEvaluationView),
  totals: z.object({
    units: z.number(),
    entered: z.number(),
    confirmed: z.number(),
    unitsRegistered: z.number(),
    unitsAchieved: z.number(),
    familiesTotal: z.number(),
    familiesRegistered: z.number(),
    familiesAchieved: z.number(),
  }),
});

// ---------- calendar ----------
export const calendarQuery = z
  .object({ unitId: z.coerce.number().int().positive(), from: isoDate, to: isoDate })
  .refine((value) => value.from <= value.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc', path: ['to'] });

export const calendarItem = z.object({
  kind: z.enum(CALENDAR_KINDS),
  title: z.string(),
  /** All-day items: 'YYYY-MM-DD' (end = last day, inclusive); activities: ISO date-times with +07:00. */
  start: z.string(),
  end: z.string(),
  allDay: z.boolean(),
  activityId: z.number().optional(),
  category: z.enum(ACTIVITY_CATEGORIES).optional(),
  unitName: z.string().optional(),
});
export const calendarResponse = z.object({ from: z.string(), to: z.string(), items: z.array(calendarItem) });

export type ActivityView = z.infer<typeof activityView>;
export type ActivitySummary = z.infer<typeof activitySummary>;
export type ActivityPage = z.infer<typeof activityPage>;
export type CreateActivityBody = z.infer<typeof createActivityBody>;
export type UpdateActivityBody = z.infer<typeof updateActivityBody>;
export type TopicDocumentView = z.infer<typeof topicDocumentView>;
export type AttendanceView = z.infer<typeof attendanceView>;
export type AttendeeRow = z.infer<typeof attendeeRow>;
export type RosterView = z.infer<typeof rosterView>;
export type GuestView = z.infer<typeof guestView>;
export type CheckinInfo = z.infer<typeof checkinInfo>;
export type CheckinPage = z.infer<typeof checkinPage>;
export type CultureEvaluationBody = z.infer<typeof cultureEvaluationBody>;
export type CultureEvaluationView = z.infer<typeof cultureEvaluationView>;
export type CultureEvaluationList = z.infer<typeof cultureEvaluationList>;
export type CalendarItem = z.infer<typeof calendarItem>;

// ---------- photos and attachments ----------
export const ACTIVITY_FILE_KINDS = ['photo', 'attachment'] as const;

export const activityFileParams = z.object({
  id: z.coerce.number().int().positive(),
  fileId: z.coerce.number().int().positive(),
});
export const fileIdParam = z.object({ fileId: z.coerce.number().int().positive() });

/** Text fields sent beside the multipart `file`. */
export const activityFileFields = z.object({
  caption: z.string().trim().max(500, 'Chú thích tối đa 500 ký tự').default(''),
});

export const activityFileView = z.object({
  id: z.number(),
  kind: z.enum(ACTIVITY_FILE_KINDS),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  caption: z.string(),
  /** Served only to those who may see the activity. */
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
});
export const activityFileList = z.object({ items: z.array(activityFileView) });

export type ActivityFileView = z.infer<typeof activityFileView>;
export type ActivityFileList = z.infer<typeof activityFileList>;
