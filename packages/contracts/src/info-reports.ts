import { z } from 'zod';
import { isoDate } from './schemas.js';

/**
 * Reports of false or harmful information (báo tin xấu, độc) about the education sector or the
 * union: members report, the province union's staff triage, respond and watch the trend.
 */

export const INFO_PLATFORMS = ['facebook', 'zalo', 'tiktok', 'youtube', 'news_site', 'other'] as const;
export type InfoPlatform = (typeof INFO_PLATFORMS)[number];
export const INFO_PLATFORM_LABELS: Record<InfoPlatform, string> = {
  facebook: 'Facebook',
  zalo: 'Zalo',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  news_site: 'Báo điện tử',
  other: 'Khác',
};

export const INFO_REPORT_STATUSES = ['new', 'verifying', 'verified', 'false_alarm', 'handed_over'] as const;
export type InfoReportStatus = (typeof INFO_REPORT_STATUSES)[number];
export const INFO_REPORT_STATUS_LABELS: Record<InfoReportStatus, string> = {
  new: 'Mới',
  verifying: 'Đang xác minh',
  verified: 'Xác minh là sai sự thật/độc hại',
  false_alarm: 'Báo nhầm',
  handed_over: 'Chuyển cơ quan chức năng',
};
/** The statuses that close the triage: the outcome of the report. */
export const INFO_REPORT_OUTCOMES = ['verified', 'false_alarm', 'handed_over'] as const;

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} tối đa ${max.toLocaleString('vi-VN')} ký tự`)
    .optional()
    .transform((value) => (value ? value : null));

/** A link typed by the member: http or https only, kept as text, never opened by the server. */
export const infoReportUrl = z
  .string()
  .trim()
  .max(2000, 'Đường liên kết tối đa 2.000 ký tự')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'Đường liên kết phải bắt đầu bằng http:// hoặc https://');

/** The text fields of a report; sent as JSON or as the text fields of a multipart body with `file`. */
export const infoReportInput = z.object({
  url: z
    .union([z.literal(''), infoReportUrl])
    .optional()
    .transform((value) => (value ? value : null)),
  description: optionalText('Mô tả', 5000),
  platform: z.enum(INFO_PLATFORMS, { error: 'Hãy chọn nơi bạn thấy thông tin' }),
  anonymous: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .default(false)
    .transform((value) => value === true || value === 'true'),
});
export type InfoReportInput = z.input<typeof infoReportInput>;

export const infoReportAbilities = z.object({
  startVerifying: z.boolean(),
  conclude: z.boolean(),
  handOver: z.boolean(),
  reopen: z.boolean(),
  respond: z.boolean(),
});

export const infoReportView = z.object({
  id: z.string(),
  status: z.enum(INFO_REPORT_STATUSES),
  platform: z.enum(INFO_PLATFORMS),
  url: z.string().nullable(),
  description: z.string().nullable(),
  hasScreenshot: z.boolean(),
  anonymous: z.boolean(),
  /** Named reports only: who reported and their unit (staff only; the reporter sees "you"). */
  reporterName: z.string().nullable(),
  reporterUnitName: z.string().nullable(),
  provinceUnitId: z.number(),
  provinceUnitName: z.string(),
  reportedOn: isoDate,
  triagedOn: isoDate.nullable(),
  concludedOn: isoDate.nullable(),
  clarificationArticle: z.object({ id: z.number(), title: z.string(), slug: z.string() }).nullable(),
  letterRecipient: z.string().nullable(),
  letterSentOn: isoDate.nullable(),
  letterNumber: z.string().nullable(),
  notes: z.string().nullable(),
  abilities: infoReportAbilities,
});
export type InfoReportView = z.infer<typeof infoReportView>;

export const infoReportPage = z.object({
  items: z.array(infoReportView),
  total: z.number(),
  counts: z.record(z.string(), z.number()),
});

export const infoReportListQuery = z.object({
  status: z.enum(INFO_REPORT_STATUSES).optional(),
  platform: z.enum(INFO_PLATFORMS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const infoReportIdParam = z.object({ id: z.uuid('Mã tin báo không hợp lệ') });

export const infoReportTransition = z.object({
  to: z.enum(INFO_REPORT_STATUSES, { error: 'Trạng thái không hợp lệ' }),
  note: optionalText('Ghi chú', 2000),
});

export const infoReportResponse = z.object({
  clarificationArticleId: z.number().int().positive().nullable().optional(),
  letterRecipient: optionalText('Nơi nhận', 300).nullable(),
  letterSentOn: isoDate.nullable().optional(),
  letterNumber: optionalText('Số, ký hiệu văn bản', 100).nullable(),
  notes: optionalText('Ghi chú', 5000).nullable(),
});

export const infoReportEvent = z.object({
  from: z.enum(INFO_REPORT_STATUSES).nullable(),
  to: z.enum(INFO_REPORT_STATUSES),
  at: z.string(),
  by: z.string().nullable(),
  note: z.string().nullable(),
});
export const infoReportDetail = infoReportView.extend({ events: z.array(infoReportEvent) });

export const clarificationArticleQuery = z.object({ q: z.string().trim().max(100).optional() });
export const clarificationArticleList = z.object({
  items: z.array(z.object({ id: z.number(), title: z.string(), slug: z.string(), publishedAt: z.string() })),
});

export const infoTrendQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    bucket: z.enum(['week', 'month']).default('month'),
  })
  .refine((q) => q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc', path: ['from'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 3 * 366 * 86_400_000, {
    message: 'Khoảng thời gian tối đa 3 năm',
    path: ['to'],
  });

export const infoTrend = z.object({
  from: isoDate,
  to: isoDate,
  bucket: z.enum(['week', 'month']),
  total: z.number(),
  series: z.array(z.object({ period: isoDate, count: z.number() })),
  byPlatform: z.array(z.object({ platform: z.enum(INFO_PLATFORMS), count: z.number() })),
  byStatus: z.array(z.object({ status: z.enum(INFO_REPORT_STATUSES), count: z.number() })),
  /** Concluded reports; verifiedShare = (verified + handed_over) / concluded, null when nothing is concluded. */
  concluded: z.number(),
  verifiedShare: z.number().nullable(),
  withClarification: z.number(),
  withLetter: z.number(),
  triaged: z.number(),
  /** Median days from the report's date to the day triage began; null when none was triaged. */
  medianTriageDays: z.number().nullable(),
});
export type InfoTrend = z.infer<typeof infoTrend>;
