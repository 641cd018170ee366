import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';
import { activityBody, client } from './activities.test-helpers.js';
import { toVietnamIso } from './activity-time.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let editorA: Session;
let memberA: Session;
let memberB: Session;
let noMember: Session;
let memberAId: number;

const MINUTE = 60_000;
const at = (offsetMinutes: number) => toVietnamIso(new Date(Date.now() + offsetMinutes * MINUTE));

beforeAll(async () => {
  tree = await makeTree(db);
  [memberAId] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn Đức'])) as [number];
  const [inB] = (await makeMembers(db, tree.schoolB, ['Lê Văn Bình'])) as [number];
  editorA = await login(app, await makeAccount(db, 'unit_editor', tree.schoolA));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: memberAId }));
  memberB = await login(app, await makeAccount(db, 'member', tree.schoolB, { memberId: inB }));
  noMember = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
});

/** An activity of school A running from `start` to `end` minutes from now, with check-in opened. */
async function withCheckin(start: number, end: number, window: Record<string, string> = {}) {
  const activity = (
    await client(app, editorA).post(
      '/api/activities',
      activityBody(tree.schoolA, '2024-01-01', { startsAt: at(start), endsAt: at(end) }),
    )
  ).json();
  const opened = await client(app, editorA).post(`/api/activities/${activity.id}/checkin`, window);
  expect(opened.statusCode).toBe(200);
  return { id: activity.id as number, checkin: opened.json() };
}

describe('self check-in', () => {
  it('records a member once, however often they check in', async () => {
    const { id, checkin } = await withCheckin(-10, 50);
    expect(checkin.code).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(checkin.path).toBe(`/checkin/${checkin.code}`);
    expect(checkin.url).toBe(`http://localhost:80/checkin/${checkin.code}`);
    expect(checkin.state).toBe('open');

    const page = await client(app, null).get(`/api/checkin/${checkin.code}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ activityId: id, state: 'open', checkedIn: null, place: 'Hội trường' });

    const first = await client(app, memberA).post(`/api/checkin/${checkin.code}`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ activityId: id, alreadyCheckedIn: false });
    const second = await client(app, memberA).post(`/api/checkin/${checkin.code}`);
    expect(second.json()).toMatchObject({ alreadyCheckedIn: true, recordedAt: first.json().recordedAt });
    expect((await client(app, memberA).get(`/api/checkin/${checkin.code}`)).json().checkedIn).toBe(true);

    const view = (await client(app, editorA).get(`/api/activities/${id}/attendance`)).json();
    expect(view.counts.attended).toBe(1);
    expect(view.attended[0]).toMatchObject({ memberId: memberAId, source: 'checkin' });
    // Re-opening keeps the code, so a printed QR code still works.
    const reopened = (await client(app, editorA).post(`/api/activities/${id}/checkin`, {})).json();
    expect(reopened.code).toBe(checkin.code);
  });

  it('refuses members not invited and accounts without a member record', async () => {
    const { checkin } = await withCheckin(-10, 50);
    const outsider = await client(app, memberB).post(`/api/checkin/${checkin.code}`);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.message).toContain('không thuộc đơn vị được mời');
    const account = await client(app, noMember).post(`/api/checkin/${checkin.code}`);
    expect(account.statusCode).toBe(403);
    expect(account.json().error.message).toContain('chưa gắn với hồ sơ đoàn viên');
    expect((await client(app, null).post(`/api/checkin/${checkin.code}`)).statusCode).toBe(401);
  });

  it('says when check-in is not open yet or already closed', async () => {
    const later = await withCheckin(120, 180);
    expect(later.checkin.state).toBe('not_open');
    const early = await client(app, memberA).post(`/api/checkin/${later.checkin.code}`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('Chưa đến giờ điểm danh');

    const past = await withCheckin(-300, -240);
    expect(past.checkin.state).toBe('closed');
    const late = await client(app, memberA).post(`/api/checkin/${past.checkin.code}`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('Đã hết giờ điểm danh');

    // An organiser may keep it open longer than the default half hour.
    const extended = await client(app, editorA).post(`/api/activities/${past.id}/checkin`, { openUntil: at(30) });
    expect(extended.json().state).toBe('open');
    expect((await client(app, memberA).post(`/api/checkin/${past.checkin.code}`)).statusCode).toBe(200);

    const backwards = await client(app, editorA).post(`/api/activities/${past.id}/checkin`, {
      opensAt: at(10),
      openUntil: at(5),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].field).toBe('openUntil');
  });

  it('serves a QR code to the organisers, and forgets the code when closed', async () => {
    const { id, checkin } = await withCheckin(-10, 50);
    const qr = await client(app, editorA).get(`/api/activities/${id}/checkin/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    expect((await client(app, memberA).get(`/api/activities/${id}/checkin/qr.svg`)).statusCode).toBe(403);
    expect((await client(app, memberA).get(`/api/activities/${id}`)).json().checkin).toBeNull();

    expect((await client(app, editorA).delete(`/api/activities/${id}/checkin`)).statusCode).toBe(204);
    expect((await client(app, memberA).post(`/api/checkin/${checkin.code}`)).statusCode).toBe(404);
    expect((await client(app, editorA).get(`/api/activities/${id}/checkin/qr.svg`)).statusCode).toBe(404);
    expect((await client(app, null).get('/api/checkin/khong-phai-ma-nao-ca-1234')).statusCode).toBe(404);
    expect((await client(app, null).get('/api/checkin/x')).statusCode).toBe(400);
  });
});
