import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { as, login, makeApp, systemActor } from '../../../test/factories.js';
import { DEMO_ARTICLES } from './demo-news-articles.js';
import { type DemoLogins, seedDemo } from './seed-demo.js';

const { db } = await testDatabase();
let logins: DemoLogins;

beforeAll(async () => {
  logins = await seedDemo(db, await systemActor(db));
}, 240_000);

describe('demo news', () => {
  it('publishes most articles with covers and reads, leaves one submitted and one draft', async () => {
    const rows = await db.selectFrom('articles').select(['status', 'cover_file_id', 'title']).execute();
    expect(rows).toHaveLength(DEMO_ARTICLES.length);
    const count = (status: string) => rows.filter((r) => r.status === status).length;
    expect([count('published'), count('submitted'), count('draft')]).toEqual([10, 1, 1]);
    expect(rows.filter((r) => r.cover_file_id !== null)).toHaveLength(DEMO_ARTICLES.filter((a) => a.cover).length);
    const reads = await db
      .selectFrom('article_reads')
      .select((eb) => eb.fn.sum<number>('reads').as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(reads.n)).toBeGreaterThan(100);
  });

  it('shows on the portal, and the demo school admin sees their school’s articles with the right buttons', async () => {
    const app = await makeApp(db);
    const home = await app.inject({ method: 'GET', url: '/tin-tuc' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Công đoàn Giáo dục tỉnh Ninh Bình');
    expect(home.body).toContain('Sôi nổi hội thao chào mừng Ngày Nhà giáo Việt Nam 20/11');
    expect(home.body).not.toContain('Kế hoạch hưởng ứng Tuần lễ học tập suốt đời');

    const school = as(app, await login(app, logins.unitAdmin));
    const mine = (await school.get('/api/news/articles')).json();
    expect(mine.counts).toEqual({ published: 2, submitted: 1, draft: 1 });
    const draft = mine.items.find((a: { status: string }) => a.status === 'draft');
    const view = (await school.get(`/api/news/articles/${draft.id}`)).json();
    expect(view.abilities).toMatchObject({ edit: true, submit: true, approve: false, publish: false });
  });
});
