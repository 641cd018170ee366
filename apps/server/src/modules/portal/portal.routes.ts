import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { escapeHtml as esc } from '../../platform/html.js';
import { contentSecurityPolicy } from '../../platform/web.js';
import { PORTAL_CSS, PORTAL_CSS_PATH } from './portal.css.js';
import { articleHtml, type Chrome, emptyHtml, gridHtml, leadHtml, page, pagerHtml } from './portal.html.js';
import * as portal from './portal.queries.js';
import { countRead, registerPortalJobs } from './portal.reads.js';
import { rssXml } from './portal.rss.js';

/**
 * The public news portal at /tin-tuc: server-rendered HTML (not the React app), one cached
 * stylesheet, images from the news file route with 400/960 px variants. Pages carry Open Graph and
 * Twitter tags with absolute URLs (PUBLIC_URL) so a link shared on Zalo or Facebook shows its
 * title, summary and cover. Only published articles exist here; anything else is a 404 page.
 *
 * Caching: lists and the feed for a minute; an article page is revalidated on every visit (ETag,
 * 304 when unchanged) so each visit reaches the server and its read is counted.
 */

const PAGE_SIZE = 20;

interface Options {
  db: Db;
  publicUrl: string;
}

function pageNumber(request: FastifyRequest): number {
  const raw = (request.query as { trang?: string }).trang;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  options: { type?: string; cache: string; status?: number },
) {
  const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  reply
    .header('content-type', options.type ?? 'text/html; charset=utf-8')
    .header('content-security-policy', contentSecurityPolicy('none'))
    .header('cache-control', options.cache)
    .header('etag', etag)
    .header('vary', 'accept-encoding');
  if ((options.status ?? 200) === 200 && request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.status(options.status ?? 200).send(body);
}

export const portalRoutes: FastifyPluginAsync<Options> = async (app, { db, publicUrl }) => {
  registerPortalJobs(db);
  // Web pages, not API: kept out of the OpenAPI document.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  const origin = publicUrl;
  let named: { name: string; at: number } | null = null;
  const chrome = async (extra: Partial<Chrome> = {}): Promise<Chrome> => {
    // The site's name changes only when another unit starts publishing: looked up every 5 minutes.
    if (!named || Date.now() - named.at > 300_000) named = { name: await portal.siteName(db), at: Date.now() };
    return { siteName: named.name, origin, categories: await portal.categories(db), ...extra };
  };
  const LISTS = 'public, max-age=60';

  const notFound = async (request: FastifyRequest, reply: FastifyReply, text: string) => {
    const c = await chrome();
    const html = page(
      {
        title: 'Không tìm thấy',
        description: text,
        url: `${origin}${request.url.split('?')[0]}`,
        type: 'website',
        noindex: true,
      },
      c,
      `<h1>Không tìm thấy</h1>${emptyHtml(text)}<p><a href="/tin-tuc">← Về trang tin tức</a></p>`,
    );
    return send(request, reply, html, { cache: 'no-store', status: 404 });
  };

  app.get(PORTAL_CSS_PATH, async (_request, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(PORTAL_CSS),
  );

  app.get('/tin-tuc/', async (_request, reply) => reply.redirect('/tin-tuc', 301));

  app.get('/tin-tuc', async (request, reply) => {
    const n = pageNumber(request);
    const c = await chrome({ currentCategory: '' });
    const head = {
      title: c.siteName,
      description: `Tin tức, hoạt động, gương người tốt việc tốt của ${c.siteName}.`,
      url: `${origin}/tin-tuc${n > 1 ? `?trang=${n}` : ''}`,
      type: 'website' as const,
    };
    if (n > 1) {
      const { items, total } = await portal.latest(db, PAGE_SIZE, (n - 1) * PAGE_SIZE);
      if (items.length === 0) return notFound(request, reply, 'Trang này không có tin bài nào.');
      const main = `<h1>Tin mới nhất</h1>${gridHtml(items)}${pagerHtml('/tin-tuc', n, Math.ceil(total / PAGE_SIZE))}`;
      return send(request, reply, page(head, c, main), { cache: LISTS });
    }
    const [{ items: newest, total }, perCategory] = await Promise.all([
      portal.latest(db, 7),
      portal.latestPerCategory(db, 4),
    ]);
    const [lead, ...rest] = newest;
    let main = `<h1 class="sr">Tin tức — ${esc(c.siteName)}</h1>`;
    if (!lead) main += emptyHtml('Chưa có tin bài nào được đăng.');
    else main += `${leadHtml(lead)}<h2 class="section">Tin mới</h2>${gridHtml(rest)}`;
    for (const category of c.categories) {
      const cards = perCategory.filter((card) => card.category === category.code);
      if (cards.length === 0) continue;
      main += `<h2 class="section"><a href="/tin-tuc/chuyen-muc/${category.code}">${esc(category.name)}</a></h2>${gridHtml(cards, false)}`;
    }
    main += pagerHtml('/tin-tuc', 1, Math.ceil(total / PAGE_SIZE));
    if (lead?.coverFileId) Object.assign(head, { image: `${origin}/api/news/files/${lead.coverFileId}?w=960` });
    return send(request, reply, page(head, c, main), { cache: LISTS });
  });

  app.get<{ Params: { category: string } }>('/tin-tuc/chuyen-muc/:category', async (request, reply) => {
    const c = await chrome({ currentCategory: request.params.category });
    const category = c.categories.find((item) => item.code === request.params.category);
    if (!category) return notFound(request, reply, 'Chuyên mục này không tồn tại.');
    const n = pageNumber(request);
    const { items, total } = await portal.latest(db, PAGE_SIZE, (n - 1) * PAGE_SIZE, category.code);
    const main =
      `<h1>${esc(category.name)}</h1>` +
      (items.length === 0 ? emptyHtml('Chuyên mục chưa có tin bài nào.') : gridHtml(items, false)) +
      pagerHtml(`/tin-tuc/chuyen-muc/${category.code}`, n, Math.ceil(total / PAGE_SIZE));
    const head = {
      title: category.name,
      description: `Tin bài chuyên mục ${category.name} — ${c.siteName}.`,
      url: `${origin}/tin-tuc/chuyen-muc/${category.code}${n > 1 ? `?trang=${n}` : ''}`,
      type: 'website' as const,
      image: items[0]?.coverFileId ? `${origin}/api/news/files/${items[0].coverFileId}?w=960` : null,
    };
    return send(request, reply, page(head, c, main), { cache: LISTS });
  });

  app.get('/tin-tuc/tim-kiem', async (request, reply) => {
    const raw = (request.query as { q?: unknown }).q;
    const q = typeof raw === 'string' ? raw.trim().slice(0, 100) : '';
    const c = await chrome({ query: q });
    const n = pageNumber(request);
    const { items, total } = q ? await portal.search(db, q, PAGE_SIZE, (n - 1) * PAGE_SIZE) : { items: [], total: 0 };
    const heading = q ? `Kết quả tìm “${esc(q)}”: ${total} tin bài` : 'Tìm tin bài';
    const main =
      `<h1>${heading}</h1>` +
      (items.length > 0
        ? gridHtml(items)
        : emptyHtml(
            q
              ? 'Không có tin bài nào khớp. Thử từ khóa khác (gõ có dấu hay không dấu đều được).'
              : 'Nhập từ khóa vào ô tìm kiếm phía trên.',
          )) +
      pagerHtml('/tin-tuc/tim-kiem', n, Math.ceil(total / PAGE_SIZE), `q=${encodeURIComponent(q)}&`);
    const head = {
      title: q ? `Tìm: ${q}` : 'Tìm tin bài',
      description: `Tìm tin bài trên ${c.siteName}.`,
      url: `${origin}/tin-tuc/tim-kiem`,
      type: 'website' as const,
      noindex: true,
    };
    return send(request, reply, page(head, c, main), { cache: 'public, max-age=60' });
  });

  app.get('/tin-tuc/rss.xml', async (request, reply) => {
    const [c, { items }, last] = await Promise.all([chrome(), portal.latest(db, 30), portal.lastChange(db)]);
    const xml = rssXml({ siteName: c.siteName, origin, items, lastChange: last });
    return send(request, reply, xml, { type: 'application/rss+xml; charset=utf-8', cache: LISTS });
  });

  app.get<{ Params: { slug: string } }>('/tin-tuc/:slug', async (request, reply) => {
    const slug = request.params.slug;
    const article = /^[a-z0-9-]{1,200}$/u.test(slug) ? await portal.publishedBySlug(db, slug) : null;
    if (!article) return notFound(request, reply, 'Tin bài không tồn tại hoặc chưa được đăng.');
    const [c, more] = await Promise.all([
      chrome({ currentCategory: article.category }),
      portal.related(db, article, 6),
    ]);
    const head = {
      title: article.title,
      description: article.summary || article.title,
      url: `${origin}/tin-tuc/${article.slug}`,
      image: article.coverFileId ? `${origin}/api/news/files/${article.coverFileId}?w=960` : null,
      type: 'article' as const,
      publishedAt: article.publishedAt,
    };
    await countRead(db, article.id, { ip: request.ip, userAgent: request.headers['user-agent'] });
    return send(request, reply, page(head, c, articleHtml(article, more)), { cache: 'public, no-cache' });
  });
};
