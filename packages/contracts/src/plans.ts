import { z } from 'zod';
import {
  ACTIVITY_CATEGORIES,
  PERIOD_KINDS,
  PLAN_STATUSES,
  TARGET_MEASURES,
  TARGET_ORGANISERS,
  TARGET_POPULATIONS,
  type TargetMeasure,
} from './enums.js';
import { isoDate, pageQuery } from './schemas.js';

/** The sections of a plan, in the order the document prints them. */
export const PLAN_SECTION_KEYS = ['purpose', 'targets', 'tasks', 'organisation', 'recipients'] as const;
export type PlanSectionKey = (typeof PLAN_SECTION_KEYS)[number];
export const PLAN_SECTION_LABELS: Record<PlanSectionKey, string> = {
  purpose: 'Mục đích, yêu cầu',
  targets: 'Mục tiêu và chỉ tiêu',
  tasks: 'Nhiệm vụ và giải pháp',
  organisation: 'Tổ chức thực hiện',
  recipients: 'Nơi nhận',
};

/** How a unit below stands towards a plan issued above it. */
export const CASCADE_STATUSES = ['none', 'draft', 'issued'] as const;
export type CascadeStatus = (typeof CASCADE_STATUSES)[number];

// ---------- rules shared by the schemas and the server ----------

export interface TargetDefinition {
  measure: TargetMeasure;
  population: string | null;
  categories: readonly string[];
  organiser: string | null;
  threshold: number;
}

const POPULATIONS_OF: Record<TargetMeasure, readonly string[]> = {
  coverage: ['all_members', 'key_officials'],
  evaluation_share: ['units', 'families'],
  count: [],
};

/**
 * Which combinations of measure, population, categories, organiser and threshold make sense.
 * Written once here so the web form, the request schemas and the server's checks of merged
 * patches all say the same thing, field by field.
 */
export function targetProblems(target: TargetDefinition): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const { measure, population, categories, organiser, threshold } = target;
  if (measure === 'coverage' && !POPULATIONS_OF.coverage.includes(population ?? '')) {
    add(
      'population',
      'Chỉ tiêu tỷ lệ tham gia cần đối tượng: toàn bộ đoàn viên (all_members) hoặc cán bộ chủ chốt (key_officials).',
    );
  }
  if (measure === 'evaluation_share' && !POPULATIONS_OF.evaluation_share.includes(population ?? '')) {
    add('population', 'Chỉ tiêu tỷ lệ đạt chuẩn cần đối tượng: cơ quan, đơn vị (units) hoặc gia đình (families).');
  }
  if (measure === 'count' && population !== null) {
    add('population', 'Chỉ tiêu đếm số hoạt động không có đối tượng; hãy để trống.');
  }
  if (measure !== 'evaluation_share' && categories.length === 0) {
    add('categories', 'Chọn ít nhất một loại hoạt động được tính cho chỉ tiêu này.');
  }
  if (measure === 'evaluation_share' && categories.length > 0) {
    add('categories', 'Chỉ tiêu tỷ lệ đạt chuẩn văn hóa không tính theo loại hoạt động; hãy để trống.');
  }
  if (new Set(categories).size !== categories.length) add('categories', 'Loại hoạt động bị lặp.');
  if (measure === 'count' && organiser === null) {
    add('organiser', 'Chỉ tiêu đếm số hoạt động cần cấp tổ chức: đơn vị ban hành (issuer) hoặc cả hệ thống (subtree).');
  }
  if (measure !== 'count' && organiser !== null) {
    add('organiser', 'Chỉ chỉ tiêu đếm số hoạt động mới có cấp tổ chức; hãy để trống.');
  }
  if (measure === 'count' && (!Number.isInteger(threshold) || threshold < 1)) {
    add('threshold', 'Ngưỡng của chỉ tiêu đếm là số hoạt động: một số nguyên dương.');
  }
  if (measure !== 'count' && (threshold < 0 || threshold > 100)) {
    add('threshold', 'Ngưỡng là tỷ lệ phần trăm, từ 0 đến 100.');
  }
  return problems;
}

// ---------- requests ----------

/** Section text is rich text (HTML); the server keeps only basic formatting. */
const sectionHtml = z.string().max(200_000, 'Nội dung mục quá dài (tối đa 200.000 ký tự).');
export const planSectionsInput = z.object({
  purpose: sectionHtml.optional(),
  targets: sectionHtml.optional(),
  tasks: sectionHtml.optional(),
  organisation: sectionHtml.optional(),
  recipients: sectionHtml.optional(),
});

/** "05/KH-CĐGD"; a typed "Số: 05/KH-CĐGD" keeps only the number (the document prints "Số:" itself). */
export const planNumber = z
  .string()
  .trim()
  .transform((value) => value.replace(/^số\s*:?\s*/iu, ''))
  .pipe(z.string().max(60, 'Số kế hoạch tối đa 60 ký tự'));
const planTitle = z
  .string()
  .trim()
  .min(5, 'Tên kế hoạch cần ít nhất 5 ký tự')
  .max(500, 'Tên kế hoạch tối đa 500 ký tự');
const termYear = z.number().int().min(2000, 'Năm phải từ 2000').max(2100, 'Năm phải đến 2100');

const planFieldsShape = {
  number: planNumber,
  title: planTitle,
  place: z.string().trim().max(120),
  signedOn: isoDate.nullable(),
  termStart: termYear,
  termEnd: termYear,
  sections: planSectionsInput,
  signerTitle: z.string().trim().max(200),
  signerName: z.string().trim().max(120),
};

function termIsOrdered(value: { termStart?: number | undefined; termEnd?: number | undefined }): boolean {
  if (value.termStart === undefined || value.termEnd === undefined) return true;
  return value.termEnd >= value.termStart && value.termEnd - value.termStart <= 10;
}
const termMessage = {
  message: 'Năm kết thúc nhiệm kỳ phải từ năm bắt đầu trở đi, tối đa 10 năm.',
  path: ['termEnd'],
};

export const planFieldsPatch = z.object(planFieldsShape).partial().refine(termIsOrdered, termMessage);
export const createPlanBody = z
  .object({
    ...planFieldsShape,
    unitId: z.number().int().positive(),
    number: planNumber.default(''),
    place: planFieldsShape.place.default(''),
    signedOn: isoDate.nullable().default(null),
    sections: planSectionsInput.default({}),
    signerTitle: planFieldsShape.signerTitle.default(''),
    signerName: planFieldsShape.signerName.default(''),
  })
  .refine(termIsOrdered, termMessage);
export const updatePlanBody = planFieldsPatch;

export const derivePlanBody = z.object({
  unitId: z.number().int().positive(),
  number: planNumber.optional(),
  title: planTitle.optional(),
});

const itemCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/u, 'Mã gồm chữ không dấu, số, dấu chấm (ví dụ 2.1a), tối đa 20 ký tự');
const sortOrder = z.number().int().min(0).max(100_000);

/** Target fields without defaults, so the same object serves creation and partial edits. */
export const targetFields = z.object({
  code: itemCode,
  title: z.string().trim().min(3, 'Tên chỉ tiêu cần ít nhất 3 ký tự').max(1000),
  measure: z.enum(TARGET_MEASURES),
  population: z.enum(TARGET_POPULATIONS).nullable(),
  categories: z.array(z.enum(ACTIVITY_CATEGORIES)).max(ACTIVITY_CATEGORIES.length),
  organiser: z.enum(TARGET_ORGANISERS).nullable(),
  period: z.enum(PERIOD_KINDS),
  threshold: z.number().min(0, 'Ngưỡng không được âm').max(1_000_000),
  sortOrder,
});

const targetCreateShape = targetFields.extend({
  population: targetFields.shape.population.default(null),
  categories: targetFields.shape.categories.default([]),
  organiser: targetFields.shape.organiser.default(null),
  sortOrder: sortOrder.optional(),
});
function checkTarget(value: TargetDefinition, ctx: z.RefinementCtx): void {
  for (const problem of targetProblems(value)) {
    ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  }
}
export const createTargetBody = targetCreateShape.superRefine(checkTarget);
/** Checked against the stored target on the server, once merged (the combination rules need both). */
export const updateTargetBody = targetFields.partial();

export const taskFields = z.object({
  code: itemCode,
  title: z.string().trim().min(3, 'Tên nhiệm vụ cần ít nhất 3 ký tự').max(1000),
  description: z.string().trim().max(20_000, 'Nội dung nhiệm vụ tối đa 20.000 ký tự'),
  sortOrder,
});
export const createTaskBody = taskFields.extend({
  description: taskFields.shape.description.default(''),
  sortOrder: sortOrder.optional(),
});
export const updateTaskBody = taskFields.partial();

const entityId = z.number().int().positive();
const targetChanges = z.object({
  add: z.array(createTargetBody).max(100).optional(),
  update: z
    .array(updateTargetBody.extend({ id: entityId }))
    .max(100)
    .optional(),
  remove: z.array(entityId).max(100).optional(),
});
const taskChanges = z.object({
  add: z.array(createTaskBody).max(100).optional(),
  update: z
    .array(updateTaskBody.extend({ id: entityId }))
    .max(100)
    .optional(),
  remove: z.array(entityId).max(100).optional(),
});

/** An issued plan changes only by an amendment: a reason and the changes, applied as one new version. */
export const amendPlanBody = z
  .object({
    reason: z.string().trim().min(5, 'Nêu lý do sửa đổi, bổ sung (ít nhất 5 ký tự)').max(2000),
    changes: z.object({
      fields: planFieldsPatch.optional(),
      targets: targetChanges.optional(),
      tasks: taskChanges.optional(),
    }),
  })
  .refine(
    ({ changes }) => {
      const count = (list?: unknown[]) => list?.length ?? 0;
      const items = [changes.targets, changes.tasks].reduce(
        (sum, group) => sum + count(group?.add) + count(group?.update) + count(group?.remove),
        0,
      );
      return items > 0 || Object.keys(changes.fields ?? {}).length > 0;
    },
    { message: 'Văn bản sửa đổi chưa có thay đổi nào.', path: ['changes'] },
  );

export const planListQuery = z.object({
  status: z.enum(PLAN_STATUSES).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  parentPlanId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

export const planTargetParams = z.object({
  id: z.coerce.number().int().positive(),
  targetId: z.coerce.number().int().positive(),
});
export const planTaskParams = z.object({
  id: z.coerce.number().int().positive(),
  taskId: z.coerce.number().int().positive(),
});
export const planVersionParams = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
});

export const cascadeQuery = z.object({
  status: z.enum(CASCADE_STATUSES).optional(),
  /** status: not built first, then drafts, then issued; unit: by name; issued: by date issued. */
  sort: z.enum(['status', '-status', 'unit', '-unit', 'issued', '-issued']).default('status'),
});

// ---------- responses ----------

export const planSections = z.object({
  purpose: z.string(),
  targets: z.string(),
  tasks: z.string(),
  organisation: z.string(),
  recipients: z.string(),
});

export const planTargetView = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  measure: z.enum(TARGET_MEASURES),
  population: z.enum(TARGET_POPULATIONS).nullable(),
  categories: z.array(z.enum(ACTIVITY_CATEGORIES)),
  organiser: z.enum(TARGET_ORGANISERS).nullable(),
  period: z.enum(PERIOD_KINDS),
  threshold: z.number(),
  sortOrder: z.number(),
  /** Inherited from the plan above: only the threshold may change, and only upwards. */
  inherited: z.boolean(),
  parentTargetId: z.number().nullable(),
  /** The floor an inherited threshold may not go below. */
  parentThreshold: z.number().nullable(),
});

export const planTaskView = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  sortOrder: z.number(),
  inherited: z.boolean(),
  parentTaskId: z.number().nullable(),
});

export const planSummary = z.object({
  id: z.number(),
  number: z.string(),
  title: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  status: z.enum(PLAN_STATUSES),
  version: z.number(),
  termStart: z.number(),
  termEnd: z.number(),
  parentPlanId: z.number().nullable(),
  signedOn: z.string().nullable(),
  issuedAt: z.string().nullable(),
});
export const planPage = z.object({
  items: z.array(planSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const planAbilities = z.object({
  /** Edit fields, targets and tasks (drafts only). */
  edit: z.boolean(),
  issue: z.boolean(),
  amend: z.boolean(),
  /** Build a unit's own plan from this one (issued, and the actor manages a unit below). */
  derive: z.boolean(),
  viewCascade: z.boolean(),
});

export const planDetail = planSummary.extend({
  place: z.string(),
  sections: planSections,
  signerTitle: z.string(),
  signerName: z.string(),
  parent: z
    .object({ id: z.number(), number: z.string(), title: z.string(), unitId: z.number(), unitName: z.string() })
    .nullable(),
  targets: z.array(planTargetView),
  tasks: z.array(planTaskView),
  abilities: planAbilities,
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A frozen issued version: what the plan said, whatever changed afterwards. */
export const planSnapshot = z.object({
  id: z.number(),
  version: z.number(),
  number: z.string(),
  title: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  parentPlanId: z.number().nullable(),
  place: z.string(),
  signedOn: z.string().nullable(),
  termStart: z.number(),
  termEnd: z.number(),
  sections: planSections,
  signerTitle: z.string(),
  signerName: z.string(),
  targets: z.array(planTargetView.omit({ parentThreshold: true })),
  tasks: z.array(planTaskView),
});

export const planVersionSummary = z.object({
  version: z.number(),
  reason: z.string().nullable(),
  issuedAt: z.string(),
  issuedById: z.number().nullable(),
  issuedByName: z.string().nullable(),
});
export const planVersionDetail = planVersionSummary.extend({ plan: planSnapshot });

export const cascadeItem = z.object({
  unitId: z.number(),
  unitName: z.string(),
  kindName: z.string(),
  parentUnitId: z.number().nullable(),
  parentUnitName: z.string().nullable(),
  /** 1 for the units directly below the issuing unit. */
  depth: z.number(),
  hasChildren: z.boolean(),
  status: z.enum(CASCADE_STATUSES),
  planId: z.number().nullable(),
  planNumber: z.string().nullable(),
  signedOn: z.string().nullable(),
  issuedAt: z.string().nullable(),
});
export const cascadeResponse = z.object({
  planId: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  counts: z.object({ total: z.number(), none: z.number(), draft: z.number(), issued: z.number() }),
  items: z.array(cascadeItem),
});

export type PlanSections = z.infer<typeof planSections>;
export type PlanSummary = z.infer<typeof planSummary>;
export type PlanDetail = z.infer<typeof planDetail>;
export type PlanTargetView = z.infer<typeof planTargetView>;
export type PlanTaskView = z.infer<typeof planTaskView>;
export type PlanSnapshot = z.infer<typeof planSnapshot>;
export type PlanVersionSummary = z.infer<typeof planVersionSummary>;
export type PlanVersionDetail = z.infer<typeof planVersionDetail>;
export type PlanAbilities = z.infer<typeof planAbilities>;
export type CascadeItem = z.infer<typeof cascadeItem>;
export type CascadeResponse = z.infer<typeof cascadeResponse>;
export type CreatePlanInput = z.infer<typeof createPlanBody>;
export type PlanFieldsPatch = z.infer<typeof planFieldsPatch>;
export type CreateTargetInput = z.infer<typeof createTargetBody>;
export type UpdateTargetInput = z.infer<typeof updateTargetBody>;
export type CreateTaskInput = z.infer<typeof createTaskBody>;
export type UpdateTaskInput = z.infer<typeof updateTaskBody>;
export type AmendPlanInput = z.infer<typeof amendPlanBody>;
