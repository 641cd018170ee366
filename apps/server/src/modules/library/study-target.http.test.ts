import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { as, login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';
import { todayInVietnam } from '../../platform/dates.js';

/**
 * A confirmation counts as "briefed" for target 2.1. The province's plan (2023–2028) has 2.1a
 * (key officials, 100 %) and 2.1b (all members, 95 %), study sessions, yearly. This year's
 * population: school A has Mai (key official), Lan, Hùng; school B has Tâm — 4 members, 1 key
 * official, nobody briefed yet. The province gives a document counted as briefing to its whole
 * subtree; Mai and Tâm confirm: 2.1b 2 of 4 = 50 %, 2.1a 1 of 1 = 100 %. Confirming again, or
 * confirming an assignment not counted as briefing, changes nothing.
 */

const { db } = await testDatabase();
const app = await makeApp(db);
const year = Number(todayInVietnam().slice(0, 4));

let tree: Awaited<ReturnType<typeof makeTree>>;
let province: Session;
let mai: Session;
let tam: Session;
let planId: number;
let documentId: number;

beforeAll(async () => {
  tree = await makeTree(db);
  const [maiId] = await makeMembers(db, tree.schoolA, ['Ngô Thị Mai'], '2021-09-01', { isKeyOfficial: true });
  await makeMembers(db, tree.schoolA, ['Đinh Thị Lan', 'Tạ Văn Hùng']);
  const [tamId] = await makeMembers(db, tree.schoolB, ['Lý Văn Tâm']);
  const plan = await db
    .insertInto('plans')
    .values({
      unit_id: tree.province,
      number: 'Số: 05/KH-CĐGD',
      title: 'Kế hoạch tuyên truyền',
      term_start: 2023,
      term_end: 2028,
      status: 'issued',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  planId = plan.id;
  await db
    .insertInto('targets')
    .values(
      (['key_officials', 'all_members'] as const).map((population, i) => ({
        plan_id: planId,
        code: i === 0 ? '2.1a' : '2.1b',
        title: 'Được quán triệt, học tập nghị quyết',
        measure: 'coverage',
        population,
        categories: ['study'],
        period: 'year',
        threshold: i === 0 ? 100 : 95,
        sort_order: i,
      })),
    )
    .execute();
  province = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  mai = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: maiId as number }));
  tam = await login(app, await makeAccount(db, 'member', tree.schoolB, { memberId: tamId as number }));
  const document = await as(app, province).post('/api/library/documents', {
    unitId: tree.province,
    type: 'conclusion',
    number: '01-KL/TW',
    issuedOn: '2021-05-18',
    issuer: 'Bộ Chính trị',
    title: 'Về tiếp tục thực hiện Chỉ thị số 05-CT/TW',
  });
  documentId = document.json().id;
});

async function targets() {
  const response = await as(app, province).get(`/api/plans/${planId}/progress?unitId=${tree.province}&year=${year}`);
  expect(response.statusCode).toBe(200);
  return Object.fromEntries(
    response
      .json()
      .targets.map((t: { code: string; numerator: number; denominator: number; value: number }) => [
        t.code,
        { numerator: t.numerator, denominator: t.denominator, value: t.value },
      ]),
  );
}

describe('study confirmations and target 2.1', () => {
  it('records each confirmation as attendance of the assignment’s study session, raising 2.1', async () => {
    expect(await targets()).toEqual({
      '2.1a': { numerator: 0, denominator: 1, value: 0 },
      '2.1b': { numerator: 0, denominator: 4, value: 0 },
    });
    const created = await as(app, province).post('/api/study/assignments', {
      unitId: tree.province,
      title: 'Quán triệt Kết luận 01-KL/TW',
      deadline: `${year + 1}-01-31`,
      documentIds: [documentId],
      countsAsStudy: true,
    });
    expect(created.statusCode).toBe(201);
    const { id, activityId } = created.json();
    const activity = await db
      .selectFrom('activities')
      .select(['organising_unit_id', 'category', 'topic_documents'])
      .where('id', '=', activityId)
      .executeTakeFirstOrThrow();
    expect(activity).toEqual({
      organising_unit_id: tree.province,
      category: 'study',
      topic_documents: [{ title: 'Về tiếp tục thực hiện Chỉ thị số 05-CT/TW', number: '01-KL/TW' }],
    });

    // The two members with accounts were told (in-app), nobody else.
    const notices = await db
      .selectFrom('notifications')
      .select('link')
      .where('kind', '=', 'study_assignment')
      .execute();
    expect(notices).toEqual([{ link: `/study/${id}` }, { link: `/study/${id}` }]);

    for (const who of [mai, tam]) {
      const response = await as(app, who).post(`/api/study/assignments/${id}/confirm`, {});
      expect(response.json()).toMatchObject({ confirmed: true });
    }
    // Confirming twice is still one confirmation and one attendance.
    await as(app, mai).post(`/api/study/assignments/${id}/confirm`, {});
    const attendances = await db
      .selectFrom('attendances')
      .select(['category', 'source', 'attended_on'])
      .where('activity_id', '=', activityId)
      .execute();
    expect(attendances).toEqual([
      { category: 'study', source: 'study', attended_on: todayInVietnam() },
      { category: 'study', source: 'study', attended_on: todayInVietnam() },
    ]);
    expect(await targets()).toEqual({
      '2.1a': { numerator: 1, denominator: 1, value: 100 },
      '2.1b': { numerator: 2, denominator: 4, value: 50 },
    });
  });

  it('leaves 2.1 alone for an assignment not counted as briefing', async () => {
    const created = await as(app, province).post('/api/study/assignments', {
      unitId: tree.province,
      title: 'Đọc thêm',
      deadline: `${year + 1}-01-31`,
      documentIds: [documentId],
      countsAsStudy: false,
    });
    expect(created.json().activityId).toBeNull();
    const [, lan] = await db
      .selectFrom('members')
      .select('id')
      .where('full_name', 'in', ['Ngô Thị Mai', 'Đinh Thị Lan'])
      .orderBy('id')
      .execute();
    const lanSession = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: lan?.id as number }));
    const response = await as(app, lanSession).post(`/api/study/assignments/${created.json().id}/confirm`, {});
    expect(response.json()).toMatchObject({ confirmed: true });
    expect((await targets())['2.1b']).toEqual({ numerator: 2, denominator: 4, value: 50 });
    const reach = await as(app, province).get(`/api/library/reach?unitId=${tree.province}&year=${year}`);
    expect(reach.json().items).toEqual([
      {
        documentId,
        number: '01-KL/TW',
        title: 'Về tiếp tục thực hiện Chỉ thị số 05-CT/TW',
        assignments: 2,
        confirmations: 3,
      },
    ]);
  });
});
