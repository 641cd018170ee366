import { viDay } from '../../platform/dates.js';
import { escapeHtml as esc } from '../../platform/html.js';
import { PORTAL_CSS_PATH } from './portal.css.js';
import type { PortalArticle, PortalCard } from './portal.queries.js';

/**
 * The portal's HTML, written by hand: a few kilobytes per page, readable without JavaScript.
 * Every value from the database goes through `esc`, except an article's body, which was
 * sanitised when it was saved (news.sanitize.ts) and is only given image sizes here.
 */

const image = (fileId: number, width: 400 | 960 | null) =>
  `/api/news/files/${fileId}${width === null ? '' : `?w=${width}`}`;
const srcset = (fileId: number) => `${image(fileId, 400)} 400w, ${image(fileId, 960)} 960w`;

export interface PageHead {
  title: string;
  description: string;
  /** Absolute URL of this page. */
  url: string;
  /** Absolute URL of the share image. */
  image?: string | null;
  type: 'website' | 'article';
  publishedAt?: Date;
  noindex?: boolean;
}

export interface Chrome {
  siteName: string;
  origin: string;
  categories: { code: string; name: string }[];
  currentCategory?: string;
  query?: string;
}

export function page(head: PageHead, chrome: Chrome, main: string): string {
  const title = head.title === chrome.siteName ? head.title : `${head.title} | ${chrome.siteName}`;
  const meta = [
    `<meta name="description" content="${esc(head.description)}">`,
    `<link rel="canonical" href="${esc(head.url)}">`,
    `<meta property="og:site_name" content="${esc(chrome.siteName)}">`,
    `<meta property="og:title" content="${esc(head.title)}">`,
    `<meta property="og:description" content="${esc(head.description)}">`,
    `<meta property="og:url" content="${esc(head.url)}">`,
    `<meta property="og:type" content="${head.type}">`,
    '<meta property="og:locale" content="vi_VN">',
    head.image ? `<meta property="og:image" content="${esc(head.image)}">` : '',
    head.image ? `<meta property="og:image:alt" content="${esc(head.title)}">` : '',
    head.publishedAt ? `<meta property="article:published_time" content="${head.publishedAt.toISOString()}">` : '',
    `<meta name="twitter:card" content="${head.image ? 'summary_large_image' : 'summary'}">`,
    `<meta name="twitter:title" content="${esc(head.title)}">`,
    `<meta name="twitter:description" content="${esc(head.description)}">`,
    head.image ? `<meta name="twitter:image" content="${esc(head.image)}">` : '',
    head.noindex ? '<meta name="robots" content="noindex">' : '',
    `<link rel="alternate" type="application/rss+xml" title="${esc(chrome.siteName)}" href="${chrome.origin}/tin-tuc/rss.xml">`,
  ].filter(Boolean);
  const nav = chrome.categories
    .map(
      (c) =>
        `<a href="/tin-tuc/chuyen-muc/${c.code}"${c.code === chrome.currentCategory ? ' aria-current="page"' : ''}>${esc(c.name)}</a>`,
    )
    .join('');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
${meta.join('\n')}
<link rel="stylesheet" href="${PORTAL_CSS_PATH}">
</head>
<body>
<header class="site"><div class="wrap"><a class="brand" href="/tin-tuc">${esc(chrome.siteName)}</a>
<form action="/tin-tuc/tim-kiem" method="get" role="search"><input type="search" name="q" value="${esc(chrome.query ?? '')}" placeholder="Tìm tin bài…" aria-label="Tìm tin bài"><button type="submit">Tìm</button></form></div></header>
<nav class="cats" aria-label="Chuyên mục"><div class="wrap"><a href="/tin-tuc"${chrome.currentCategory === '' ? ' aria-current="page"' : ''}>Trang chủ</a>${nav}</div></nav>
<main><div class="wrap">
${main}
</div></main>
<footer class="site"><div class="wrap">${esc(chrome.siteName)} · <a href="/tin-tuc/rss.xml">RSS</a> · Tin bài do các công đoàn cơ sở và ban biên tập thực hiện trên Lan Tỏa.</div></footer>
</body>
</html>
`;
}

function metaLine(card: PortalCard, withCategory = true): string {
  return `<p class="meta">${withCategory ? `<span><a href="/tin-tuc/chuyen-muc/${card.category}">${esc(card.categoryName)}</a></span>` : ''}<span>${esc(card.unitName)}</span><span><time datetime="${card.publishedAt.toISOString()}">${viDay(card.publishedAt)}</time></span></p>`;
}

function cover(card: PortalCard, sizes: string, eager = false): string {
  if (card.coverFileId === null) return '';
  return `<img src="${image(card.coverFileId, 400)}" srcset="${srcset(card.coverFileId)}" sizes="${sizes}" alt="" width="400" height="225"${eager ? '' : ' loading="lazy"'} decoding="async">`;
}

export function cardHtml(card: PortalCard, withCategory = true): string {
  return `<div class="card"><a href="/tin-tuc/${card.slug}" tabindex="-1" aria-hidden="true">${cover(card, '(max-width: 600px) 100vw, 320px')}</a><div class="body"><h3><a href="/tin-tuc/${card.slug}">${esc(card.title)}</a></h3>${metaLine(card, withCategory)}<p>${esc(card.summary)}</p></div></div>`;
}

export function leadHtml(card: PortalCard): string {
  return `<div class="lead"><a href="/tin-tuc/${card.slug}" tabindex="-1" aria-hidden="true">${cover(card, '(max-width: 720px) 100vw, 600px', true)}</a><div class="body"><h2><a href="/tin-tuc/${card.slug}">${esc(card.title)}</a></h2>${metaLine(card)}<p>${esc(card.summary)}</p></div></div>`;
}

export function gridHtml(cards: PortalCard[], withCategory = true): string {
  return `<div class="grid">${cards.map((card) => cardHtml(card, withCategory)).join('')}</div>`;
}

export function pagerHtml(base: string, pageNumber: number, pages: number, extra = ''): string {
  if (pages <= 1) return '';
  const link = (n: number) => `${base}?${extra}trang=${n}`;
  return `<nav class="pager" aria-label="Trang">${pageNumber > 1 ? `<a href="${link(pageNumber - 1)}" rel="prev">← Trang trước</a>` : ''}<span>Trang ${pageNumber}/${pages}</span>${pageNumber < pages ? `<a href="${link(pageNumber + 1)}" rel="next">Trang sau →</a>` : ''}</nav>`;
}

/** Body images get their smaller widths and lazy loading; the sanitiser guarantees the form of `src`. */
export function bodyHtml(html: string): string {
  return html.replace(
    /<img src="\/api\/news\/files\/(\d+)"/gu,
    (_all, id: string) =>
      `<img src="${image(Number(id), 960)}" srcset="${srcset(Number(id))}" sizes="(max-width: 760px) 100vw, 720px" loading="lazy" decoding="async"`,
  );
}

export function articleHtml(article: PortalArticle, more: PortalCard[]): string {
  const coverImage =
    article.coverFileId === null
      ? ''
      : `<figure class="cover"><img src="${image(article.coverFileId, 960)}" srcset="${srcset(article.coverFileId)}" sizes="(max-width: 760px) 100vw, 720px" alt="${esc(article.title)}" width="960" height="540"></figure>`;
  const aside =
    more.length === 0
      ? ''
      : `<aside><h2>Cùng chuyên mục</h2><ul>${more.map((c) => `<li><a href="/tin-tuc/${c.slug}">${esc(c.title)}</a></li>`).join('')}</ul></aside>`;
  return `<div class="layout"><article class="full"><h1>${esc(article.title)}</h1>${metaLine(article)}${coverImage}${article.summary ? `<p class="summary">${esc(article.summary)}</p>` : ''}<div class="content">${bodyHtml(article.bodyHtml)}</div><p class="meta">Đăng bởi ${esc(article.publisherName)}</p></article>${aside}</div>`;
}

export function emptyHtml(text: string): string {
  return `<p class="empty">${esc(text)}</p>`;
}
