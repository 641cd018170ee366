import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import {
  kind,
  login,
  makeAccount,
  makeApp,
  makeMembers,
  makeTree,
  type Session,
  systemActor,
} from '../../../test/factories.js';
import { todayInVietnam } from '../../platform/dates.js';
import { client } from '../activities/activities.test-helpers.js';
import { transferMember } from '../org/members.commands.js';
import { createUnit } from '../org/units.commands.js';
import { makeContest } from './contests.test-helpers.js';
import { publishClosedRounds } from './sweeper.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let organiser: Session;
let schoolAdminA: Session;
const member: Record<string, { id: number; session: Session }> = {};

beforeAll(async () => {
  tree = await makeTree(db);
  const place = async (unitId: number, names: string[]) => {
    const ids = await makeMembers(
      db,
      unitId,
      names.map((n) => `Phạm Thị ${n}`),
    );
    for (const [i, id] of ids.entries()) {
      member[names[i] as string] = {
        id,
        session: await login(app, await makeAccount(db, 'member', unitId, { memberId: id })),
      };
    }
  };
  await place(tree.schoolA, ['A1', 'A2', 'A3', 'A4', 'D', 'C', 'E', 'F', 'B']);
  await place(tree.schoolB, ['B1', 'B2']);
  await place(tree.schoolC, ['C1']);
  organiser = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  schoolAdminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
});

const key = (k: Map<number, string[]>, id: number) => k.get(id) ?? [];

/** Starts and submits an attempt with `right` correct answers, `seconds` used and a prediction. */
async function play(
  who: string,
  roundId: number,
  answerKey: Map<number, string[]>,
  right: number,
  seconds: number,
  prediction: number | null = null,
) {
  const view = (
    await client(app, member[who]?.session ?? null).post(`/api/contests/rounds/${roundId}/attempts`)
  ).json();
  expect(view.attemptId, JSON.stringify(view)).toBeTypeOf('number');
  await sql`update contest_attempts set started_at = now() - ${seconds} * interval '1 second' where id = ${view.attemptId}`.execute(
    db,
  );
  const ids = view.questions.map((q: { id: number }) => q.id) as number[];
  const answers = Object.fromEntries(
    ids.map((id, i) => [String(id), i < right ? key(answerKey, id) : key(answerKey, id).includes('d') ? ['b'] : ['d']]),
  );
  const submitted = await app.inject({
    method: 'POST',
    url: `/api/contests/attempts/${view.attemptId}/submit`,
    headers: { 'x-attempt-token': view.token },
    payload: { answers, ...(prediction === null ? {} : { prediction }) },
  });
  expect(submitted.statusCode).toBe(200);
  expect(submitted.json().timeUsedSeconds).toBeCloseTo(seconds, 0);
  // Time is ranked to the millisecond; the cases below need exactly the seconds they name.
  await sql`update contest_attempts set time_used_ms = ${seconds * 1000} where id = ${view.attemptId}`.execute(db);
  return view.attemptId as number;
}

async function closeAndPublish(roundId: number, predictionAnswer: number | null) {
  await sql`update contest_rounds set opens_at = now() - interval '3 days', closes_at = now() - interval '1 minute',
    prediction_answer = ${predictionAnswer} where id = ${roundId}`.execute(db);
  expect(await publishClosedRounds(db)).toContain(roundId);
}

describe('contest results', () => {
  it('ranks by score, then prediction distance, then time; equal on all three share a rank; prizes in order', async () => {
    const { roundId, key: answerKey } = await makeContest(db, {
      unitId: tree.province,
      round: {
        predictionQuestion: 'Có bao nhiêu người trả lời đúng tất cả các câu?',
        prizes: [
          { name: 'Giải Nhất', count: 1 },
          { name: 'Giải Nhì', count: 2 },
        ],
      },
    });
    await play('D', roundId, answerKey, 18, 400); // the best score, no prediction
    await play('C', roundId, answerKey, 15, 250, 98); // 15 right, 2 off, 250 s
    await play('E', roundId, answerKey, 15, 250, 102); // the same as C on all three
    await play('A1', roundId, answerKey, 15, 300, 98); // 2 off but slower
    await play('B', roundId, answerKey, 15, 100, 105); // fastest, but 5 off
    await play('F', roundId, answerKey, 14, 50); // 14 right

    // Before the round closes, players see nothing; the organiser sees it live.
    const early = (await client(app, member.C?.session ?? null).get(`/api/contests/rounds/${roundId}/ranking`)).json();
    expect(early).toMatchObject({ published: false, total: 0, items: [] });
    expect((await client(app, organiser).get(`/api/contests/rounds/${roundId}/ranking`)).json().total).toBe(6);

    await closeAndPublish(roundId, 100);
    const ranking = (
      await client(app, member.C?.session ?? null).get(`/api/contests/rounds/${roundId}/ranking`)
    ).json();
    expect(ranking.published).toBe(true);
    const rows = ranking.items.map((r: Record<string, unknown>) => [
      r.rank,
      (r.fullName as string).replace('Phạm Thị ', ''),
      r.score,
      r.predictionDistance,
      r.timeUsedSeconds,
      r.prize,
    ]);
    expect(rows.slice(0, 1)).toEqual([[1, 'D', 18, null, 400, 'Giải Nhất']]);
    // C and E tie on everything: one rank, listed in entry order; both within the three prizes.
    expect(rows.slice(1, 3).map((r: unknown[]) => [r[0], r[2], r[3], r[4], r[5]])).toEqual([
      [2, 15, 2, 250, 'Giải Nhì'],
      [2, 15, 2, 250, 'Giải Nhì'],
    ]);
    expect(rows.slice(3)).toEqual([
      [4, 'A1', 15, 2, 300, null],
      [5, 'B', 15, 5, 100, null],
      [6, 'F', 14, null, 50, null],
    ]);
    const xlsx = await client(app, organiser).get(
      `/api/contests/${await contestOf(roundId)}/ranking.xlsx?roundId=${roundId}`,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    // The file holds what the page shows: rank, name, score, prize, row by row.
    const ranked = await sheetRows(xlsx.rawPayload);
    expect(ranked.slice(2, 4).map((r) => [r[0], r[1], r[3], r[8]])).toEqual([
      [1, 'Phạm Thị D', 18, 'Giải Nhất'],
      [2, ranked[3]?.[1], 15, 'Giải Nhì'],
    ]);
    expect(ranked).toHaveLength(2 + 6);
  });

  it('counts each person once, by the round’s rule, and overall adds the rounds up', async () => {
    const {
      roundId,
      key: answerKey,
      contestId,
    } = await makeContest(db, { unitId: tree.province, round: { attemptsAllowed: 3 } });
    await play('A2', roundId, answerKey, 10, 100);
    await play('A2', roundId, answerKey, 16, 300);
    await play('A2', roundId, answerKey, 12, 50);
    await play('A3', roundId, answerKey, 16, 200);
    await closeAndPublish(roundId, null);
    const ranking = (await client(app, organiser).get(`/api/contests/rounds/${roundId}/ranking`)).json();
    expect(
      ranking.items.map((r: Record<string, unknown>) => [r.fullName, r.score, r.timeUsedSeconds, r.attempts]),
    ).toEqual([
      ['Phạm Thị A3', 16, 200, 1],
      ['Phạm Thị A2', 16, 300, 3],
    ]);
    // The same contest, judged by each person's first attempt instead.
    await sql`update contest_rounds set best_of = 'first' where id = ${roundId}`.execute(db);
    const first = (await client(app, organiser).get(`/api/contests/rounds/${roundId}/ranking`)).json();
    expect(first.items.map((r: Record<string, unknown>) => [r.fullName, r.score])).toEqual([
      ['Phạm Thị A3', 16],
      ['Phạm Thị A2', 10],
    ]);
    const overall = (await client(app, member.A2?.session ?? null).get(`/api/contests/${contestId}/ranking`)).json();
    expect(overall.items.map((r: Record<string, unknown>) => [r.fullName, r.score])).toEqual([
      ['Phạm Thị A3', 16],
      ['Phạm Thị A2', 10],
    ]);
  });

  it('gives each unit its participation rate, counting people where they are and leaving out voided attempts', async () => {
    await createUnit(db, await systemActor(db), {
      name: 'Công đoàn Trường Mầm non D',
      kindId: await kind(db, 'grassroots_union'),
      parentId: tree.province,
      validFrom: '2020-01-01',
    });
    const { roundId, key: answerKey, contestId } = await makeContest(db, { unitId: tree.province });
    await play('A1', roundId, answerKey, 10, 100);
    await play('A2', roundId, answerKey, 10, 100);
    await play('A3', roundId, answerKey, 10, 100);
    await play('B1', roundId, answerKey, 10, 100);
    const voided = await play('C1', roundId, answerKey, 20, 30);
    // A3 took part, then moved to school B: on the reference day (today) they count there.
    await transferMember(db, await systemActor(db), member.A3?.id as number, {
      toUnitId: tree.schoolB,
      effectiveDate: todayInVietnam(),
    });
    const refused = await client(app, organiser).post(`/api/contests/attempts/${voided}/void`, { reason: '' });
    expect(refused.statusCode).toBe(400);
    const done = await client(app, organiser).post(`/api/contests/attempts/${voided}/void`, {
      reason: 'Làm hộ người khác',
    });
    expect(done.statusCode).toBe(204);

    const table = (
      await client(app, organiser).get(`/api/contests/${contestId}/participation?roundId=${roundId}`)
    ).json();
    const byName = Object.fromEntries(
      table.rows.map((r: Record<string, unknown>) => [r.unitName, [r.members, r.participants, r.rate, r.rank]]),
    );
    // School A: A1 A2 A4 D C E F B (A3 left) = 8 members, A1 A2 took part → 25 %.
    expect(byName['Công đoàn Trường THPT A']).toEqual([8, 2, 25, 2]);
    // School B: B1 B2 and A3 = 3, B1 and A3 took part → 66.7 %.
    expect(byName['Công đoàn Trường THPT B']).toEqual([3, 2, 66.7, 1]);
    // The commune (school C): C1, whose only attempt was voided → 0 %.
    expect(byName['Công đoàn xã Thử']).toEqual([1, 0, 0, 3]);
    // No members: no rate, no rank (never 0 %, never a division by zero).
    expect(byName['Công đoàn Trường Mầm non D']).toEqual([0, 0, null, null]);
    expect(table.total).toMatchObject({ members: 12, participants: 4, rate: 33.3 });
    expect(table.guests).toBe(0);

    // A school's admin sees their own part; not the province's table.
    expect(
      (await client(app, schoolAdminA).get(`/api/contests/${contestId}/participation?unitId=${tree.schoolA}`))
        .statusCode,
    ).toBe(200);
    expect((await client(app, schoolAdminA).get(`/api/contests/${contestId}/participation`)).statusCode).toBe(403);
    const xlsx = await client(app, organiser).get(`/api/contests/${contestId}/participation.xlsx?roundId=${roundId}`);
    expect(xlsx.statusCode).toBe(200);
    const units = await sheetRows(xlsx.rawPayload);
    expect(units.find((r) => r[1] === 'Công đoàn Trường THPT B')).toEqual([1, 'Công đoàn Trường THPT B', 3, 2, '66,7']);
    expect(units.find((r) => String(r[1]).endsWith('(toàn đơn vị)'))?.slice(2)).toEqual([12, 4, '33,3']);

    // The voided attempt is listed, with its reason, for the organiser only.
    const attempts = (await client(app, organiser).get(`/api/contests/rounds/${roundId}/attempts`)).json();
    expect(attempts.items.find((a: { attemptId: number }) => a.attemptId === voided)).toMatchObject({
      status: 'voided',
      voidReason: 'Làm hộ người khác',
      flags: ['too_fast'],
    });
    expect((await client(app, schoolAdminA).get(`/api/contests/rounds/${roundId}/attempts`)).statusCode).toBe(404);
    const trail = (await client(app, organiser).get(`/api/contests/attempts/${voided}/events`)).json();
    expect(trail.map((e: { kind: string }) => e.kind)).toEqual(['start', 'submit', 'void']);
    expect(trail[2].detail.reason).toBe('Làm hộ người khác');
  });

  it('records participation as an activity when the organiser asks, and the plan’s coverage sees it', async () => {
    const { roundId, key: answerKey } = await makeContest(db, {
      unitId: tree.province,
      activityCategory: 'law_outreach',
    });
    await play('B2', roundId, answerKey, 5, 100);
    await play('E', roundId, answerKey, 5, 100);
    await closeAndPublish(roundId, null);
    const round = await db
      .selectFrom('contest_rounds')
      .select('activity_id')
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow();
    expect(round.activity_id).not.toBeNull();
    const attended = await db
      .selectFrom('attendances')
      .select(['member_id', 'category', 'source'])
      .where('activity_id', '=', round.activity_id as number)
      .orderBy('member_id')
      .execute();
    expect(attended).toEqual(
      [member.E?.id, member.B2?.id]
        .sort((a, b) => (a as number) - (b as number))
        .map((id) => ({ member_id: id, category: 'law_outreach', source: 'contest' })),
    );
  });
});

async function contestOf(roundId: number): Promise<number> {
  const row = await db
    .selectFrom('contest_rounds')
    .select('contest_id')
    .where('id', '=', roundId)
    .executeTakeFirstOrThrow();
  return row.contest_id;
}

/** The first sheet's rows as plain values (ExcelJS rows are 1-based). */
async function sheetRows(file: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}
