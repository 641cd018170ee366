import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';
import { client } from '../activities/activities.test-helpers.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let provinceAdmin: Session;
let adminA: Session;
let memberA: Session;
let memberC: Session;

beforeAll(async () => {
  tree = await makeTree(db);
  const [inA] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn Đức'])) as [number];
  const [inC] = (await makeMembers(db, tree.schoolC, ['Trần Thị Cúc'])) as [number];
  provinceAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: inA }));
  memberC = await login(app, await makeAccount(db, 'member', tree.schoolC, { memberId: inC }));
});

const HOUR = 60 * 60_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

function contestBody(unitId: number, extra: Record<string, unknown> = {}) {
  return {
    unitId,
    title: 'Tìm hiểu Nghị quyết Đại hội XIII Công đoàn Việt Nam',
    rules: 'Mỗi tuần một vòng, 20 câu hỏi trắc nghiệm.',
    prizes: '1 giải Nhất, 2 giải Nhì',
    ...extra,
  };
}

function roundBody(extra: Record<string, unknown> = {}) {
  return {
    title: 'Tuần 1',
    opensAt: at(-HOUR),
    closesAt: at(7 * 24 * HOUR),
    questionCount: 2,
    timeLimitMinutes: 15,
    attemptsAllowed: 2,
    ...extra,
  };
}

function questionBody(i: number, extra: Record<string, unknown> = {}) {
  return {
    text: `Câu ${i}: Công đoàn Việt Nam được thành lập ngày nào?`,
    options: [
      { id: 'a', text: '28/7/1929' },
      { id: 'b', text: '3/2/1930' },
      { id: 'c', text: '19/5/1890' },
    ],
    correct: ['a'],
    topic: 'Lịch sử',
    difficulty: 1,
    ...extra,
  };
}

/** A contest of `unitId` with `questions` questions and one round drawing two of them. */
async function setUp(
  session: Session,
  unitId: number,
  options: { extra?: Record<string, unknown>; questions?: number } = {},
) {
  const s = client(app, session);
  const contest = (await s.post('/api/contests', contestBody(unitId, options.extra))).json();
  for (let i = 1; i <= (options.questions ?? 3); i++)
    await s.post(`/api/contests/${contest.id}/questions`, questionBody(i));
  const round = (await s.post(`/api/contests/${contest.id}/rounds`, roundBody())).json();
  return { contestId: contest.id as number, roundId: round.id as number };
}

async function publish(session: Session, contestId: number) {
  const response = await client(app, session).post(`/api/contests/${contestId}/publish`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('setting up a contest', () => {
  it('creates, reads, edits, publishes and deletes, auditing each step', async () => {
    const s = client(app, provinceAdmin);
    const created = await s.post('/api/contests', contestBody(tree.province, { audienceUnitId: tree.commune }));
    expect(created.statusCode).toBe(201);
    const contest = created.json();
    expect(contest).toMatchObject({
      unitId: tree.province,
      audience: 'subtree',
      audienceUnitId: tree.commune,
      audienceUnitName: 'Công đoàn xã Thử',
      status: 'draft',
      activityCategory: null,
      rounds: [],
      questionCount: 0,
      canManage: true,
      canEnter: false,
    });

    // A patch changes only what it sends.
    const edited = await s.patch(`/api/contests/${contest.id}`, { title: 'Tìm hiểu Điều lệ Công đoàn' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Tìm hiểu Điều lệ Công đoàn',
      rules: 'Mỗi tuần một vòng, 20 câu hỏi trắc nghiệm.',
      prizes: '1 giải Nhất, 2 giải Nhì',
      audienceUnitId: tree.commune,
    });
    const category = await s.patch(`/api/contests/${contest.id}`, { activityCategory: 'study' });
    expect(category.json().activityCategory).toBe('study');

    const noRound = await s.post(`/api/contests/${contest.id}/publish`);
    expect(noRound.statusCode).toBe(400);
    expect(noRound.json().error.details).toEqual([
      { field: 'rounds', message: 'Cuộc thi chưa có vòng thi nào; hãy thêm ít nhất một vòng.' },
    ]);

    for (const i of [1, 2]) await s.post(`/api/contests/${contest.id}/questions`, questionBody(i));
    const round = await s.post(`/api/contests/${contest.id}/rounds`, roundBody({ timeLimitMinutes: 20 }));
    expect(round.statusCode).toBe(201);
    expect(round.json()).toMatchObject({ number: 1, timeLimitMinutes: 20, state: 'open', quotas: [] });
    const published = await publish(provinceAdmin, contest.id);
    expect(published).toMatchObject({ status: 'published', questionCount: 2, rounds: [{ number: 1, state: 'open' }] });
    expect(published.rounds[0].opensAt).toMatch(/\+07:00$/u);
    expect((await s.post(`/api/contests/${contest.id}/publish`)).statusCode).toBe(200);

    const deletePublished = await s.delete(`/api/contests/${contest.id}`);
    expect(deletePublished.statusCode).toBe(409);

    const draft = (await s.post('/api/contests', contestBody(tree.province))).json();
    await s.post(`/api/contests/${draft.id}/questions`, questionBody(1));
    expect((await s.delete(`/api/contests/${draft.id}`)).statusCode).toBe(204);
    expect((await s.get(`/api/contests/${draft.id}`)).statusCode).toBe(404);

    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'unit_id'])
      .where('entity_type', '=', 'contest')
      .where('entity_id', '=', contest.id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'contest.created',
      'contest.updated',
      'contest.updated',
      'contest.question_created',
      'contest.question_created',
      'contest.round_created',
      'contest.published',
    ]);
    expect(new Set(audit.map((row) => row.unit_id))).toEqual(new Set([tree.province]));
  });

  it('refuses an audience outside the organising unit and bad input, with Vietnamese field details', async () => {
    const s = client(app, adminA);
    const outside = await s.post('/api/contests', contestBody(tree.schoolA, { audienceUnitId: tree.schoolB }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details).toEqual([
      { field: 'audienceUnitId', message: 'Đối tượng dự thi phải là đơn vị tổ chức hoặc một đơn vị trực thuộc.' },
    ]);
    const unknown = await s.post('/api/contests', contestBody(tree.schoolA, { audienceUnitId: 999_999_999 }));
    expect(unknown.statusCode).toBe(400);
    const blank = await s.post('/api/contests', { unitId: tree.schoolA, title: '  ', audience: 'everyone' });
    expect(blank.statusCode).toBe(400);
    expect(
      blank
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.audience', 'body.title']);
    expect(blank.json().error.details[0].message).toMatch(/[Cc]ần nhập|không hợp lệ/u);
    const { contestId } = await setUp(adminA, tree.schoolA);
    const patchOutside = await s.patch(`/api/contests/${contestId}`, { audienceUnitId: tree.province });
    expect(patchOutside.statusCode).toBe(400);
  });

  it('validates rounds: times, quotas, and a bank too small to publish', async () => {
    const s = client(app, provinceAdmin);
    const contest = (await s.post('/api/contests', contestBody(tree.province))).json();
    const url = `/api/contests/${contest.id}/rounds`;

    const backwards = await s.post(url, roundBody({ opensAt: at(2 * HOUR), closesAt: at(HOUR) }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([
      { field: 'body.closesAt', message: 'Thời điểm đóng phải sau thời điểm mở' },
    ]);
    const past = await s.post(url, roundBody({ opensAt: at(-3 * HOUR), closesAt: at(-HOUR) }));
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].field).toBe('closesAt');
    const quotas = await s.post(url, roundBody({ questionCount: 5, quotas: [{ topic: 'Lịch sử', count: 2 }] }));
    expect(quotas.statusCode).toBe(400);
    expect(quotas.json().error.details[0]).toMatchObject({ field: 'body.quotas' });
    expect(quotas.json().error.details[0].message).toContain('(2)');
    const noTime = await s.post(url, roundBody({ timeLimitMinutes: 0, attemptsAllowed: 50 }));
    expect(noTime.statusCode).toBe(400);
    expect(
      noTime
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.attemptsAllowed', 'body.timeLimitMinutes']);

    // Two rounds the bank (2 easy "Lịch sử" questions, 1 hard "Điều lệ") cannot fill.
    await s.post(`/api/contests/${contest.id}/questions`, questionBody(1));
    await s.post(`/api/contests/${contest.id}/questions`, questionBody(2));
    await s.post(`/api/contests/${contest.id}/questions`, questionBody(3, { topic: 'Điều lệ', difficulty: 3 }));
    const first = await s.post(
      url,
      roundBody({
        questionCount: 3,
        quotas: [
          { topic: 'Lịch sử', difficulty: 1, count: 1 },
          { topic: 'Điều lệ', count: 2 },
        ],
      }),
    );
    expect(first.statusCode).toBe(201);
    expect((await s.post(url, roundBody({ title: 'Tuần 2', questionCount: 5 }))).statusCode).toBe(201);
    // A patch is checked as a whole: new quotas against the stored question count.
    const badPatch = await s.patch(`/api/contests/rounds/${first.json().id}`, { quotas: [{ count: 2 }] });
    expect(badPatch.statusCode).toBe(400);
    expect(badPatch.json().error.details[0].field).toBe('quotas');

    const refused = await s.post(`/api/contests/${contest.id}/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { field: 'rounds.1', message: 'Vòng 1 (Tuần 1): Cần 2 câu (chủ đề “Điều lệ”) nhưng ngân hàng chỉ có 1.' },
      { field: 'rounds.2', message: 'Vòng 2 (Tuần 2): Cần 5 câu nhưng ngân hàng chỉ có 3.' },
    ]);
    expect((await s.get(`/api/contests/${contest.id}`)).json().status).toBe('draft');
  });

  it('fixes what attempts depend on once someone has started, and keeps closed rounds read-only', async () => {
    const s = client(app, adminA);
    const { contestId, roundId } = await setUp(adminA, tree.schoolA);
    const second = (await s.post(`/api/contests/${contestId}/rounds`, roundBody({ title: 'Tuần 2' }))).json();
    await publish(adminA, contestId);
    const started = await client(app, memberA).post(`/api/contests/rounds/${roundId}/attempts`);
    expect(started.statusCode).toBe(200);

    const fixed = await s.patch(`/api/contests/rounds/${roundId}`, { questionCount: 3, timeLimitMinutes: 30 });
    expect(fixed.statusCode).toBe(409);
    expect(fixed.json().error.message).toContain('không đổi được số câu hỏi, thời gian làm bài');
    const same = await s.patch(`/api/contests/rounds/${roundId}`, { questionCount: 2, title: 'Tuần đầu tiên' });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ title: 'Tuần đầu tiên', questionCount: 2, attemptsAllowed: 2 });
    // The abilities say what the server accepts: a started round is edited but not deleted.
    expect(same.json()).toMatchObject({ canEdit: true, canDelete: false });
    expect((await s.delete(`/api/contests/rounds/${roundId}`)).statusCode).toBe(409);
    // More questions than the bank has, in a published contest: refused at once.
    const tooMany = await s.patch(`/api/contests/rounds/${second.id}`, { questionCount: 9 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details[0].field).toBe('rounds.2');

    await db
      .updateTable('contest_rounds')
      .set({ opens_at: new Date(Date.now() - 3 * HOUR), closes_at: new Date(Date.now() - HOUR) })
      .where('id', '=', second.id)
      .execute();
    const closed = await s.patch(`/api/contests/rounds/${second.id}`, { title: 'Sửa muộn' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toBe('Vòng thi đã kết thúc nên không sửa được nữa.');
    const abilities = (await s.get(`/api/contests/${contestId}`))
      .json()
      .rounds.map((r: { id: number; canEdit: boolean; canDelete: boolean }) => [r.id, r.canEdit, r.canDelete]);
    // Closed and never started: no more edits, but it may still go (the server agrees, below).
    expect(abilities).toEqual([
      [roundId, true, false],
      [second.id, false, true],
    ]);
    expect((await s.delete(`/api/contests/rounds/${second.id}`)).statusCode).toBe(204);
    // Now the only round of a published contest: it stays.
    const [only] = (await s.get(`/api/contests/${contestId}`)).json().rounds;
    expect(only).toMatchObject({ id: roundId, canDelete: false });
  });

  it('deletes a round without attempts and renumbers the ones after it', async () => {
    const s = client(app, adminA);
    const { contestId, roundId } = await setUp(adminA, tree.schoolA);
    await s.post(`/api/contests/${contestId}/rounds`, roundBody({ title: 'Tuần 2' }));
    await s.post(`/api/contests/${contestId}/rounds`, roundBody({ title: 'Tuần 3' }));
    expect((await s.delete(`/api/contests/rounds/${roundId}`)).statusCode).toBe(204);
    const rounds = (await s.get(`/api/contests/${contestId}`)).json().rounds;
    expect(rounds.map((r: { number: number; title: string }) => [r.number, r.title])).toEqual([
      [1, 'Tuần 2'],
      [2, 'Tuần 3'],
    ]);
    const next = (await s.post(`/api/contests/${contestId}/rounds`, roundBody({ title: 'Tuần 4' }))).json();
    expect(next.number).toBe(3);
  });
});

describe('who sees and who manages a contest', () => {
  it('lets a school admin see a province contest but not manage it', async () => {
    const { contestId, roundId } = await setUp(provinceAdmin, tree.province);
    await publish(provinceAdmin, contestId);
    const s = client(app, adminA);
    const seen = await s.get(`/api/contests/${contestId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      canManage: false,
      canEnter: false,
      rounds: [{ canEdit: false, canDelete: false }],
    });
    expect((await s.patch(`/api/contests/${contestId}`, { title: 'Đổi' })).statusCode).toBe(403);
    expect((await s.post(`/api/contests/${contestId}/rounds`, roundBody())).statusCode).toBe(403);
    expect((await s.patch(`/api/contests/rounds/${roundId}`, { title: 'Đổi' })).statusCode).toBe(403);
    expect((await s.delete(`/api/contests/rounds/${roundId}`)).statusCode).toBe(403);
    expect((await s.delete(`/api/contests/${contestId}`)).statusCode).toBe(403);
    const forProvince = await s.post('/api/contests', contestBody(tree.province));
    expect(forProvince.statusCode).toBe(404);
    expect(forProvince.json().error.code).toBe('UNIT_NOT_FOUND');
    expect((await client(app, memberA).post('/api/contests', contestBody(tree.schoolA))).statusCode).toBe(403);
    // A member of the audience may take part.
    expect((await client(app, memberA).get(`/api/contests/${contestId}`)).json().canEnter).toBe(true);
  });

  it('hides a subtree contest from members outside its audience, and drafts from everyone but organisers', async () => {
    const { contestId } = await setUp(provinceAdmin, tree.province, { extra: { audienceUnitId: tree.commune } });
    expect((await client(app, memberC).get(`/api/contests/${contestId}`)).statusCode).toBe(404);
    await publish(provinceAdmin, contestId);
    const inside = await client(app, memberC).get(`/api/contests/${contestId}`);
    expect(inside.statusCode).toBe(200);
    expect(inside.json()).toMatchObject({ canEnter: true, canManage: false });
    expect(inside.json().rounds[0].predictionAnswer).toBeNull();
    expect((await client(app, memberA).get(`/api/contests/${contestId}`)).statusCode).toBe(404);
    expect((await client(app, memberA).patch(`/api/contests/${contestId}`, { title: 'x' })).statusCode).toBe(404);
    const listA = (await client(app, memberA).get('/api/contests?pageSize=100')).json();
    expect(listA.items.map((c: { id: number }) => c.id)).not.toContain(contestId);
    const listC = (await client(app, memberC).get('/api/contests?pageSize=100')).json();
    expect(listC.items.map((c: { id: number }) => c.id)).toContain(contestId);
    expect((await app.inject({ method: 'GET', url: `/api/contests/${contestId}` })).statusCode).toBe(404);
  });

  it('shows anonymous visitors published public contests only', async () => {
    const open = await setUp(adminA, tree.schoolA, { extra: { audience: 'public', title: 'Cuộc thi công khai' } });
    await publish(adminA, open.contestId);
    const draft = await setUp(adminA, tree.schoolA, { extra: { audience: 'public' } });
    const members = await setUp(adminA, tree.schoolA);
    await publish(adminA, members.contestId);

    const list = await app.inject({ method: 'GET', url: '/api/contests?pageSize=100' });
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((c: { id: number }) => c.id);
    expect(ids).toContain(open.contestId);
    expect(ids).not.toContain(draft.contestId);
    expect(ids).not.toContain(members.contestId);
    expect(list.json().items.every((c: { audience: string; status: string }) => c.audience === 'public')).toBe(true);
    const one = await app.inject({ method: 'GET', url: `/api/contests/${open.contestId}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ canManage: false, canEnter: false, title: 'Cuộc thi công khai' });
    expect((await app.inject({ method: 'GET', url: `/api/contests/${draft.contestId}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/contests/${members.contestId}` })).statusCode).toBe(404);
    const write = await app.inject({ method: 'POST', url: '/api/contests', payload: contestBody(tree.schoolA) });
    expect(write.statusCode).toBe(401);
  });

  it('lists open rounds first, then the newest, with filters and pages', async () => {
    const s = client(app, provinceAdmin);
    const q = encodeURIComponent('sap xep');
    const upcoming = (await s.post('/api/contests', contestBody(tree.province, { title: 'Sắp xếp: sắp mở' }))).json();
    await s.post(`/api/contests/${upcoming.id}/rounds`, roundBody({ opensAt: at(24 * HOUR), closesAt: at(48 * HOUR) }));
    const running = (await s.post('/api/contests', contestBody(tree.province, { title: 'Sắp xếp: đang mở' }))).json();
    await s.post(`/api/contests/${running.id}/rounds`, roundBody());
    const newest = (await s.post('/api/contests', contestBody(tree.province, { title: 'Sắp xếp: mới nhất' }))).json();

    const list = (await s.get(`/api/contests?q=${q}`)).json();
    expect(list.total).toBe(3);
    expect(list.items.map((c: { id: number }) => c.id)).toEqual([running.id, newest.id, upcoming.id]);
    expect(list.items[0].openRound).toMatchObject({ title: 'Tuần 1' });
    expect(list.items[2].nextRound).toMatchObject({ title: 'Tuần 1' });
    expect(list.items[1]).toMatchObject({ openRound: null, nextRound: null, canManage: true, status: 'draft' });
    const page2 = (await s.get(`/api/contests?q=${q}&pageSize=2&page=2`)).json();
    expect(page2).toMatchObject({ total: 3, items: [{ id: upcoming.id }] });
    expect((await s.get(`/api/contests?q=${q}&page=5`)).json()).toEqual({ items: [], total: 3 });
    expect((await s.get(`/api/contests?q=${q}&status=published`)).json().total).toBe(0);
    expect((await s.get('/api/contests?status=closed')).statusCode).toBe(400);
  });

  it('documents the set-up routes in the OpenAPI document, in Vietnamese', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const tag = 'Cuộc thi trực tuyến — thiết lập';
    const routes = [
      ['/api/contests', 'get'],
      ['/api/contests', 'post'],
      ['/api/contests/{id}', 'patch'],
      ['/api/contests/{id}/publish', 'post'],
      ['/api/contests/rounds/{roundId}', 'patch'],
      ['/api/contests/{id}/questions', 'get'],
      ['/api/contests/{id}/questions/import', 'post'],
      ['/api/contests/questions/{questionId}', 'delete'],
    ] as const;
    for (const [path, method] of routes) expect(doc.paths[path]?.[method]?.tags).toEqual([tag]);
    const patch = doc.paths['/api/contests/{id}'].patch.requestBody.content['application/json'].schema;
    expect(patch.required ?? []).toEqual([]);
  });
});
