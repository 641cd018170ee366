import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/database.js';
import { login, makeAccount, makeApp, makeTree, type Session } from '../../../../test/factories.js';
import { client } from '../../activities/activities.test-helpers.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let admin: Session;
let schoolAdmin: Session;

/**
 * Five reports of one province, written straight to the table for fixed dates, plus one of
 * another province that must never be counted:
 *   R1 facebook 2024-03-04 (Mon) triaged 03-05 (1 day)  verified, letter sent
 *   R2 zalo     2024-03-06 (Wed) triaged 03-09 (3 days) false_alarm
 *   R3 facebook 2024-03-20 (Wed) triaged 03-20 (0 days) handed_over
 *   R4 tiktok   2024-04-02       not triaged            new
 *   R5 facebook 2024-02-28       (before every period below except none)
 */
beforeAll(async () => {
  const tree = await makeTree(db);
  const other = await makeTree(db);
  admin = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  schoolAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  const row = (province: number, platform: string, reported: string, triaged: string | null, status: string) => ({
    province_unit_id: province,
    anonymous: true,
    reporter_account_id: null,
    reporter_member_id: null,
    reporter_unit_id: null,
    platform,
    url: null,
    description: 'Tin đồn thất thiệt',
    reported_on: reported,
    triaged_on: triaged,
    status,
  });
  await db
    .insertInto('info_reports')
    .values([
      { ...row(tree.province, 'facebook', '2024-03-04', '2024-03-05', 'verified'), letter_number: '12/CV-CĐGD' },
      row(tree.province, 'zalo', '2024-03-06', '2024-03-09', 'false_alarm'),
      row(tree.province, 'facebook', '2024-03-20', '2024-03-20', 'handed_over'),
      row(tree.province, 'tiktok', '2024-04-02', null, 'new'),
      row(tree.province, 'facebook', '2024-02-28', '2024-03-30', 'verified'),
      row(other.province, 'facebook', '2024-03-04', '2024-03-04', 'verified'),
    ])
    .execute();
});

const trend = async (session: Session, query: string) => {
  const response = await client(app, session).get(`/api/info-reports/trend?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('trend figures (hand-computed)', () => {
  it('by month for March–April 2024', async () => {
    const t = await trend(admin, 'from=2024-03-01&to=2024-04-30&bucket=month');
    expect(t.series).toEqual([
      { period: '2024-03-01', count: 3 },
      { period: '2024-04-01', count: 1 },
    ]);
    expect(t.total).toBe(4);
    expect(
      Object.fromEntries(t.byPlatform.map((p: { platform: string; count: number }) => [p.platform, p.count])),
    ).toEqual({ facebook: 2, zalo: 1, tiktok: 1, youtube: 0, news_site: 0, other: 0 });
    expect(Object.fromEntries(t.byStatus.map((s: { status: string; count: number }) => [s.status, s.count]))).toEqual({
      new: 1,
      verifying: 0,
      verified: 1,
      false_alarm: 1,
      handed_over: 1,
    });
    // Concluded 3; confirmed harmful = verified 1 + handed over 1 → 2/3.
    expect(t.concluded).toBe(3);
    expect(t.verifiedShare).toBeCloseTo(2 / 3, 10);
    expect(t.triaged).toBe(3);
    // Days to triage 1, 3, 0 → median 1.
    expect(t.medianTriageDays).toBe(1);
    expect(t.withLetter).toBe(1);
    expect(t.withClarification).toBe(0);
  });

  it('by ISO week, every week present, and an even count takes the middle of two', async () => {
    const t = await trend(admin, 'from=2024-03-01&to=2024-03-21&bucket=week');
    expect(t.series).toEqual([
      { period: '2024-02-26', count: 0 },
      { period: '2024-03-04', count: 2 },
      { period: '2024-03-11', count: 0 },
      { period: '2024-03-18', count: 1 },
    ]);
    const two = await trend(admin, 'from=2024-03-01&to=2024-03-10&bucket=week');
    expect(two.total).toBe(2);
    expect(two.medianTriageDays).toBe(2); // (1 + 3) / 2
  });

  it('an empty period shows zeros and no share or median (nothing divided by zero)', async () => {
    const t = await trend(admin, 'from=2025-01-01&to=2025-02-28&bucket=month');
    expect(t).toMatchObject({
      total: 0,
      series: [
        { period: '2025-01-01', count: 0 },
        { period: '2025-02-01', count: 0 },
      ],
      concluded: 0,
      verifiedShare: null,
      triaged: 0,
      medianTriageDays: null,
    });
  });

  it('a school sees nothing, and a reversed period is a 400 in Vietnamese', async () => {
    expect((await trend(schoolAdmin, 'from=2024-03-01&to=2024-04-30')).total).toBe(0);
    const bad = await client(app, admin).get('/api/info-reports/trend?from=2024-05-01&to=2024-04-30');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('Ngày bắt đầu phải trước ngày kết thúc');
  });
});
