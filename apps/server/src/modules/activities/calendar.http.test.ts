import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';
import { activityBody, client } from './activities.test-helpers.js';
import { planMoments } from './calendar-moments.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let memberA: Session;
let provinceAdmin: Session;
let adminB: Session;

beforeAll(async () => {
  tree = await makeTree(db);
  const [inA] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn Đức'])) as [number];
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: inA }));
  provinceAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  adminB = await login(app, await makeAccount(db, 'unit_admin', tree.schoolB));
});

describe('plan moments', () => {
  it('puts Tháng Công nhân, 1/5 and the safety month in every May, the reviews in 2026 and 2028', () => {
    expect(planMoments('2025-05-10', '2025-05-10').map((m) => m.kind)).toEqual(['workers_month', 'safety_month']);
    const years = planMoments('2023-01-01', '2028-12-31');
    expect(years.filter((m) => m.kind === 'workers_month').map((m) => m.start)).toEqual([
      '2023-05-01',
      '2024-05-01',
      '2025-05-01',
      '2026-05-01',
      '2027-05-01',
      '2028-05-01',
    ]);
    expect(years.filter((m) => m.kind === 'midterm_review')).toEqual([
      {
        kind: 'midterm_review',
        title: 'Sơ kết giữa nhiệm kỳ thực hiện Kế hoạch giai đoạn 2023–2028',
        start: '2026-12-01',
        end: '2026-12-31',
        allDay: true,
      },
    ]);
    expect(years.filter((m) => m.kind === 'final_review').map((m) => m.start)).toEqual(['2028-12-01']);
    expect(planMoments('2024-06-01', '2024-11-30')).toEqual([]);
  });
});

describe('calendar over HTTP', () => {
  it('shows a school’s activities, those of the units above it, and the plan’s moments', async () => {
    const own = (
      await client(app, provinceAdmin).post('/api/activities', activityBody(tree.schoolA, '2026-05-12'))
    ).json();
    const province = (
      await client(app, provinceAdmin).post(
        '/api/activities',
        activityBody(tree.province, '2026-05-01', {
          category: 'workers_month',
          title: 'Lễ phát động Tháng Công nhân năm 2026',
          participatingUnitIds: [tree.province],
        }),
      )
    ).json();
    const otherSchool = (
      await client(app, adminB).post('/api/activities', activityBody(tree.schoolB, '2026-05-20'))
    ).json();

    const response = await client(app, memberA).get(
      `/api/calendar?unitId=${tree.schoolA}&from=2026-05-01&to=2026-12-31`,
    );
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((item: { kind: string; activityId?: number }) => item.activityId ?? item.kind)).toEqual([
      'workers_month',
      'may_day',
      'safety_month',
      province.id,
      own.id,
      'midterm_review',
    ]);
    expect(items).toContainEqual({
      kind: 'workers_month',
      title: 'Tháng Công nhân năm 2026',
      start: '2026-05-01',
      end: '2026-05-31',
      allDay: true,
    });
    expect(items.find((item: { activityId?: number }) => item.activityId === own.id)).toMatchObject({
      kind: 'activity',
      start: '2026-05-12T08:00:00+07:00',
      end: '2026-05-12T10:00:00+07:00',
      allDay: false,
      category: 'study',
    });
    expect(items.map((item: { activityId?: number }) => item.activityId)).not.toContain(otherSchool.id);
  });

  it('checks its range and the unit', async () => {
    const backwards = await client(app, memberA).get(
      `/api/calendar?unitId=${tree.schoolA}&from=2026-05-01&to=2026-04-01`,
    );
    expect(backwards.statusCode).toBe(400);
    const tooLong = await client(app, memberA).get(
      `/api/calendar?unitId=${tree.schoolA}&from=2020-01-01&to=2026-01-01`,
    );
    expect(tooLong.statusCode).toBe(400);
    const hidden = await client(app, memberA).get(`/api/calendar?unitId=${tree.schoolB}&from=2026-05-01&to=2026-05-31`);
    expect(hidden.statusCode).toBe(404);
  });
});
