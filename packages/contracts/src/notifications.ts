import { z } from 'zod';

/**
 * Notifications (thông báo): the in-app notification centre, e-mail and each person's
 * preferences. Kinds are data: adding one is a line here (the server validates `notify` calls
 * against this list, the preferences page lists them).
 */

export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
export const EMAIL_MODE_LABELS: Record<EmailMode, string> = {
  immediate: 'Gửi ngay',
  digest: 'Gộp vào thư tổng hợp hằng ngày',
  off: 'Không gửi e-mail',
};

export interface NotificationKindSpec {
  /** Stable code stored in the database. */
  code: string;
  label: string;
  description: string;
  /** E-mail mode of someone who has not chosen. */
  defaultEmail: EmailMode;
}

export const NOTIFICATION_KINDS = [
  {
    code: 'study_assignment',
    label: 'Giao tài liệu học tập',
    description: 'Đơn vị giao cho bạn tài liệu cần đọc và xác nhận.',
    defaultEmail: 'immediate',
  },
  {
    code: 'deadline_reminder',
    label: 'Nhắc hạn',
    description: 'Nhắc tài liệu sắp đến hạn hoặc đã quá hạn mà bạn chưa xác nhận.',
    defaultEmail: 'immediate',
  },
  {
    code: 'contest_round_open',
    label: 'Vòng thi mở',
    description: 'Một vòng của cuộc thi dành cho đơn vị bạn vừa mở.',
    defaultEmail: 'digest',
  },
  {
    code: 'article_workflow',
    label: 'Bài viết',
    description: 'Bài viết chờ duyệt, được duyệt, bị trả lại hoặc đã đăng.',
    defaultEmail: 'immediate',
  },
  {
    code: 'concern_answered',
    label: 'Kiến nghị được trả lời',
    description: 'Tâm tư, kiến nghị bạn gửi đã có câu trả lời.',
    defaultEmail: 'immediate',
  },
  {
    code: 'concern_new',
    label: 'Kiến nghị mới',
    description: 'Đơn vị bạn phụ trách nhận được ý kiến, kiến nghị mới cần tiếp nhận.',
    defaultEmail: 'digest',
  },
  {
    code: 'concern_deadline',
    label: 'Kiến nghị sắp hết hạn',
    description: 'Ý kiến, kiến nghị đơn vị bạn đang xử lý sắp đến hạn hoặc đã quá hạn và được chuyển cấp trên.',
    defaultEmail: 'immediate',
  },
  {
    code: 'survey_open',
    label: 'Khảo sát mới',
    description: 'Đơn vị mời bạn trả lời một khảo sát, phiếu hỏi ý kiến.',
    defaultEmail: 'digest',
  },
] as const satisfies readonly NotificationKindSpec[];

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]['code'];
export const NOTIFICATION_KIND_CODES = NOTIFICATION_KINDS.map((k) => k.code) as [
  NotificationKind,
  ...NotificationKind[],
];

export function notificationKindSpec(code: string): NotificationKindSpec | undefined {
  return NOTIFICATION_KINDS.find((k) => k.code === code);
}

const isoDateTimeOut = z.string();

export const notificationView = z.object({
  id: z.number(),
  kind: z.enum(NOTIFICATION_KIND_CODES),
  title: z.string(),
  body: z.string(),
  /** A path inside the app (e.g. "/contests/12") or null. */
  link: z.string().nullable(),
  createdAt: isoDateTimeOut,
  readAt: isoDateTimeOut.nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationListQuery = z.object({
  page: z.coerce.number().int('Trang phải là số nguyên').min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce
    .number()
    .int('Số dòng mỗi trang phải là số nguyên')
    .min(1, 'Ít nhất 1 dòng mỗi trang')
    .max(100, 'Tối đa 100 dòng mỗi trang')
    .default(20),
  unread: z
    .enum(['true', 'false'], { error: 'Chỉ nhận true hoặc false' })
    .optional()
    .transform((v) => v === 'true'),
});

export const notificationPage = z.object({
  items: z.array(notificationView),
  total: z.number(),
  unread: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type NotificationPage = z.infer<typeof notificationPage>;

export const unreadCount = z.object({ unread: z.number() });

export const notificationPreference = z.object({
  kind: z.enum(NOTIFICATION_KIND_CODES),
  label: z.string(),
  description: z.string(),
  email: z.enum(EMAIL_MODES),
});
export const notificationPreferences = z.object({
  /** Where e-mail goes (null: the account has no e-mail address, nothing is sent). */
  emailAddress: z.string().nullable(),
  items: z.array(notificationPreference),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const notificationPreferencesInput = z.object({
  items: z
    .array(
      z.object({
        kind: z.enum(NOTIFICATION_KIND_CODES, { error: 'Loại thông báo không tồn tại' }),
        email: z.enum(EMAIL_MODES, { error: 'Chọn: gửi ngay, thư tổng hợp hằng ngày hoặc không gửi' }),
      }),
    )
    .min(1, 'Chọn ít nhất một loại thông báo')
    .max(NOTIFICATION_KINDS.length, 'Quá nhiều dòng')
    .refine((items) => new Set(items.map((i) => i.kind)).size === items.length, 'Mỗi loại thông báo chỉ một lần'),
});
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesInput>;
