import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll } from 'vitest';
import { type FacebookFake, startFacebookFake } from '../../../test/fakes/facebook-fake.js';
import { startZaloFake, type ZaloFake } from '../../../test/fakes/zalo-fake.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { ChannelName } from '../../db/schema-channels.js';
import { enqueueArticlePosts } from './outbox.js';
import type { ChannelSettings } from './publisher.js';

/** Test-only: the fakes, an app pointed at them, articles written straight to the table. */

export const PUBLIC_URL = 'https://congdoan-giaoduc.example.vn';

export async function startFakes(): Promise<{ zalo: ZaloFake; facebook: FacebookFake; settings: ChannelSettings }> {
  const zalo = await startZaloFake();
  const facebook = await startFacebookFake();
  afterAll(async () => {
    await zalo.close();
    await facebook.close();
  });
  return {
    zalo,
    facebook,
    settings: {
      secretKey: undefined,
      zaloApiUrl: zalo.apiUrl,
      zaloOauthUrl: zalo.oauthUrl,
      facebookGraphUrl: facebook.graphUrl,
      publicUrl: PUBLIC_URL,
    },
  };
}

export async function makeChannelApp(db: Db, settings: ChannelSettings): Promise<FastifyInstance> {
  const config = loadConfig({ LOG_LEVEL: process.env.TEST_LOG ?? 'silent', DATA_DIR: '/tmp/lantoa-unused' });
  const { publicUrl, ...channels } = settings;
  return buildApp({ ...config, webDistDir: '/nonexistent', publicUrl, channels }, db);
}

/** A published article of the unit, as the news module leaves it. */
export async function makeArticle(
  db: Db,
  unitId: number,
  extra: Partial<{ title: string; summary: string; bodyHtml: string; status: string }> = {},
): Promise<{ id: number; slug: string }> {
  const slug = `hoi-thi-giao-vien-day-gioi-${randomBytes(3).toString('hex')}`;
  const row = await sql<{ id: number }>`
    insert into articles (unit_id, publisher_unit_id, title, summary, body_html, category, status, slug, published_at)
    values (${unitId}, ${unitId}, ${extra.title ?? 'Công đoàn trường tổ chức Hội thi giáo viên dạy giỏi cấp trường'},
      ${extra.summary ?? 'Hai mươi tư thầy cô tham gia, tám thầy cô đạt giải.'},
      ${extra.bodyHtml ?? '<p>Sáng 12/3, Công đoàn trường phối hợp với nhà trường tổ chức hội thi.</p><p>Ban giám khảo &amp; đại biểu dự.</p>'},
      'hoat-dong-cong-doan', ${extra.status ?? 'published'}, ${slug}, now())
    returning id`.execute(db);
  return { id: (row.rows[0] as { id: number }).id, slug };
}

export async function publishArticle(db: Db, articleId: number, unitId: number, channels?: ChannelName[]) {
  return db
    .transaction()
    .execute((tx) => enqueueArticlePosts(tx, { articleId, unitId, ...(channels ? { channels } : {}) }));
}

/** Makes jobs waiting for their back-off due now (the clock of the retry, not the logic). */
export async function retriesDueNow(db: Db): Promise<void> {
  await sql`update pgboss.job set start_after = now() where name = 'channel-post' and state in ('retry', 'created')`.execute(
    db,
  );
}

export async function postsOf(db: Db, articleId: number) {
  return db
    .selectFrom('article_channel_posts')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('channel')
    .execute();
}

export async function jobStates(db: Db): Promise<string[]> {
  const rows = await sql<{
    state: string;
  }>`select state from pgboss.job where name = 'channel-post' order by created_on`.execute(db);
  return rows.rows.map((r) => r.state);
}
