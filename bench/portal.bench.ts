import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { Db } from '../apps/server/src/db/database.js';
import { coverImage } from '../apps/server/src/db/seed/demo-news.js';
import { Rng } from '../apps/server/src/db/seed/random.js';
import { createAccount } from '../apps/server/src/modules/access/accounts.service.js';
import { uploadArticleImage } from '../apps/server/src/modules/news/news.commands.js';
import { articleSearchText } from '../apps/server/src/modules/news/news.sanitize.js';
import { createRootUnit, createUnit } from '../apps/server/src/modules/org/units.commands.js';
import { type Actor, systemAdminActor } from '../apps/server/src/platform/access.js';
import { benchDatabase } from './support/postgres.js';
import { type BenchResult, table } from './support/report.js';
import { summarize } from './support/stats.js';

/**
 * The public portal (/tin-tuc) with 2,000 published articles: what a reader downloads for the home
 * page and an article page (HTML, the stylesheet, images), and the time to first byte of each
 * page type over real HTTP on one app process, next to a bare endpoint in the same run.
 */

const ARTICLES = 2_000;
const WITH_COVER = 600;
const SCHOOLS = 40;
const REQUESTS = 400;
const WARMUP = 40;
const CATEGORIES = [
  'hoat-dong-cong-doan',
  'guong-nguoi-tot-viec-tot',
  'dien-hinh-tien-tien',
  'phap-luat',
  'van-hoa-the-thao',
  'giao-duc',
];
const WORDS =
  'công đoàn đoàn viên nhà giáo người lao động tuyên truyền vận động phong trào thi đua chăm lo đời sống học tập nghị quyết pháp luật văn hóa thể thao hội thi hội thao giáo dục học sinh nhà trường tổ chuyên môn sáng kiến điển hình tiên tiến gương người tốt việc tốt hỗ trợ thăm hỏi an toàn vệ sinh lao động chuyển đổi số'.split(
    ' ',
  );

function sentence(rng: Rng, words: number): string {
  const parts = Array.from({ length: words }, () => WORDS[rng.int(0, WORDS.length - 1)]);
  const text = parts.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

async function seed(db: Db, actor: Actor): Promise<{ articleSlug: string }> {
  const rng = new Rng(20_251_127);
  const kinds = new Map(
    (await db.selectFrom('unit_kinds').select(['id', 'code']).execute()).map((k) => [k.code, k.id]),
  );
  const province = await db.transaction().execute((tx) =>
    createRootUnit(tx, actor, {
      name: 'Công đoàn Giáo dục tỉnh Ninh Bình',
      kindId: kinds.get('province_union') as number,
      validFrom: '2020-01-01',
    }),
  );
  const schools: number[] = [];
  for (let i = 1; i <= SCHOOLS; i++) {
    schools.push(
      await createUnit(db, actor, {
        name: `Công đoàn Trường THCS số ${i}`,
        kindId: kinds.get('grassroots_union') as number,
        parentId: province,
        validFrom: '2020-01-01',
      }),
    );
  }
  const now = Date.now();
  const rows = Array.from({ length: ARTICLES }, (_, i) => {
    const title = `${sentence(rng, rng.int(8, 14)).slice(0, -1)} (${i + 1})`;
    const summary = sentence(rng, rng.int(20, 32));
    const body = Array.from({ length: rng.int(4, 8) }, () => `<p>${sentence(rng, rng.int(40, 90))}</p>`).join('');
    return {
      unit_id: schools[i % SCHOOLS] as number,
      publisher_unit_id: province,
      title,
      summary,
      body_html: body,
      category: CATEGORIES[i % CATEGORIES.length] as string,
      status: 'published' as const,
      slug: `tin-bai-${i + 1}`,
      published_at: new Date(now - (ARTICLES - i) * 3_600_000),
      search_text: articleSearchText(title, summary, body),
      author_account_id: actor.accountId,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('articles')
      .values(rows.slice(i, i + 500))
      .execute();
  // Covers for the newest 600: the first few drawn and re-encoded by the upload path, the rest copies of their bytes.
  const newest = await db
    .selectFrom('articles')
    .select('id')
    .orderBy('published_at', 'desc')
    .limit(WITH_COVER)
    .execute();
  const templates: number[] = [];
  for (const [index, { id }] of newest.entries()) {
    if (index < 6) {
      const { fileId } = await uploadArticleImage(
        db,
        actor,
        id,
        { buffer: await coverImage('Hoạt động công đoàn', 'Công đoàn Trường THCS', index), filename: 'bia.jpg' },
        true,
      );
      templates.push(fileId);
      continue;
    }
    const from = templates[index % templates.length] as number;
    await sql`
      with src as (select * from article_files where file_id = ${from}),
      copies as (
        insert into files (sha256, content_type, size, original_name, data, width, height, created_by)
        select f.sha256, f.content_type, f.size, f.original_name, f.data, f.width, f.height, f.created_by
        from src cross join lateral (values (src.file_id, 1), (src.medium_id, 2), (src.thumbnail_id, 3)) v(id, n)
        join files f on f.id = v.id order by v.n returning id
      ),
      ids as (select array_agg(id order by id) as a from copies),
      placed as (insert into article_files (file_id, article_id, medium_id, thumbnail_id) select a[1], ${id}, a[2], a[3] from ids returning file_id)
      update articles set cover_file_id = (select file_id from placed) where id = ${id}`.execute(db);
  }
  await sql`analyze`.execute(db);
  const article = await db
    .selectFrom('articles')
    .select('slug')
    .where('cover_file_id', 'is not', null)
    .orderBy('published_at', 'desc')
    .offset(3)
    .limit(1)
    .executeTakeFirstOrThrow();
  return { articleSlug: article.slug };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET: milliseconds to the first byte of the body, the whole body, and the headers. */
function fetchTimed(
  base: string,
  path: string,
): Promise<{ ttfb: number; body: Buffer; headers: http.IncomingHttpHeaders; status: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const request = http.get(
      `${base}${path}`,
      { agent, headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) bench' } },
      (response) => {
        const chunks: Buffer[] = [];
        let ttfb = 0;
        response.on('data', (chunk: Buffer) => {
          if (chunks.length === 0) ttfb = performance.now() - start;
          chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            ttfb: ttfb || performance.now() - start,
            body: Buffer.concat(chunks),
            headers: response.headers,
            status: response.statusCode ?? 0,
          }),
        );
      },
    );
    request.on('error', reject);
  });
}

interface Weight {
  html: number;
  htmlGzip: number;
  css: number;
  cssGzip: number;
  images: number;
  imageCount: number;
  imagesLarge: number;
}

async function weigh(base: string, path: string): Promise<Weight> {
  const page = await fetchTimed(base, path);
  const html = page.body.toString('utf8');
  const cssPath = html.match(/<link rel="stylesheet" href="([^"]+)"/u)?.[1] as string;
  const css = (await fetchTimed(base, cssPath)).body;
  const srcs = [...html.matchAll(/<img src="([^"]+)"/gu)].map((m) => (m[1] as string).replaceAll('&amp;', '&'));
  const large = [...html.matchAll(/srcset="[^"]*?(\S+) 960w"/gu)].map((m) => m[1] as string);
  let images = 0;
  for (const src of srcs) images += (await fetchTimed(base, src)).body.length;
  let imagesLarge = 0;
  for (const src of large) imagesLarge += (await fetchTimed(base, src)).body.length;
  return {
    html: page.body.length,
    htmlGzip: gzipSync(page.body).length,
    css: css.length,
    cssGzip: gzipSync(css).length,
    images,
    imageCount: srcs.length,
    imagesLarge,
  };
}

async function ttfbOf(base: string, paths: () => string): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fetchTimed(base, paths());
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const result = await fetchTimed(base, paths());
    if (result.status !== 200) throw new Error(`status ${result.status}`);
    samples.push(result.ttfb);
  }
  return samples;
}

const kb = (bytes: number) => `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;
const f = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });

export async function run(): Promise<BenchResult> {
  const database = await benchDatabase();
  const { account } = await createAccount(
    database.db,
    null,
    { displayName: 'Quản trị', email: 'bench@lantoa.vn', role: 'system_admin', unitId: null },
    'mat-khau-bench-2025',
  );
  const actor = systemAdminActor(account);
  const { articleSlug } = await seed(database.db, actor);
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/lantoa-bench-unused' }),
    webDistDir: '/nonexistent',
  };
  const app = await buildApp(config, database.db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const home = await weigh(base, '/tin-tuc');
    const article = await weigh(base, `/tin-tuc/${articleSlug}`);
    let n = 0;
    const cases: [string, () => string][] = [
      ['bare endpoint `GET /api/health` (one `select 1`)', () => '/api/health'],
      ['home `/tin-tuc`', () => '/tin-tuc'],
      ['category page `/tin-tuc/chuyen-muc/phap-luat`', () => '/tin-tuc/chuyen-muc/phap-luat'],
      [
        'article page `/tin-tuc/<slug>` (a different article each time; the read is counted)',
        () => `/tin-tuc/tin-bai-${(n++ % ARTICLES) + 1}`,
      ],
      [
        'search `/tin-tuc/tim-kiem?q=thi dua cong doan` (no diacritics)',
        () => '/tin-tuc/tim-kiem?q=thi%20dua%20cong%20doan',
      ],
      ['RSS `/tin-tuc/rss.xml`', () => '/tin-tuc/rss.xml'],
    ];
    const results: { name: string; s: ReturnType<typeof summarize> }[] = [];
    for (const [name, paths] of cases) results.push({ name, s: summarize(await ttfbOf(base, paths)) });
    const baseline = results[0]?.s.median ?? 1;
    const weightRows = [
      ['HTML', kb(home.html), kb(home.htmlGzip), kb(article.html), kb(article.htmlGzip)],
      ['stylesheet (one file, cached a year)', kb(home.css), kb(home.cssGzip), kb(article.css), kb(article.cssGzip)],
      [
        'images as `src` (400 px covers on a phone)',
        `${kb(home.images)} (${home.imageCount})`,
        '—',
        `${kb(article.images)} (${article.imageCount})`,
        '—',
      ],
      ['images at the 960 px `srcset` width (wide screens)', kb(home.imagesLarge), '—', kb(article.imagesLarge), '—'],
      [
        '**first visit, phone** (HTML + CSS + `src` images)',
        `**${kb(home.html + home.css + home.images)}**`,
        `**${kb(home.htmlGzip + home.cssGzip + home.images)}**`,
        `**${kb(article.html + article.css + article.images)}**`,
        `**${kb(article.htmlGzip + article.cssGzip + article.images)}**`,
      ],
    ];
    const markdown = [
      `Dataset: ${ARTICLES.toLocaleString('en-US')} published articles of ${SCHOOLS} schools (4–8 paragraphs each), ${WITH_COVER} of them with a cover stored in three widths; ${database.server}. One app process (\`buildApp\`) on a real port; requests one after the other over one keep-alive connection from the same machine, ${REQUESTS} per page after ${WARMUP} warm-ups.`,
      '',
      '### Page weight',
      '',
      'What a reader downloads on a first visit. The app sends pages uncompressed (no compression plug-in; a reverse proxy normally gzips), so both are given: as this server sends it, and gzipped. Images are JPEGs re-encoded at upload and already compressed. No JavaScript, no web font. Below-the-fold images are `loading="lazy"`, so the image totals are an upper bound.',
      '',
      table(['', 'home: sent', 'home: gzip', 'article: sent', 'article: gzip'], weightRows),
      '',
      '### Time to first byte',
      '',
      table(
        ['page', 'p50', 'p95', 'p99', 'p50 ÷ bare endpoint'],
        results.map(({ name, s }) => [
          name,
          `${f(s.median)} ms`,
          `${f(s.p95)} ms`,
          `${f(s.p99)} ms`,
          `${f(s.median / baseline)}×`,
        ]),
      ),
      '',
      'The home page runs four queries (newest 7, newest 4 per category with a window function, the categories; the site name is cached 5 minutes); an article page reads the article by its slug, six others of its category, and counts the read (one `INSERT … ON CONFLICT` with a CTE). Lists and the feed may be cached for a minute by browsers and proxies; an article page carries an ETag and `no-cache`, so each visit reaches the server (and is counted) but an unchanged page answers 304 without a body.',
    ].join('\n');
    return {
      id: 'portal',
      title: `Public news portal (${ARTICLES.toLocaleString('en-US')} published articles)`,
      markdown,
    };
  } finally {
    agent.destroy();
    await app.close();
    await database.close();
  }
}
