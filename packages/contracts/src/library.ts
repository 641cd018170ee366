import { z } from 'zod';
import { isoDate } from './schemas.js';

/**
 * The document library (thư viện văn bản) and study assignments (giao học tập, quán triệt):
 * shared by the server and the web app.
 */

export const DOCUMENT_TYPES = [
  'resolution',
  'directive',
  'conclusion',
  'law',
  'decree',
  'circular',
  'decision',
  'program',
  'plan',
  'guide',
  'official_letter',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  resolution: 'Nghị quyết',
  directive: 'Chỉ thị',
  conclusion: 'Kết luận',
  law: 'Luật, Bộ luật',
  decree: 'Nghị định',
  circular: 'Thông tư',
  decision: 'Quyết định',
  program: 'Chương trình',
  plan: 'Kế hoạch',
  guide: 'Hướng dẫn',
  official_letter: 'Công văn',
  other: 'Văn bản khác',
};

/** At most this many quiz questions per assignment, documents per assignment, topics per document. */
export const MAX_STUDY_QUESTIONS = 10;
export const MAX_ASSIGNMENT_DOCUMENTS = 10;
export const MAX_DOCUMENT_TOPICS = 10;

const text = (label: string, max: number) =>
  z
    .string({ error: `Cần nhập ${label}` })
    .trim()
    .min(1, `Cần nhập ${label}`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} tối đa ${max} ký tự`);

const id = (message: string) => z.number({ error: message }).int(message).positive(message);

// ——— Topics ———

export const libraryTopic = z.object({
  id: z.number(),
  name: z.string(),
  sortOrder: z.number(),
  archived: z.boolean(),
});
export const libraryTopicList = z.object({ items: z.array(libraryTopic), canEdit: z.boolean() });
export const libraryTopicInput = z.object({
  name: text('tên chủ đề', 200),
  sortOrder: z.number().int().min(0).max(10_000).default(100),
  archived: z.boolean().default(false),
});

// ——— Documents ———

export const documentInput = z.object({
  unitId: id('Cần chọn đơn vị ban hành trong hệ thống'),
  type: z.enum(DOCUMENT_TYPES, { error: 'Loại văn bản không hợp lệ' }),
  number: z.string().trim().max(100, 'Số, ký hiệu tối đa 100 ký tự').default(''),
  issuedOn: isoDate.nullable().default(null),
  issuer: z.string().trim().max(300, 'Cơ quan ban hành tối đa 300 ký tự').default(''),
  title: text('trích yếu (tên văn bản)', 500),
  summary: z.string().trim().max(20_000, 'Tóm tắt tối đa 20.000 ký tự').default(''),
  topicIds: z
    .array(id('Chủ đề không hợp lệ'))
    .max(MAX_DOCUMENT_TOPICS, `Tối đa ${MAX_DOCUMENT_TOPICS} chủ đề`)
    .default([]),
});
export const documentPatch = z.object({
  type: z.enum(DOCUMENT_TYPES, { error: 'Loại văn bản không hợp lệ' }).optional(),
  number: z.string().trim().max(100, 'Số, ký hiệu tối đa 100 ký tự').optional(),
  issuedOn: isoDate.nullable().optional(),
  issuer: z.string().trim().max(300, 'Cơ quan ban hành tối đa 300 ký tự').optional(),
  title: text('trích yếu (tên văn bản)', 500).optional(),
  summary: z.string().trim().max(20_000, 'Tóm tắt tối đa 20.000 ký tự').optional(),
  topicIds: z
    .array(id('Chủ đề không hợp lệ'))
    .max(MAX_DOCUMENT_TOPICS, `Tối đa ${MAX_DOCUMENT_TOPICS} chủ đề`)
    .optional(),
});

export const documentListQuery = z.object({
  q: z.string().trim().max(200, 'Từ khóa tối đa 200 ký tự').optional(),
  type: z.enum(DOCUMENT_TYPES, { error: 'Loại văn bản không hợp lệ' }).optional(),
  topicId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(1900, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ').optional(),
  issuer: z.string().trim().max(300).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const documentFileView = z.object({
  id: z.number(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  url: z.string(),
});

export const documentSummary = z.object({
  id: z.number(),
  type: z.enum(DOCUMENT_TYPES),
  number: z.string(),
  issuedOn: z.string().nullable(),
  issuer: z.string(),
  title: z.string(),
  summary: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  topics: z.array(z.object({ id: z.number(), name: z.string() })),
  fileCount: z.number(),
});
export const documentPage = z.object({ items: z.array(documentSummary), total: z.number() });

export const documentView = documentSummary.extend({
  files: z.array(documentFileView),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
  /** The actor may assign it for study (manages a unit in whose subtree the document is seen). */
  canAssign: z.boolean(),
});

// ——— Study assignments ———

const option = z.object({
  id: z.string().trim().min(1).max(10),
  text: text('nội dung phương án', 500),
});
export const studyQuestionInput = z
  .object({
    text: text('nội dung câu hỏi', 1000),
    options: z
      .array(option, { error: 'Cần nhập các phương án trả lời' })
      .min(2, 'Mỗi câu hỏi cần ít nhất 2 phương án')
      .max(6, 'Mỗi câu hỏi tối đa 6 phương án'),
    correct: z.string({ error: 'Cần chọn đáp án đúng' }).trim().min(1, 'Cần chọn đáp án đúng'),
  })
  .superRefine((value, ctx) => {
    const ids = value.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Mã các phương án không được trùng nhau' });
    }
    if (!ids.includes(value.correct)) {
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'Đáp án đúng phải là một trong các phương án' });
    }
  });

export const assignmentInput = z
  .object({
    unitId: id('Cần chọn đơn vị giao'),
    title: text('tên đợt học tập', 300),
    note: z.string().trim().max(5000, 'Lời nhắn tối đa 5.000 ký tự').default(''),
    deadline: isoDate,
    documentIds: z
      .array(id('Văn bản không hợp lệ'), { error: 'Cần chọn ít nhất một văn bản' })
      .min(1, 'Cần chọn ít nhất một văn bản')
      .max(MAX_ASSIGNMENT_DOCUMENTS, `Tối đa ${MAX_ASSIGNMENT_DOCUMENTS} văn bản mỗi đợt`),
    /** Units whose subtrees are assigned; empty: the whole subtree of the assigning unit. */
    audienceUnitIds: z.array(id('Đơn vị không hợp lệ')).max(500).default([]),
    countsAsStudy: z.boolean().default(true),
    questions: z
      .array(studyQuestionInput)
      .max(MAX_STUDY_QUESTIONS, `Tối đa ${MAX_STUDY_QUESTIONS} câu hỏi`)
      .default([]),
    /** Right answers needed to pass; defaults to every question. */
    passMark: z.number().int().min(1, 'Số câu cần đúng ít nhất là 1').nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (value.passMark !== null && value.passMark > value.questions.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['passMark'],
        message: 'Số câu cần đúng không được lớn hơn số câu hỏi',
      });
    }
  });
export const assignmentPatch = z.object({
  title: text('tên đợt học tập', 300).optional(),
  note: z.string().trim().max(5000, 'Lời nhắn tối đa 5.000 ký tự').optional(),
  deadline: isoDate.optional(),
});

export const assignmentListQuery = z.object({
  /** mine: assigned to me as a member; managed: given by units I manage. */
  scope: z.enum(['mine', 'managed'], { error: 'Phạm vi không hợp lệ' }).default('mine'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const assignmentDocument = z.object({
  id: z.number(),
  type: z.enum(DOCUMENT_TYPES),
  number: z.string(),
  title: z.string(),
  issuedOn: z.string().nullable(),
  issuer: z.string(),
  files: z.array(documentFileView),
});

export const assignmentSummary = z.object({
  id: z.number(),
  title: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  deadline: z.string(),
  countsAsStudy: z.boolean(),
  hasQuiz: z.boolean(),
  documents: z.array(assignmentDocument.pick({ id: true, number: true, title: true, type: true })),
  /** For a member: when they confirmed (null: not yet). */
  confirmedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const assignmentPage = z.object({ items: z.array(assignmentSummary), total: z.number() });

export const studyQuestionView = z.object({
  id: z.number(),
  text: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
  /** Only for the assigning unit's managers. */
  correct: z.string().nullable(),
});

export const assignmentView = z.object({
  id: z.number(),
  title: z.string(),
  note: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  deadline: z.string(),
  countsAsStudy: z.boolean(),
  activityId: z.number().nullable(),
  passMark: z.number().nullable(),
  documents: z.array(assignmentDocument),
  audience: z.array(z.object({ id: z.number(), name: z.string() })),
  questions: z.array(studyQuestionView),
  createdAt: z.string(),
  canManage: z.boolean(),
  /** The actor is in the audience (a member of it today) and may confirm. */
  canConfirm: z.boolean(),
  confirmedAt: z.string().nullable(),
  lastAttempt: z.object({ correct: z.number(), passed: z.boolean(), at: z.string() }).nullable(),
});

export const studyConfirmInput = z.object({
  /** { questionId: optionId } for every question of the quiz. */
  answers: z.record(z.string(), z.string().max(10)).default({}),
});
export const studyConfirmResult = z.object({
  confirmed: z.boolean(),
  confirmedAt: z.string().nullable(),
  correct: z.number().nullable(),
  total: z.number(),
  passMark: z.number().nullable(),
});

export const assignmentProgressQuery = z.object({
  /** The reference day: the audience is who was an active member there that day. Default: the deadline, or today before it. */
  day: isoDate.optional(),
});
export const assignmentProgressRow = z.object({
  unitId: z.number(),
  unitName: z.string(),
  assigned: z.number(),
  confirmed: z.number(),
  /** Percent, one decimal; null when nobody is assigned. */
  rate: z.number().nullable(),
});
export const assignmentProgress = z.object({
  day: z.string(),
  total: assignmentProgressRow.omit({ unitId: true, unitName: true }),
  units: z.array(assignmentProgressRow),
  lastReminder: z.object({ at: z.string(), count: z.number() }).nullable(),
});
export const studyPendingMember = z.object({
  memberId: z.number(),
  fullName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  unionRole: z.string(),
  hasAccount: z.boolean(),
});
export const studyPendingList = z.object({ day: z.string(), items: z.array(studyPendingMember), total: z.number() });
export const studyRemindResult = z.object({ reminded: z.number(), notified: z.number() });

export const documentReachQuery = z.object({
  unitId: z.coerce.number().int().positive({ error: 'Cần chọn đơn vị' }),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
});
export const documentReachRow = z.object({
  documentId: z.number(),
  number: z.string(),
  title: z.string(),
  assignments: z.number(),
  confirmations: z.number(),
});
export const documentReach = z.object({
  unitId: z.number(),
  year: z.number().nullable(),
  items: z.array(documentReachRow),
});

export type DocumentInput = z.infer<typeof documentInput>;
export type DocumentPatch = z.infer<typeof documentPatch>;
export type DocumentSummary = z.infer<typeof documentSummary>;
export type DocumentView = z.infer<typeof documentView>;
export type DocumentPage = z.infer<typeof documentPage>;
export type LibraryTopic = z.infer<typeof libraryTopic>;
export type AssignmentInput = z.infer<typeof assignmentInput>;
export type AssignmentPatch = z.infer<typeof assignmentPatch>;
export type AssignmentSummary = z.infer<typeof assignmentSummary>;
export type AssignmentView = z.infer<typeof assignmentView>;
export type AssignmentProgress = z.infer<typeof assignmentProgress>;
export type StudyPendingMember = z.infer<typeof studyPendingMember>;
export type StudyConfirmResult = z.infer<typeof studyConfirmResult>;
export type DocumentReach = z.infer<typeof documentReach>;
