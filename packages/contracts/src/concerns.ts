import { z } from 'zod';
import { isoDate } from './schemas.js';

/**
 * Concerns and recommendations (ý kiến, kiến nghị) raised by members, named or anonymous,
 * answered by their unit or escalated to the level above. Shared by the server and the web app.
 */

export const CONCERN_STATUSES = ['new', 'received', 'in_progress', 'resolved', 'escalated', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  new: 'Mới',
  received: 'Đã tiếp nhận',
  in_progress: 'Đang xử lý',
  resolved: 'Đã giải quyết',
  escalated: 'Đã chuyển cấp trên',
  closed: 'Đã đóng',
};
/** Statuses still waiting for the handling unit (deadline counts). */
export const CONCERN_OPEN_STATUSES: readonly ConcernStatus[] = ['new', 'received', 'in_progress', 'escalated'];

export const CONCERN_ACTIONS = ['receive', 'start', 'answer', 'escalate', 'rate', 'reopen'] as const;
export type ConcernAction = (typeof CONCERN_ACTIONS)[number];

/** Days after the answer when an unrated item closes by itself. */
export const CONCERN_AUTO_CLOSE_DAYS = 7;
export const MAX_CONCERN_ATTACHMENTS = 3;

const text = (label: string, max: number) =>
  z
    .string({ error: `Cần nhập ${label}` })
    .trim()
    .min(1, `Cần nhập ${label}`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} tối đa ${max} ký tự`);

export const concernCategory = z.object({ code: z.string(), name: z.string(), deadlineDays: z.number() });
export type ConcernCategory = z.infer<typeof concernCategory>;
export const updateConcernCategoryBody = z.object({
  deadlineDays: z
    .number({ error: 'Thời hạn phải là số ngày' })
    .int('Thời hạn phải là số ngày nguyên')
    .min(1, 'Thời hạn ít nhất 1 ngày')
    .max(365, 'Thời hạn tối đa 365 ngày'),
});

export const concernAttachmentInput = z.object({
  name: z.string().trim().min(1, 'Thiếu tên tệp').max(200, 'Tên tệp tối đa 200 ký tự'),
  dataBase64: z.string().min(1, 'Tệp rỗng').max(14_000_000, 'Tệp quá lớn: tối đa 10 MB'),
});

export const createConcernBody = z.object({
  category: z.string({ error: 'Hãy chọn lĩnh vực' }).min(1, 'Hãy chọn lĩnh vực'),
  title: text('tiêu đề', 200),
  body: text('nội dung', 5000),
  anonymous: z.boolean().default(false),
  attachments: z
    .array(concernAttachmentInput)
    .max(MAX_CONCERN_ATTACHMENTS, `Tối đa ${MAX_CONCERN_ATTACHMENTS} tệp đính kèm`)
    .default([]),
});
export type CreateConcernBody = z.input<typeof createConcernBody>;

export const createConcernResponse = z.object({
  id: z.string(),
  /** Anonymous items only: shown once, never stored in clear. */
  trackingCode: z.string().nullable(),
  unitName: z.string(),
});

export const concernEvent = z.object({
  kind: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  unitName: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string(),
  /** Exact time for handlers' steps; null for the member's own steps on an anonymous item. */
  at: z.string().nullable(),
  onDate: isoDate,
});

export const concernAttachment = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
});

export const concernSummary = z.object({
  id: z.string(),
  category: z.string(),
  categoryName: z.string(),
  title: z.string(),
  anonymous: z.boolean(),
  status: z.enum(CONCERN_STATUSES),
  unitId: z.number(),
  unitName: z.string(),
  submittedOn: isoDate,
  dueOn: isoDate,
  overdue: z.boolean(),
  escalations: z.number(),
  rating: z.number().nullable(),
  /** Named items, for handlers only. */
  authorName: z.string().nullable(),
});
export type ConcernSummary = z.infer<typeof concernSummary>;

export const concernDetail = concernSummary.extend({
  body: z.string(),
  originUnitName: z.string(),
  answer: z.string().nullable(),
  answeredUnitName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  reopened: z.boolean(),
  events: z.array(concernEvent),
  attachments: z.array(concernAttachment),
  /** What the one asking may do now. */
  actions: z.array(z.enum(CONCERN_ACTIONS)),
});
export type ConcernDetail = z.infer<typeof concernDetail>;

export const concernListQuery = z.object({
  status: z.enum(CONCERN_STATUSES).optional(),
  unitId: z.coerce.number().int().positive().optional(),
});

export const concernTransitionBody = z.object({
  action: z.enum(CONCERN_ACTIONS, { error: 'Thao tác không hợp lệ' }),
  note: z.string().trim().max(5000, 'Nội dung tối đa 5000 ký tự').default(''),
  rating: z.number().int().min(1, 'Đánh giá từ 1 đến 5').max(5, 'Đánh giá từ 1 đến 5').optional(),
});
export type ConcernTransitionBody = z.input<typeof concernTransitionBody>;

export const trackConcernBody = z.object({
  code: z
    .string({ error: 'Hãy nhập mã theo dõi' })
    .trim()
    .min(1, 'Hãy nhập mã theo dõi')
    .max(40, 'Mã theo dõi không hợp lệ'),
});
export const trackTransitionBody = trackConcernBody.merge(concernTransitionBody);

export const concernFiguresQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  from: isoDate,
  to: isoDate,
});

export const concernFigureRow = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number(),
  answered: z.number(),
  medianFirstAnswerHours: z.number().nullable(),
  medianResolutionHours: z.number().nullable(),
  /** Resolved on or before the first deadline / items whose outcome is known (resolved, or past the first deadline). */
  withinDeadline: z.number(),
  deadlineKnown: z.number(),
  withinDeadlineShare: z.number().nullable(),
  escalated: z.number(),
  escalatedShare: z.number().nullable(),
  ratingCount: z.number(),
  meanRating: z.number().nullable(),
});
export type ConcernFigureRow = z.infer<typeof concernFigureRow>;

export const concernFiguresResponse = z.object({
  unitId: z.number(),
  unitName: z.string(),
  from: isoDate,
  to: isoDate,
  total: concernFigureRow,
  byUnit: z.array(concernFigureRow),
  byCategory: z.array(concernFigureRow),
});
export type ConcernFigures = z.infer<typeof concernFiguresResponse>;
