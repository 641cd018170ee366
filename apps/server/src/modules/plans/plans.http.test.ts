import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { as, login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let provinceAdmin: Session;
let adminA: Session;
let adminB: Session;
let memberA: Session;

/** DELETE with the session, which the shared `as()` helper does not offer. */
function remove(session: Session, url: string) {
  return app.inject({ method: 'DELETE', url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
}

const coverage = {
  code: '2.1b',
  title: 'Đoàn viên được quán triệt, học tập nghị quyết hằng năm',
  measure: 'coverage',
  population: 'all_members',
  categories: ['study'],
  period: 'year',
  threshold: 95,
};

const planBody = (unitId: number) => ({
  unitId,
  number: 'Số: 05/KH-CĐGD',
  title: 'Nâng cao hiệu quả công tác tuyên truyền, vận động, giai đoạn 2023-2028',
  place: 'Ninh Bình',
  signedOn: '2024-01-22',
  termStart: 2023,
  termEnd: 2028,
  sections: {
    purpose:
      '<p onclick="steal()">Mục đích <b>rõ</b></p><script>alert(1)</script><img src=x onerror="alert(1)">' +
      '<a href="javascript:alert(1)">bấm</a> <a href="https://congdoan.vn">trang</a>',
  },
  signerTitle: 'TM. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH',
  signerName: 'Nguyễn Thị Hưng',
});

/** An issued province plan with one target and one task. */
async function issuedProvincePlan(): Promise<number> {
  const created = await as(app, provinceAdmin).post('/api/plans', planBody(tree.province));
  expect(created.statusCode).toBe(201);
  const id: number = created.json().id;
  expect((await as(app, provinceAdmin).post(`/api/plans/${id}/targets`, coverage)).statusCode).toBe(201);
  const task = await as(app, provinceAdmin).post(`/api/plans/${id}/tasks`, {
    code: '1',
    title: 'Đẩy mạnh công tác tuyên truyền, vận động',
    description: 'Nội dung tuyên truyền tập trung vào các chỉ thị, nghị quyết.',
  });
  expect(task.statusCode).toBe(201);
  expect((await as(app, provinceAdmin).post(`/api/plans/${id}/issue`)).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  tree = await makeTree(db);
  const [memberId] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn Đức'])) as [number];
  provinceAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  adminB = await login(app, await makeAccount(db, 'unit_admin', tree.schoolB));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId }));
});

describe('plans over HTTP', () => {
  it('creates a draft with clean sections, issues it, refuses direct edits and amends it into version 2', async () => {
    const created = await as(app, provinceAdmin).post('/api/plans', planBody(tree.province));
    expect(created.statusCode).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({ number: '05/KH-CĐGD', status: 'draft', version: 1, unitId: tree.province });
    expect(plan.sections.purpose).toBe(
      '<p>Mục đích <strong>rõ</strong></p><a>bấm</a> <a href="https://congdoan.vn">trang</a>',
    );
    expect(plan.sections.tasks).toBe('');
    expect(plan.abilities).toMatchObject({ edit: true, issue: true, amend: false, derive: false });

    const patched = await as(app, provinceAdmin).patch(`/api/plans/${plan.id}`, {
      sections: { tasks: '<h3>III. NHIỆM VỤ</h3><p style="color:red">1. Đẩy mạnh</p><iframe src="x"></iframe>' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().sections.tasks).toBe('<h3>III. NHIỆM VỤ</h3><p>1. Đẩy mạnh</p>');
    expect(patched.json().sections.purpose).toContain('Mục đích');

    expect((await as(app, provinceAdmin).post(`/api/plans/${plan.id}/targets`, coverage)).statusCode).toBe(201);
    const issued = await as(app, provinceAdmin).post(`/api/plans/${plan.id}/issue`);
    expect(issued.json()).toMatchObject({ status: 'issued', version: 1, abilities: { amend: true, edit: false } });

    const direct = await as(app, provinceAdmin).patch(`/api/plans/${plan.id}`, { title: 'Sửa thẳng văn bản' });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().error.message).toContain('sửa đổi, bổ sung');
    const targetId = issued.json().targets[0].id;
    expect((await remove(provinceAdmin, `/api/plans/${plan.id}/targets/${targetId}`)).statusCode).toBe(409);

    const amended = await as(app, provinceAdmin).post(`/api/plans/${plan.id}/amendments`, {
      reason: 'Bổ sung chỉ tiêu tập huấn',
      changes: {
        fields: { title: 'Kế hoạch (sửa đổi, bổ sung) tuyên truyền, vận động' },
        targets: {
          add: [
            {
              code: '2.2',
              title: 'Tổ chức 05 cuộc tập huấn',
              measure: 'count',
              categories: ['training'],
              organiser: 'issuer',
              period: 'term',
              threshold: 5,
            },
          ],
          update: [{ id: targetId, threshold: 96 }],
        },
      },
    });
    expect(amended.statusCode).toBe(201);
    expect(amended.json()).toMatchObject({ version: 2, title: 'Kế hoạch (sửa đổi, bổ sung) tuyên truyền, vận động' });

    const versions = await as(app, memberA).get(`/api/plans/${plan.id}/versions`);
    expect(versions.json().map((v: { version: number; reason: string | null }) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, 'Bổ sung chỉ tiêu tập huấn'],
    ]);
    const first = (await as(app, memberA).get(`/api/plans/${plan.id}/versions/1`)).json();
    expect(first.plan.title).toBe(planBody(tree.province).title);
    expect(first.plan.targets.map((t: { code: string; threshold: number }) => [t.code, t.threshold])).toEqual([
      ['2.1b', 95],
    ]);
    const second = (await as(app, memberA).get(`/api/plans/${plan.id}/versions/2`)).json();
    expect(second.plan.targets.map((t: { code: string; threshold: number }) => [t.code, t.threshold])).toEqual([
      ['2.1b', 96],
      ['2.2', 5],
    ]);
    expect((await as(app, memberA).get(`/api/plans/${plan.id}/versions/3`)).statusCode).toBe(404);
    const empty = await as(app, provinceAdmin).post(`/api/plans/${plan.id}/amendments`, {
      reason: 'Không có gì',
      changes: {},
    });
    expect(empty.statusCode).toBe(400);
  });

  it('answers 400 with Vietnamese field details for targets that do not add up', async () => {
    const draft = (await as(app, provinceAdmin).post('/api/plans', planBody(tree.province))).json();
    const post = (body: object) => as(app, provinceAdmin).post(`/api/plans/${draft.id}/targets`, body);
    const fields = async (body: object) => {
      const response = await post(body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      return response.json().error.details.map((d: { field: string }) => d.field);
    };
    expect(await fields({ ...coverage, population: 'units' })).toEqual(['body.population']);
    expect(await fields({ ...coverage, categories: [] })).toEqual(['body.categories']);
    expect(await fields({ ...coverage, threshold: 120 })).toEqual(['body.threshold']);
    expect(await fields({ ...coverage, measure: 'count', population: null })).toEqual(['body.organiser']);
    expect(
      await fields({ ...coverage, measure: 'count', population: null, organiser: 'issuer', threshold: 2.5 }),
    ).toEqual(['body.threshold']);
    expect(
      await fields({ ...coverage, measure: 'evaluation_share', population: 'families', organiser: 'subtree' }),
    ).toEqual(['body.categories', 'body.organiser']);
    const response = await post({ ...coverage, population: 'families' });
    expect(response.json().error.details[0].message).toContain('đối tượng');

    const good = await post(coverage);
    expect(good.statusCode).toBe(201);
    const patch = await as(app, provinceAdmin).patch(`/api/plans/${draft.id}/targets/${good.json().id}`, {
      measure: 'evaluation_share',
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'body.population',
      'body.categories',
    ]);
    const duplicate = await post(coverage);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details[0].field).toBe('body.code');
  });

  it('derives a school plan: thresholds up not down, inherited definitions fixed, own targets added', async () => {
    const parentId = await issuedProvincePlan();
    const derived = await as(app, adminA).post(`/api/plans/${parentId}/derived`, {
      unitId: tree.schoolA,
      number: '12/KH-CĐCS',
    });
    expect(derived.statusCode).toBe(201);
    const plan = derived.json();
    expect(plan).toMatchObject({ parentPlanId: parentId, status: 'draft', unitId: tree.schoolA, number: '12/KH-CĐCS' });
    expect(plan.parent).toMatchObject({ id: parentId, unitId: tree.province });
    const [inherited] = plan.targets;
    expect(inherited).toMatchObject({ code: '2.1b', inherited: true, threshold: 95, parentThreshold: 95 });
    expect(plan.tasks[0]).toMatchObject({ code: '1', inherited: true });

    const again = await as(app, adminA).post(`/api/plans/${parentId}/derived`, { unitId: tree.schoolA });
    expect(again.statusCode).toBe(409);

    const url = `/api/plans/${plan.id}/targets/${inherited.id}`;
    const lowered = await as(app, adminA).patch(url, { threshold: 90 });
    expect(lowered.statusCode).toBe(400);
    expect(lowered.json().error.details).toEqual([
      { field: 'body.threshold', message: 'Ngưỡng không được thấp hơn ngưỡng của kế hoạch cấp trên (95%).' },
    ]);
    const redefined = await as(app, adminA).patch(url, { population: 'key_officials' });
    expect(redefined.statusCode).toBe(400);
    expect(redefined.json().error.details[0].field).toBe('body.population');
    expect((await remove(adminA, url)).statusCode).toBe(409);
    const taskUrl = `/api/plans/${plan.id}/tasks/${plan.tasks[0].id}`;
    expect((await as(app, adminA).patch(taskUrl, { title: 'Nhiệm vụ khác hẳn' })).statusCode).toBe(400);
    expect((await remove(adminA, taskUrl)).statusCode).toBe(409);

    const raised = await as(app, adminA).patch(url, { threshold: 100 });
    expect(raised.statusCode).toBe(200);
    expect(raised.json()).toMatchObject({ threshold: 100, parentThreshold: 95 });
    const own = await as(app, adminA).post(`/api/plans/${plan.id}/targets`, {
      code: 'CS.1',
      title: 'Mỗi tổ công đoàn tổ chức 01 buổi sinh hoạt chuyên đề mỗi năm',
      measure: 'count',
      categories: ['study'],
      organiser: 'subtree',
      period: 'year',
      threshold: 4,
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ inherited: false, parentTargetId: null });
    const ownTask = await as(app, adminA).post(`/api/plans/${plan.id}/tasks`, {
      code: 'CS.1',
      title: 'Tổ chức tọa đàm',
    });
    expect(ownTask.statusCode).toBe(201);
    expect((await remove(adminA, `/api/plans/${plan.id}/tasks/${ownTask.json().id}`)).statusCode).toBe(204);

    const noDate = await as(app, adminA).post(`/api/plans/${plan.id}/issue`);
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().error.details.map((d: { field: string }) => d.field)).toEqual(['signedOn']);
    await as(app, adminA).patch(`/api/plans/${plan.id}`, { signedOn: '2024-02-20' });
    expect((await as(app, adminA).post(`/api/plans/${plan.id}/issue`)).statusCode).toBe(200);
  });

  it('shows the province who has built and issued its plan', async () => {
    const parentId = await issuedProvincePlan();
    const derivedA = (await as(app, adminA).post(`/api/plans/${parentId}/derived`, { unitId: tree.schoolA })).json();
    await as(app, adminA).patch(`/api/plans/${derivedA.id}`, { number: '03/KH-CĐCS', signedOn: '2024-03-01' });
    await as(app, adminA).post(`/api/plans/${derivedA.id}/issue`);
    await as(app, adminB).post(`/api/plans/${parentId}/derived`, { unitId: tree.schoolB });

    const cascade = await as(app, provinceAdmin).get(`/api/plans/${parentId}/cascade`);
    expect(cascade.statusCode).toBe(200);
    const body = cascade.json();
    expect(body.counts).toEqual({ total: 4, none: 2, draft: 1, issued: 1 });
    expect(body.items.map((item: { unitName: string; status: string }) => [item.unitName, item.status])).toEqual([
      ['Công đoàn Trường Tiểu học C', 'none'],
      ['Công đoàn xã Thử', 'none'],
      ['Công đoàn Trường THPT B', 'draft'],
      ['Công đoàn Trường THPT A', 'issued'],
    ]);
    expect(body.items[3]).toMatchObject({ planNumber: '03/KH-CĐCS', signedOn: '2024-03-01' });
    expect(body.items[3].issuedAt).toEqual(expect.any(String));
    const issuedOnly = await as(app, provinceAdmin).get(`/api/plans/${parentId}/cascade?status=issued&sort=-unit`);
    expect(issuedOnly.json().items).toHaveLength(1);
    expect(issuedOnly.json().counts.total).toBe(4);
    expect((await as(app, adminA).get(`/api/plans/${parentId}/cascade`)).statusCode).toBe(403);
  });

  it('scopes plans: drafts to their managers, issued plans down the tree, nothing across it', async () => {
    const parentId = await issuedProvincePlan();
    const draftA = (await as(app, adminA).post(`/api/plans/${parentId}/derived`, { unitId: tree.schoolA })).json();
    const planB = (await as(app, adminB).post(`/api/plans/${parentId}/derived`, { unitId: tree.schoolB })).json();
    await as(app, adminB).patch(`/api/plans/${planB.id}`, { number: '09/KH-CĐCS', signedOn: '2024-02-02' });
    expect((await as(app, adminB).post(`/api/plans/${planB.id}/issue`)).statusCode).toBe(200);

    expect((await as(app, adminB).get(`/api/plans/${draftA.id}`)).statusCode).toBe(404);
    expect((await as(app, adminB).patch(`/api/plans/${draftA.id}`, { title: 'Sửa hộ trường A' })).statusCode).toBe(404);
    expect((await as(app, adminB).get(`/api/plans/${planB.id}`)).statusCode).toBe(200);
    expect((await as(app, adminA).get(`/api/plans/${planB.id}`)).statusCode).toBe(404);
    expect((await as(app, provinceAdmin).get(`/api/plans/${draftA.id}`)).statusCode).toBe(200);

    const province = await as(app, adminA).get(`/api/plans/${parentId}`);
    expect(province.json().abilities).toMatchObject({ edit: false, amend: false, derive: true, viewCascade: false });
    const amend = await as(app, adminA).post(`/api/plans/${parentId}/amendments`, {
      reason: 'Trường sửa kế hoạch tỉnh',
      changes: { fields: { place: 'Hoa Lư' } },
    });
    expect(amend.statusCode).toBe(403);
    const ownPlanForB = await as(app, adminA).post('/api/plans', planBody(tree.schoolB));
    expect(ownPlanForB.statusCode).toBe(404);

    const seen = await as(app, memberA).get(`/api/plans?pageSize=200`);
    expect(seen.statusCode).toBe(200);
    const ids = seen.json().items.map((plan: { id: number }) => plan.id);
    expect(ids).toContain(parentId);
    expect(ids).not.toContain(draftA.id);
    expect(ids).not.toContain(planB.id);
    expect(seen.json().items[0]).toMatchObject({ unitName: expect.any(String), status: 'issued', termStart: 2023 });
    expect((await as(app, memberA).get(`/api/plans/${draftA.id}`)).statusCode).toBe(404);
    expect((await as(app, memberA).get(`/api/plans/${parentId}`)).json().abilities).toEqual({
      edit: false,
      issue: false,
      amend: false,
      derive: false,
      viewCascade: false,
    });
    const mineOnly = await as(app, adminA).get(`/api/plans?unitId=${tree.schoolA}`);
    const mine = mineOnly.json().items;
    expect(mine.map((plan: { id: number }) => plan.id)).toContain(draftA.id);
    expect(mine.every((plan: { unitId: number }) => plan.unitId === tree.schoolA)).toBe(true);

    await as(app, adminA).patch(`/api/plans/${draftA.id}`, { number: '04/KH-CĐCS', signedOn: '2024-02-03' });
    expect((await as(app, adminA).post(`/api/plans/${draftA.id}/issue`)).statusCode).toBe(200);
    const afterIssue = (await as(app, memberA).get('/api/plans?status=issued&pageSize=200')).json();
    expect(afterIssue.items.map((plan: { id: number }) => plan.id)).toEqual(
      expect.arrayContaining([parentId, draftA.id]),
    );
    expect(afterIssue.items.map((plan: { id: number }) => plan.id)).not.toContain(planB.id);
    expect((await as(app, memberA).get(`/api/plans/${draftA.id}`)).json().parent.id).toBe(parentId);
  });

  it('documents the plan routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.paths['/api/plans/{id}/amendments'].post.summary).toBe('Sửa đổi, bổ sung kế hoạch đã ban hành');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/plans',
        '/api/plans/{id}',
        '/api/plans/{id}/issue',
        '/api/plans/{id}/versions',
        '/api/plans/{id}/versions/{version}',
        '/api/plans/{id}/derived',
        '/api/plans/{id}/cascade',
        '/api/plans/{id}/targets/{targetId}',
        '/api/plans/{id}/tasks/{taskId}',
      ]),
    );
  });
});
