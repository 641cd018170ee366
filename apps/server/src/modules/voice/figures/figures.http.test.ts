import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/database.js';
import { login, makeAccount, makeApp, makeTree, systemActor } from '../../../../test/factories.js';
import { client } from '../../activities/activities.test-helpers.js';
import { concernFigures } from './figures.service.js';

const { db } = await testDatabase();
const app = await makeApp(db);
let tree: Awaited<ReturnType<typeof makeTree>>;

const at = (text: string) => new Date(text);

beforeAll(async () => {
  tree = await makeTree(db);
  const base = { title: 'Ý kiến thử', body: 'Nội dung', anonymous: false, tracking_hash: null };
  const named = (unit: number, category: string, submitted: string) => ({
    ...base,
    category,
    origin_unit_id: unit,
    unit_id: unit,
    submitted_at: at(submitted),
    submitted_on: submitted.slice(0, 10),
  });
  await db
    .insertInto('concerns')
    .values([
      // 1. A, salary: answered after 12 h, closed, rated 4, on time.
      {
        ...named(tree.schoolA, 'salary', '2024-03-01T08:00:00+07:00'),
        status: 'closed',
        first_due_on: '2024-03-16',
        due_on: '2024-03-16',
        first_answered_at: at('2024-03-01T20:00:00+07:00'),
        resolved_at: at('2024-03-01T20:00:00+07:00'),
        rating: 4,
      },
      // 2. A, salary: first answer after 48 h, resolved after 432 h (late), escalated once.
      {
        ...named(tree.schoolA, 'salary', '2024-03-02T08:00:00+07:00'),
        status: 'resolved',
        first_due_on: '2024-03-17',
        due_on: '2024-03-25',
        escalations: 1,
        first_answered_at: at('2024-03-04T08:00:00+07:00'),
        resolved_at: at('2024-03-20T08:00:00+07:00'),
      },
      // 3. C (under the commune), living, anonymous: from its date at 00:00, answered 6 h later, rated 2.
      {
        ...base,
        anonymous: true,
        tracking_hash: 'h3',
        category: 'living',
        origin_unit_id: tree.schoolC,
        unit_id: tree.schoolC,
        submitted_at: null,
        submitted_on: '2024-03-05',
        status: 'closed',
        first_due_on: '2024-03-15',
        due_on: '2024-03-15',
        first_answered_at: at('2024-03-05T06:00:00+07:00'),
        resolved_at: at('2024-03-05T06:00:00+07:00'),
        rating: 2,
      },
      // 4. B, living: never answered, past its first deadline, escalated.
      {
        ...named(tree.schoolB, 'living', '2024-03-10T08:00:00+07:00'),
        status: 'escalated',
        first_due_on: '2024-03-20',
        due_on: '2024-04-30',
        escalations: 1,
      },
      // 5. The commune itself, other: in progress, deadline not reached.
      {
        ...named(tree.commune, 'other', '2024-03-30T08:00:00+07:00'),
        status: 'in_progress',
        first_due_on: '2024-04-20',
        due_on: '2024-04-20',
      },
      // 6. Outside the period.
      {
        ...named(tree.schoolA, 'salary', '2024-02-28T08:00:00+07:00'),
        first_due_on: '2024-03-10',
        due_on: '2024-03-10',
        rating: 1,
      },
    ])
    .execute();
});

const PERIOD = { from: '2024-03-01', to: '2024-03-31' };
const TODAY = '2024-04-15';

describe('concern figures', () => {
  it('rolls the subtree up from the items themselves, by unit and category, with hand-computed values', async () => {
    const figures = await concernFigures(db, await systemActor(db), { unitId: tree.province, ...PERIOD }, TODAY);
    expect(figures.total).toMatchObject({
      count: 5,
      answered: 3,
      medianFirstAnswerHours: 12, // 6, 12, 48
      medianResolutionHours: 12, // 6, 12, 432
      withinDeadline: 2,
      deadlineKnown: 4,
      withinDeadlineShare: 0.5,
      escalated: 2,
      escalatedShare: 0.4,
      ratingCount: 2,
      meanRating: 3,
    });
    const byUnit = Object.fromEntries(figures.byUnit.map((r) => [r.label, r]));
    expect(figures.byUnit.map((r) => r.label)).toEqual([
      `${figures.unitName} (trực tiếp)`,
      'Công đoàn Trường THPT A',
      'Công đoàn Trường THPT B',
      'Công đoàn xã Thử',
    ]);
    // Nothing raised at the province itself: every share is "—", not 0 %.
    expect(byUnit[`${figures.unitName} (trực tiếp)`]).toMatchObject({
      count: 0,
      medianFirstAnswerHours: null,
      withinDeadlineShare: null,
      escalatedShare: null,
      meanRating: null,
    });
    expect(byUnit['Công đoàn Trường THPT A']).toMatchObject({
      count: 2,
      medianFirstAnswerHours: 30,
      medianResolutionHours: 222,
      withinDeadlineShare: 0.5,
      escalatedShare: 0.5,
      ratingCount: 1,
      meanRating: 4,
    });
    expect(byUnit['Công đoàn Trường THPT B']).toMatchObject({
      count: 1,
      answered: 0,
      medianFirstAnswerHours: null,
      withinDeadline: 0,
      deadlineKnown: 1,
      withinDeadlineShare: 0,
      escalatedShare: 1,
      meanRating: null,
    });
    // The commune's row holds the school under it too (honest sums).
    expect(byUnit['Công đoàn xã Thử']).toMatchObject({
      count: 2,
      answered: 1,
      medianFirstAnswerHours: 6,
      withinDeadline: 1,
      deadlineKnown: 1,
      withinDeadlineShare: 1,
      escalatedShare: 0,
      meanRating: 2,
    });
    expect(figures.byUnit.reduce((sum, r) => sum + r.count, 0)).toBe(figures.total.count);
    const byCategory = Object.fromEntries(figures.byCategory.map((r) => [r.key, r]));
    expect(byCategory.living).toMatchObject({ count: 2, withinDeadlineShare: 0.5, escalatedShare: 0.5, meanRating: 2 });
    expect(byCategory.other).toMatchObject({
      count: 1,
      deadlineKnown: 0,
      withinDeadlineShare: null,
      escalatedShare: 0,
    });
    expect(byCategory.policy).toMatchObject({ count: 0, escalatedShare: null, meanRating: null });
  });

  it('answers managers of the unit or above over HTTP; others get 404; bad periods 400', async () => {
    const adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
    const province = await login(app, await makeAccount(db, 'unit_admin', tree.province));
    const own = await client(app, adminA).get(
      `/api/concerns/figures?unitId=${tree.schoolA}&from=2024-03-01&to=2024-03-31`,
    );
    expect(own.statusCode).toBe(200);
    expect(own.json().total.count).toBe(2);
    const above = await client(app, adminA).get(
      `/api/concerns/figures?unitId=${tree.province}&from=2024-03-01&to=2024-03-31`,
    );
    expect(above.statusCode).toBe(404);
    const backwards = await client(app, province).get(
      `/api/concerns/figures?unitId=${tree.province}&from=2024-03-31&to=2024-03-01`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].field).toBe('to');
  });
});
