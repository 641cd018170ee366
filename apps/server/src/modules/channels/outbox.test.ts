import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { as, login, makeAccount, makeTree, type Session } from '../../../test/factories.js';
import { runNextJob } from '../../platform/jobs.js';
import {
  jobStates,
  makeArticle,
  makeChannelApp,
  PUBLIC_URL,
  postsOf,
  publishArticle,
  retriesDueNow,
  startFakes,
} from './channels.test-helpers.js';
import { channelPostQueue } from './outbox.js';
import { publishPost } from './publisher.js';
import { openSecrets, type ZaloSecrets } from './secrets.js';
import { refreshZaloAccess } from './zalo-tokens.js';

const { db } = await testDatabase();
const { zalo, facebook, settings } = await startFakes();
const app = await makeChannelApp(db, settings);

let tree: Awaited<ReturnType<typeof makeTree>>;
let adminA: Session;
let pageToken: string;
const PAGE_ID = '104857600123456';
const job = { id: 'test', retryCount: 0, retryLimit: 8 };

async function connectZalo(session: Session, pair = zalo.issuePair()) {
  const put = await app.inject({
    method: 'PUT',
    url: `/api/units/${tree.schoolA}/channels/zalo`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload: { oaId: '4318795412345678901', appId: zalo.app.appId, secretKey: zalo.app.secretKey, ...pair },
  });
  expect(put.statusCode).toBe(200);
  return pair;
}

async function connectFacebook(session: Session, token: string) {
  const put = await app.inject({
    method: 'PUT',
    url: `/api/units/${tree.schoolA}/channels/facebook`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload: { pageId: PAGE_ID, pageAccessToken: token },
  });
  expect(put.statusCode).toBe(200);
}

async function storedZalo(): Promise<ZaloSecrets> {
  const row = await db
    .selectFrom('channel_connections')
    .select(['unit_id', 'secrets'])
    .where('unit_id', '=', tree.schoolA)
    .where('channel', '=', 'zalo')
    .executeTakeFirstOrThrow();
  return openSecrets<ZaloSecrets>(row.unit_id, 'zalo', row.secrets);
}

async function runAll() {
  while (await runNextJob(db, channelPostQueue)) {
    // every waiting job, as a worker would
  }
}

beforeAll(async () => {
  tree = await makeTree(db);
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  pageToken = facebook.addPage(PAGE_ID, 'Công đoàn Trường THPT A');
  await connectZalo(adminA);
  await connectFacebook(adminA, pageToken);
});

afterEach(() => {
  zalo.recover();
  zalo.processFor(0);
  facebook.recover();
});

describe('publishing an article to Zalo and Facebook', () => {
  it('posts once per channel even when the job runs twice, concurrently, and the article is published again', async () => {
    const article = await makeArticle(db, tree.schoolA, { title: `Hội thi ${'rất dài '.repeat(30)}` });
    const written = await publishArticle(db, article.id, tree.schoolA);
    expect(written.map((w) => w.status)).toEqual(['pending', 'pending']);
    // Published again (e.g. unarchived): no second row, no second job.
    expect(await publishArticle(db, article.id, tree.schoolA)).toEqual([]);
    const zaloCreates = zalo.calls('/v2.0/article/create').length;
    const feedCalls = facebook.feedCalls().length;

    const rows = await postsOf(db, article.id);
    // Two runs of each row's job at the same moment, then pg-boss's own run, then once more by hand.
    await Promise.all(
      rows.flatMap((row) => [publishPost(db, settings, row.id, job), publishPost(db, settings, row.id, job)]),
    );
    await runAll();
    for (const row of rows) await publishPost(db, settings, row.id, job);

    expect(zalo.calls('/v2.0/article/create').length - zaloCreates).toBe(1);
    expect(facebook.feedCalls().length - feedCalls).toBe(1);
    const after = await postsOf(db, article.id);
    expect(after.map((p) => [p.channel, p.status, p.attempts])).toEqual([
      ['facebook', 'published', 1],
      ['zalo', 'published', 1],
    ]);
    const fbPost = facebook.posts.at(-1);
    expect(after[0]?.remote_id).toBe(fbPost?.id);
    expect(after[0]?.remote_url).toBe(`https://www.facebook.com/${fbPost?.id}`);
    expect(fbPost?.link).toBe(`${PUBLIC_URL}/tin-tuc/${article.slug}`);
    expect(after[1]?.remote_id).toBe(zalo.articles.at(-1)?.id);

    // The Zalo request as documented: access_token header, limits respected.
    const create = zalo.calls('/v2.0/article/create').at(-1);
    expect(create?.headers.access_token).toBeTruthy();
    expect(create?.headers.authorization).toBeUndefined();
    expect([...String(create?.body?.title)].length).toBeLessThanOrEqual(150);
    expect(create?.body?.author).toBe('Công đoàn Trường THPT A');
    expect(create?.body?.body).toEqual([
      { type: 'text', content: 'Sáng 12/3, Công đoàn trường phối hợp với nhà trường tổ chức hội thi.' },
      { type: 'text', content: 'Ban giám khảo & đại biểu dự.' },
      { type: 'text', content: `Xem bài đầy đủ: ${PUBLIC_URL}/tin-tuc/${article.slug}` },
    ]);
    // Facebook: form parameters with the Page token.
    const feed = facebook.feedCalls().at(-1);
    expect(feed?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(feed?.body?.access_token).toBe(pageToken);
  });

  it('keeps rows failed with a retry scheduled during an outage, then publishes once when the channels recover', async () => {
    const article = await makeArticle(db, tree.schoolA, { title: 'Đại hội Công đoàn trường nhiệm kỳ 2025–2030' });
    await publishArticle(db, article.id, tree.schoolA);
    zalo.failNext(100, { error: -32 });
    facebook.failNext(100, { code: 2 });
    await runAll();

    const failed = await postsOf(db, article.id);
    expect(failed.map((p) => [p.channel, p.status, p.will_retry, p.remote_id])).toEqual([
      ['facebook', 'failed', true, null],
      ['zalo', 'failed', true, null],
    ]);
    expect((await jobStates(db)).slice(-2)).toEqual(['retry', 'retry']);
    const panel = (await as(app, adminA).get(`/api/articles/${article.id}/channel-posts`)).json();
    expect(panel.posts.map((p: { lastError: string }) => p.lastError)).toEqual([
      'Zalo đang giới hạn số lượt gọi (mã -32); sẽ thử lại sau.',
      'Facebook đang tạm thời lỗi (mã 2); sẽ thử lại sau.',
    ]);
    expect(panel.posts.every((p: { willRetry: boolean }) => p.willRetry)).toBe(true);

    // Still down at the first retry.
    await retriesDueNow(db);
    await runAll();
    expect((await postsOf(db, article.id)).map((p) => [p.status, p.attempts])).toEqual([
      ['failed', 2],
      ['failed', 2],
    ]);

    zalo.recover();
    facebook.recover();
    const fbBefore = facebook.posts.length;
    const zaloBefore = zalo.articles.length;
    await retriesDueNow(db);
    await runAll();
    const done = await postsOf(db, article.id);
    expect(done.map((p) => [p.channel, p.status, p.attempts, p.last_error])).toEqual([
      ['facebook', 'published', 3, null],
      ['zalo', 'published', 3, null],
    ]);
    expect(done.every((p) => p.remote_id)).toBe(true);
    expect(facebook.posts.length - fbBefore).toBe(1);
    expect(zalo.articles.length - zaloBefore).toBe(1);
    // Nothing left to run, and running again does nothing.
    await retriesDueNow(db);
    expect(await runNextJob(db, channelPostQueue)).toBe(false);
  });

  it('finishes the same Zalo article after -214 or a crash after create, never creating a second one', async () => {
    zalo.processFor(1);
    const article = await makeArticle(db, tree.schoolA, { title: 'Tuyên truyền Luật Công đoàn 2024' });
    await publishArticle(db, article.id, tree.schoolA, ['zalo']);
    const creates = zalo.calls('/v2.0/article/create').length;
    await runAll();
    const [processing] = await postsOf(db, article.id);
    expect(processing?.status).toBe('pending');
    expect(processing?.verify_token).toBeTruthy();
    expect(processing?.last_error).toBe('Zalo đang xử lý ảnh của bài (mã -214); sẽ xác nhận lại sau.');
    zalo.processFor(0);

    // A worker died right after claiming the retry (row left 'publishing'), its lease long gone.
    await db
      .updateTable('article_channel_posts')
      .set({ status: 'publishing', claimed_at: new Date(Date.now() - 10 * 60_000) })
      .where('id', '=', processing?.id as number)
      .execute();
    await retriesDueNow(db);
    await runAll();
    const [done] = await postsOf(db, article.id);
    expect(done?.status).toBe('published');
    expect(zalo.calls('/v2.0/article/create').length - creates).toBe(1);
    expect(zalo.articles.filter((a) => a.token === processing?.verify_token).map((a) => a.id)).toEqual([
      done?.remote_id,
    ]);
  });

  it('refreshes an expired Zalo token once, stores the rotated pair, and never sends an old refresh token again', async () => {
    const before = await storedZalo();
    zalo.expire(before.accessToken);
    const article = await makeArticle(db, tree.schoolA, { title: 'Ngày hội gia đình công nhân viên chức' });
    await publishArticle(db, article.id, tree.schoolA, ['zalo']);
    const refreshes = zalo.calls('/v4/oa/access_token').length;
    await runAll();

    expect((await postsOf(db, article.id))[0]?.status).toBe('published');
    const refreshCalls = zalo.calls('/v4/oa/access_token').slice(refreshes);
    expect(refreshCalls).toHaveLength(1);
    expect(refreshCalls[0]?.headers.secret_key).toBe(zalo.app.secretKey);
    expect(refreshCalls[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(refreshCalls[0]?.body).toEqual({
      refresh_token: before.refreshToken,
      app_id: zalo.app.appId,
      grant_type: 'refresh_token',
    });
    const after = await storedZalo();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(zalo.refreshTokenState(before.refreshToken)).toBe('used');
    expect(zalo.refreshTokenState(after.refreshToken)).toBe('unused');

    // Two processes find the new token expired at once: one refresh, both get the same new token.
    zalo.expire(after.accessToken);
    const [one, two] = await Promise.all([
      refreshZaloAccess(db, settings, await connectionId(), after.accessToken),
      refreshZaloAccess(db, settings, await connectionId(), after.accessToken),
    ]);
    expect(one).toBe(two);
    const sent = zalo.calls('/v4/oa/access_token').map((r) => r.body?.refresh_token);
    expect(sent).toHaveLength(new Set(sent).size);
    expect(sent.at(-1)).toBe(after.refreshToken);
    expect((await storedZalo()).accessToken).toBe(one);
  });

  it('marks Facebook disconnected on error 190 without retrying, and publishes after reconnecting and a manual retry', async () => {
    facebook.revoke(PAGE_ID, pageToken);
    const article = await makeArticle(db, tree.schoolA, { title: 'Trao học bổng cho con đoàn viên vượt khó' });
    await publishArticle(db, article.id, tree.schoolA, ['facebook']);
    const feedCalls = facebook.feedCalls().length;
    await runAll();
    const [row] = await postsOf(db, article.id);
    expect([row?.status, row?.will_retry]).toEqual(['disconnected', false]);
    expect(row?.last_error).toBe(
      'Mã truy cập Trang Facebook đã hết hạn hoặc bị thu hồi (mã 190); hãy kết nối lại Trang.',
    );
    expect((await jobStates(db)).at(-1)).toBe('completed');
    await retriesDueNow(db);
    expect(await runNextJob(db, channelPostQueue)).toBe(false);
    expect(facebook.feedCalls().length - feedCalls).toBe(1);
    const channels = (await as(app, adminA).get(`/api/units/${tree.schoolA}/channels`)).json();
    expect(channels.connections[1]).toMatchObject({ channel: 'facebook', state: 'disconnected' });

    // Retrying before reconnecting is refused; after reconnecting it publishes.
    const early = await as(app, adminA).post(`/api/articles/${article.id}/channel-posts/facebook/retry`);
    expect(early.statusCode).toBe(409);
    pageToken = facebook.addPage(PAGE_ID, 'Công đoàn Trường THPT A');
    await connectFacebook(adminA, pageToken);
    const retried = await as(app, adminA).post(`/api/articles/${article.id}/channel-posts/facebook/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json().posts[0]).toMatchObject({ status: 'pending', lastError: null });
    await runAll();
    const [published] = await postsOf(db, article.id);
    expect(published?.status).toBe('published');
    expect(facebook.posts.filter((p) => p.link.endsWith(article.slug))).toHaveLength(1);
  });

  it('records a Facebook duplicate (506) of our own post as published', async () => {
    const article = await makeArticle(db, tree.schoolA, { title: 'Hưởng ứng Tháng Công nhân 2025' });
    await publishArticle(db, article.id, tree.schoolA, ['facebook']);
    const [row] = await postsOf(db, article.id);
    await runAll();
    // The answer was "lost": the row is back to a crashed 'publishing' without its id.
    await db
      .updateTable('article_channel_posts')
      .set({ status: 'publishing', remote_id: null, remote_url: null, claimed_at: new Date(Date.now() - 10 * 60_000) })
      .where('id', '=', row?.id as number)
      .execute();
    await publishPost(db, settings, row?.id as number, job);
    const [again] = await postsOf(db, article.id);
    expect(again?.status).toBe('published');
    expect(again?.note).toBe('Facebook báo bài đã có trên Trang (mã 506); coi như đã đăng.');
    expect(facebook.posts.filter((p) => p.link.endsWith(article.slug))).toHaveLength(1);
  });
});

async function connectionId(): Promise<number> {
  const row = await db
    .selectFrom('channel_connections')
    .select('id')
    .where('unit_id', '=', tree.schoolA)
    .where('channel', '=', 'zalo')
    .executeTakeFirstOrThrow();
  return row.id;
}
