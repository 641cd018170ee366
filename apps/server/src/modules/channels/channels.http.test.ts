import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { as, login, makeAccount, makeTree, type Session } from '../../../test/factories.js';
import { runNextJob } from '../../platform/jobs.js';
import { makeArticle, makeChannelApp, publishArticle, startFakes } from './channels.test-helpers.js';
import { channelPostQueue } from './outbox.js';

const { db } = await testDatabase();
const { zalo, facebook, settings } = await startFakes();
const app = await makeChannelApp(db, settings);

let tree: Awaited<ReturnType<typeof makeTree>>;
let adminA: Session;
let editorA: Session;
let adminB: Session;
let provinceAdmin: Session;
let memberA: Session;
const PAGE_ID = '204857600123456';
let pair: { accessToken: string; refreshToken: string };
let pageToken: string;

function put(session: Session, url: string, payload: unknown) {
  return app.inject({
    method: 'PUT',
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload: payload as object,
  });
}
function del(session: Session, url: string) {
  return app.inject({ method: 'DELETE', url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
}

beforeAll(async () => {
  tree = await makeTree(db);
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  editorA = await login(app, await makeAccount(db, 'unit_editor', tree.schoolA));
  adminB = await login(app, await makeAccount(db, 'unit_admin', tree.schoolB));
  provinceAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA));
  pair = zalo.issuePair();
  pageToken = facebook.addPage(PAGE_ID, 'Công đoàn Trường THPT A');
});

const zaloBody = () => ({ oaId: '4318795412345678901', appId: zalo.app.appId, secretKey: zalo.app.secretKey, ...pair });

describe('channel connections', () => {
  it('stores the tokens encrypted and never returns them', async () => {
    const connected = await put(adminA, `/api/units/${tree.schoolA}/channels/zalo`, zaloBody());
    expect(connected.statusCode).toBe(200);
    expect(
      (
        await put(adminA, `/api/units/${tree.schoolA}/channels/facebook`, {
          pageId: PAGE_ID,
          pageAccessToken: pageToken,
        })
      ).statusCode,
    ).toBe(200);
    const view = await as(app, adminA).get(`/api/units/${tree.schoolA}/channels`);
    expect(view.statusCode).toBe(200);
    const body = view.json();
    expect(body.connections[0]).toMatchObject({
      channel: 'zalo',
      state: 'connected',
      externalId: '4318795412345678901',
      appId: zalo.app.appId,
      tokenHint: pair.accessToken.slice(-4),
      lastError: null,
    });
    expect(Date.parse(body.connections[0].accessExpiresAt) - Date.now()).toBeGreaterThan(24 * 3_600_000);
    expect(body.connections[1]).toMatchObject({
      channel: 'facebook',
      state: 'connected',
      tokenHint: pageToken.slice(-4),
    });
    for (const secret of [pair.accessToken, pair.refreshToken, zalo.app.secretKey, pageToken]) {
      expect(connected.body).not.toContain(secret);
      expect(view.body).not.toContain(secret);
    }
    // At rest: the raw column holds none of them, not even as text of the bytes.
    const raw = await sql<{ text: string }>`
      select encode(secrets, 'escape') || ' ' || encode(secrets, 'base64') as text from channel_connections
      where unit_id = ${tree.schoolA}`.execute(db);
    expect(raw.rows).toHaveLength(2);
    for (const row of raw.rows) {
      for (const secret of [pair.accessToken, pair.refreshToken, zalo.app.secretKey, pageToken])
        expect(row.text).not.toContain(secret);
    }
    // Nor does the audit trail.
    const audit = await sql<{
      after: unknown;
    }>`select after from audit_events where action = 'channel.connect'`.execute(db);
    expect(JSON.stringify(audit.rows)).not.toContain(pair.accessToken);
  });

  it('refuses bad input with Vietnamese reasons per field and writes nothing', async () => {
    const response = await put(adminA, `/api/units/${tree.schoolB}/channels/zalo`, zaloBody());
    expect(response.statusCode).toBe(404); // school B is not A's
    const bad = await put(adminB, `/api/units/${tree.schoolB}/channels/zalo`, {
      oaId: 'abc',
      appId: '',
      secretKey: 'có khoảng trắng',
    });
    expect(bad.statusCode).toBe(400);
    // The first reason given for each field.
    const details: Record<string, string> = {};
    for (const d of bad.json().error.details as { field: string; message: string }[]) details[d.field] ??= d.message;
    expect(details).toMatchObject({
      'body.oaId': 'Mã OA (OA ID) chỉ gồm chữ số',
      'body.appId': 'Cần nhập mã ứng dụng (App ID)',
      'body.secretKey': 'Khóa bí mật của ứng dụng không được chứa khoảng trắng',
      'body.accessToken': 'Cần nhập mã truy cập (access token)',
      'body.refreshToken': 'Cần nhập mã làm mới (refresh token)',
    });
    const fb = await put(adminB, `/api/units/${tree.schoolB}/channels/facebook`, { pageId: '12', pageAccessToken: '' });
    expect(fb.json().error.details).toEqual([
      { field: 'body.pageAccessToken', message: 'Cần nhập mã truy cập của Trang' },
    ]);
    const unknown = await as(app, adminB).post(`/api/units/${tree.schoolB}/channels/tiktok/test`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].message).toBe('Kênh phải là zalo hoặc facebook');
    const count = await db
      .selectFrom('channel_connections')
      .select(db.fn.countAll().as('n'))
      .where('unit_id', '=', tree.schoolB)
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(0);
  });

  it('lets only the unit and those above it see; only administrators connect', async () => {
    expect((await as(app, adminB).get(`/api/units/${tree.schoolA}/channels`)).statusCode).toBe(404);
    expect((await as(app, memberA).get(`/api/units/${tree.schoolA}/channels`)).statusCode).toBe(404);
    const editorView = await as(app, editorA).get(`/api/units/${tree.schoolA}/channels`);
    expect(editorView.json().canManage).toBe(false);
    const editorPut = await put(editorA, `/api/units/${tree.schoolA}/channels/zalo`, zaloBody());
    expect(editorPut.statusCode).toBe(403);
    expect(editorPut.json().error.message).toBe(
      'Chỉ quản trị viên của đơn vị được kết nối hoặc ngắt kết nối kênh truyền thông.',
    );
    expect((await as(app, provinceAdmin).get(`/api/units/${tree.schoolA}/channels`)).json().canManage).toBe(true);
    expect((await del(adminB, `/api/units/${tree.schoolA}/channels/zalo`)).statusCode).toBe(404);
  });

  it('tests a connection against the platform and reports a refused token in Vietnamese', async () => {
    const zaloTest = await as(app, adminA).post(`/api/units/${tree.schoolA}/channels/zalo/test`);
    expect(zaloTest.json()).toEqual({
      ok: true,
      message: 'Kết nối tốt: Zalo nhận mã truy cập của OA 4318795412345678901.',
    });
    expect(zalo.calls('/v2.0/article/getslice').at(-1)?.headers.access_token).toBe(pair.accessToken);
    const fbTest = await as(app, adminA).post(`/api/units/${tree.schoolA}/channels/facebook/test`);
    expect(fbTest.json()).toEqual({
      ok: true,
      message: 'Kết nối tốt: Trang "Công đoàn Trường THPT A" nhận mã truy cập.',
    });
    const fbEditor = await as(app, editorA).post(`/api/units/${tree.schoolA}/channels/facebook/test`);
    expect(fbEditor.statusCode).toBe(403);

    facebook.revoke(PAGE_ID, pageToken);
    const refused = await as(app, adminA).post(`/api/units/${tree.schoolA}/channels/facebook/test`);
    expect(refused.json()).toEqual({
      ok: false,
      message: 'Mã truy cập Trang Facebook đã hết hạn hoặc bị thu hồi (mã 190); hãy kết nối lại Trang.',
    });
    const view = (await as(app, adminA).get(`/api/units/${tree.schoolA}/channels`)).json();
    expect(view.connections[1]).toMatchObject({ state: 'disconnected', lastError: refused.json().message });
    pageToken = facebook.addPage(PAGE_ID, 'Công đoàn Trường THPT A');
    await put(adminA, `/api/units/${tree.schoolA}/channels/facebook`, { pageId: PAGE_ID, pageAccessToken: pageToken });
  });

  it('shows an article’s delivery status only to its unit and those above, and counts deliveries per month', async () => {
    const article = await makeArticle(db, tree.schoolA);
    await publishArticle(db, article.id, tree.schoolA);
    while (await runNextJob(db, channelPostQueue)) {
      // run everything
    }
    const panel = await as(app, editorA).get(`/api/articles/${article.id}/channel-posts`);
    expect(panel.statusCode).toBe(200);
    expect(
      panel
        .json()
        .posts.map((p: { channel: string; status: string; canRetry: boolean }) => [p.channel, p.status, p.canRetry]),
    ).toEqual([
      ['zalo', 'published', false],
      ['facebook', 'published', false],
    ]);
    expect(panel.json().posts[1].remoteUrl).toMatch(/^https:\/\/www\.facebook\.com\/204857600123456_\d+$/u);
    expect((await as(app, adminB).get(`/api/articles/${article.id}/channel-posts`)).statusCode).toBe(404);
    expect((await as(app, memberA).get(`/api/articles/${article.id}/channel-posts`)).statusCode).toBe(404);
    expect((await as(app, adminB).post(`/api/articles/${article.id}/channel-posts/zalo/retry`)).statusCode).toBe(404);
    expect((await as(app, adminA).get('/api/articles/999999999/channel-posts')).statusCode).toBe(404);
    // Published rows cannot be retried.
    const again = await as(app, adminA).post(`/api/articles/${article.id}/channel-posts/zalo/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Chỉ gửi lại được bài đang lỗi hoặc mất kết nối.');

    // A failed delivery last month, to check the months apart.
    const old = await makeArticle(db, tree.schoolA, { title: 'Bài tháng trước' });
    await db
      .insertInto('article_channel_posts')
      .values({
        article_id: old.id,
        unit_id: tree.schoolA,
        channel: 'facebook',
        status: 'failed',
        created_at: sql<Date>`now() - interval '32 days'`,
      })
      .execute();
    const deliveries = await as(app, provinceAdmin).get(`/api/units/${tree.province}/channel-deliveries?months=3`);
    expect(deliveries.statusCode).toBe(200);
    const months = deliveries.json().months as { month: string; channel: string; published: number; failed: number }[];
    const thisMonth = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
    expect(months.filter((m) => m.month === thisMonth).map((m) => [m.channel, m.published, m.failed])).toEqual([
      ['facebook', 1, 0],
      ['zalo', 1, 0],
    ]);
    expect(months.filter((m) => m.month !== thisMonth).map((m) => [m.channel, m.published, m.failed])).toEqual([
      ['facebook', 0, 1],
    ]);
    expect((await as(app, adminB).get(`/api/units/${tree.schoolA}/channel-deliveries`)).statusCode).toBe(404);
    const badMonths = await as(app, adminA).get(`/api/units/${tree.schoolA}/channel-deliveries?months=99`);
    expect(badMonths.statusCode).toBe(400);
    expect(badMonths.json().error.details[0].message).toBe('Số tháng tối đa là 36');
  });

  it('disconnecting forgets the tokens; a new publication then writes a disconnected row, not a job', async () => {
    const removed = await del(adminA, `/api/units/${tree.schoolA}/channels/facebook`);
    expect(removed.json().connections[1]).toMatchObject({ state: 'not_connected', tokenHint: null });
    await db
      .updateTable('channel_connections')
      .set({ status: 'disconnected' })
      .where('unit_id', '=', tree.schoolA)
      .execute();
    const article = await makeArticle(db, tree.schoolA, { title: 'Bài sau khi ngắt kết nối' });
    expect(await publishArticle(db, article.id, tree.schoolA)).toEqual([{ channel: 'zalo', status: 'disconnected' }]);
    expect(await runNextJob(db, channelPostQueue)).toBe(false);
  });
});

describe('the fakes refuse malformed requests', () => {
  it('answers Zalo error envelopes and Graph errors', async () => {
    const bearer = await fetch(`${zalo.apiUrl}/v2.0/article/create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pair.accessToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await bearer.json()).toMatchObject({ error: -216 });
    const longTitle = await fetch(`${zalo.apiUrl}/v2.0/article/create`, {
      method: 'POST',
      headers: { access_token: zalo.issuePair().accessToken, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'normal',
        title: 'x'.repeat(151),
        author: 'a',
        description: 'd',
        body: [{ type: 'text', content: 'c' }],
        status: 'show',
      }),
    });
    expect(await longTitle.json()).toMatchObject({ error: -201 });
    const notJson = await fetch(`${zalo.apiUrl}/v2.0/article/create`, {
      method: 'POST',
      headers: { access_token: 'x', 'content-type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    const noVersion = await fetch(`${facebook.graphUrl.replace('/v26.0', '')}/${PAGE_ID}/feed`, { method: 'POST' });
    expect(((await noVersion.json()) as { error: { code: number } }).error.code).toBe(2500);
  });
});
