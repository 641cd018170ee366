import { ARTICLE_STATUSES, type ArticleStatus } from '@lan-toa/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { as, login, makeAccount } from '../../../test/factories.js';
import { articleIn, createViaApi, type NewsWorld, newsWorld } from './news.test-helpers.js';

const { db } = await testDatabase();
let world: NewsWorld;

beforeAll(async () => {
  world = await newsWorld(db);
});

type Who = 'schoolEditor' | 'provinceEditor' | 'otherSchoolAdmin' | 'communeEditor' | 'member';
const ACTIONS = ['submit', 'approve', 'reject', 'publish', 'archive'] as const;

/**
 * The answer each real role gets for each transition of an article written at school A, by status.
 * School A's editor writes (author); the province's editor also publishes; school B's admin, the
 * commune union's editor (school A is not below it) and a member of school A see nothing (404).
 */
const EXPECTED: Record<'schoolEditor' | 'provinceEditor', Record<ArticleStatus, Record<string, number>>> = {
  schoolEditor: {
    draft: { submit: 200, approve: 403, reject: 403, publish: 403, archive: 200 },
    submitted: { submit: 409, approve: 403, reject: 403, publish: 403, archive: 409 },
    approved: { submit: 409, approve: 403, reject: 403, publish: 403, archive: 409 },
    published: { submit: 409, approve: 403, reject: 403, publish: 403, archive: 409 },
    rejected: { submit: 200, approve: 403, reject: 403, publish: 403, archive: 200 },
    archived: { submit: 409, approve: 403, reject: 403, publish: 403, archive: 409 },
  },
  provinceEditor: {
    draft: { submit: 200, approve: 409, reject: 409, publish: 409, archive: 200 },
    submitted: { submit: 409, approve: 200, reject: 200, publish: 409, archive: 409 },
    approved: { submit: 409, approve: 409, reject: 200, publish: 200, archive: 409 },
    published: { submit: 409, approve: 409, reject: 409, publish: 409, archive: 200 },
    rejected: { submit: 200, approve: 409, reject: 409, publish: 409, archive: 200 },
    archived: { submit: 409, approve: 409, reject: 409, publish: 409, archive: 409 },
  },
};
const NEXT: Record<(typeof ACTIONS)[number], ArticleStatus> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  publish: 'published',
  archive: 'archived',
};

describe('workflow transitions by role and status (HTTP)', () => {
  const whos: Who[] = ['schoolEditor', 'provinceEditor', 'otherSchoolAdmin', 'communeEditor', 'member'];
  for (const who of whos) {
    for (const status of ARTICLE_STATUSES) {
      it(`${who} on a ${status} article`, async () => {
        for (const action of ACTIONS) {
          const id = await articleIn(db, world, world.tree.schoolA, status);
          const response = await world
            .client(who)
            .post(`/api/news/articles/${id}/${action}`, action === 'reject' ? { reason: 'Cần bổ sung ảnh.' } : {});
          const expected = who === 'schoolEditor' || who === 'provinceEditor' ? EXPECTED[who][status][action] : 404;
          expect({ action, status: response.statusCode }).toEqual({ action, status: expected });
          const row = await db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow();
          expect(row.status).toBe(expected === 200 ? NEXT[action] : status);
          const audits = await db
            .selectFrom('audit_events')
            .select('action')
            .where('entity_type', '=', 'article')
            .where('entity_id', '=', id)
            .execute();
          expect(audits.map((a) => a.action)).toEqual(expected === 200 ? [`article.${NEXT[action]}`] : []);
        }
      });
    }
  }
});

describe('the whole path, with abilities and comments', () => {
  it('a school writes and submits, the province sends it back with a reason, then approves and publishes', async () => {
    const created = await createViaApi(world.app, world.sessions.schoolEditor, {
      unitId: world.tree.schoolA,
      title: 'Hội thi cắm hoa chào mừng ngày 20/10',
      summary: 'Công đoàn trường tổ chức hội thi cắm hoa cho nữ đoàn viên.',
    });
    expect(created.abilities).toEqual({
      edit: true,
      submit: true,
      approve: false,
      reject: false,
      publish: false,
      archive: true,
      comment: true,
    });
    const school = world.client('schoolEditor');
    const province = world.client('provinceEditor');
    expect((await school.post(`/api/news/articles/${created.id}/submit`)).statusCode).toBe(200);
    const seenByProvince = (await province.get(`/api/news/articles/${created.id}`)).json();
    expect(seenByProvince.abilities).toMatchObject({ approve: true, reject: true, publish: false, edit: true });
    expect((await school.get(`/api/news/articles/${created.id}`)).json().abilities.edit).toBe(false);

    const refused = await province.post(`/api/news/articles/${created.id}/reject`, { reason: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe('body.reason');
    const rejected = await province.post(`/api/news/articles/${created.id}/reject`, {
      reason: 'Đề nghị bổ sung ảnh bìa.',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: 'Đề nghị bổ sung ảnh bìa.' });

    expect(
      (
        await school.post(`/api/news/articles/${created.id}/comments`, {
          body: 'Đã bổ sung, nhờ ban biên tập xem lại.',
        })
      ).statusCode,
    ).toBe(201);
    expect((await school.patch(`/api/news/articles/${created.id}`, { summary: 'Tóm tắt mới.' })).statusCode).toBe(200);
    expect((await school.post(`/api/news/articles/${created.id}/submit`)).json().status).toBe('submitted');
    expect((await province.post(`/api/news/articles/${created.id}/approve`)).json().status).toBe('approved');
    const published = (await province.post(`/api/news/articles/${created.id}/publish`, {})).json();
    expect(published).toMatchObject({ status: 'published', publicUrl: `/tin-tuc/${created.slug}` });

    const comments = (await school.get(`/api/news/articles/${created.id}/comments`)).json().items;
    expect(comments.map((c: { kind: string; body: string }) => [c.kind, c.body])).toEqual([
      ['rejection', 'Đề nghị bổ sung ảnh bìa.'],
      ['comment', 'Đã bổ sung, nhờ ban biên tập xem lại.'],
    ]);
    // The province's editor heard of both submissions; the writer of the answers and the publication.
    const notices = await db
      .selectFrom('notifications')
      .select(['account_id', 'title'])
      .where('kind', '=', 'article_workflow')
      .where('title', 'like', '%Hội thi cắm hoa%')
      .orderBy('id')
      .execute();
    const title = 'Hội thi cắm hoa chào mừng ngày 20/10';
    expect(notices).toEqual([
      { account_id: world.accounts.provinceEditor.id, title: `Tin bài chờ duyệt: ${title}` },
      { account_id: world.accounts.schoolEditor.id, title: `Tin bài bị trả lại: ${title}` },
      { account_id: world.accounts.provinceEditor.id, title: `Tin bài chờ duyệt: ${title}` },
      { account_id: world.accounts.schoolEditor.id, title: `Tin bài đã được duyệt: ${title}` },
      { account_id: world.accounts.schoolEditor.id, title: `Tin bài đã được đăng: ${title}` },
    ]);
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'article')
      .where('entity_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'article.created',
      'article.submitted',
      'article.rejected',
      'article.commented',
      'article.updated',
      'article.submitted',
      'article.approved',
      'article.published',
    ]);
  });

  it('a member cannot write, and nobody writes for a unit they do not edit', async () => {
    const byMember = await world.client('member').post('/api/news/articles', {
      unitId: world.tree.schoolA,
      title: 'Tin của đoàn viên',
      category: 'hoat-dong-cong-doan',
    });
    expect(byMember.statusCode).toBe(400);
    expect(byMember.json().error.details[0].field).toBe('unitId');
    const elsewhere = await world.client('schoolEditor').post('/api/news/articles', {
      unitId: world.tree.schoolB,
      title: 'Tin trường khác',
      category: 'hoat-dong-cong-doan',
    });
    expect(elsewhere.statusCode).toBe(400);
    const badCategory = await world.client('schoolEditor').post('/api/news/articles', {
      unitId: world.tree.schoolA,
      title: 'Tin',
      category: 'khong-co',
    });
    expect(badCategory.json().error.details[0]).toMatchObject({
      field: 'category',
      message: 'Chuyên mục không tồn tại.',
    });
    expect(await db.selectFrom('articles').select('id').where('title', '=', 'Tin').execute()).toEqual([]);
  });

  it('drafts are invisible outside their newsroom: other schools, the commune union and members get 404', async () => {
    const id = await articleIn(db, world, world.tree.schoolA, 'draft');
    for (const who of ['otherSchoolAdmin', 'communeEditor', 'member'] as const) {
      expect((await world.client(who).get(`/api/news/articles/${id}`)).statusCode).toBe(404);
      expect((await world.client(who).get(`/api/news/articles/${id}/comments`)).statusCode).toBe(404);
      const list = (await world.client(who).get('/api/news/articles')).json();
      expect(list.items.map((a: { id: number }) => a.id)).not.toContain(id);
    }
    expect((await world.client('provinceEditor').get(`/api/news/articles/${id}`)).statusCode).toBe(200);
    const mine = (await world.client('schoolEditor').get('/api/news/articles?status=draft')).json();
    expect(mine.items.map((a: { id: number }) => a.id)).toContain(id);
  });

  it('lists filter by status, category and words without diacritics, with counts per status', async () => {
    const unit = world.tree.schoolC;
    const editor = await makeAccount(db, 'unit_editor', unit);
    const session = await login(world.app, editor);
    await createViaApi(world.app, session, {
      unitId: unit,
      title: 'Giải bóng đá nam công đoàn ngành',
      category: 'van-hoa-the-thao',
    });
    await createViaApi(world.app, session, {
      unitId: unit,
      title: 'Tuyên truyền Luật Công đoàn năm 2024',
      category: 'phap-luat',
    });
    const client = as(world.app, session);
    const found = (await client.get('/api/news/articles?q=luat%20cong%20doan')).json();
    expect(found.items.map((a: { title: string }) => a.title)).toEqual(['Tuyên truyền Luật Công đoàn năm 2024']);
    const sport = (await client.get('/api/news/articles?category=van-hoa-the-thao')).json();
    expect(sport.total).toBe(1);
    expect(sport.counts).toEqual({ draft: 1 });
  });
});
