import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/database.js';
import { as, login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../../test/factories.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let planId: number;
let draftId: number;
let coverageId: number;
let countId: number;
let adminA: Session;
let memberA: Session;
let provinceAdmin: Session;
let inA: number[];

beforeAll(async () => {
  tree = await makeTree(db);
  inA = await makeMembers(db, tree.schoolA, ['Cao Văn Một', 'Cao Thị Hai', 'Cao Văn Ba']);
  await makeMembers(db, tree.schoolB, ['Lò Văn Bốn']);
  const plan = await db
    .insertInto('plans')
    .values({
      unit_id: tree.province,
      number: 'Số: 05/KH-CĐGD',
      title: 'Kế hoạch thử',
      term_start: 2023,
      term_end: 2028,
      status: 'issued',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  planId = plan.id;
  const draft = await db
    .insertInto('plans')
    .values({
      unit_id: tree.province,
      number: 'Số: 06/KH-CĐGD',
      title: 'Bản nháp',
      term_start: 2023,
      term_end: 2028,
      status: 'draft',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  draftId = draft.id;
  const targets = await db
    .insertInto('targets')
    .values([
      {
        plan_id: planId,
        code: '2.1b',
        title: 'Đoàn viên được quán triệt',
        measure: 'coverage',
        population: 'all_members',
        categories: ['study'],
        period: 'year',
        threshold: 95,
        sort_order: 1,
      },
      {
        plan_id: planId,
        code: '2.4a',
        title: 'Hoạt động văn nghệ, thể thao',
        measure: 'count',
        categories: ['sports'],
        organiser: 'subtree',
        period: 'year',
        threshold: 1,
        sort_order: 2,
      },
    ])
    .returning('id')
    .execute();
  coverageId = targets[0]?.id as number;
  countId = targets[1]?.id as number;
  const session = await db
    .insertInto('activities')
    .values({
      organising_unit_id: tree.schoolA,
      category: 'study',
      title: 'Quán triệt Nghị quyết 02-NQ/TW',
      starts_at: '2025-03-10T08:00:00+07:00',
      ends_at: '2025-03-10T10:00:00+07:00',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('attendances')
    .values(
      [inA[0], inA[1]].map((member_id) => ({
        activity_id: session.id,
        member_id: member_id as number,
        category: 'study',
        attended_on: '2025-03-10',
        source: 'roster',
      })),
    )
    .execute();
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: inA[2] }));
  provinceAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.province));
});

describe('plan progress over HTTP', () => {
  it('gives each target’s numerator, denominator, value, threshold and status', async () => {
    const response = await as(app, adminA).get(`/api/plans/${planId}/progress?unitId=${tree.schoolA}&year=2025`);
    expect(response.statusCode).toBe(200);
    const [coverage, count] = response.json().targets;
    expect(coverage).toMatchObject({
      code: '2.1b',
      numerator: 2,
      denominator: 3,
      value: 66.7,
      threshold: 95,
      status: 'missed',
    });
    expect(count).toMatchObject({ code: '2.4a', numerator: 0, denominator: null, value: 0, status: 'missed' });
  });

  it('breaks the province down by unit, lagging units first, and exports the table', async () => {
    const table = (
      await as(app, provinceAdmin).get(`/api/plans/${planId}/progress/units?unitId=${tree.province}&year=2025`)
    ).json();
    expect(table.unit[0]).toMatchObject({ numerator: 2, denominator: 4 });
    expect(table.rows.map((r: { unitId: number }) => r.unitId)).toEqual(
      expect.arrayContaining([tree.schoolA, tree.schoolB, tree.commune]),
    );
    const b = table.rows.find((r: { unitId: number }) => r.unitId === tree.schoolB);
    expect(b.figures[0]).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    expect(table.rows[0].lagging).toBeGreaterThanOrEqual(table.rows[table.rows.length - 1].lagging);
    const file = await as(app, provinceAdmin).get(
      `/api/plans/${planId}/progress/units/export?unitId=${tree.province}&year=2025`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
  });

  it('lists the members not yet covered, for the unit’s managers only', async () => {
    const list = await as(app, adminA).get(
      `/api/plans/${planId}/targets/${coverageId}/uncovered?unitId=${tree.schoolA}&year=2025`,
    );
    expect(list.json().items.map((m: { fullName: string }) => m.fullName)).toEqual(['Cao Văn Ba']);
    expect(
      (
        await as(app, memberA).get(
          `/api/plans/${planId}/targets/${coverageId}/uncovered?unitId=${tree.schoolA}&year=2025`,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await as(app, adminA).get(`/api/plans/${planId}/targets/${countId}/uncovered?unitId=${tree.schoolA}&year=2025`))
        .statusCode,
    ).toBe(400);
  });

  it('keeps units apart: school A sees neither school B nor the province; a member sees their unit’s figures', async () => {
    expect(
      (await as(app, adminA).get(`/api/plans/${planId}/progress?unitId=${tree.schoolB}&year=2025`)).statusCode,
    ).toBe(404);
    expect(
      (await as(app, adminA).get(`/api/plans/${planId}/progress/units?unitId=${tree.province}&year=2025`)).statusCode,
    ).toBe(404);
    expect(
      (await as(app, memberA).get(`/api/plans/${planId}/progress?unitId=${tree.schoolA}&year=2025`)).statusCode,
    ).toBe(200);
    // A draft is for the issuing unit's managers only.
    expect(
      (await as(app, adminA).get(`/api/plans/${draftId}/progress?unitId=${tree.schoolA}&year=2025`)).statusCode,
    ).toBe(404);
    expect(
      (await as(app, provinceAdmin).get(`/api/plans/${draftId}/progress?unitId=${tree.province}&year=2025`)).statusCode,
    ).toBe(200);
  });

  it('takes a hand-entered figure with its evidence, and refuses one without', async () => {
    const missing = await as(app, adminA).post(`/api/plans/${planId}/targets/${countId}/manual-figures`, {
      unitId: tree.schoolA,
      year: 2025,
      numerator: 2,
      evidence: '',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('body.evidence');
    const entered = await as(app, adminA).post(`/api/plans/${planId}/targets/${countId}/manual-figures`, {
      unitId: tree.schoolA,
      year: 2025,
      numerator: 2,
      evidence: 'Biên bản hội thao ngày 26/3/2025',
    });
    expect(entered.statusCode).toBe(200);
    expect(entered.json().targets[1]).toMatchObject({
      numerator: 2,
      status: 'met',
      manual: { evidence: 'Biên bản hội thao ngày 26/3/2025' },
    });
    expect(
      (
        await as(app, memberA).post(`/api/plans/${planId}/targets/${countId}/manual-figures`, {
          unitId: tree.schoolA,
          year: 2025,
          numerator: 9,
          evidence: 'Không có quyền',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('shows each target year by year over the term so far', async () => {
    const trend = (await as(app, adminA).get(`/api/plans/${planId}/progress/trend?unitId=${tree.schoolA}`)).json();
    const thisYear = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).slice(0, 4),
    );
    expect(trend.years[0]).toBe(2023);
    expect(trend.years.at(-1)).toBe(Math.min(2028, thisYear));
    const coverage = trend.targets.find((t: { code: string }) => t.code === '2.1b');
    expect(coverage.points.find((p: { year: number }) => p.year === 2025)).toEqual({
      year: 2025,
      value: 66.7,
      status: 'missed',
    });
    expect(coverage.points.find((p: { year: number }) => p.year === 2024)).toEqual({
      year: 2024,
      value: 0,
      status: 'missed',
    });
  });

  it('leaves a duty of the province with the province in a school’s own plan', async () => {
    const training = await db
      .insertInto('targets')
      .values({
        plan_id: planId,
        code: '2.2',
        title: '05 cuộc tập huấn',
        measure: 'count',
        categories: ['training'],
        organiser: 'issuer',
        period: 'term',
        threshold: 5,
        sort_order: 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const own = await db
      .insertInto('plans')
      .values({
        unit_id: tree.schoolA,
        parent_plan_id: planId,
        number: '01/KH-CĐCS',
        title: 'Kế hoạch của trường',
        term_start: 2023,
        term_end: 2028,
        status: 'issued',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('targets')
      .values({
        plan_id: own.id,
        parent_target_id: training.id,
        code: '2.2',
        title: '05 cuộc tập huấn',
        measure: 'count',
        categories: ['training'],
        organiser: 'issuer',
        period: 'term',
        threshold: 5,
      })
      .execute();
    const school = (await as(app, adminA).get(`/api/plans/${own.id}/progress?unitId=${tree.schoolA}&year=2025`)).json();
    expect(school.targets[0]).toMatchObject({ code: '2.2', status: 'not_applicable', value: null });
    const province = (
      await as(app, provinceAdmin).get(`/api/plans/${planId}/progress?unitId=${tree.province}&year=2025`)
    ).json();
    expect(province.targets.find((t: { code: string }) => t.code === '2.2')).toMatchObject({
      numerator: 0,
      threshold: 5,
    });
  });

  it('answers bad queries with 400', async () => {
    expect((await as(app, adminA).get(`/api/plans/${planId}/progress?unitId=abc&year=2025`)).statusCode).toBe(400);
    expect((await as(app, adminA).get(`/api/plans/${planId}/progress?unitId=${tree.schoolA}`)).statusCode).toBe(400);
    expect((await as(app, adminA).get(`/api/plans/999999/progress?unitId=${tree.schoolA}&year=2025`)).statusCode).toBe(
      404,
    );
  });
});
