import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/database.js';
import {
  login,
  makeAccount,
  makeApp,
  makeMembers,
  makeTree,
  type Session,
  systemActor,
} from '../../../../test/factories.js';
import { client } from '../../activities/activities.test-helpers.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let admin: Session;
let editor: Session;
let schoolAdmin: Session;
let member: Session;
let system: Session;
let publishedArticle: number;
let draftArticle: number;

beforeAll(async () => {
  tree = await makeTree(db);
  const [inA] = (await makeMembers(db, tree.schoolA, ['Phạm Văn Minh'])) as [number];
  admin = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  editor = await login(app, await makeAccount(db, 'unit_editor', tree.province));
  schoolAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  member = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: inA }));
  system = await login(app, await makeAccount(db, 'system_admin', null));
  await systemActor(db);
  const article = (status: 'published' | 'draft', slug: string) =>
    db
      .insertInto('articles')
      .values({
        unit_id: tree.province,
        publisher_unit_id: tree.province,
        title: 'Thông tin chính thức về chế độ phụ cấp của nhà giáo',
        category: 'giao-duc',
        status,
        slug,
        published_at: status === 'published' ? new Date('2024-03-10T02:00:00Z') : null,
        search_text: 'thong tin chinh thuc ve che do phu cap cua nha giao',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  publishedArticle = (await article('published', `cai-chinh-${tree.province}`)).id;
  draftArticle = (await article('draft', `nhap-${tree.province}`)).id;
});

async function newReport() {
  const response = await client(app, member).post('/api/info-reports', {
    url: 'https://example.com/video/123',
    platform: 'youtube',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

const move = (session: Session, id: string, to: string, note?: string) =>
  client(app, session).post(`/api/info-reports/${id}/transition`, { to, ...(note ? { note } : {}) });

describe('the status machine by role', () => {
  it('allows and refuses each transition by role', async () => {
    // [who, from-path to reach, to, expected status]
    const cases: [string, Session, string[], string, number][] = [
      ['member starts verifying', member, [], 'verifying', 404],
      ['school admin starts verifying', schoolAdmin, [], 'verifying', 404],
      ['editor skips verifying', editor, [], 'verified', 403],
      ['editor starts verifying', editor, [], 'verifying', 200],
      ['editor concludes verified', editor, ['verifying'], 'verified', 200],
      ['editor concludes false alarm', editor, ['verifying'], 'false_alarm', 200],
      ['editor hands over', editor, ['verifying'], 'handed_over', 403],
      ['admin hands over from verifying', admin, ['verifying'], 'handed_over', 200],
      ['admin hands over a verified report', admin, ['verifying', 'verified'], 'handed_over', 200],
      ['admin cannot hand over a false alarm', admin, ['verifying', 'false_alarm'], 'handed_over', 403],
      ['editor reopens', editor, ['verifying', 'verified'], 'verifying', 403],
      ['admin reopens', admin, ['verifying', 'false_alarm'], 'verifying', 200],
      ['system admin starts verifying', system, [], 'verifying', 200],
      ['back to new is never allowed', admin, ['verifying'], 'new', 403],
    ];
    for (const [label, who, path, to, expected] of cases) {
      const id = await newReport();
      for (const step of path) expect((await move(admin, id, step)).statusCode, `${label}: ${step}`).toBe(200);
      const response = await move(who, id, to);
      expect(response.statusCode, `${label}: ${response.body}`).toBe(expected);
      if (expected === 403) expect(response.json().error.message).toMatch(/không được chuyển/u);
      const row = await db.selectFrom('info_reports').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.status, label).toBe(expected === 200 ? to : (path.at(-1) ?? 'new'));
    }
  });

  it('records the response; the member sees the status and the article but not the notes', async () => {
    const id = await newReport();
    expect((await client(app, editor).patch(`/api/info-reports/${id}/response`, { notes: 'x' })).statusCode).toBe(409);
    expect((await move(editor, id, 'verifying', 'Đã liên hệ nhà trường')).statusCode).toBe(200);
    const draft = await client(app, editor).patch(`/api/info-reports/${id}/response`, {
      clarificationArticleId: draftArticle,
    });
    expect(draft.statusCode).toBe(400);
    expect(draft.json().error.details[0].field).toBe('clarificationArticleId');
    const found = (await client(app, editor).get('/api/info-reports/clarification-articles?q=phu cap')).json();
    expect(found.items.map((a: { id: number }) => a.id)).toEqual([publishedArticle]);
    const ok = await client(app, admin).patch(`/api/info-reports/${id}/response`, {
      clarificationArticleId: publishedArticle,
      letterRecipient: 'Công an tỉnh (Phòng An ninh mạng)',
      letterSentOn: '2024-03-12',
      letterNumber: '45/CV-CĐGD',
      notes: 'Nội bộ: đã báo cáo Thường trực.',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await move(admin, id, 'handed_over')).statusCode).toBe(200);
    expect((await client(app, schoolAdmin).patch(`/api/info-reports/${id}/response`, { notes: 'y' })).statusCode).toBe(
      404,
    );
    expect((await client(app, member).patch(`/api/info-reports/${id}/response`, { notes: 'y' })).statusCode).toBe(404);

    const seen = (await client(app, member).get(`/api/info-reports/${id}`)).json();
    expect(seen).toMatchObject({
      status: 'handed_over',
      clarificationArticle: { id: publishedArticle },
      letterNumber: '45/CV-CĐGD',
      notes: null,
    });
    expect(seen.events.map((e: { to: string; by: unknown; note: unknown }) => [e.to, e.by, e.note])).toEqual([
      ['verifying', null, null],
      ['handed_over', null, null],
    ]);
    const staff = (await client(app, editor).get(`/api/info-reports/${id}`)).json();
    expect(staff.notes).toBe('Nội bộ: đã báo cáo Thường trực.');
    expect(staff.events[0].note).toBe('Đã liên hệ nhà trường');
  });
});
