import { attemptResult, attemptView } from '@lan-toa/contracts';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';
import { client } from '../activities/activities.test-helpers.js';
import { makeContest } from './contests.test-helpers.js';
import { closeExpiredAttempts, publishClosedRounds } from './sweeper.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
const players: Session[] = [];
let outsider: Session;
let manager: Session;

beforeAll(async () => {
  tree = await makeTree(db);
  const ids = await makeMembers(
    db,
    tree.schoolA,
    ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan'].map((n) => `Nguyễn Văn ${n}`),
  );
  for (const id of ids) players.push(await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: id })));
  const [inB] = (await makeMembers(db, tree.schoolB, ['Trần Thị Ngoài'])) as [number];
  outsider = await login(app, await makeAccount(db, 'member', tree.schoolB, { memberId: inB }));
  manager = await login(app, await makeAccount(db, 'unit_admin', tree.province));
});

/** The attempt's token calls, as the player page makes them (no session needed). */
function attempt(app: FastifyInstance, view: { attemptId: number; token: string }) {
  const headers = { 'x-attempt-token': view.token };
  return {
    answer: (questionId: number, optionIds: string[]) =>
      app.inject({
        method: 'PUT',
        url: `/api/contests/attempts/${view.attemptId}/answers`,
        headers,
        payload: { questionId, optionIds },
      }),
    extras: (payload: object) =>
      app.inject({ method: 'PUT', url: `/api/contests/attempts/${view.attemptId}/extras`, headers, payload }),
    submit: (payload: object = {}) =>
      app.inject({ method: 'POST', url: `/api/contests/attempts/${view.attemptId}/submit`, headers, payload }),
  };
}

async function start(session: Session, roundId: number) {
  return client(app, session).post(`/api/contests/rounds/${roundId}/attempts`);
}

/** The right option(s) of a question of the test bank. */
const right = (key: Map<number, string[]>, id: number) => key.get(id) ?? [];
const wrong = (key: Map<number, string[]>, id: number) => (right(key, id).includes('d') ? ['b'] : ['d']);

describe('taking part in a contest', () => {
  it('starts an attempt with drawn questions and no answer key, and resumes it after a reload', async () => {
    const { roundId, key } = await makeContest(db, { unitId: tree.province, questions: 30, multiple: 5 });
    const first = await start(players[0] as Session, roundId);
    expect(first.statusCode).toBe(200);
    const view = first.json();
    // The answer is written without the schema's check (see play.routes.ts): it must still fit it.
    expect(attemptView.strict().safeParse(view).error).toBeUndefined();
    expect(view.questions).toHaveLength(20);
    expect(new Set(view.questions.map((q: { id: number }) => q.id)).size).toBe(20);
    // Nothing about which option is right: each question is id, kind, text and options only.
    for (const q of view.questions) {
      expect(Object.keys(q).sort()).toEqual(['id', 'kind', 'options', 'text']);
      for (const o of q.options) expect(Object.keys(o).sort()).toEqual(['id', 'text']);
    }
    expect(first.body).not.toMatch(/answer_?key|correct/iu);
    const [q1, q2] = view.questions as { id: number }[];
    expect((await attempt(app, view).answer(q1?.id as number, right(key, q1?.id as number))).statusCode).toBe(200);
    expect((await attempt(app, view).answer(q2?.id as number, wrong(key, q2?.id as number))).statusCode).toBe(200);

    // A reload: the same attempt, the same questions in the same order, the answers saved so far.
    const again = (await start(players[0] as Session, roundId)).json();
    expect(again.attemptId).toBe(view.attemptId);
    expect(again.resumed).toBe(true);
    expect(again.questions).toEqual(view.questions);
    expect(again.deadline).toBe(view.deadline);
    expect(again.answers).toEqual({
      [String(q1?.id)]: right(key, q1?.id as number),
      [String(q2?.id)]: wrong(key, q2?.id as number),
    });
    expect(again.token).toBe(view.token);
  });

  it('scores what was saved when the deadline passes with the browser gone', async () => {
    const { roundId, key } = await makeContest(db, { unitId: tree.province, round: { timeLimitSeconds: 60 } });
    const view = (await start(players[1] as Session, roundId)).json();
    const ids = view.questions.map((q: { id: number }) => q.id) as number[];
    // Seven right, two wrong, eleven never answered; then the player disappears.
    for (const id of ids.slice(0, 7)) await attempt(app, view).answer(id, right(key, id));
    for (const id of ids.slice(7, 9)) await attempt(app, view).answer(id, wrong(key, id));
    // The clock moves past the deadline (and its grace) without anyone calling.
    await sql`update contest_attempts set started_at = started_at - interval '2 minutes', deadline = deadline - interval '2 minutes'
      where id = ${view.attemptId}`.execute(db);
    const late = await attempt(app, view).answer(ids[10] as number, right(key, ids[10] as number));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('ATTEMPT_CLOSED');
    expect(await closeExpiredAttempts(db)).toBeGreaterThanOrEqual(1);
    const result = (await client(app, players[1] as Session).get(`/api/contests/attempts/${view.attemptId}`)).json();
    expect(result).toMatchObject({ status: 'expired', correct: 7, questionCount: 20, score: 7, timeUsedSeconds: 60 });
    // The sweeper does not close it twice.
    expect(await closeExpiredAttempts(db)).toBe(0);
    const events = await db
      .selectFrom('contest_attempt_events')
      .select('kind')
      .where('attempt_id', '=', view.attemptId)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['expire']);
  });

  it('counts a retried submission once and answers it with the same result', async () => {
    const { roundId, key } = await makeContest(db, { unitId: tree.province });
    const view = (await start(players[2] as Session, roundId)).json();
    const ids = view.questions.map((q: { id: number }) => q.id) as number[];
    // Answers sent with the submission count like saved ones: 12 right, 8 wrong.
    const answers = Object.fromEntries(ids.map((id, i) => [String(id), i < 12 ? right(key, id) : wrong(key, id)]));
    const first = await attempt(app, view).submit({ answers });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'submitted', correct: 12, alreadyClosed: false, review: null });
    expect(attemptResult.strict().safeParse(first.json()).error).toBeUndefined();
    const retry = await attempt(app, view).submit({
      answers: Object.fromEntries(ids.map((id) => [String(id), right(key, id)])),
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'submitted', correct: 12, alreadyClosed: true });
    // Nothing more can be saved.
    expect((await attempt(app, view).answer(ids[0] as number, ['c'])).statusCode).toBe(409);
  });

  it('fifty simultaneous submissions of one attempt close it once', async () => {
    const { roundId, key } = await makeContest(db, { unitId: tree.province });
    const view = (await start(players[3] as Session, roundId)).json();
    const ids = view.questions.map((q: { id: number }) => q.id) as number[];
    const answers = Object.fromEntries(ids.map((id, i) => [String(id), i % 2 === 0 ? right(key, id) : wrong(key, id)]));
    const responses = await Promise.all(Array.from({ length: 50 }, () => attempt(app, view).submit({ answers })));
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    const bodies = responses.map((r) => r.json());
    expect(bodies.filter((b) => !b.alreadyClosed)).toHaveLength(1);
    expect(new Set(bodies.map((b) => `${b.status}/${b.correct}/${b.closedAt}`)).size).toBe(1);
    const events = await db
      .selectFrom('contest_attempt_events')
      .select(({ fn }) => ['kind', fn.countAll<number>().as('n')])
      .where('attempt_id', '=', view.attemptId)
      .groupBy('kind')
      .execute();
    expect(Object.fromEntries(events.map((e) => [e.kind, Number(e.n)]))).toEqual({
      submit: 1,
      repeat_submit: 49,
    });
  });

  it('refuses attempts beyond the limit, and starts made at the same instant make one attempt', async () => {
    const { roundId } = await makeContest(db, { unitId: tree.province, round: { attemptsAllowed: 2 } });
    const session = players[4] as Session;
    const racing = await Promise.all(Array.from({ length: 10 }, () => start(session, roundId)));
    expect(racing.every((r) => r.statusCode === 200)).toBe(true);
    expect(new Set(racing.map((r) => r.json().attemptId)).size).toBe(1);
    await attempt(app, (racing[0] as { json: () => { attemptId: number; token: string } }).json()).submit();
    const second = (await start(session, roundId)).json();
    expect(second.attemptNo).toBe(2);
    await attempt(app, second).submit();
    const third = await start(session, roundId);
    expect(third.statusCode).toBe(409);
    expect(third.json().error).toMatchObject({
      code: 'ATTEMPTS_EXHAUSTED',
      message: 'Bạn đã dùng hết số lượt thi của vòng này.',
    });
    const status = (await client(app, session).get(`/api/contests/${await roundContest(roundId)}/me`)).json();
    expect(status.rounds[0]).toMatchObject({ attemptsUsed: 2, attemptsAllowed: 2, openAttemptId: null });
  });

  it('keeps out members outside the audience, rounds not open, and forged tokens', async () => {
    const { roundId } = await makeContest(db, { unitId: tree.province, audienceUnitId: tree.schoolA });
    const refused = await start(outsider, roundId);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('NOT_IN_AUDIENCE');
    expect((await client(app, manager).post(`/api/contests/rounds/${roundId}/attempts`)).json().error.code).toBe(
      'NOT_IN_AUDIENCE',
    );
    const later = await makeContest(db, {
      unitId: tree.province,
      round: { opensAt: new Date(Date.now() + 3_600_000), closesAt: new Date(Date.now() + 7_200_000) },
    });
    expect((await start(players[5] as Session, later.roundId)).json().error.code).toBe('ROUND_NOT_OPEN');
    const draft = await makeContest(db, { unitId: tree.province, status: 'draft' });
    expect((await start(players[5] as Session, draft.roundId)).statusCode).toBe(404);

    const view = (await start(players[5] as Session, roundId)).json();
    const other = (await start(players[6] as Session, roundId)).json();
    // Another attempt's token, or a made-up one, opens nothing.
    const forged = await attempt(app, { attemptId: view.attemptId, token: other.token }).submit();
    expect(forged.statusCode).toBe(403);
    const madeUp = await attempt(app, {
      attemptId: view.attemptId,
      token: `${view.attemptId}.${roundId}.xxxxxxxx`,
    }).submit();
    expect(madeUp.statusCode).toBe(403);
    // An option the question does not have, or a question not drawn: 400 with the field.
    const bad = await attempt(app, view).answer(view.questions[0].id, ['z']);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toContain('optionIds');
  });

  it('shows each question’s answer only once the round has closed and its results are published', async () => {
    const { roundId, key } = await makeContest(db, { unitId: tree.province, round: { attemptsAllowed: 1 } });
    const session = players[7] as Session;
    const view = (await start(session, roundId)).json();
    const id = view.questions[0].id as number;
    await attempt(app, view).answer(id, right(key, id));
    const submitted = (await attempt(app, view).submit()).json();
    expect(submitted.review).toBeNull();
    const before = await client(app, session).get(`/api/contests/attempts/${view.attemptId}`);
    expect(before.json().review).toBeNull();
    await sql`update contest_rounds set opens_at = now() - interval '2 days', closes_at = now() - interval '1 minute' where id = ${roundId}`.execute(
      db,
    );
    expect(await publishClosedRounds(db)).toContain(roundId);
    const after = (await client(app, session).get(`/api/contests/attempts/${view.attemptId}`)).json();
    expect(after.review).toHaveLength(20);
    expect(after.review[0]).toMatchObject({ questionId: id, chosen: right(key, id), correct: right(key, id) });
    // Someone else's attempt is not there for them.
    expect((await client(app, players[0] as Session).get(`/api/contests/attempts/${view.attemptId}`)).statusCode).toBe(
      404,
    );
  });
});

describe('answers sent with the submission, essays and their judges', () => {
  it('clears a saved answer sent empty, and adds the judges’ essay score to the result', async () => {
    const { roundId, key } = await makeContest(db, {
      unitId: tree.province,
      round: { essayQuestion: 'Anh/chị hãy nêu một sáng kiến tuyên truyền Luật Công đoàn năm 2024.' },
    });
    const view = (await start(players[6] as Session, roundId)).json();
    expect(view).toMatchObject({ contestTitle: 'Tìm hiểu Nghị quyết Đại hội Công đoàn', roundTitle: 'Tuần 1' });
    const [first, second] = view.questions.map((q: { id: number }) => q.id) as number[];
    await attempt(app, view).answer(first as number, right(key, first as number));
    await attempt(app, view).answer(second as number, right(key, second as number));
    const essay = 'Tổ chức sân khấu hóa các tình huống pháp luật tại buổi sinh hoạt chuyên môn.';
    expect((await attempt(app, view).extras({ essay })).statusCode).toBe(200);
    // The second answer was cleared on the page but not saved yet: it goes with the submission.
    const result = (await attempt(app, view).submit({ answers: { [String(second)]: [] } })).json();
    expect(result.correct).toBe(1);

    const listed = (await client(app, manager).get(`/api/contests/rounds/${roundId}/attempts`)).json();
    expect(listed.items[0]).toMatchObject({ attemptId: view.attemptId, essay, essayScore: null });
    expect(
      (await client(app, manager).put(`/api/contests/attempts/${view.attemptId}/essay-score`, { score: 7.5 }))
        .statusCode,
    ).toBe(204);
    const scored = (await client(app, players[6] as Session).get(`/api/contests/attempts/${view.attemptId}`)).json();
    expect(scored).toMatchObject({ correct: 1, essayScore: 7.5, score: 8.5 });
  });
});

describe('a public contest', () => {
  it('lets anyone register by name, unit and phone, take part on that browser, and only there', async () => {
    const { roundId, contestId, key } = await makeContest(db, { unitId: tree.province, audience: 'public' });
    const anonymous = await app.inject({ method: 'POST', url: `/api/contests/rounds/${roundId}/attempts` });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.message).toContain('đăng ký');

    const bad = await app.inject({
      method: 'POST',
      url: `/api/contests/${contestId}/entries`,
      payload: { fullName: '', unitName: 'Trường Tiểu học Khánh Hòa', phone: '12' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.fullName', 'body.phone']);

    const entry = { fullName: 'Vũ Thị Hoa', unitName: 'Trường Tiểu học Khánh Hòa', phone: '0912 345 678' };
    const registered = await app.inject({ method: 'POST', url: `/api/contests/${contestId}/entries`, payload: entry });
    expect(registered.statusCode).toBe(200);
    const cookie = registered.cookies.find((c) => c.name === 'lantoa_contest_entry');
    expect(cookie?.httpOnly).toBe(true);
    const browser = { cookie: `lantoa_contest_entry=${cookie?.value}` };

    const view = (
      await app.inject({ method: 'POST', url: `/api/contests/rounds/${roundId}/attempts`, headers: browser })
    ).json();
    expect(view.questions).toHaveLength(20);
    const ids = view.questions.map((q: { id: number }) => q.id) as number[];
    const answers = Object.fromEntries(ids.map((id) => [String(id), right(key, id)]));
    const result = (await attempt(app, view).submit({ answers })).json();
    expect(result).toMatchObject({ status: 'submitted', correct: 20 });
    // Their result, by the attempt's token (they have no account).
    const read = await app.inject({
      method: 'GET',
      url: `/api/contests/attempts/${view.attemptId}`,
      headers: { 'x-attempt-token': view.token },
    });
    expect(read.json()).toMatchObject({ correct: 20, score: 20 });
    const status = (await app.inject({ method: 'GET', url: `/api/contests/${contestId}/me`, headers: browser })).json();
    expect(status).toMatchObject({ entered: true, fullName: 'Vũ Thị Hoa', rounds: [{ attemptsUsed: 1 }] });
    // After a reload the token is gone; this browser's registration still reads the result.
    const byCookie = await app.inject({
      method: 'GET',
      url: `/api/contests/attempts/${view.attemptId}`,
      headers: browser,
    });
    expect(byCookie.json()).toMatchObject({ correct: 20 });
    const stranger = await app.inject({ method: 'GET', url: `/api/contests/attempts/${view.attemptId}` });
    expect(stranger.statusCode).toBe(401);

    // The same phone from another browser: refused, not handed over. From the same browser: theirs.
    const elsewhere = await app.inject({ method: 'POST', url: `/api/contests/${contestId}/entries`, payload: entry });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().error.details[0].field).toBe('phone');
    const again = await app.inject({
      method: 'POST',
      url: `/api/contests/${contestId}/entries`,
      headers: browser,
      payload: entry,
    });
    expect(again.json()).toMatchObject({ alreadyRegistered: true });
    const entries = await db
      .selectFrom('contest_entries')
      .select(['phone', 'full_name'])
      .where('contest_id', '=', contestId)
      .execute();
    expect(entries).toEqual([{ phone: '0912345678', full_name: 'Vũ Thị Hoa' }]);
  });
});

async function roundContest(roundId: number): Promise<number> {
  const row = await db
    .selectFrom('contest_rounds')
    .select('contest_id')
    .where('id', '=', roundId)
    .executeTakeFirstOrThrow();
  return row.contest_id;
}
