import { sql } from 'kysely';
import sharp from 'sharp';
import { createArticle, uploadArticleImage } from '../../modules/news/news.commands.js';
import { transitionArticle } from '../../modules/news/news.workflow.js';
import type { Actor } from '../../platform/access.js';
import { todayInVietnam } from '../../platform/dates.js';
import type { Db } from '../database.js';
import { DEMO_ARTICLES } from './demo-news-articles.js';
import { Rng } from './random.js';

/**
 * The demo newsroom, right after `npm start`: a dozen articles of the province and its schools
 * across the categories, most published over the past two months (with covers drawn here, no
 * download), one submitted by THPT Chuyên Lương Văn Tụy waiting for the province's approval and
 * one of its drafts — so the demo school admin sees their own work and the admin the queue.
 * Everything goes through the module's commands; then publication dates are spread back in time
 * and a month of reads is written, as the portal would have counted them.
 */

const COLORS = ['#0b5cab', '#2b8a3e', '#c2255c', '#e8590c', '#5f3dc4', '#0c8599'];

function escapeXml(value: string) {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A 1200×630 banner (the size Facebook and Zalo show best) with the category and the unit. */
export async function coverImage(category: string, unit: string, index: number): Promise<Buffer> {
  const color = COLORS[index % COLORS.length];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="#1f2933"/></linearGradient></defs>
  <rect width="1200" height="630" fill="url(#g)"/>
  <circle cx="${980 + (index % 3) * 60}" cy="140" r="240" fill="#ffffff" opacity="0.08"/>
  <circle cx="160" cy="${560 - (index % 4) * 30}" r="120" fill="#ffffff" opacity="0.06"/>
  <rect x="80" y="360" width="12" height="140" fill="#ffd43b"/>
  <text x="120" y="420" font-family="DejaVu Sans, sans-serif" font-size="56" font-weight="bold" fill="#ffffff">${escapeXml(category)}</text>
  <text x="120" y="485" font-family="DejaVu Sans, sans-serif" font-size="30" fill="#e7f5ff">${escapeXml(unit)}</text>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

async function unitByName(db: Db, name: string) {
  const query =
    name === 'province'
      ? db
          .selectFrom('units as u')
          .innerJoin('unit_kinds as k', 'k.id', 'u.kind_id')
          .where('k.code', '=', 'province_union')
          .where('u.valid_to', 'is', null)
      : db.selectFrom('units as u').where('u.name', '=', name).where('u.valid_to', 'is', null);
  return query.select(['u.id', 'u.name', 'u.path']).orderBy('u.id').executeTakeFirstOrThrow();
}

export async function seedDemoNews(db: Db, actor: Actor, options: { schoolAdminAccountId: number }): Promise<void> {
  const random = new Rng(20_251_120);
  const categories = new Map(
    (await db.selectFrom('article_categories').select(['code', 'name']).execute()).map((c) => [c.code, c.name]),
  );
  const schoolAdmin = await db
    .selectFrom('role_grants as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select(['g.role', 'g.unit_id', 'u.name', 'u.path', 'a.display_name'])
    .where('g.account_id', '=', options.schoolAdminAccountId)
    .executeTakeFirstOrThrow();
  const schoolActor: Actor = {
    accountId: options.schoolAdminAccountId,
    displayName: schoolAdmin.display_name,
    memberId: null,
    grants: [
      { role: 'unit_admin', unitId: schoolAdmin.unit_id, unitName: schoolAdmin.name, unitPath: schoolAdmin.path },
    ],
    ip: null,
  };
  const today = todayInVietnam();

  for (const [index, demo] of DEMO_ARTICLES.entries()) {
    const unit = await unitByName(db, demo.unit);
    // The demo school admin writes their own school's articles; the province's staff the others.
    const writer = unit.id === schoolAdmin.unit_id ? schoolActor : actor;
    const id = await createArticle(db, writer, {
      unitId: unit.id,
      title: demo.title,
      summary: demo.summary,
      category: demo.category,
      bodyHtml: demo.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join(''),
    });
    if (demo.cover) {
      const banner = await coverImage(categories.get(demo.category) ?? '', unit.name, index);
      await uploadArticleImage(db, writer, id, { buffer: banner, filename: 'anh-bia.jpg' }, true);
    }
    if (demo.state === 'draft') continue;
    await transitionArticle(db, writer, id, { action: 'submit' });
    if (demo.state === 'submitted') continue;
    await transitionArticle(db, actor, id, { action: 'approve' });
    await transitionArticle(db, actor, id, { action: 'publish' });
    const publishedAt = new Date(Date.now() - demo.daysAgo * 86_400_000 - random.int(1, 8) * 3_600_000);
    await sql`update articles set published_at = ${publishedAt}, created_at = ${publishedAt}::timestamptz - interval '2 days',
      updated_at = ${publishedAt} where id = ${id}`.execute(db);
    // Reads since publication: more in the first days, then a trickle.
    const days = Math.min(demo.daysAgo, 30);
    for (let d = 0; d <= days; d++) {
      const day = todayInVietnam(new Date(Date.parse(`${today}T12:00:00+07:00`) - d * 86_400_000));
      const age = days - d;
      const reads = Math.max(0, Math.round((age < 3 ? 60 : 12) * (0.5 + random.next())) - (age > 20 ? 8 : 0));
      if (reads > 0) await db.insertInto('article_reads').values({ article_id: id, day, reads }).execute();
    }
  }
}
