import type { CreateTargetInput } from '@lan-toa/contracts';
import { sql } from 'kysely';
import { addTarget, addTask, updateTarget } from '../../modules/plans/plan-items.commands.js';
import { createPlan, derivePlan, issuePlan, updatePlan } from '../../modules/plans/plans.commands.js';
import { planTargets } from '../../modules/plans/plans.repository.js';
import type { Actor } from '../../platform/access.js';
import type { Db } from '../database.js';
import { SEED_PLAN_SECTIONS, SEED_PLAN_TASKS } from './seed-plan-text.js';

/**
 * The province's plan 2023–2028 (shared/seeds) as data, entered through the same commands the
 * API uses, then the plans a few units below have built from it. Deterministic: no clock, no
 * randomness; which units built what follows their order by name.
 */

/**
 * The seed text shows no number; "05/KH-CĐGD" is the example number the product documents use
 * (DESIGN.md: `Số: 05/KH-CĐGD`). The document prints "Số:" before it.
 */
export const SEED_PLAN_NUMBER = '05/KH-CĐGD';
export const SEED_PLAN_TITLE =
  'Nâng cao hiệu quả công tác tuyên truyền, vận động cán bộ, nhà giáo và người lao động, giai đoạn 2023-2028';

/** Section II.2 as targets; each title quotes the plan's own words. */
const TARGETS: CreateTargetInput[] = [
  {
    code: '2.1a',
    title:
      'Hằng năm có 100% cán bộ công đoàn chủ chốt các cấp được quán triệt, học tập các nghị quyết, chỉ thị của Đảng, ' +
      'chính sách pháp luật của Nhà nước liên quan đến lao động và công đoàn',
    measure: 'coverage',
    population: 'key_officials',
    categories: ['study'],
    organiser: null,
    period: 'year',
    threshold: 100,
  },
  {
    code: '2.1b',
    title:
      'Hằng năm có 95% trở lên đoàn viên, người lao động trong các đơn vị có tổ chức Công đoàn được quán triệt, ' +
      'học tập các nghị quyết, chỉ thị của Đảng, chính sách pháp luật của Nhà nước liên quan đến lao động và công đoàn',
    measure: 'coverage',
    population: 'all_members',
    categories: ['study'],
    organiser: null,
    period: 'year',
    threshold: 95,
  },
  {
    code: '2.2',
    title:
      'Trong nhiệm kỳ, CĐGD tỉnh tổ chức 05 cuộc tập huấn về nghiệp vụ công tác tuyên giáo công đoàn ' +
      'cho cán bộ công đoàn',
    measure: 'count',
    population: null,
    categories: ['training'],
    organiser: 'issuer',
    period: 'term',
    threshold: 5,
  },
  {
    code: '2.3a',
    title: 'Theo định kỳ 2 năm có 95% cơ quan, đơn vị đạt chuẩn văn hóa',
    measure: 'evaluation_share',
    population: 'units',
    categories: [],
    organiser: null,
    period: 'cycle2',
    threshold: 95,
  },
  {
    code: '2.3b',
    title: 'Theo định kỳ 5 năm có 95% cơ quan, đơn vị đạt chuẩn văn hóa',
    measure: 'evaluation_share',
    population: 'units',
    categories: [],
    organiser: null,
    period: 'cycle5',
    threshold: 95,
  },
  {
    code: '2.3c',
    title: '95% trở lên gia đình CBNGNLD đạt gia đình văn hoá',
    measure: 'evaluation_share',
    population: 'families',
    categories: [],
    organiser: null,
    period: 'year',
    threshold: 95,
  },
  {
    code: '2.4a',
    title:
      'Hằng năm, tổ chức các giải văn nghệ, thể thao như: Cầu lông, bóng chuyền hơi, khiêu vũ, dân vũ, ' +
      'thi tiếng hát trong CBNGNLD',
    measure: 'count',
    population: null,
    categories: ['culture_arts', 'sports'],
    organiser: 'subtree',
    period: 'year',
    threshold: 1,
  },
  {
    code: '2.4b',
    title: 'Trong nhiệm kỳ, tổ chức ít nhất 01 hội diễn văn nghệ',
    measure: 'count',
    population: null,
    categories: ['festival'],
    organiser: 'issuer',
    period: 'term',
    threshold: 1,
  },
  {
    code: '2.4c',
    title: 'Hằng năm tổ chức 01 giải thể thao trong CBNGNLD',
    measure: 'count',
    population: null,
    categories: ['sports'],
    organiser: 'issuer',
    period: 'year',
    threshold: 1,
  },
];
export const SEED_PLAN_TARGETS: CreateTargetInput[] = TARGETS.map((target, index) => ({
  ...target,
  sortOrder: index + 1,
}));

/** 09:00 in Vietnam on a day, when the seed's documents were issued. */
function issuedOn(day: string): Date {
  return new Date(`${day}T09:00:00+07:00`);
}

/**
 * Which grassroots unions (in order by name) have built their plan: every eighth from the second
 * issued it, every eighth from the sixth left it as a draft, the rest have none yet.
 */
export function pickPlanBuilders<T>(unitsByName: readonly T[]): { issued: T[]; drafts: T[] } {
  return {
    issued: unitsByName.filter((_, index) => index % 8 === 1),
    drafts: unitsByName.filter((_, index) => index % 8 === 5),
  };
}

async function liveUnitsBelow(db: Db, rootId: number, kindCode: string) {
  const rows = await sql<{ id: number; name: string; chair: string | null }>`
    select u.id, u.name,
      (select p.full_name from memberships m join members p on p.id = m.member_id
        where m.unit_id = u.id and m.valid_to is null and p.union_role = 'chair' and p.status = 'active'
        order by p.id limit 1) as chair
    from units u join unit_kinds k on k.id = u.kind_id
    where u.path <@ (select path from units where id = ${rootId}) and u.id <> ${rootId}
      and u.valid_to is null and k.code = ${kindCode}
    order by u.name collate "vi-VN-x-icu", u.id`.execute(db);
  return rows.rows;
}

/** A unit's plan built from the parent: a draft, issued on `issueOn` when given, after `adjust`. */
async function buildUnitPlan(
  db: Db,
  actor: Actor,
  parentId: number,
  unit: { id: number; chair: string | null },
  number: string,
  issueOn: string | null,
  adjust?: (planId: number) => Promise<void>,
): Promise<number> {
  const planId = await derivePlan(db, actor, parentId, { unitId: unit.id, number });
  await updatePlan(db, actor, planId, {
    signedOn: issueOn,
    signerTitle: 'TM. BAN CHẤP HÀNH\nCHỦ TỊCH',
    signerName: unit.chair ?? '',
  });
  if (adjust) await adjust(planId);
  if (issueOn !== null) await issuePlan(db, actor, planId, { at: issuedOn(issueOn) });
  return planId;
}

/** This school aims higher than the province: every member briefed each year (2.1b at 100%). */
async function raiseMembersTarget(db: Db, actor: Actor, planId: number): Promise<void> {
  const members = (await planTargets(db, planId)).find((target) => target.code === '2.1b');
  if (members) await updateTarget(db, actor, planId, members.id, { threshold: 100 });
}

export interface SeededPlans {
  planId: number;
  issued: number[];
  drafts: number[];
}

export async function seedProvincePlan(db: Db, actor: Actor, provinceUnitId: number): Promise<SeededPlans> {
  const planId = await createPlan(db, actor, {
    unitId: provinceUnitId,
    number: SEED_PLAN_NUMBER,
    title: SEED_PLAN_TITLE,
    place: 'Ninh Bình',
    signedOn: '2024-01-22',
    termStart: 2023,
    termEnd: 2028,
    sections: SEED_PLAN_SECTIONS,
    // Two lines in the document: "TM. BAN THƯỜNG VỤ" over "PHÓ CHỦ TỊCH".
    signerTitle: 'TM. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH',
    signerName: 'Nguyễn Thị Hưng',
  });
  for (const target of SEED_PLAN_TARGETS) await addTarget(db, actor, planId, target);
  for (const [index, task] of SEED_PLAN_TASKS.entries()) {
    await addTask(db, actor, planId, { ...task, sortOrder: index + 1 });
  }
  await issuePlan(db, actor, planId, { at: issuedOn('2024-01-22') });

  const issued: number[] = [];
  const drafts: number[] = [];
  // One commune union passes the plan on with its own, as intermediate levels do.
  const [commune] = await liveUnitsBelow(db, provinceUnitId, 'commune_union');
  if (commune) issued.push(await buildUnitPlan(db, actor, planId, commune, '02/KH-CĐ', '2024-02-01'));

  const builders = pickPlanBuilders(await liveUnitsBelow(db, provinceUnitId, 'grassroots_union'));
  for (const [index, unit] of builders.issued.entries()) {
    const number = `${String(index + 1).padStart(2, '0')}/KH-CĐCS`;
    const day = `2024-02-${String(5 + 3 * index).padStart(2, '0')}`;
    const adjust = index === 0 ? (id: number) => raiseMembersTarget(db, actor, id) : undefined;
    issued.push(await buildUnitPlan(db, actor, planId, unit, number, day, adjust));
  }
  for (const unit of builders.drafts) drafts.push(await buildUnitPlan(db, actor, planId, unit, '', null));
  return { planId, issued, drafts };
}
