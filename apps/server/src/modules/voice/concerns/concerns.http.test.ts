import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../../test/factories.js';
import { client } from '../../activities/activities.test-helpers.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
type Who = 'owner' | 'otherMember' | 'adminA' | 'editorA' | 'province' | 'adminB' | 'commune';
const who = {} as Record<Who, Session>;

beforeAll(async () => {
  tree = await makeTree(db);
  const names = Array.from({ length: 11 }, (_, i) => `Đoàn Viên Số ${i + 1}`);
  const [owner, other] = (await makeMembers(db, tree.schoolA, names)) as [number, number];
  who.owner = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: owner }));
  who.otherMember = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: other }));
  who.adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  who.editorA = await login(app, await makeAccount(db, 'unit_editor', tree.schoolA));
  who.province = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  who.adminB = await login(app, await makeAccount(db, 'unit_admin', tree.schoolB));
  who.commune = await login(app, await makeAccount(db, 'unit_admin', tree.commune));
});

const body = (extra: Record<string, unknown> = {}) => ({
  category: 'working_conditions',
  title: 'Phòng học thiếu quạt mát',
  body: 'Mùa hè các phòng học tầng 3 rất nóng, đề nghị công đoàn kiến nghị nhà trường lắp thêm quạt.',
  ...extra,
});

async function raise(as: Session, extra: Record<string, unknown> = {}) {
  const response = await client(app, as).post('/api/concerns', body(extra));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; trackingCode: string | null; unitName: string };
}

describe('raising a concern', () => {
  it('refuses bad input with Vietnamese field details and writes nothing', async () => {
    const before = await db.selectFrom('concerns').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const response = await client(app, who.owner).post('/api/concerns', { category: 'khong-co', title: '', body: '' });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.body']));
    const unknown = await client(app, who.owner).post('/api/concerns', body({ category: 'khong-co' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'category', message: 'Lĩnh vực không hợp lệ' });
    const junk = await client(app, who.owner).post(
      '/api/concerns',
      body({ attachments: [{ name: 'a.exe', dataBase64: Buffer.from('MZ not a picture').toString('base64') }] }),
    );
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.details[0].field).toBe('attachments.0');
    const after = await db.selectFrom('concerns').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses an account that is not a member', async () => {
    expect((await client(app, who.adminA).post('/api/concerns', body())).statusCode).toBe(403);
  });

  it('goes to the member’s unit with the category’s deadline', async () => {
    const { id, trackingCode, unitName } = await raise(who.owner);
    expect(trackingCode).toBeNull();
    expect(unitName).toBe('Công đoàn Trường THPT A');
    const row = await db.selectFrom('concerns').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.unit_id).toBe(tree.schoolA);
    const days = (Date.parse(row.due_on) - Date.parse(row.submitted_on)) / 86_400_000;
    expect(days).toBe(10); // điều kiện làm việc: 10 ngày
  });
});

describe('who sees what', () => {
  it('a member sees only their own items; handlers see their units and below; others get 404', async () => {
    const { id } = await raise(who.owner, { title: 'Chỉ người gửi và người xử lý thấy' });
    const mine = (await client(app, who.owner).get('/api/concerns/mine')).json().items;
    expect(mine.map((i: { id: string }) => i.id)).toContain(id);
    expect((await client(app, who.otherMember).get('/api/concerns/mine')).json().items).toEqual([]);
    for (const name of ['owner', 'adminA', 'editorA', 'province']) {
      expect((await client(app, who[name as Who]).get(`/api/concerns/${id}`)).statusCode, name).toBe(200);
    }
    for (const name of ['otherMember', 'adminB', 'commune']) {
      expect((await client(app, who[name as Who]).get(`/api/concerns/${id}`)).statusCode, name).toBe(404);
      const inbox = (await client(app, who[name as Who]).get('/api/concerns/inbox')).json().items;
      expect(inbox.map((i: { id: string }) => i.id)).not.toContain(id);
    }
    const inboxA = (await client(app, who.adminA).get('/api/concerns/inbox')).json().items;
    expect(inboxA.find((i: { id: string }) => i.id === id)).toMatchObject({ authorName: 'Đoàn Viên Số 1' });
    // The member does not see which person handled it, only the unit.
    expect((await client(app, who.owner).get(`/api/concerns/${id}`)).json().authorName).toBeNull();
  });
});

// The expected rules, written out by hand (not read from the policy table).
const HANDLER_FROM: Record<string, string[]> = {
  receive: ['new', 'escalated'],
  start: ['new', 'escalated', 'received'],
  answer: ['new', 'escalated', 'received', 'in_progress'],
  escalate: ['new', 'escalated', 'received', 'in_progress'],
};
const OWNER_FROM: Record<string, string[]> = { rate: ['resolved'], reopen: ['resolved'] };
const STATUSES = ['new', 'received', 'in_progress', 'resolved', 'escalated', 'closed'];
const HANDLERS = ['adminA', 'editorA', 'province'];
const STRANGERS = ['otherMember', 'adminB', 'commune'];

function expected(action: string, status: string, role: string): number {
  if (STRANGERS.includes(role)) return 404;
  const handlerAction = action in HANDLER_FROM;
  const isHandler = HANDLERS.includes(role);
  if (handlerAction !== isHandler) return 403;
  const from = handlerAction ? HANDLER_FROM[action] : OWNER_FROM[action];
  if (!from?.includes(status)) return 409;
  // A school's handlers escalate it out of their reach: done, nothing more to show them.
  return action === 'escalate' && role !== 'province' ? 204 : 200;
}

describe('the status machine, every action × status × role', () => {
  it('allows and refuses exactly as the rules say', async () => {
    const { id } = await raise(who.owner, { title: 'Kiểm tra máy trạng thái' });
    const failures: string[] = [];
    for (const action of ['receive', 'start', 'answer', 'escalate', 'rate', 'reopen']) {
      for (const status of STATUSES) {
        for (const role of [...HANDLERS, 'owner', ...STRANGERS]) {
          await db
            .updateTable('concerns')
            .set({ status: status as 'new', unit_id: tree.schoolA, reopened: false, rating: null })
            .where('id', '=', id)
            .execute();
          const response = await client(app, who[role as Who]).post(`/api/concerns/${id}/transitions`, {
            action,
            note: 'Lý do, nội dung',
            rating: 4,
          });
          const want = expected(action, status, role);
          if (response.statusCode !== want)
            failures.push(`${action} ${status} ${role}: ${response.statusCode} ≠ ${want}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('walks the whole way: received, in progress, answered, reopened once, answered, rated', async () => {
    const { id } = await raise(who.owner, { title: 'Đề nghị hỗ trợ giáo viên hợp đồng' });
    const admin = client(app, who.adminA);
    const owner = client(app, who.owner);
    expect((await admin.post(`/api/concerns/${id}/transitions`, { action: 'receive' })).json().status).toBe('received');
    expect((await admin.post(`/api/concerns/${id}/transitions`, { action: 'start' })).json().status).toBe(
      'in_progress',
    );
    const empty = await admin.post(`/api/concerns/${id}/transitions`, { action: 'answer', note: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0]).toMatchObject({ field: 'note', message: 'Hãy nhập nội dung trả lời' });
    await admin.post(`/api/concerns/${id}/transitions`, {
      action: 'answer',
      note: 'Nhà trường đã đồng ý hỗ trợ từ tháng 9.',
    });
    const seen = (await owner.get(`/api/concerns/${id}`)).json();
    expect(seen).toMatchObject({
      status: 'resolved',
      answer: 'Nhà trường đã đồng ý hỗ trợ từ tháng 9.',
      actions: ['rate', 'reopen'],
    });
    const notice = await db
      .selectFrom('notifications')
      .select(['kind', 'link'])
      .where('kind', '=', 'concern_answered')
      .where('link', '=', `/y-kien/cua-toi/${id}`)
      .executeTakeFirst();
    expect(notice).toBeDefined();
    expect((await owner.post(`/api/concerns/${id}/transitions`, { action: 'reopen' })).statusCode).toBe(400);
    const reopened = await owner.post(`/api/concerns/${id}/transitions`, {
      action: 'reopen',
      note: 'Chưa rõ mức hỗ trợ.',
    });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', reopened: true });
    await admin.post(`/api/concerns/${id}/transitions`, { action: 'answer', note: 'Mức hỗ trợ 500.000 đồng/tháng.' });
    const again = await owner.post(`/api/concerns/${id}/transitions`, { action: 'reopen', note: 'Lần nữa' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Ý kiến, kiến nghị chỉ được mở lại một lần.');
    expect((await owner.post(`/api/concerns/${id}/transitions`, { action: 'rate' })).statusCode).toBe(400);
    const rated = (await owner.post(`/api/concerns/${id}/transitions`, { action: 'rate', rating: 5 })).json();
    expect(rated).toMatchObject({ status: 'closed', rating: 5, actions: [] });
    expect(rated.events.map((e: { kind: string }) => e.kind)).toEqual([
      'received',
      'started',
      'answered',
      'reopened',
      'answered',
      'rated',
    ]);
  });

  it('escalates to the parent with the reason and a fresh deadline; the top unit cannot escalate', async () => {
    const { id } = await raise(who.owner, { title: 'Vượt thẩm quyền của trường', category: 'salary' });
    const noReason = await client(app, who.adminA).post(`/api/concerns/${id}/transitions`, { action: 'escalate' });
    expect(noReason.json().error.details[0]).toMatchObject({ field: 'note', message: 'Hãy nêu lý do chuyển cấp trên' });
    const up = await client(app, who.adminA).post(`/api/concerns/${id}/transitions`, {
      action: 'escalate',
      note: 'Thuộc thẩm quyền Sở Giáo dục và Đào tạo',
    });
    // The school admin no longer handles it: 204 now, 404 from now on.
    expect(up.statusCode).toBe(204);
    expect((await client(app, who.adminA).get(`/api/concerns/${id}`)).statusCode).toBe(404);
    const item = (await client(app, who.province).get(`/api/concerns/${id}`)).json();
    expect(item).toMatchObject({ status: 'escalated', unitId: tree.province, escalations: 1 });
    expect(item.events.at(-1)).toMatchObject({ kind: 'escalated', note: 'Thuộc thẩm quyền Sở Giáo dục và Đào tạo' });
    const top = await client(app, who.province).post(`/api/concerns/${id}/transitions`, {
      action: 'escalate',
      note: 'Thử',
    });
    expect(top.statusCode).toBe(409);
  });
});

describe('categories', () => {
  it('province admins set the deadlines; school admins may not', async () => {
    expect((await client(app, who.adminA).put('/api/concerns/categories/salary', { deadlineDays: 5 })).statusCode).toBe(
      403,
    );
    const bad = await client(app, who.province).put('/api/concerns/categories/salary', { deadlineDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(
      (await client(app, who.province).put('/api/concerns/categories/salary', { deadlineDays: 20 })).statusCode,
    ).toBe(204);
    const items = (await client(app, who.owner).get('/api/concerns/categories')).json().items;
    expect(items.find((k: { code: string }) => k.code === 'salary')).toEqual({
      code: 'salary',
      name: 'Tiền lương',
      deadlineDays: 20,
    });
  });
});
