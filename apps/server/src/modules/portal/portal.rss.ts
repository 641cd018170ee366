import { escapeHtml as esc } from '../../platform/html.js';
import type { PortalCard } from './portal.queries.js';

/** RSS 2.0 of the newest published articles (https://www.rssboard.org/rss-specification). */
export function rssXml(input: {
  siteName: string;
  origin: string;
  items: PortalCard[];
  lastChange: Date | null;
}): string {
  const items = input.items
    .map((item) => {
      const link = `${input.origin}/tin-tuc/${item.slug}`;
      const enclosure =
        item.coverFileId === null
          ? ''
          : `\n      <enclosure url="${esc(`${input.origin}/api/news/files/${item.coverFileId}?w=960`)}" type="image/jpeg" length="0"/>`;
      return `    <item>
      <title>${esc(item.title)}</title>
      <link>${esc(link)}</link>
      <guid isPermaLink="true">${esc(link)}</guid>
      <description>${esc(item.summary)}</description>
      <category>${esc(item.categoryName)}</category>
      <pubDate>${item.publishedAt.toUTCString()}</pubDate>${enclosure}
    </item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${esc(input.siteName)}</title>
    <link>${esc(`${input.origin}/tin-tuc`)}</link>
    <description>${esc(`Tin tức của ${input.siteName}`)}</description>
    <language>vi</language>
    <atom:link href="${esc(`${input.origin}/tin-tuc/rss.xml`)}" rel="self" type="application/rss+xml"/>${
      input.lastChange ? `\n    <lastBuildDate>${input.lastChange.toUTCString()}</lastBuildDate>` : ''
    }
${items}
  </channel>
</rss>
`;
}
