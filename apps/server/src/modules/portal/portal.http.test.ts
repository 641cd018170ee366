import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import type { Session } from '../../../test/factories.js';
import { runNextJob } from '../../platform/jobs.js';
import { createViaApi, type NewsWorld, newsWorld } from '../news/news.test-helpers.js';
import { publishScheduled, publishScheduledQueue } from '../news/news.workflow.js';
import { countRead, forgetReaders } from './portal.reads.js';

const { db } = await testDatabase();
let world: NewsWorld;

beforeAll(async () => {
  world = await newsWorld(db);
});

function upload(session: Session, articleId: number, file: Buffer, cover: boolean) {
  const boundary = `----lantoa${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="anh.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  return world.app.inject({
    method: 'POST',
    url: `/api/news/articles/${articleId}/images${cover ? '?cover=true' : ''}`,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 11, g: 92, b: 171 } } })
    .png()
    .toBuffer();

/** Writes at school A, approves and publishes at the province; returns the article. */
async function published(title: string, input: { summary?: string; bodyHtml?: string; category?: string } = {}) {
  const article = await createViaApi(world.app, world.sessions.schoolEditor, {
    unitId: world.tree.schoolA,
    title,
    ...input,
  });
  await world.client('schoolEditor').post(`/api/news/articles/${article.id}/submit`);
  await world.client('provinceEditor').post(`/api/news/articles/${article.id}/approve`);
  const response = await world.client('provinceEditor').post(`/api/news/articles/${article.id}/publish`, {});
  expect(response.statusCode).toBe(200);
  return article;
}

const get = (url: string, headers: Record<string, string> = {}) =>
  world.app.inject({
    method: 'GET',
    url,
    headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/126', ...headers },
  });

const PAYLOAD = `<p>Bài viết <strong>an toàn</strong>.</p>
<script>alert('xss')</script>
<img src="x" onerror="alert(1)">
<img src="/api/news/files/999999">
<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">
<a href="javascript:alert(1)">bấm vào đây</a>
<a href="JaVaScRiPt:alert(2)">hoặc đây</a>
<svg onload="alert(1)"><circle r="5"/></svg>
<iframe src="https://example.com"></iframe>
<p style="background:url(javascript:alert(1))" onclick="alert(1)">đoạn có thuộc tính lạ</p>
<a href="https://congdoan.vn/tin" onmouseover="alert(1)">liên kết hợp lệ</a>`;

describe('rich text safety', () => {
  it('neutralises an XSS payload in the stored HTML and on the portal page, keeping our own images', async () => {
    const article = await createViaApi(world.app, world.sessions.schoolEditor, {
      unitId: world.tree.schoolA,
      title: '<script>alert("tiêu đề")</script> Tin có mã độc',
      bodyHtml: PAYLOAD,
    });
    const image = await upload(world.sessions.schoolEditor, article.id, await png(1200, 800), false);
    expect(image.statusCode).toBe(201);
    const { url, fileId } = image.json();
    const patched = await world.client('schoolEditor').patch(`/api/news/articles/${article.id}`, {
      bodyHtml: `${PAYLOAD}<p><img src="${url}" alt="Ảnh hội thi" onerror="alert(1)"></p>`,
    });
    const stored = patched.json().bodyHtml as string;
    for (const bad of [
      '<script',
      'onerror',
      'onclick',
      'onmouseover',
      'onload',
      'javascript:',
      'JaVaScRiPt',
      '<svg',
      '<iframe',
      'style=',
      'data:',
      '999999',
      'src="x"',
    ]) {
      expect(stored).not.toContain(bad);
    }
    expect(stored).toContain('<strong>an toàn</strong>');
    expect(stored).toContain('<a href="https://congdoan.vn/tin">liên kết hợp lệ</a>');
    expect(stored).toContain(`<img src="/api/news/files/${fileId}" alt="Ảnh hội thi" />`);

    await world.client('schoolEditor').post(`/api/news/articles/${article.id}/submit`);
    await world.client('provinceEditor').post(`/api/news/articles/${article.id}/approve`);
    await world.client('provinceEditor').post(`/api/news/articles/${article.id}/publish`, {});
    const slug = (await world.client('provinceEditor').get(`/api/news/articles/${article.id}`)).json().slug;
    const pageHtml = (await get(`/tin-tuc/${slug}`)).body;
    expect(pageHtml).not.toMatch(/<script|onerror|onload|javascript:|<svg|<iframe/iu);
    expect(pageHtml).toContain('&lt;script&gt;alert(&quot;tiêu đề&quot;)&lt;/script&gt; Tin có mã độc');
    expect(pageHtml).toContain(`src="/api/news/files/${fileId}?w=960"`);
  });

  it('images: type read from the bytes, re-encoded in three widths, private until published', async () => {
    const article = await createViaApi(world.app, world.sessions.schoolEditor, {
      unitId: world.tree.schoolA,
      title: 'Tin có ảnh bìa',
    });
    const notImage = await upload(
      world.sessions.schoolEditor,
      article.id,
      Buffer.from('<svg onload="alert(1)"></svg>'),
      true,
    );
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().error.code).toBe('FILE_INVALID');
    const stranger = await upload(world.sessions.otherSchoolAdmin, article.id, await png(10, 10), true);
    expect(stranger.statusCode).toBe(404);

    const cover = await upload(world.sessions.schoolEditor, article.id, await png(2400, 1200), true);
    expect(cover.json()).toMatchObject({ width: 2000, height: 1000 });
    const { fileId } = cover.json();
    const view = (await world.client('schoolEditor').get(`/api/news/articles/${article.id}`)).json();
    expect(view).toMatchObject({ coverFileId: fileId, coverUrl: `/api/news/files/${fileId}?w=960` });
    for (const [query, width] of [
      ['', 2000],
      ['?w=960', 960],
      ['?w=400', 400],
    ] as const) {
      const own = await world.client('schoolEditor').get(`/api/news/files/${fileId}${query}`);
      expect(own.statusCode).toBe(200);
      expect(own.headers['cache-control']).toBe('private, no-cache');
      expect((await sharp(own.rawPayload).metadata()).width).toBe(width);
    }
    expect((await get(`/api/news/files/${fileId}`)).statusCode).toBe(404);
    expect((await world.client('otherSchoolAdmin').get(`/api/news/files/${fileId}`)).statusCode).toBe(404);
  });
});

describe('the public portal', () => {
  let slug: string;
  beforeAll(async () => {
    const article = await published('Hội thao chào mừng Ngày Nhà giáo Việt Nam 20/11', {
      summary: 'Hơn 300 đoàn viên tham gia các môn bóng chuyền, cầu lông, kéo co.',
      category: 'van-hoa-the-thao',
    });
    const cover = await upload(world.sessions.provinceEditor, article.id, await png(1600, 900), true);
    expect(cover.statusCode).toBe(201);
    slug = article.slug;
  });

  it('an article page: 200, utf-8, lang vi, Open Graph and Twitter tags with absolute URLs, canonical, cache validators', async () => {
    const response = await get(`/tin-tuc/${slug}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    const html = response.body;
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    const origin = 'http://localhost:3000';
    expect(html).toContain('<meta property="og:title" content="Hội thao chào mừng Ngày Nhà giáo Việt Nam 20/11">');
    expect(html).toContain(
      '<meta property="og:description" content="Hơn 300 đoàn viên tham gia các môn bóng chuyền, cầu lông, kéo co.">',
    );
    expect(html).toContain(`<meta property="og:url" content="${origin}/tin-tuc/${slug}">`);
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="og:locale" content="vi_VN">');
    expect(html).toMatch(new RegExp(`<meta property="og:image" content="${origin}/api/news/files/\\d+\\?w=960">`));
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain(`<link rel="canonical" href="${origin}/tin-tuc/${slug}">`);
    expect(html).toContain('<meta name="description" content="Hơn 300 đoàn viên');
    expect(html).not.toMatch(/<script|style=/u);
    const again = await get(`/tin-tuc/${slug}`, { 'if-none-match': String(response.headers.etag) });
    expect(again.statusCode).toBe(304);

    const css = html.match(/href="(\/tin-tuc\/giao-dien-[0-9a-f]+\.css)"/u)?.[1] as string;
    const sheet = await get(css);
    expect(sheet.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(sheet.headers['cache-control']).toContain('immutable');
    // The cover of a published article is public now.
    const image = html.match(
      /og:image" content="http:\/\/localhost:3000(\/api\/news\/files\/\d+\?w=960)"/u,
    )?.[1] as string;
    const served = await get(image);
    expect(served.statusCode).toBe(200);
    expect(served.headers['cache-control']).toBe('public, max-age=604800');
  });

  it('home and category pages list it; drafts, submitted and unknown articles are 404 pages', async () => {
    const home = await get('/tin-tuc');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`href="/tin-tuc/${slug}"`);
    expect(home.body).toContain('<meta property="og:type" content="website">');
    const category = await get('/tin-tuc/chuyen-muc/van-hoa-the-thao');
    expect(category.body).toContain('<h1>Văn hóa, thể thao</h1>');
    expect(category.body).toContain(`href="/tin-tuc/${slug}"`);
    expect((await get('/tin-tuc/chuyen-muc/khong-co')).statusCode).toBe(404);

    const draft = await createViaApi(world.app, world.sessions.schoolEditor, {
      unitId: world.tree.schoolA,
      title: 'Bản nháp chưa đăng',
    });
    const missing = await get(`/tin-tuc/${draft.slug}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body).toContain('Tin bài không tồn tại hoặc chưa được đăng.');
    await world.client('schoolEditor').post(`/api/news/articles/${draft.id}/submit`);
    expect((await get(`/tin-tuc/${draft.slug}`)).statusCode).toBe(404);
    expect((await get('/tin-tuc')).body).not.toContain('Bản nháp chưa đăng');
    expect((await get('/tin-tuc/khong-co-tin-nay')).statusCode).toBe(404);
    // Web pages, not API: the OpenAPI document lists the news API but no portal page.
    const paths = Object.keys((await get('/api/docs/json')).json().paths);
    expect(paths).toContain('/api/news/articles/{id}/publish');
    expect(paths.filter((path) => path.startsWith('/tin-tuc'))).toEqual([]);
  });

  it('search ignores diacritics and case, and finds only published articles', async () => {
    await published('Tuyên truyền Bộ luật Lao động cho người lao động', { category: 'phap-luat' });
    await createViaApi(world.app, world.sessions.schoolEditor, {
      unitId: world.tree.schoolA,
      title: 'Bộ luật Lao động — bản nháp',
    });
    const response = await get('/tin-tuc/tim-kiem?q=BO%20LUAT%20lao%20dong');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Kết quả tìm “BO LUAT lao dong”: 1 tin bài');
    expect(response.body).toContain('Tuyên truyền Bộ luật Lao động cho người lao động');
    expect(response.body).not.toContain('bản nháp');
    const accented = await get(`/tin-tuc/tim-kiem?q=${encodeURIComponent('hội thao')}`);
    expect(accented.body).toContain('Hội thao chào mừng Ngày Nhà giáo Việt Nam 20/11');
    expect((await get('/tin-tuc/tim-kiem?q=%3Cscript%3E')).body).not.toContain('<script>');
  });

  it('the RSS feed is RSS 2.0 XML with published items only', async () => {
    const response = await get('/tin-tuc/rss.xml');
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const xml = response.body;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    const titles = [...xml.matchAll(/<item>\s*<title>([^<]*)<\/title>/gu)].map((m) => m[1]);
    const publishedTitles = await db.selectFrom('articles').select('title').where('status', '=', 'published').execute();
    expect(titles.sort()).toEqual(
      publishedTitles
        .map((a) =>
          a.title.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;'),
        )
        .sort(),
    );
    expect(xml).not.toContain('bản nháp');
    // Well-formed: every opened element is closed in order (a small check without an XML library).
    const stack: string[] = [];
    for (const tag of xml.replace(/<\?xml[^>]*\?>/u, '').matchAll(/<(\/?)([a-zA-Z:]+)[^>]*?(\/?)>/gu)) {
      const [, closing, name, selfClosing] = tag;
      if (selfClosing) continue;
      if (closing) expect(stack.pop()).toBe(name);
      else stack.push(name as string);
    }
    expect(stack).toEqual([]);
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/u);
  });

  it('counts one read per reader per day, not robots, and reports reach per unit', async () => {
    const article = await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const before = await db
      .selectFrom('article_reads')
      .select(sql<number>`coalesce(sum(reads), 0)::int`.as('n'))
      .where('article_id', '=', article.id)
      .executeTakeFirstOrThrow();
    await get(`/tin-tuc/${slug}`);
    await get(`/tin-tuc/${slug}`, { 'user-agent': 'Mozilla/5.0 (iPhone) Safari/604.1' });
    await get(`/tin-tuc/${slug}`, { 'user-agent': 'facebookexternalhit/1.1' });
    await get(`/tin-tuc/${slug}`, { 'user-agent': 'Zalo/1.0 link preview' });
    const after = await db
      .selectFrom('article_reads')
      .select(sql<number>`sum(reads)::int`.as('n'))
      .where('article_id', '=', article.id)
      .executeTakeFirstOrThrow();
    // The Android reader was already counted by the first test; the iPhone one is new; robots are not readers.
    expect(after.n - before.n).toBe(1);
    expect(await countRead(db, article.id, { ip: '203.0.113.9', userAgent: 'Mozilla/5.0' })).toBe(true);
    expect(await countRead(db, article.id, { ip: '203.0.113.9', userAgent: 'Mozilla/5.0' })).toBe(false);
    const visitors = await db
      .selectFrom('article_read_visitors')
      .selectAll()
      .where('article_id', '=', article.id)
      .execute();
    expect(JSON.stringify(visitors)).not.toContain('203.0.113.9');
    // Tomorrow, yesterday's hashes and salt are gone; the counts stay.
    await forgetReaders(db, new Date(Date.now() + 86_400_000));
    expect(await db.selectFrom('article_read_visitors').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('article_read_salts').selectAll().execute()).toEqual([]);

    const reach = (await world.client('provinceEditor').get(`/api/news/reach?unitId=${world.tree.province}`)).json();
    const total = await db
      .selectFrom('article_reads')
      .select(sql<number>`sum(reads)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(reach.totalReads).toBe(total.n);
    const schoolA = reach.units.find((u: { id: number }) => u.id === world.tree.schoolA);
    expect(schoolA.reads).toBe(total.n);
    expect(reach.articles[0]).toMatchObject({ publicUrl: `/tin-tuc/${slug}`, reads: after.n + 1 });
    expect(
      (await world.client('otherSchoolAdmin').get(`/api/news/reach?unitId=${world.tree.schoolA}`)).statusCode,
    ).toBe(404);
    expect((await world.client('member').get(`/api/news/reach?unitId=${world.tree.schoolA}`)).statusCode).toBe(404);
  });
});

describe('scheduled publishing', () => {
  it('an approved article waits for its time, then the job publishes it once, even when run twice', async () => {
    const article = await createViaApi(world.app, world.sessions.schoolEditor, {
      unitId: world.tree.schoolA,
      title: 'Tin hẹn giờ đăng',
    });
    await world.client('schoolEditor').post(`/api/news/articles/${article.id}/submit`);
    await world.client('provinceEditor').post(`/api/news/articles/${article.id}/approve`);
    const later = new Date(Date.now() + 3_600_000);
    const scheduled = await world.client('provinceEditor').post(`/api/news/articles/${article.id}/publish`, {
      publishAt: later.toISOString(),
    });
    expect(scheduled.json()).toMatchObject({ status: 'approved', publishedAt: null });
    expect(scheduled.json().publishAt).not.toBeNull();
    expect((await get(`/tin-tuc/${article.slug}`)).statusCode).toBe(404);
    // Not due yet: the queue hands nothing out.
    expect(await runNextJob(db, publishScheduledQueue)).toBe(false);

    // The hour passes.
    await sql`update articles set publish_at = publish_at - interval '1 hour' where id = ${article.id}`.execute(db);
    await sql`update pgboss.job set start_after = now() - interval '1 second',
      data = jsonb_set(data, '{publishAt}', to_jsonb((select to_json(publish_at)#>>'{}' from articles where id = ${article.id})))
      where name = ${publishScheduledQueue.name}`.execute(db);
    const job = await sql<{
      data: unknown;
    }>`select data from pgboss.job where name = ${publishScheduledQueue.name}`.execute(db);
    expect(job.rows).toHaveLength(1);
    const data = job.rows[0]?.data as { articleId: number; publishAt: string };
    expect(await runNextJob(db, publishScheduledQueue)).toBe(true);
    const row = await db
      .selectFrom('articles')
      .select(['status', 'published_at'])
      .where('id', '=', article.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('published');
    expect((await get(`/tin-tuc/${article.slug}`)).statusCode).toBe(200);

    // The same job again (a crash between its work and its completion): nothing more happens.
    expect(await publishScheduled(db, data)).toBe(false);
    const audits = await db
      .selectFrom('audit_events')
      .select(['action', 'actor_account_id'])
      .where('entity_type', '=', 'article')
      .where('entity_id', '=', article.id)
      .where('action', '=', 'article.published')
      .execute();
    expect(audits).toEqual([{ action: 'article.published', actor_account_id: null }]);
  });
});
