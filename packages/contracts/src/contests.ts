import { z } from 'zod';
import { isoDateTime } from './activities.js';
import { ACTIVITY_CATEGORIES } from './enums.js';
import { phoneSchema } from './schemas.js';

/**
 * Online contests (cuộc thi trực tuyến): setting up, taking part, results. Shared by the server
 * and the web app.
 */

export const CONTEST_AUDIENCES = ['subtree', 'public'] as const;
export type ContestAudience = (typeof CONTEST_AUDIENCES)[number];
export const CONTEST_AUDIENCE_LABELS: Record<ContestAudience, string> = {
  subtree: 'Đoàn viên các đơn vị trực thuộc',
  public: 'Công khai (đăng ký bằng họ tên, đơn vị, số điện thoại)',
};

export const CONTEST_STATUSES = ['draft', 'published'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];
export const CONTEST_STATUS_LABELS: Record<ContestStatus, string> = {
  draft: 'Bản nháp',
  published: 'Đã công bố',
};

export const QUESTION_KINDS = ['single', 'multiple'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: 'Một đáp án đúng',
  multiple: 'Nhiều đáp án đúng',
};

export const DIFFICULTIES = [1, 2, 3] as const;
export const DIFFICULTY_LABELS: Record<number, string> = { 1: 'Dễ', 2: 'Trung bình', 3: 'Khó' };

export const BEST_OF = ['highest', 'first', 'last'] as const;
export type BestOf = (typeof BEST_OF)[number];
export const BEST_OF_LABELS: Record<BestOf, string> = {
  highest: 'Lượt có kết quả cao nhất',
  first: 'Lượt đầu tiên',
  last: 'Lượt cuối cùng',
};

export const ATTEMPT_STATUSES = ['open', 'submitted', 'expired', 'voided'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];
export const ATTEMPT_STATUS_LABELS: Record<AttemptStatus, string> = {
  open: 'Đang làm bài',
  submitted: 'Đã nộp bài',
  expired: 'Hết giờ (tự động nộp)',
  voided: 'Bị hủy kết quả',
};

export const ATTEMPT_FLAGS = ['too_fast', 'shared_address'] as const;
export type AttemptFlag = (typeof ATTEMPT_FLAGS)[number];
export const ATTEMPT_FLAG_LABELS: Record<AttemptFlag, string> = {
  too_fast: 'Đúng hết trong thời gian quá ngắn',
  shared_address: 'Nhiều người dự thi từ cùng một địa chỉ mạng',
};

const text = (label: string, max: number) =>
  z
    .string({ error: `Cần nhập ${label}` })
    .trim()
    .min(1, `Cần nhập ${label}`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} tối đa ${max} ký tự`);

// ——— Setting up ———

export const contestInput = z.object({
  unitId: z.number({ error: 'Cần chọn đơn vị tổ chức' }).int().positive(),
  title: text('tên cuộc thi', 300),
  rules: z.string().trim().max(20_000, 'Thể lệ tối đa 20.000 ký tự').default(''),
  prizes: z.string().trim().max(5_000, 'Cơ cấu giải thưởng tối đa 5.000 ký tự').default(''),
  audience: z.enum(CONTEST_AUDIENCES, { error: 'Đối tượng dự thi không hợp lệ' }).default('subtree'),
  /** The subtree whose members may take part; defaults to the organising unit. */
  audienceUnitId: z.number().int().positive().optional(),
  /** Participation counts as an activity of this category for the plan's targets. */
  activityCategory: z.enum(ACTIVITY_CATEGORIES, { error: 'Loại hoạt động không hợp lệ' }).nullable().default(null),
});
/**
 * Every field optional and without its default: what a patch does not send stays as it is
 * (zod 4 applies a default inside `.partial()`, which would reset unsent fields).
 */
type PatchShape<T extends z.ZodRawShape> = {
  [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K]>;
};
function patchShape<T extends z.ZodRawShape>(shape: T): PatchShape<T> {
  const entries = Object.entries(shape).map(([key, field]) => {
    const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
    return [key, (inner as z.ZodType).optional()];
  });
  return Object.fromEntries(entries) as PatchShape<T>;
}

export const contestPatch = z.object(patchShape(contestInput.omit({ unitId: true }).shape));

export const contestListQuery = z.object({
  status: z.enum(CONTEST_STATUSES, { error: 'Trạng thái không hợp lệ' }).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const quota = z.object({
  topic: z.string().trim().max(200).nullable().default(null),
  difficulty: z.number().int().min(1).max(3).nullable().default(null),
  count: z.number().int().min(1, 'Số câu của mỗi nhóm ít nhất là 1').max(200),
});
const prize = z.object({
  name: text('tên giải', 100),
  count: z.number().int().min(1).max(1000),
});

const roundFields = z.object({
  title: text('tên vòng thi', 300),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  questionCount: z
    .number({ error: 'Cần nhập số câu hỏi' })
    .int()
    .min(1, 'Mỗi lượt thi cần ít nhất 1 câu hỏi')
    .max(200, 'Mỗi lượt thi tối đa 200 câu hỏi'),
  /** Questions drawn per topic and difficulty; the counts add up to `questionCount`. Empty: any question. */
  quotas: z.array(quota).max(50).default([]),
  shuffleOptions: z.boolean().default(true),
  timeLimitMinutes: z
    .number({ error: 'Cần nhập thời gian làm bài' })
    .int()
    .min(1, 'Thời gian làm bài ít nhất 1 phút')
    .max(240, 'Thời gian làm bài tối đa 240 phút'),
  attemptsAllowed: z.number().int().min(1, 'Ít nhất 1 lượt thi').max(20, 'Tối đa 20 lượt thi').default(1),
  bestOf: z.enum(BEST_OF).default('highest'),
  predictionQuestion: z.string().trim().max(1000).nullable().default(null),
  essayQuestion: z.string().trim().max(5000).nullable().default(null),
  prizes: z.array(prize).max(20).default([]),
});

function roundChecks(
  value: { opensAt?: string; closesAt?: string; quotas?: { count: number }[]; questionCount?: number },
  ctx: z.RefinementCtx,
) {
  if (value.opensAt && value.closesAt && new Date(value.closesAt) <= new Date(value.opensAt)) {
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'Thời điểm đóng phải sau thời điểm mở' });
  }
  if (value.quotas && value.quotas.length > 0 && value.questionCount !== undefined) {
    const sum = value.quotas.reduce((total, q) => total + q.count, 0);
    if (sum !== value.questionCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['quotas'],
        message: `Tổng số câu theo chủ đề, mức độ (${sum}) phải bằng số câu hỏi của lượt thi (${value.questionCount})`,
      });
    }
  }
}
export const roundInput = roundFields.superRefine(roundChecks);
export const roundPatch = z.object(patchShape(roundFields.shape)).superRefine(roundChecks);
export type RoundInput = z.infer<typeof roundInput>;

const optionInput = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z]$/u, 'Mã phương án là một chữ cái thường (a, b, c…)'),
  text: text('nội dung phương án', 1000),
});
export const questionInput = z
  .object({
    kind: z.enum(QUESTION_KINDS).default('single'),
    text: text('nội dung câu hỏi', 2000),
    options: z.array(optionInput).min(2, 'Mỗi câu hỏi cần ít nhất 2 phương án').max(8, 'Tối đa 8 phương án'),
    correct: z.array(z.string().trim()).min(1, 'Cần chọn đáp án đúng'),
    topic: z.string().trim().max(200).default(''),
    difficulty: z.number().int().min(1).max(3).default(2),
  })
  .superRefine((q, ctx) => {
    const ids = q.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Mã phương án bị trùng' });
    }
    const unknown = q.correct.filter((c) => !ids.includes(c));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['correct'],
        message: `Đáp án ${unknown.join(', ')} không có trong các phương án`,
      });
    }
    if (q.kind === 'single' && new Set(q.correct).size !== 1) {
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'Câu một đáp án đúng chỉ có đúng một đáp án' });
    }
  });
export type QuestionInput = z.infer<typeof questionInput>;
/** Any fields of a question; the server checks the question they make with `questionInput`. */
export const questionPatch = z.object({
  ...patchShape(questionInput.shape),
  /** false: no longer drawn into new attempts (kept for the attempts that drew it). */
  active: z.boolean().optional(),
});
export type QuestionPatch = z.infer<typeof questionPatch>;

export const questionListQuery = z.object({
  topic: z.string().trim().max(200).optional(),
  difficulty: z.coerce.number().int().min(1).max(3).optional(),
  q: z.string().trim().max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

// ——— Views for organisers ———

export const roundView = z.object({
  id: z.number(),
  contestId: z.number(),
  number: z.number(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  questionCount: z.number(),
  quotas: z.array(z.object({ topic: z.string().nullable(), difficulty: z.number().nullable(), count: z.number() })),
  shuffleOptions: z.boolean(),
  timeLimitMinutes: z.number(),
  attemptsAllowed: z.number(),
  bestOf: z.enum(BEST_OF),
  predictionQuestion: z.string().nullable(),
  predictionAnswer: z.number().nullable(),
  essayQuestion: z.string().nullable(),
  prizes: z.array(z.object({ name: z.string(), count: z.number() })),
  /** 'upcoming' | 'open' | 'closed', by the server's clock. */
  state: z.enum(['upcoming', 'open', 'closed']),
  resultsPublished: z.boolean(),
  /** The organiser may still change it: it has not closed. */
  canEdit: z.boolean(),
  /** The organiser may delete it: nobody has started it, and it is not a published contest's only round. */
  canDelete: z.boolean(),
});

export const contestView = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  title: z.string(),
  rules: z.string(),
  prizes: z.string(),
  audience: z.enum(CONTEST_AUDIENCES),
  audienceUnitId: z.number(),
  audienceUnitName: z.string(),
  status: z.enum(CONTEST_STATUSES),
  activityCategory: z.enum(ACTIVITY_CATEGORIES).nullable(),
  rounds: z.array(roundView),
  questionCount: z.number(),
  /** What the viewer may do here. */
  canManage: z.boolean(),
  canEnter: z.boolean(),
});

export const contestSummary = contestView.omit({ rules: true, prizes: true, rounds: true }).extend({
  openRound: z.object({ id: z.number(), title: z.string(), closesAt: z.string() }).nullable(),
  nextRound: z.object({ id: z.number(), title: z.string(), opensAt: z.string() }).nullable(),
});

export const questionView = z.object({
  id: z.number(),
  kind: z.enum(QUESTION_KINDS),
  text: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
  correct: z.array(z.string()),
  topic: z.string(),
  difficulty: z.number(),
  active: z.boolean(),
});

export const contestPage = z.object({ items: z.array(contestSummary), total: z.number() });
export const questionPage = z.object({
  items: z.array(questionView),
  total: z.number(),
  /** Every topic of the bank (for the filter and the round quotas), in Vietnamese order. */
  topics: z.array(z.string()),
});
export const questionDeleteResult = z.object({
  /** 'deleted': gone; 'deactivated': already drawn into attempts, so kept and no longer drawn. */
  outcome: z.enum(['deleted', 'deactivated']),
  message: z.string(),
});
export const questionImportResult = z.object({ imported: z.number() });

// ——— Taking part ———

/** A field of the public registration form: empty says "please enter", never "invalid". */
const entryText = (label: string, max: number) =>
  z
    .string({ error: `Vui lòng nhập ${label}` })
    .trim()
    .min(1, `Vui lòng nhập ${label}`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} tối đa ${max} ký tự`);

export const publicEntryInput = z.object({
  fullName: entryText('họ và tên', 120),
  unitName: entryText('đơn vị công tác', 300),
  unitId: z.number().int().positive().nullable().default(null),
  // Only a phone that was typed can be "không hợp lệ".
  phone: z
    .string({ error: 'Vui lòng nhập số điện thoại' })
    .trim()
    .min(1, 'Vui lòng nhập số điện thoại')
    .pipe(phoneSchema),
});

/** What a player sees of a drawn question: never which options are correct. */
export const attemptQuestion = z.object({
  id: z.number(),
  kind: z.enum(QUESTION_KINDS),
  text: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
});

export const attemptView = z.object({
  attemptId: z.number(),
  /** Sent back in the x-attempt-token header to save answers and submit. */
  token: z.string(),
  roundId: z.number(),
  roundTitle: z.string(),
  contestId: z.number(),
  contestTitle: z.string(),
  attemptNo: z.number(),
  attemptsAllowed: z.number(),
  status: z.enum(ATTEMPT_STATUSES),
  startedAt: z.string(),
  deadline: z.string(),
  /** The server's clock when answering, so a page can count down without trusting its own clock. */
  serverNow: z.string(),
  questions: z.array(attemptQuestion),
  answers: z.record(z.string(), z.array(z.string())),
  prediction: z.number().nullable(),
  predictionQuestion: z.string().nullable(),
  essay: z.string().nullable(),
  essayQuestion: z.string().nullable(),
  resumed: z.boolean(),
});

const optionIds = z.array(z.string().regex(/^[a-z]$/u, 'Mã phương án không hợp lệ')).max(8);
export const saveAnswerInput = z.object({
  questionId: z.number().int().positive(),
  optionIds,
});
export const saveExtrasInput = z.object({
  prediction: z.number().int().min(0, 'Số dự đoán không âm').max(100_000_000).nullable().optional(),
  essay: z.string().trim().max(20_000, 'Bài viết tối đa 20.000 ký tự').nullable().optional(),
});
export const submitInput = saveExtrasInput.extend({
  /**
   * Answers not saved yet, sent with the submission: they replace saved ones for the same
   * questions; an empty list clears a saved answer.
   */
  answers: z.record(z.string().regex(/^\d+$/u), optionIds).optional(),
});

export const attemptResult = z.object({
  attemptId: z.number(),
  roundId: z.number(),
  /**
   * Where the attempt belongs, so its page can name the contest and round and lead back; null in
   * the answer to a submission (the player already shows them).
   */
  contestId: z.number().nullable(),
  contestTitle: z.string().nullable(),
  roundTitle: z.string().nullable(),
  attemptNo: z.number(),
  status: z.enum(ATTEMPT_STATUSES),
  /** True when this submission found the attempt already closed (a retry, another tab). */
  alreadyClosed: z.boolean(),
  correct: z.number().nullable(),
  questionCount: z.number(),
  essayScore: z.number().nullable(),
  score: z.number().nullable(),
  timeUsedSeconds: z.number().nullable(),
  prediction: z.number().nullable(),
  closedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  /** Per question, once the round has closed: what was chosen and what was right. */
  review: z
    .array(
      z.object({
        questionId: z.number(),
        text: z.string(),
        options: z.array(z.object({ id: z.string(), text: z.string() })),
        chosen: z.array(z.string()),
        correct: z.array(z.string()),
      }),
    )
    .nullable(),
});

export const myContestStatus = z.object({
  contestId: z.number(),
  entered: z.boolean(),
  /** The entrant's name and unit as entered (null before entering). */
  fullName: z.string().nullable(),
  unitName: z.string().nullable(),
  rounds: z.array(
    z.object({
      roundId: z.number(),
      attemptsUsed: z.number(),
      attemptsAllowed: z.number(),
      openAttemptId: z.number().nullable(),
      attempts: z.array(attemptResult),
    }),
  ),
});

// ——— Results ———

export const rankingQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const rankingRow = z.object({
  rank: z.number(),
  entryId: z.number(),
  fullName: z.string(),
  unitName: z.string(),
  score: z.number(),
  correct: z.number(),
  timeUsedSeconds: z.number(),
  predictionDistance: z.number().nullable(),
  attempts: z.number(),
  prize: z.string().nullable(),
});
export const rankingPage = z.object({
  roundId: z.number().nullable(),
  published: z.boolean(),
  predictionAnswer: z.number().nullable(),
  total: z.number(),
  items: z.array(rankingRow),
});

export const participationQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  roundId: z.coerce.number().int().positive().optional(),
});
export const participationRow = z.object({
  unitId: z.number(),
  unitName: z.string(),
  members: z.number(),
  participants: z.number(),
  /** Percent, one decimal; null when the unit had no members. */
  rate: z.number().nullable(),
  rank: z.number().nullable(),
});
export const participationTable = z.object({
  contestId: z.number(),
  roundId: z.number().nullable(),
  unitId: z.number(),
  referenceDay: z.string(),
  total: participationRow,
  rows: z.array(participationRow),
  /** Public entrants who are not members of the audience: counted apart, never in a rate. */
  guests: z.number(),
});

export const attemptAdminRow = z.object({
  attemptId: z.number(),
  entryId: z.number(),
  fullName: z.string(),
  unitName: z.string(),
  attemptNo: z.number(),
  status: z.enum(ATTEMPT_STATUSES),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  correct: z.number().nullable(),
  timeUsedSeconds: z.number().nullable(),
  ip: z.string().nullable(),
  flags: z.array(z.enum(ATTEMPT_FLAGS)),
  voidReason: z.string().nullable(),
  /** The essay, for judges (null when the round has none or it was left empty). */
  essay: z.string().nullable(),
  essayScore: z.number().nullable(),
});
export const voidAttemptInput = z.object({ reason: text('lý do hủy kết quả', 1000) });
export const essayScoreInput = z.object({
  score: z.number().min(0, 'Điểm không âm').max(100, 'Điểm tối đa 100'),
});
