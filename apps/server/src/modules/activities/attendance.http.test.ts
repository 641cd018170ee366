import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import {
  login,
  makeAccount,
  makeApp,
  makeMembers,
  makeTree,
  type Session,
  systemActor,
} from '../../../test/factories.js';
import { setMemberStatus, transferMember } from '../org/members.commands.js';
import { activityBody, client, names } from './activities.test-helpers.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let editorA: Session;
let adminB: Session;
let memberA: Session;
let provinceAdmin: Session;
/** School A on 5 October 2024: An (chair), Bình, Cường, Dung active; Hà retired in September. */
let an: number;
let binh: number;
let cuong: number;
let dung: number;
let ha: number;
/** Transferred from B to A on 1 November 2024: in B on 5 October. */
let khoa: number;
let lan: number;

beforeAll(async () => {
  tree = await makeTree(db);
  [an] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn An'], '2021-09-01', { unionRole: 'chair' })) as [number];
  [binh, cuong, dung, ha] = (await makeMembers(db, tree.schoolA, [
    'Trần Thị Bình',
    'Lê Văn Cường',
    'Phạm Thị Dung',
    'Vũ Thị Hà',
  ])) as [number, number, number, number];
  [khoa, lan] = (await makeMembers(db, tree.schoolB, ['Đỗ Văn Khoa', 'Bùi Thị Lan'], '2021-09-01')) as [number, number];
  const system = await systemActor(db);
  await setMemberStatus(db, system, ha, { status: 'retired', effectiveDate: '2024-09-01' });
  await transferMember(db, system, khoa, { toUnitId: tree.schoolA, effectiveDate: '2024-11-01' });
  editorA = await login(app, await makeAccount(db, 'unit_editor', tree.schoolA));
  adminB = await login(app, await makeAccount(db, 'unit_admin', tree.schoolB));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: binh }));
  provinceAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.province));
});

async function stored(activityId: number) {
  return db
    .selectFrom('attendances')
    .select(['member_id', 'category', 'attended_on', 'source'])
    .where('activity_id', '=', activityId)
    .orderBy('member_id')
    .execute();
}

describe('attendance by ticking the unit lists', () => {
  it('refuses members who were not in a participating unit that day, writing nothing', async () => {
    const activity = (
      await client(app, editorA).post('/api/activities', activityBody(tree.schoolA, '2024-10-05'))
    ).json();
    const refused = await client(app, editorA).put(`/api/activities/${activity.id}/attendance`, {
      memberIds: [an, binh, khoa, ha],
    });
    expect(refused.statusCode).toBe(400);
    const details = refused.json().error.details;
    expect(details.map((d: { field: string }) => d.field)).toEqual(['memberIds.2', 'memberIds.3']);
    expect(details[0].message).toContain('Đỗ Văn Khoa');
    expect(details[0].message).toContain('05/10/2024');
    expect(await stored(activity.id)).toEqual([]);
  });

  it('shows who took part and who did not, with counts (hand-computed)', async () => {
    const activity = (
      await client(app, editorA).post('/api/activities', activityBody(tree.schoolA, '2024-10-05'))
    ).json();
    const ticked = await client(app, editorA).put(`/api/activities/${activity.id}/attendance`, {
      memberIds: [an, binh],
    });
    expect(ticked.statusCode).toBe(200);
    const view = ticked.json();
    // Active in A on 5/10/2024: An, Bình, Cường, Dung (Hà retired, Khoa still in B).
    expect(view.counts).toEqual({
      expected: 4,
      attended: 2,
      attendedExpected: 2,
      absent: 2,
      keyOfficialsExpected: 1,
      keyOfficialsAttended: 1,
      guests: 0,
    });
    expect(names(view.attended)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(
      view.attended.every((row: { source: string; invited: boolean }) => row.source === 'roster' && row.invited),
    ).toBe(true);
    expect(names(view.absent)).toEqual(['Lê Văn Cường', 'Phạm Thị Dung']);
    expect(view.partial).toBe(false);
    expect(await stored(activity.id)).toEqual([
      { member_id: an, category: 'study', attended_on: '2024-10-05', source: 'roster' },
      { member_id: binh, category: 'study', attended_on: '2024-10-05', source: 'roster' },
    ]);

    // The list is the new truth: An unticked, Cường ticked.
    const again = (
      await client(app, editorA).put(`/api/activities/${activity.id}/attendance`, { memberIds: [binh, cuong] })
    ).json();
    expect(names(again.attended)).toEqual(['Trần Thị Bình', 'Lê Văn Cường']);
    expect(names(again.absent)).toEqual(['Nguyễn Văn An', 'Phạm Thị Dung']);
    expect(again.counts).toMatchObject({ attended: 2, absent: 2, keyOfficialsAttended: 0 });

    const asMember = await client(app, memberA).get(`/api/activities/${activity.id}/attendance`);
    expect(asMember.statusCode).toBe(200);
    expect(asMember.json().counts.attended).toBe(2);
    expect(
      (await client(app, memberA).put(`/api/activities/${activity.id}/attendance`, { memberIds: [] })).statusCode,
    ).toBe(403);
  });

  it('counts a transferred member from the day of the transfer, and moves attendance with the activity', async () => {
    const activity = (
      await client(app, editorA).post('/api/activities', activityBody(tree.schoolA, '2024-11-15'))
    ).json();
    const ticked = await client(app, editorA).put(`/api/activities/${activity.id}/attendance`, {
      memberIds: [khoa, dung],
    });
    expect(ticked.statusCode).toBe(200);
    expect(ticked.json().counts).toMatchObject({ expected: 5, attended: 2, absent: 3 });

    const moved = await client(app, editorA).patch(`/api/activities/${activity.id}`, {
      startsAt: '2024-11-20T01:00:00Z',
      endsAt: '2024-11-20T03:00:00Z',
      category: 'law_outreach',
    });
    expect(moved.statusCode).toBe(200);
    expect((await stored(activity.id)).map((row) => [row.attended_on, row.category])).toEqual([
      ['2024-11-20', 'law_outreach'],
      ['2024-11-20', 'law_outreach'],
    ]);

    // Late evening UTC is the next morning in Vietnam: the attended day follows the local date.
    await client(app, editorA).patch(`/api/activities/${activity.id}`, {
      startsAt: '2024-11-20T23:30:00Z',
      endsAt: '2024-11-21T02:00:00Z',
    });
    expect((await stored(activity.id)).map((row) => row.attended_on)).toEqual(['2024-11-21', '2024-11-21']);

    // Back before Khoa came to A: refused, naming him, and nothing changes.
    const tooEarly = await client(app, editorA).patch(`/api/activities/${activity.id}`, {
      startsAt: '2024-10-20T01:00:00Z',
      endsAt: '2024-10-20T03:00:00Z',
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().error.details[0]).toMatchObject({ field: 'startsAt' });
    expect(tooEarly.json().error.message).toContain('Đỗ Văn Khoa');
    expect((await stored(activity.id)).map((row) => row.attended_on)).toEqual(['2024-11-21', '2024-11-21']);
  });

  it('refuses attendance for an activity that has not happened yet', async () => {
    const next = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const activity = (await client(app, editorA).post('/api/activities', activityBody(tree.schoolA, next))).json();
    const early = await client(app, editorA).put(`/api/activities/${activity.id}/attendance`, { memberIds: [an] });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('chưa thể điểm danh');
  });

  it('adds and removes guests', async () => {
    const activity = (
      await client(app, editorA).post('/api/activities', activityBody(tree.schoolA, '2024-10-07'))
    ).json();
    const guest = await client(app, editorA).post(`/api/activities/${activity.id}/guests`, {
      name: 'Nguyễn Thị Mai',
      organisation: 'Sở Giáo dục và Đào tạo',
    });
    expect(guest.statusCode).toBe(201);
    const view = (await client(app, editorA).get(`/api/activities/${activity.id}/attendance`)).json();
    expect(view.guests).toEqual([
      { id: guest.json().id, name: 'Nguyễn Thị Mai', organisation: 'Sở Giáo dục và Đào tạo' },
    ]);
    expect(view.counts.guests).toBe(1);
    expect((await client(app, editorA).post(`/api/activities/${activity.id}/guests`, { name: 'X' })).statusCode).toBe(
      400,
    );
    expect(
      (await client(app, memberA).post(`/api/activities/${activity.id}/guests`, { name: 'Khách' })).statusCode,
    ).toBe(403);
    const removed = await client(app, editorA).delete(`/api/activities/${activity.id}/guests/${guest.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect(
      (await client(app, editorA).delete(`/api/activities/${activity.id}/guests/${guest.json().id}`)).statusCode,
    ).toBe(404);
  });
});

describe('attendance of a province training for key officials of two schools', () => {
  it('lets each school tick its own people, and shows each only its own', async () => {
    const training = (
      await client(app, provinceAdmin).post(
        '/api/activities',
        activityBody(tree.province, '2024-10-10', {
          category: 'training',
          participatingUnitIds: [tree.schoolA, tree.schoolB],
          audience: 'key_officials',
        }),
      )
    ).json();
    const url = `/api/activities/${training.id}/attendance`;
    expect((await client(app, adminB).put(url, { memberIds: [lan] })).statusCode).toBe(200);
    // An A member is not B's to tick.
    const foreign = await client(app, adminB).put(url, { memberIds: [lan, cuong] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.map((d: { field: string }) => d.field)).toEqual(['memberIds.1']);
    // A ticks its chair; B's record stays.
    const a = (await client(app, editorA).put(url, { memberIds: [an] })).json();
    expect(a.counts).toEqual({
      expected: 1,
      attended: 2,
      attendedExpected: 1,
      absent: 0,
      keyOfficialsExpected: 1,
      keyOfficialsAttended: 1,
      guests: 0,
    });
    expect(a.partial).toBe(true);
    expect(names(a.attended)).toEqual(['Nguyễn Văn An']);
    // The list A ticks from: its own people only, with who may be ticked and who is expected.
    const roster = (await client(app, editorA).get(`/api/activities/${training.id}/roster`)).json();
    expect(
      roster.items.map((r: { fullName: string; attended: boolean; expected: boolean; recordable: boolean }) => [
        r.fullName,
        r.attended,
        r.expected,
        r.recordable,
      ]),
    ).toEqual([
      ['Nguyễn Văn An', true, true, true],
      ['Trần Thị Bình', false, false, true],
      ['Lê Văn Cường', false, false, true],
      ['Phạm Thị Dung', false, false, true],
    ]);
    const province = (await client(app, provinceAdmin).get(url)).json();
    expect(province.partial).toBe(false);
    expect(names(province.attended)).toEqual(['Nguyễn Văn An', 'Bùi Thị Lan']);
    expect(province.absent).toEqual([]);
  });
});
