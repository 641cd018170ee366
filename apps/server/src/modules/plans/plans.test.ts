import type { CreateTargetInput, Role } from '@lan-toa/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { makeAccount, makeTree, systemActor } from '../../../test/factories.js';
import type { Actor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { loadGrants } from '../../platform/sessions.js';
import { amendPlan } from './plan-amendments.js';
import { addTarget, addTask, removeTarget, updateTarget } from './plan-items.commands.js';
import { createPlan, derivePlan, issuePlan, updatePlan } from './plans.commands.js';
import { presentVersion } from './plans.presenter.js';
import { findPlan, findVisiblePlan, listPlans, planTargets, planTasks, planVersionList } from './plans.repository.js';
import { planCascade } from './plans-cascade.js';

const { db } = await testDatabase();

async function actorFor(role: Role, unitId: number | null): Promise<Actor> {
  const account = await makeAccount(db, role, unitId);
  return {
    accountId: account.id,
    displayName: role,
    memberId: null,
    grants: await loadGrants(db, account.id),
    ip: null,
  };
}

const membersBriefed: CreateTargetInput = {
  code: '2.1b',
  title: 'Đoàn viên được quán triệt, học tập nghị quyết hằng năm',
  measure: 'coverage',
  population: 'all_members',
  categories: ['study'],
  organiser: null,
  period: 'year',
  threshold: 95,
};
const trainings: CreateTargetInput = {
  code: '2.2',
  title: 'Tổ chức 05 cuộc tập huấn trong nhiệm kỳ',
  measure: 'count',
  population: null,
  categories: ['training'],
  organiser: 'issuer',
  period: 'term',
  threshold: 5,
};

/** Expects an AppError with this code (and, when given, a detail on this field). */
async function rejects(promise: Promise<unknown>, code: string, field?: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe(code);
  if (field) expect(appError.details.map((d) => d.field)).toContain(field);
  return appError;
}

let tree: Awaited<ReturnType<typeof makeTree>>;
let system: Actor;
let provinceAdmin: Actor;
let adminA: Actor;
let adminB: Actor;

async function provincePlan(): Promise<number> {
  const id = await createPlan(db, provinceAdmin, {
    unitId: tree.province,
    number: '05/KH-CĐGD',
    title: 'Kế hoạch tuyên truyền, vận động giai đoạn 2023-2028',
    place: 'Ninh Bình',
    signedOn: '2024-01-22',
    termStart: 2023,
    termEnd: 2028,
    sections: { purpose: '<p>Mục đích</p>' },
    signerTitle: 'PHÓ CHỦ TỊCH',
    signerName: 'Nguyễn Thị Hưng',
  });
  await addTarget(db, provinceAdmin, id, membersBriefed);
  await addTarget(db, provinceAdmin, id, trainings);
  await addTask(db, provinceAdmin, id, { code: '1', title: 'Đẩy mạnh tuyên truyền', description: 'Toàn văn 1' });
  return id;
}

beforeAll(async () => {
  tree = await makeTree(db);
  system = await systemActor(db);
  provinceAdmin = await actorFor('unit_admin', tree.province);
  adminA = await actorFor('unit_admin', tree.schoolA);
  adminB = await actorFor('unit_admin', tree.schoolB);
});

describe('plans: draft, issue, amendment', () => {
  it('edits a draft, issues it as version 1, amends it to version 2 and keeps version 1 unchanged', async () => {
    const id = await provincePlan();
    await updatePlan(db, provinceAdmin, id, { title: 'Nâng cao hiệu quả công tác tuyên truyền, vận động' });
    const draft = await findPlan(db, id);
    expect(draft).toMatchObject({ number: '05/KH-CĐGD', status: 'draft', version: 1 });
    expect(draft.title).toBe('Nâng cao hiệu quả công tác tuyên truyền, vận động');

    await issuePlan(db, provinceAdmin, id);
    expect(await findPlan(db, id)).toMatchObject({ status: 'issued', version: 1 });
    await rejects(updatePlan(db, provinceAdmin, id, { title: 'Sửa thẳng kế hoạch đã ban hành' }), 'CONFLICT');
    await rejects(addTarget(db, provinceAdmin, id, { ...trainings, code: '9.9' }), 'CONFLICT');

    const [members] = await planTargets(db, id);
    const version = await amendPlan(db, provinceAdmin, id, {
      reason: 'Nâng chỉ tiêu theo Nghị quyết mới',
      changes: {
        fields: { sections: { purpose: '<p>Mục đích đã sửa</p>' } },
        targets: { update: [{ id: members?.id ?? 0, threshold: 97 }] },
        tasks: { add: [{ code: '2', title: 'Học tập và làm theo Bác', description: '' }] },
      },
    });
    expect(version).toBe(2);
    expect((await planVersionList(db, id)).map((v) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, 'Nâng chỉ tiêu theo Nghị quyết mới'],
    ]);
    const first = await presentVersion(db, id, 1);
    const second = await presentVersion(db, id, 2);
    expect(first.plan.sections.purpose).toBe('<p>Mục đích</p>');
    expect(first.plan.targets.find((t) => t.code === '2.1b')?.threshold).toBe(95);
    expect(first.plan.tasks).toHaveLength(1);
    expect(second.plan.sections.purpose).toBe('<p>Mục đích đã sửa</p>');
    expect(second.plan.targets.find((t) => t.code === '2.1b')?.threshold).toBe(97);
    expect(second.plan.tasks).toHaveLength(2);
    expect((await findPlan(db, id)).version).toBe(2);
  });

  it('issues only a numbered, dated plan, and audits every write', async () => {
    const id = await createPlan(db, provinceAdmin, {
      unitId: tree.province,
      number: '',
      title: 'Kế hoạch chưa có số',
      place: '',
      signedOn: null,
      termStart: 2023,
      termEnd: 2028,
      sections: {},
      signerTitle: '',
      signerName: '',
    });
    const error = await rejects(issuePlan(db, provinceAdmin, id), 'VALIDATION_FAILED');
    expect(error.details.map((d) => d.field)).toEqual(['number', 'signedOn']);
    const actions = await db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'plan')
      .where('entity_id', '=', id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['plan.created']);
  });
});

describe('plans: cascade to the units below', () => {
  let parentId: number;
  beforeAll(async () => {
    parentId = await provincePlan();
    await issuePlan(db, provinceAdmin, parentId);
  });

  it('derives a draft that inherits every target and task, one per unit', async () => {
    const id = await derivePlan(db, adminA, parentId, { unitId: tree.schoolA, number: '01/KH-CĐCS' });
    const plan = await findPlan(db, id);
    expect(plan).toMatchObject({ parentPlanId: parentId, status: 'draft', termStart: 2023, termEnd: 2028 });
    expect(plan.sections.purpose).toBe('<p>Mục đích</p>');
    const parentTargets = await planTargets(db, parentId);
    const targets = await planTargets(db, id);
    expect(targets.map((t) => [t.code, t.measure, t.threshold, t.parentTargetId])).toEqual(
      parentTargets.map((t) => [t.code, t.measure, t.threshold, t.id]),
    );
    const tasks = await planTasks(db, id);
    expect(tasks.map((t) => [t.code, t.parentTaskId])).toEqual(
      (await planTasks(db, parentId)).map((t) => [t.code, t.id]),
    );
    await rejects(derivePlan(db, adminA, parentId, { unitId: tree.schoolA }), 'DUPLICATE', 'unitId');
    await rejects(derivePlan(db, adminA, parentId, { unitId: tree.schoolB }), 'UNIT_NOT_FOUND');
    await rejects(derivePlan(db, provinceAdmin, parentId, { unitId: tree.province }), 'VALIDATION_FAILED', 'unitId');
  });

  it('lets a unit raise an inherited threshold, never lower it nor change its definition', async () => {
    const id = await derivePlan(db, adminB, parentId, { unitId: tree.schoolB, number: '02/KH-CĐCS' });
    const members = (await planTargets(db, id)).find((t) => t.code === '2.1b');
    if (!members) throw new Error('inherited target missing');
    const lowered = await rejects(
      updateTarget(db, adminB, id, members.id, { threshold: 90 }),
      'VALIDATION_FAILED',
      'body.threshold',
    );
    expect(lowered.details[0]?.message).toContain('không được thấp hơn');
    await rejects(
      updateTarget(db, adminB, id, members.id, { categories: ['study', 'training'] }),
      'VALIDATION_FAILED',
      'body.categories',
    );
    await rejects(updateTarget(db, adminB, id, members.id, { code: '2.1x' }), 'VALIDATION_FAILED', 'body.code');
    await rejects(removeTarget(db, adminB, id, members.id), 'CONFLICT');
    await updateTarget(db, adminB, id, members.id, { threshold: 100 });
    expect((await planTargets(db, id)).find((t) => t.id === members.id)?.threshold).toBe(100);

    const own = await addTarget(db, adminB, id, { ...trainings, code: 'CS.1', title: 'Tập huấn của trường' });
    await rejects(addTarget(db, adminB, id, { ...trainings, code: '2.2' }), 'DUPLICATE', 'body.code');
    await updateTarget(db, adminB, id, own, { threshold: 2 });
    await removeTarget(db, adminB, id, own);
    await updatePlan(db, adminB, id, { signedOn: '2024-02-15' });
    await issuePlan(db, adminB, id);
    expect((await findPlan(db, id)).status).toBe('issued');
  });

  it('keeps inherited definitions fixed upstairs and carries a raised floor into drafts below', async () => {
    const parent = await provincePlan();
    await issuePlan(db, provinceAdmin, parent);
    const child = await derivePlan(db, adminA, parent, { unitId: tree.schoolA });
    const [members] = await planTargets(db, parent);
    if (!members) throw new Error('target missing');
    await rejects(
      amendPlan(db, provinceAdmin, parent, {
        reason: 'Đổi đối tượng',
        changes: { targets: { update: [{ id: members.id, population: 'key_officials' }] } },
      }),
      'CONFLICT',
    );
    await rejects(
      amendPlan(db, provinceAdmin, parent, { reason: 'Bỏ chỉ tiêu', changes: { targets: { remove: [members.id] } } }),
      'CONFLICT',
    );
    await amendPlan(db, provinceAdmin, parent, {
      reason: 'Nâng ngưỡng',
      changes: { targets: { update: [{ id: members.id, threshold: 98 }] } },
    });
    expect((await planTargets(db, child)).find((t) => t.code === '2.1b')?.threshold).toBe(98);
  });

  it('lists every unit below with none, draft or issued, counting plans built through a level between', async () => {
    const parent = await provincePlan();
    await issuePlan(db, provinceAdmin, parent);
    const schoolA = await derivePlan(db, adminA, parent, { unitId: tree.schoolA, number: '03/KH-CĐCS' });
    await updatePlan(db, adminA, schoolA, { signedOn: '2024-03-01' });
    await issuePlan(db, adminA, schoolA);
    await derivePlan(db, adminB, parent, { unitId: tree.schoolB });
    const commune = await derivePlan(db, provinceAdmin, parent, { unitId: tree.commune, number: '02/KH-CĐ' });
    await updatePlan(db, provinceAdmin, commune, { signedOn: '2024-02-01' });
    await issuePlan(db, provinceAdmin, commune);
    const schoolC = await derivePlan(db, provinceAdmin, commune, { unitId: tree.schoolC });

    const cascade = await planCascade(db, provinceAdmin, await findPlan(db, parent), { sort: 'status' });
    expect(cascade.counts).toEqual({ total: 4, none: 0, draft: 2, issued: 2 });
    const byUnit = new Map(cascade.items.map((item) => [item.unitId, item]));
    expect(byUnit.get(tree.schoolA)).toMatchObject({ status: 'issued', planId: schoolA, planNumber: '03/KH-CĐCS' });
    expect(byUnit.get(tree.schoolA)?.signedOn).toBe('2024-03-01');
    expect(byUnit.get(tree.schoolB)?.status).toBe('draft');
    expect(byUnit.get(tree.commune)).toMatchObject({ status: 'issued', hasChildren: true, depth: 1 });
    expect(byUnit.get(tree.schoolC)).toMatchObject({ status: 'draft', planId: schoolC, depth: 2 });
    expect(cascade.items.map((item) => item.status)).toEqual(['draft', 'draft', 'issued', 'issued']);

    const fresh = await provincePlan();
    await issuePlan(db, provinceAdmin, fresh);
    const empty = await planCascade(db, provinceAdmin, await findPlan(db, fresh), { sort: 'unit', status: 'none' });
    expect(empty.counts).toEqual({ total: 4, none: 4, draft: 0, issued: 0 });
    expect(empty.items.map((item) => item.unitName)).toEqual([
      'Công đoàn Trường THPT A',
      'Công đoàn Trường THPT B',
      'Công đoàn Trường Tiểu học C',
      'Công đoàn xã Thử',
    ]);
  });
});

describe('plans: who sees what', () => {
  it('shows issued plans of one’s unit and above, drafts only to their managers', async () => {
    const tree2 = await makeTree(db);
    const admin2A = await actorFor('unit_admin', tree2.schoolA);
    const member2A = await actorFor('member', tree2.schoolA);
    const province2 = await actorFor('unit_admin', tree2.province);
    const parent = await createPlan(db, province2, {
      unitId: tree2.province,
      number: '07/KH-CĐGD',
      title: 'Kế hoạch của tỉnh thử',
      place: '',
      signedOn: '2024-01-10',
      termStart: 2023,
      termEnd: 2028,
      sections: {},
      signerTitle: '',
      signerName: '',
    });
    await rejects(findVisiblePlan(db, admin2A, parent), 'NOT_FOUND');
    await issuePlan(db, province2, parent);
    const draftA = await derivePlan(db, admin2A, parent, { unitId: tree2.schoolA });
    const draftB = await derivePlan(db, province2, parent, { unitId: tree2.schoolB });

    const ids = async (actor: Actor) =>
      (await listPlans(db, actor, {}, { page: 1, pageSize: 200 })).items.map((plan) => plan.id);
    expect(await ids(admin2A)).toEqual([parent, draftA]);
    expect(await ids(member2A)).toEqual([parent]);
    expect(await ids(province2)).toEqual([parent, draftA, draftB].sort((a, b) => a - b));
    expect(await ids(system)).toEqual(expect.arrayContaining([parent, draftA, draftB]));
    await rejects(findVisiblePlan(db, admin2A, draftB), 'NOT_FOUND');
    await rejects(updatePlan(db, admin2A, draftB, { title: 'Sửa kế hoạch trường khác' }), 'NOT_FOUND');
    await rejects(
      amendPlan(db, admin2A, parent, { reason: 'Sửa kế hoạch tỉnh', changes: { fields: { place: 'X' } } }),
      'FORBIDDEN',
    );
    // Another tree's people see none of it.
    expect(await ids(adminA)).not.toContain(parent);
  });
});
