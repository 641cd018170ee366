import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { as, login, makeApp, systemActor } from '../../../test/factories.js';
import { bankShortfalls, drawQuestions, playRound } from '../../modules/contests/round-cache.js';
import type { Actor } from '../../platform/access.js';
import { seedDemoContest } from './demo-contest.js';
import { DEMO_CONTEST_TITLE, DEMO_QUESTIONS, DEMO_TOPICS } from './demo-contest-questions.js';
import { type DemoLogins, seedDemo } from './seed-demo.js';

const { db } = await testDatabase();

let actor: Actor;
let logins: DemoLogins;
let app: FastifyInstance;
let rootId: number;
let contestId: number;
let week1: number;
let week2: number;

beforeAll(async () => {
  actor = await systemActor(db);
  logins = await seedDemo(db, actor);
  app = await makeApp(db);
  rootId = (await db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
  const contest = await db
    .selectFrom('contests')
    .selectAll()
    .where('title', '=', DEMO_CONTEST_TITLE)
    .executeTakeFirstOrThrow();
  contestId = contest.id;
  const rounds = await db
    .selectFrom('contest_rounds')
    .select('id')
    .where('contest_id', '=', contestId)
    .orderBy('number')
    .execute();
  [week1, week2] = rounds.map((r) => r.id) as [number, number];
}, 180_000);

afterAll(async () => {
  await app?.close();
});

async function one<T>(query: ReturnType<typeof sql<T>>): Promise<T> {
  const row = (await query.execute(db)).rows[0];
  if (!row) throw new Error('no row');
  return row;
}

describe('demo contest', () => {
  it('is the province’s published contest for its whole tree, counting as law outreach', async () => {
    const contest = await db.selectFrom('contests').selectAll().where('id', '=', contestId).executeTakeFirstOrThrow();
    expect(contest).toMatchObject({
      unit_id: rootId,
      audience: 'subtree',
      audience_unit_id: rootId,
      status: 'published',
      activity_category: 'law_outreach',
    });
    for (const part of ['Đối tượng dự thi', 'Tuần 1: từ 08 giờ 00 ngày', '20 câu hỏi', '30 phút', 'dự đoán'])
      expect(contest.rules).toContain(part);
    expect(contest.prizes).toContain('01 giải Nhất');
  });

  it('has a bank of at least 36 questions on three topics, some with several right answers', async () => {
    const bank = await db
      .selectFrom('contest_questions')
      .selectAll()
      .where('contest_id', '=', contestId)
      .orderBy('id')
      .execute();
    expect(bank.length).toBe(DEMO_QUESTIONS.length);
    expect(bank.length).toBeGreaterThanOrEqual(36);
    expect(new Set(bank.map((q) => q.topic))).toEqual(new Set(Object.values(DEMO_TOPICS)));
    expect(new Set(bank.map((q) => q.difficulty))).toEqual(new Set([1, 2, 3]));
    expect(bank.filter((q) => q.kind === 'multiple').length).toBeGreaterThanOrEqual(5);
    for (const q of bank) {
      const ids = q.options.map((o) => o.id);
      expect(
        q.correct.every((id) => ids.includes(id)),
        q.text,
      ).toBe(true);
      expect(q.correct.length > 1, q.text).toBe(q.kind === 'multiple');
      expect(q.correct.length, q.text).toBeLessThan(ids.length);
      expect(new Set(q.options.map((o) => o.text)).size, q.text).toBe(ids.length);
    }
    // Right answers are spread over the positions, not always the first.
    expect(new Set(bank.filter((q) => q.kind === 'single').map((q) => q.correct[0])).size).toBe(4);
  });

  it('keeps Tuần 2 open for a month with 20 questions drawn by topic, 30 minutes, 2 attempts', async () => {
    const round = await playRound(db, week2);
    const now = Date.now();
    expect(round.opensAt).toBeLessThan(now - 12 * 3_600_000);
    expect(round.closesAt).toBeGreaterThan(now + 29 * 86_400_000);
    expect(round).toMatchObject({
      questionCount: 20,
      timeLimitMs: 30 * 60_000,
      attemptsAllowed: 2,
      predictionQuestion: 'Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi của Tuần 2?',
      resultsPublished: false,
    });
    expect(bankShortfalls(round.bank.values(), round.questionCount, round.quotas)).toEqual([]);
    const { questions } = drawQuestions(round);
    expect(questions).toHaveLength(20);
    const topics = questions.map((q) => round.bank.get(q.id)?.topic);
    expect(topics.filter((t) => t === DEMO_TOPICS.plan)).toHaveLength(8);
    expect(topics.filter((t) => t === DEMO_TOPICS.law)).toHaveLength(8);
    expect(topics.filter((t) => t === DEMO_TOPICS.history)).toHaveLength(4);
  });

  it('published Tuần 1, closed a week ago, through the engine: ranking, prediction figure, activity, attendance', async () => {
    const round = await db.selectFrom('contest_rounds').selectAll().where('id', '=', week1).executeTakeFirstOrThrow();
    const weekAgo = Date.now() - 7 * 86_400_000;
    expect(Math.abs(round.closes_at.getTime() - weekAgo)).toBeLessThan(86_400_000);
    expect(round.results_published_at).not.toBeNull();
    const perfect = await one(sql<{ n: number }>`
      select count(distinct entry_id)::int as n from contest_attempts
      where round_id = ${week1} and status in ('submitted', 'expired') and correct = 20`);
    expect(perfect.n).toBeGreaterThan(5);
    expect(round.prediction_answer).toBe(perfect.n);

    const session = await login(app, logins.member);
    const ranking = await as(app, session).get(`/api/contests/rounds/${week1}/ranking?pageSize=20`);
    expect(ranking.statusCode).toBe(200);
    const page = ranking.json();
    expect(page.published).toBe(true);
    expect(page.total).toBeGreaterThan(300);
    expect(page.items[0]).toMatchObject({ rank: 1, score: 20, prize: 'Giải Nhất' });
    expect(
      page.items.filter((item: { predictionDistance: number | null }) => item.predictionDistance !== null).length,
    ).toBeGreaterThan(5);

    const activity = await db
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', round.activity_id as number)
      .executeTakeFirstOrThrow();
    expect(activity).toMatchObject({ category: 'law_outreach', organising_unit_id: rootId });
    const attended = await one(sql<{ people: number; entrants: number; linked: number }>`
      select (select count(*)::int from attendances where activity_id = ${activity.id} and source = 'contest') as people,
        (select count(distinct e.member_id)::int from contest_entries e join contest_attempts a on a.entry_id = e.id
          where a.round_id = ${week1}) as entrants,
        (select count(*)::int from activity_links l join tasks t on t.id = l.task_id
          where l.activity_id = ${activity.id} and t.code = '3') as linked`);
    expect(attended.people).toBe(attended.entrants);
    expect(attended.linked).toBe(1);
  });

  it('holds attempts exactly as the engine leaves them: scored, timed, within deadline, with their trail', async () => {
    const check = await one(sql<{
      n: number;
      mis_scored: number;
      mis_timed: number;
      late: number;
      flagged: number;
      expired: number;
      second: number;
      without_trail: number;
      open: number;
    }>`
      select count(*)::int as n,
        count(*) filter (where correct is distinct from contest_attempt_correct(answers, answer_key))::int as mis_scored,
        count(*) filter (where time_used_ms <> (extract(epoch from (closed_at - started_at)) * 1000)::int)::int as mis_timed,
        count(*) filter (where closed_at > deadline or deadline <> started_at + interval '30 minutes'
          or jsonb_array_length(questions) <> 20 or closed_at > now())::int as late,
        count(*) filter (where cardinality(flags) > 0)::int as flagged,
        count(*) filter (where status = 'expired')::int as expired,
        count(*) filter (where attempt_no = 2)::int as second,
        count(*) filter (where (select count(*) from contest_attempt_events v where v.attempt_id = a.id) <> 1)::int
          as without_trail,
        count(*) filter (where status not in ('submitted', 'expired'))::int as open
      from contest_attempts a`);
    expect(check.n).toBeGreaterThan(500);
    expect(check).toMatchObject({ mis_scored: 0, mis_timed: 0, late: 0, flagged: 0, without_trail: 0, open: 0 });
    expect(check.expired).toBeGreaterThan(0);
    expect(check.second).toBeGreaterThan(0);
    // Scores are spread out.
    const scores = await db
      .selectFrom('contest_attempts')
      .select(({ fn }) => [fn.min('correct').as('low'), fn.max('correct').as('high')])
      .executeTakeFirstOrThrow();
    expect(Number(scores.low)).toBeLessThan(12);
    expect(Number(scores.high)).toBe(20);
  });

  it('lets schools take part unevenly in Tuần 1 (some lagging)', async () => {
    const rows = await sql<{ share: number }>`
      select count(distinct e.member_id) filter (where a.id is not null)::float / count(distinct m.member_id) as share
      from units u join unit_kinds k on k.id = u.kind_id and k.code = 'grassroots_union'
      join memberships m on m.unit_id = u.id and m.valid_to is null and member_status_at(m.member_id, current_date) = 'active'
      left join contest_entries e on e.member_id = m.member_id and e.contest_id = ${contestId}
      left join contest_attempts a on a.entry_id = e.id and a.round_id = ${week1}
      where u.valid_to is null group by u.id`.execute(db);
    const shares = rows.rows.map((r) => r.share);
    expect(shares.length).toBeGreaterThan(20);
    expect(Math.min(...shares)).toBeLessThan(0.35);
    expect(Math.max(...shares)).toBeGreaterThan(0.65);
    expect(shares.every((s) => s >= 0.1 && s <= 0.9)).toBe(true);
  });

  it('lets the demo member start Tuần 2 at once (they took part in Tuần 1)', async () => {
    const account = await db
      .selectFrom('accounts')
      .select('member_id')
      .where('email', '=', logins.member.login)
      .executeTakeFirstOrThrow();
    const played = await sql<{ round_id: number }>`
      select a.round_id from contest_attempts a join contest_entries e on e.id = a.entry_id
      where e.member_id = ${account.member_id}`.execute(db);
    expect(played.rows.some((r) => r.round_id === week1)).toBe(true);
    expect(played.rows.some((r) => r.round_id === week2)).toBe(false);

    const session = await login(app, logins.member);
    const started = await as(app, session).post(`/api/contests/rounds/${week2}/attempts`);
    expect(started.statusCode).toBe(200);
    const attempt = started.json();
    expect(attempt).toMatchObject({ attemptNo: 1, attemptsAllowed: 2, status: 'open', resumed: false });
    expect(attempt.questions).toHaveLength(20);
    expect(started.body).not.toContain('answer_key');
    expect(started.body).not.toContain('"correct"');
  });

  it('is seeded once: a second call finds it and adds nothing', async () => {
    const before = await one(sql<{ n: number }>`select count(*)::int as n from contest_attempts`);
    const again = await seedDemoContest(db, actor);
    expect(again).toEqual({ contestId, roundIds: [week1, week2] });
    expect(await one(sql<{ n: number }>`select count(*)::int as n from contest_attempts`)).toEqual(before);
    expect(await one(sql<{ n: number }>`select count(*)::int as n from contests`)).toEqual({ n: 1 });
  });
});
