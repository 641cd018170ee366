import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { as, login, makeAccount, makeApp, makeTree, type Session } from '../../../test/factories.js';
import { notify } from './notify.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let lan: { id: number; session: Session };
let hung: { id: number; session: Session };
let admin: Session;

beforeAll(async () => {
  const tree = await makeTree(db);
  const a = await makeAccount(db, 'member', tree.schoolA);
  const b = await makeAccount(db, 'member', tree.schoolA);
  lan = { id: a.id, session: await login(app, a) };
  hung = { id: b.id, session: await login(app, b) };
  admin = await login(app, await makeAccount(db, 'system_admin', null));
  // 25 notices for Lan, oldest first; one for Hùng.
  for (let i = 1; i <= 25; i++) {
    await notify(db, {
      accountIds: [lan.id],
      kind: i % 2 ? 'contest_round_open' : 'study_assignment',
      title: `Thông báo số ${i}`,
      link: `/contests/${i}`,
    });
  }
  await notify(db, { accountIds: [hung.id], kind: 'article_workflow', title: 'Bài viết của Hùng bị trả lại' });
});

describe('notification centre', () => {
  it('lists one’s own notices, newest first, by page, with the unread count', async () => {
    const first = await as(app, lan.session).get('/api/notifications?pageSize=10');
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.total).toBe(25);
    expect(page.unread).toBe(25);
    expect(page.items.map((n: { title: string }) => n.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Thông báo số ${25 - i}`),
    );
    expect(page.items[0]).toMatchObject({
      kind: 'contest_round_open',
      link: '/contests/25',
      body: '',
      readAt: null,
    });
    const third = (await as(app, lan.session).get('/api/notifications?pageSize=10&page=3')).json();
    expect(third.items.map((n: { title: string }) => n.title)).toEqual(
      Array.from({ length: 5 }, (_, i) => `Thông báo số ${5 - i}`),
    );
    const count = await as(app, lan.session).get('/api/notifications/unread-count');
    expect(count.json()).toEqual({ unread: 25 });
  });

  it('marks one read, then all, and filters unread', async () => {
    const page = (await as(app, lan.session).get('/api/notifications?pageSize=1')).json();
    const id = page.items[0].id as number;
    const read = await as(app, lan.session).post(`/api/notifications/${id}/read`);
    expect(read.statusCode).toBe(200);
    const readAt = read.json().readAt as string;
    expect(readAt).not.toBeNull();
    // Reading again keeps the first time.
    expect((await as(app, lan.session).post(`/api/notifications/${id}/read`)).json().readAt).toBe(readAt);
    expect((await as(app, lan.session).get('/api/notifications/unread-count')).json()).toEqual({ unread: 24 });
    const unread = (await as(app, lan.session).get('/api/notifications?unread=true&pageSize=100')).json();
    expect(unread.total).toBe(24);
    expect(unread.items.some((n: { id: number }) => n.id === id)).toBe(false);

    const all = await as(app, lan.session).post('/api/notifications/read-all');
    expect(all.json()).toEqual({ marked: 24 });
    expect((await as(app, lan.session).get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
    // Hùng's notice is untouched.
    expect((await as(app, hung.session).get('/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
  });

  it('shows nobody else’s notices: 404 for another’s, empty list for an administrator', async () => {
    const hungs = (await as(app, hung.session).get('/api/notifications')).json();
    expect(hungs.items.map((n: { title: string }) => n.title)).toEqual(['Bài viết của Hùng bị trả lại']);
    const id = hungs.items[0].id as number;
    const refused = await as(app, lan.session).post(`/api/notifications/${id}/read`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.message).toBe('Không tìm thấy thông báo.');
    expect((await as(app, admin).post(`/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await as(app, admin).get('/api/notifications')).json()).toMatchObject({ total: 0, items: [] });
    expect((await as(app, hung.session).get('/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('refuses bad input with a 400 in Vietnamese', async () => {
    const bad = await as(app, lan.session).get('/api/notifications?pageSize=500&page=0&unread=maybe');
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string; message: string }) => `${d.field}: ${d.message}`);
    expect(fields.join('\n')).toContain('Tối đa 100 dòng mỗi trang');
    expect(fields.join('\n')).toContain('Trang bắt đầu từ 1');
    expect(fields.join('\n')).toContain('Chỉ nhận true hoặc false');
    expect((await as(app, lan.session).post('/api/notifications/abc/read')).statusCode).toBe(400);
  });
});

describe('preferences', () => {
  it('shows every kind with its default until one chooses', async () => {
    const response = await as(app, hung.session).get('/api/notifications/preferences');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.emailAddress).toMatch(/@thu\.vn$/u);
    expect(body.items.map((i: { kind: string; email: string }) => [i.kind, i.email])).toEqual([
      ['study_assignment', 'immediate'],
      ['deadline_reminder', 'immediate'],
      ['contest_round_open', 'digest'],
      ['article_workflow', 'immediate'],
      ['concern_answered', 'immediate'],
      ['concern_new', 'digest'],
      ['concern_deadline', 'immediate'],
      ['survey_open', 'digest'],
    ]);
    expect(body.items[0].label).toBe('Giao tài liệu học tập');
  });

  it('changes only the kinds sent, for oneself, and notify follows them', async () => {
    const response = await as(app, hung.session).patch('/api/notifications/preferences', {
      items: [
        { kind: 'article_workflow', email: 'off' },
        { kind: 'contest_round_open', email: 'immediate' },
      ],
    });
    expect(response.statusCode).toBe(200);
    const emails = Object.fromEntries(
      response.json().items.map((i: { kind: string; email: string }) => [i.kind, i.email]),
    );
    expect(emails).toMatchObject({
      article_workflow: 'off',
      contest_round_open: 'immediate',
      study_assignment: 'immediate',
    });
    // Lan's stay the defaults.
    const lans = (await as(app, lan.session).get('/api/notifications/preferences')).json();
    expect(lans.items.find((i: { kind: string }) => i.kind === 'article_workflow').email).toBe('immediate');

    const off = await notify(db, { accountIds: [hung.id], kind: 'article_workflow', title: 'Bài viết đã đăng' });
    const now = await notify(db, { accountIds: [hung.id], kind: 'contest_round_open', title: 'Vòng 1 đã mở' });
    expect(off).toEqual({ notified: 1, emailsQueued: 0 });
    expect(now).toEqual({ notified: 1, emailsQueued: 1 });
  });

  it('refuses unknown kinds, modes and repeats with field details in Vietnamese', async () => {
    const s = as(app, hung.session);
    const unknown = await s.patch('/api/notifications/preferences', { items: [{ kind: 'gossip', email: 'sms' }] });
    expect(unknown.statusCode).toBe(400);
    const messages = unknown.json().error.details.map((d: { message: string }) => d.message);
    expect(messages).toContain('Loại thông báo không tồn tại');
    expect(messages).toContain('Chọn: gửi ngay, thư tổng hợp hằng ngày hoặc không gửi');
    const twice = await s.patch('/api/notifications/preferences', {
      items: [
        { kind: 'study_assignment', email: 'off' },
        { kind: 'study_assignment', email: 'digest' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details[0].message).toBe('Mỗi loại thông báo chỉ một lần');
    expect((await s.patch('/api/notifications/preferences', { items: [] })).statusCode).toBe(400);
    // Nothing half-written.
    const after = (await s.get('/api/notifications/preferences')).json();
    expect(after.items.find((i: { kind: string }) => i.kind === 'study_assignment').email).toBe('immediate');
  });
});
