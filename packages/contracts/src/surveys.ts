import { z } from 'zod';
import { isoDate } from './schemas.js';

/**
 * Surveys (khảo sát): pulse surveys and questionnaires, named or anonymous, given by a unit to its
 * subtree. Shared by the server and the web app.
 */

export const SURVEY_KINDS = ['pulse', 'questionnaire'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = {
  pulse: 'Khảo sát nhanh',
  questionnaire: 'Phiếu hỏi ý kiến',
};

export const SURVEY_QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];
export const SURVEY_QUESTION_KIND_LABELS: Record<SurveyQuestionKind, string> = {
  single: 'Chọn một',
  multiple: 'Chọn nhiều',
  scale: 'Thang điểm',
  text: 'Trả lời tự do',
};

export const SURVEY_STATUSES = ['draft', 'scheduled', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const SURVEY_STATUS_LABELS: Record<SurveyStatus, string> = {
  draft: 'Bản nháp',
  scheduled: 'Chưa đến ngày mở',
  open: 'Đang mở',
  closed: 'Đã đóng',
};

/** Groups with fewer answers than this are never shown in results. */
export const SURVEY_MIN_GROUP = 5;
export const SURVEY_SUPPRESSED_TEXT = 'Ít hơn 5 câu trả lời — không hiển thị để bảo vệ người trả lời';
export const SURVEY_COMPLEMENT_TEXT = 'Không hiển thị để không suy ra được nhóm dưới 5 câu trả lời bằng phép trừ';
export const MAX_SURVEY_QUESTIONS = 40;
export const MAX_SURVEY_OPTIONS = 12;

const text = (label: string, max: number) =>
  z
    .string({ error: `Cần nhập ${label}` })
    .trim()
    .min(1, `Cần nhập ${label}`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} tối đa ${max} ký tự`);
const id = (message: string) => z.number({ error: message }).int(message).positive(message);

export const surveyQuestionInput = z.object({
  kind: z.enum(SURVEY_QUESTION_KINDS, { error: 'Loại câu hỏi không hợp lệ' }),
  text: text('nội dung câu hỏi', 1000),
  required: z.boolean().default(true),
  /** Choice questions: the options' texts, in order. */
  options: z
    .array(text('phương án', 300))
    .max(MAX_SURVEY_OPTIONS, `Tối đa ${MAX_SURVEY_OPTIONS} phương án`)
    .default([]),
  /** Scale questions: 1–5 or 1–10. */
  scaleMax: z
    .union([z.literal(5), z.literal(10)], { error: 'Thang điểm chỉ là 1–5 hoặc 1–10' })
    .nullable()
    .default(null),
  scaleMinLabel: z.string().trim().max(100, 'Nhãn tối đa 100 ký tự').default(''),
  scaleMaxLabel: z.string().trim().max(100, 'Nhãn tối đa 100 ký tự').default(''),
});
export type SurveyQuestionInput = z.infer<typeof surveyQuestionInput>;

export const surveyInput = z.object({
  unitId: id('Cần chọn đơn vị tổ chức khảo sát'),
  kind: z.enum(SURVEY_KINDS, { error: 'Loại khảo sát không hợp lệ' }),
  title: text('tên khảo sát', 300),
  description: z.string().trim().max(5000, 'Lời giới thiệu tối đa 5.000 ký tự').default(''),
  anonymous: z.boolean({ error: 'Cần chọn khảo sát ẩn danh hay ghi tên' }),
  opensOn: isoDate,
  closesOn: isoDate,
  /** Units inside the organising unit's subtree; empty: the whole subtree. */
  audienceUnitIds: z.array(id('Đơn vị không hợp lệ')).max(200, 'Tối đa 200 đơn vị').default([]),
  questions: z
    .array(surveyQuestionInput)
    .min(1, 'Cần ít nhất một câu hỏi')
    .max(MAX_SURVEY_QUESTIONS, `Tối đa ${MAX_SURVEY_QUESTIONS} câu hỏi`),
});
export type SurveyInput = z.infer<typeof surveyInput>;
/** A draft is replaced whole (same fields, the organising unit cannot change). */
export const surveyPatch = surveyInput.omit({ unitId: true });
export type SurveyPatch = z.infer<typeof surveyPatch>;

export const surveyOption = z.object({ id: z.string(), text: z.string() });
export const surveyQuestion = z.object({
  id: z.number(),
  kind: z.enum(SURVEY_QUESTION_KINDS),
  text: z.string(),
  required: z.boolean(),
  options: z.array(surveyOption),
  scaleMax: z.number().nullable(),
  scaleMinLabel: z.string(),
  scaleMaxLabel: z.string(),
});
export type SurveyQuestion = z.infer<typeof surveyQuestion>;

export const surveyAnswer = z.object({
  questionId: z.number({ error: 'Câu hỏi không hợp lệ' }).int().positive(),
  optionIds: z.array(z.string().max(20)).max(MAX_SURVEY_OPTIONS).optional(),
  value: z.number({ error: 'Điểm phải là số' }).int('Điểm phải là số nguyên').optional(),
  text: z.string().trim().max(5000, 'Câu trả lời tối đa 5.000 ký tự').optional(),
});
export type SurveyAnswer = z.infer<typeof surveyAnswer>;
export const surveyResponseInput = z.object({
  answers: z.array(surveyAnswer).max(MAX_SURVEY_QUESTIONS),
});
export type SurveyResponseInput = z.infer<typeof surveyResponseInput>;

export const surveySummary = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  kind: z.enum(SURVEY_KINDS),
  title: z.string(),
  anonymous: z.boolean(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(SURVEY_STATUSES),
  questionCount: z.number(),
  /** The viewer has answered. */
  responded: z.boolean(),
  canManage: z.boolean(),
});
export type SurveySummary = z.infer<typeof surveySummary>;
export const surveyListQuery = z.object({ scope: z.enum(['mine', 'managed']).default('mine') });
export const surveyList = z.object({ items: z.array(surveySummary) });

export const surveyView = surveySummary.extend({
  description: z.string(),
  audience: z.array(z.object({ id: z.number(), name: z.string() })),
  questions: z.array(surveyQuestion),
  /** The viewer is in the audience today and the survey is open. */
  canAnswer: z.boolean(),
  /** Named survey: the viewer may still change the answer. */
  canEditAnswer: z.boolean(),
  /** Named survey: the viewer's answers. Never sent for an anonymous survey. */
  myAnswers: z.array(surveyAnswer).nullable(),
});
export type SurveyView = z.infer<typeof surveyView>;

export const surveyResponseResult = z.object({ saved: z.boolean(), replaced: z.boolean() });

// ——— Results ———

export const surveyResultsQuery = z.object({ day: isoDate.optional() });

/** A unit's row for one question: null figures when suppressed. */
export const surveyQuestionUnitRow = z.object({
  unitId: z.number(),
  unitName: z.string(),
  depth: z.number(),
  suppressed: z.boolean(),
  /** small: fewer than 5 answers; complement: hidden so that a small group cannot be computed by subtraction. */
  suppressedReason: z.enum(['small', 'complement']).nullable(),
  answers: z.number().nullable(),
  /** Choice / scale: counts per option id or per scale value ("1".."10"). */
  counts: z.record(z.string(), z.number()).nullable(),
  /** Scale: the mean. */
  mean: z.number().nullable(),
});
export type SurveyQuestionUnitRow = z.infer<typeof surveyQuestionUnitRow>;
export const surveyQuestionResult = z.object({
  question: surveyQuestion,
  total: surveyQuestionUnitRow,
  units: z.array(surveyQuestionUnitRow),
  /** Free text: shown only when the group has at least 5 answers; unit null for anonymous surveys. */
  texts: z.array(z.object({ text: z.string(), unitName: z.string().nullable() })),
});
export type SurveyQuestionResult = z.infer<typeof surveyQuestionResult>;
export const surveyRateRow = z.object({
  unitId: z.number(),
  unitName: z.string(),
  audience: z.number(),
  responded: z.number(),
  rate: z.number().nullable(),
});
export type SurveyRateRow = z.infer<typeof surveyRateRow>;
export const surveyResults = z.object({
  surveyId: z.number(),
  title: z.string(),
  anonymous: z.boolean(),
  day: z.string(),
  minGroup: z.number(),
  responseRate: z.object({
    audience: z.number(),
    responded: z.number(),
    rate: z.number().nullable(),
    units: z.array(surveyRateRow),
  }),
  questions: z.array(surveyQuestionResult),
});
export type SurveyResults = z.infer<typeof surveyResults>;
