import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/database.js';
import {
  as,
  login,
  makeAccount,
  makeApp,
  makeMembers,
  makeTree,
  type Session,
  systemActor,
} from '../../../../test/factories.js';
import type { Actor } from '../../../platform/access.js';
import { todayInVietnam } from '../../../platform/dates.js';
import { transferMember } from '../../org/members.commands.js';
import { answerSurvey } from './responses.service.js';
import { createSurvey, publishSurvey } from './surveys.commands.js';

/**
 * Surveys over HTTP, figures computed by hand.
 *
 * Tree 1 (named survey "S1" of the province, one single-choice question, options o1 "Có" / o2 "Không"):
 *   school A: 6 answers (o1 ×4, o2 ×2); school B: 4 answers; commune: none directly; its school C: 5.
 *   Total 15 (shown). Province's parts: A 6, B 4 (< 5: hidden), commune 5. The hidden remainder
 *   would be B's 4 alone (total 15 − A 6 − commune 5 = 4), so the smallest shown part, the commune
 *   (5), is hidden too: remainder 9. Shown: total and A; B "small", commune "complement"; C not listed.
 *
 * Tree 2 (anonymous survey "S2" of the province): A has An, Bình, Cường, Dũng; B has Hà; C has Khánh.
 *   Dũng answers today in A and moves to C from today + 3. An, Bình, Dũng answer.
 *   Rate today: A 3/4 (An, Bình, Dũng), B 0/1, C 0/1 — 3/6 = 50 %.
 *   Rate on today + 5: A 2/3, B 0/1, C 1/2 (Khánh, Dũng) — still 3/6.
 */

const { db } = await testDatabase();
const app = await makeApp(db);
const today = todayInVietnam();
const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

type Tree = Awaited<ReturnType<typeof makeTree>>;
let tree1: Tree;
let tree2: Tree;
let province1: Session;
let province2: Session;
let adminB2: Session;
const member: Record<string, Session> = {};
const people: Record<string, number> = {};

async function memberActor(memberId: number, unitId: number): Promise<Actor> {
  const unit = await db.selectFrom('units').select(['name', 'path']).where('id', '=', unitId).executeTakeFirstOrThrow();
  return {
    accountId: 0,
    displayName: 'Đoàn viên',
    memberId,
    grants: [{ role: 'member', unitId, unitName: unit.name, unitPath: unit.path }],
    ip: null,
  };
}

const question = (text: string) => ({ kind: 'single' as const, text, required: true, options: ['Có', 'Không'] });
const surveyBody = (unitId: number, extra: Record<string, unknown> = {}) => ({
  unitId,
  kind: 'pulse',
  title: 'Khảo sát nhanh về đời sống, việc làm',
  anonymous: false,
  opensOn: today,
  closesOn: addDays(today, 10),
  questions: [question('Thu nhập có đủ trang trải cuộc sống không?')],
  ...extra,
});

async function published(session: Session, body: Record<string, unknown>) {
  const created = await as(app, session).post('/api/surveys', body);
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  const publish = await as(app, session).post(`/api/surveys/${id}/publish`);
  expect(publish.statusCode, publish.body).toBe(200);
  return publish.json();
}

beforeAll(async () => {
  tree1 = await makeTree(db);
  tree2 = await makeTree(db);
  province1 = await login(app, await makeAccount(db, 'unit_admin', tree1.province));
  province2 = await login(app, await makeAccount(db, 'unit_admin', tree2.province));
  adminB2 = await login(app, await makeAccount(db, 'unit_admin', tree2.schoolB));
  const [an, binh, cuong, dung] = await makeMembers(db, tree2.schoolA, [
    'Nguyễn Văn An',
    'Trần Thị Bình',
    'Lê Văn Cường',
    'Phạm Văn Dũng',
  ]);
  const [ha] = await makeMembers(db, tree2.schoolB, ['Đỗ Thị Hà']);
  const [khanh] = await makeMembers(db, tree2.schoolC, ['Bùi Văn Khánh']);
  Object.assign(people, { an, binh, cuong, dung, ha, khanh });
  for (const key of ['an', 'binh', 'dung']) {
    member[key] = await login(app, await makeAccount(db, 'member', tree2.schoolA, { memberId: people[key] as number }));
  }
});

describe('results with small groups suppressed', () => {
  let surveyId: number;
  beforeAll(async () => {
    const survey = await published(province1, surveyBody(tree1.province));
    surveyId = survey.id;
    const questionId = survey.questions[0].id as number;
    const plan: [number, string[]][] = [
      [tree1.schoolA, ['o1', 'o1', 'o1', 'o1', 'o2', 'o2']],
      [tree1.schoolB, ['o1', 'o2', 'o2', 'o2']],
      [tree1.schoolC, ['o1', 'o1', 'o1', 'o2', 'o2']],
    ];
    for (const [unitId, choices] of plan) {
      const ids = await makeMembers(
        db,
        unitId,
        choices.map((_, i) => `Người trả lời ${unitId}-${i + 1}`),
      );
      for (const [i, memberId] of ids.entries()) {
        const answer = [{ questionId, optionIds: [choices[i] as string] }];
        await answerSurvey(db, await memberActor(memberId, unitId), surveyId, answer);
      }
    }
  });

  it('hides a unit with 4 answers and the complement that would give it away', async () => {
    const response = await as(app, province1).get(`/api/surveys/${surveyId}/results`);
    expect(response.statusCode, response.body).toBe(200);
    const [q] = response.json().questions;
    expect(q.total).toMatchObject({ suppressed: false, answers: 15, counts: { o1: 8, o2: 7 } });
    const rows = Object.fromEntries(q.units.map((u: { unitName: string }) => [u.unitName, u]));
    expect(Object.keys(rows)).toEqual(['Công đoàn Trường THPT A', 'Công đoàn Trường THPT B', 'Công đoàn xã Thử']);
    expect(rows['Công đoàn Trường THPT A']).toMatchObject({ suppressed: false, answers: 6, counts: { o1: 4, o2: 2 } });
    expect(rows['Công đoàn Trường THPT B']).toMatchObject({
      suppressed: true,
      suppressedReason: 'small',
      answers: null,
      counts: null,
    });
    expect(rows['Công đoàn xã Thử']).toMatchObject({ suppressed: true, suppressedReason: 'complement', answers: null });
    expect(response.json().responseRate).toMatchObject({ audience: 15, responded: 15, rate: 100 });
  });

  it('exports the same suppression to .xlsx', async () => {
    const response = await as(app, province1).get(`/api/surveys/${surveyId}/results.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Câu 1');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const byName = (name: string) => rows.find((r) => String(r[0]).trim() === name);
    expect(byName('Công đoàn Trường THPT A')).toEqual(['   Công đoàn Trường THPT A', 6, 4, 2]);
    expect(byName('Công đoàn Trường THPT B')?.[1]).toBe(
      'Ít hơn 5 câu trả lời — không hiển thị để bảo vệ người trả lời',
    );
    expect(byName('Công đoàn Trường THPT B')).toHaveLength(2);
    expect(byName('Công đoàn xã Thử')).toHaveLength(2);
    expect(byName('Công đoàn Trường Tiểu học C')).toBeUndefined();
  });

  it('another school cannot see the results or the survey: 404', async () => {
    const adminA = await login(app, await makeAccount(db, 'unit_admin', tree1.schoolA));
    const ownA = await published(adminA, surveyBody(tree1.schoolA));
    const adminB = await login(app, await makeAccount(db, 'unit_admin', tree1.schoolB));
    expect((await as(app, adminB).get(`/api/surveys/${ownA.id}/results`)).statusCode).toBe(404);
    expect((await as(app, adminB).get(`/api/surveys/${ownA.id}`)).statusCode).toBe(404);
    expect((await as(app, adminB).get(`/api/surveys/${ownA.id}/results.xlsx`)).statusCode).toBe(404);
    // A school below the organiser sees the survey it is asked, not the results of the whole province.
    expect((await as(app, adminB).get(`/api/surveys/${surveyId}/results`)).statusCode).toBe(403);
  });
});

describe('answering', () => {
  let anonymous: { id: number; questions: { id: number }[] };
  let named: { id: number; questions: { id: number }[] };
  const pick = (survey: { questions: { id: number }[] }, option: string) => ({
    answers: [{ questionId: survey.questions[0]?.id, optionIds: [option] }],
  });

  beforeAll(async () => {
    anonymous = await published(province2, surveyBody(tree2.province, { anonymous: true, title: 'Khảo sát ẩn danh' }));
    named = await published(province2, surveyBody(tree2.province, { title: 'Phiếu hỏi ý kiến ghi tên' }));
  });

  it('anonymous: one submission, a second one refused', async () => {
    const first = await as(app, member.an as Session).post(
      `/api/surveys/${anonymous.id}/response`,
      pick(anonymous, 'o1'),
    );
    expect(first.statusCode, first.body).toBe(200);
    const again = await as(app, member.an as Session).post(
      `/api/surveys/${anonymous.id}/response`,
      pick(anonymous, 'o2'),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Bạn đã trả lời khảo sát ẩn danh này. Câu trả lời ẩn danh không sửa được.');
    const view = await as(app, member.an as Session).get(`/api/surveys/${anonymous.id}`);
    expect(view.json()).toMatchObject({ responded: true, canAnswer: false, myAnswers: null });
  });

  it('named: answering again replaces the answer', async () => {
    const first = await as(app, member.an as Session).post(`/api/surveys/${named.id}/response`, pick(named, 'o1'));
    expect(first.json()).toEqual({ saved: true, replaced: false });
    const again = await as(app, member.an as Session).post(`/api/surveys/${named.id}/response`, pick(named, 'o2'));
    expect(again.json()).toEqual({ saved: true, replaced: true });
    const view = (await as(app, member.an as Session).get(`/api/surveys/${named.id}`)).json();
    expect(view.myAnswers).toEqual([{ questionId: named.questions[0]?.id, optionIds: ['o2'] }]);
    const count = await db
      .selectFrom('survey_responses')
      .select(db.fn.countAll().as('n'))
      .where('survey_id', '=', named.id)
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(1);
  });

  it('an anonymous response row has no link to the person', async () => {
    await as(app, member.binh as Session).post(`/api/surveys/${anonymous.id}/response`, pick(anonymous, 'o2'));
    await as(app, member.dung as Session).post(`/api/surveys/${anonymous.id}/response`, pick(anonymous, 'o1'));
    const columns = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns
      where table_name in ('survey_responses', 'survey_answers', 'survey_respondents') order by table_name, ordinal_position`.execute(
      db,
    );
    expect(columns.rows.map((c) => c.data_type)).not.toContain('timestamp with time zone');
    expect(columns.rows.map((c) => c.column_name)).not.toContain('account_id');
    const rows = await sql<
      Record<string, unknown>
    >`select * from survey_responses where survey_id = ${anonymous.id}`.execute(db);
    expect(rows.rows).toHaveLength(3);
    for (const row of rows.rows) {
      expect(Object.keys(row).sort()).toEqual(['answered_on', 'id', 'member_id', 'survey_id', 'unit_id']);
      expect(row.member_id).toBeNull();
      expect(row.answered_on).toBe(today);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
      // School A has 4 members (< 10): the answer is placed at the province (whole tree: 6 members → top).
      expect(row.unit_id).toBe(tree2.province);
    }
    expect(new Set(rows.rows.map((r) => r.id)).size).toBe(3);
    // Who answered is one sorted set, with no order of answering and no pointer to a response.
    const respondents = await sql<
      Record<string, unknown>
    >`select * from survey_respondents where survey_id = ${anonymous.id}`.execute(db);
    expect(respondents.rows).toEqual([
      {
        survey_id: anonymous.id,
        member_ids: [people.an, people.binh, people.dung].sort((a, b) => (a as number) - (b as number)).map(String),
      },
    ]);
    // No audit event names who answered.
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_events where entity_type = 'survey'
      and entity_id = ${anonymous.id} and action not in ('survey.create', 'survey.publish')`.execute(db);
    expect(audit.rows[0]?.n).toBe(0);
  });

  it('response rate per unit counts a member who moved where they are on the day', async () => {
    // March 2025, anonymous: An, Bình and Dũng answer on 05/03 (all in A); Dũng moves to C on 20/03.
    const actor = await systemActor(db);
    const body = { ...surveyBody(tree2.province), anonymous: true, description: '', audienceUnitIds: [] };
    const march = { ...body, title: 'Khảo sát tháng 3', opensOn: '2025-03-01', closesOn: '2025-03-31' };
    const id = await createSurvey(db, actor, march as never, '2025-03-01');
    await publishSurvey(db, actor, id, '2025-03-01');
    const [q] = await db.selectFrom('survey_questions').select('id').where('survey_id', '=', id).execute();
    for (const key of ['an', 'binh', 'dung']) {
      const who = await memberActor(people[key] as number, tree2.schoolA);
      await answerSurvey(db, who, id, [{ questionId: q?.id as number, optionIds: ['o1'] }], '2025-03-05');
    }
    await transferMember(db, actor, people.dung as number, { toUnitId: tree2.schoolC, effectiveDate: '2025-03-20' });
    const figure = (rate: { units: { unitName: string; audience: number; responded: number }[] }) =>
      rate.units.map((u) => [u.unitName, u.audience, u.responded]);
    const early = (await as(app, province2).get(`/api/surveys/${id}/results?day=2025-03-10`)).json().responseRate;
    expect(early).toMatchObject({ audience: 6, responded: 3, rate: 50 });
    expect(figure(early)).toEqual([
      ['Công đoàn Trường THPT A', 4, 3],
      ['Công đoàn Trường THPT B', 1, 0],
      ['Công đoàn Trường Tiểu học C', 1, 0],
    ]);
    // Without a day: the close date (past). Dũng is counted in C, where he was on 31/03.
    const closed = (await as(app, province2).get(`/api/surveys/${id}/results`)).json();
    expect(closed.day).toBe('2025-03-31');
    expect(closed.responseRate).toMatchObject({ audience: 6, responded: 3, rate: 50 });
    expect(figure(closed.responseRate)).toEqual([
      ['Công đoàn Trường THPT A', 3, 2],
      ['Công đoàn Trường THPT B', 1, 0],
      ['Công đoàn Trường Tiểu học C', 2, 1],
    ]);
    // 3 answers in all: fewer than 5, so nothing of the question is shown.
    expect(closed.questions[0].total).toMatchObject({ suppressed: true, suppressedReason: 'small', counts: null });
    expect((await as(app, adminB2).get(`/api/surveys/${id}/results`)).statusCode).toBe(403);
  });

  it('a closed survey refuses answers', async () => {
    const actor = await systemActor(db);
    const past = {
      ...surveyBody(tree2.province),
      description: '',
      audienceUnitIds: [],
      opensOn: '2025-01-02',
      closesOn: '2025-01-20',
    };
    const id = await createSurvey(db, actor, past as never, '2025-01-02');
    await publishSurvey(db, actor, id, '2025-01-02');
    const view = (await as(app, member.binh as Session).get(`/api/surveys/${id}`)).json();
    expect(view).toMatchObject({ status: 'closed', canAnswer: false });
    const response = await as(app, member.binh as Session).post(`/api/surveys/${id}/response`, pick(view, 'o1'));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe('Khảo sát đã đóng ngày 20/01/2025.');
  });
});

describe('bad input', () => {
  it('400 with Vietnamese field errors, nothing written', async () => {
    const before = await db.selectFrom('surveys').select(db.fn.countAll().as('n')).executeTakeFirst();
    const blank = await as(app, province2).post('/api/surveys', {
      ...surveyBody(tree2.province),
      title: '  ',
      kind: 'x',
    });
    expect(blank.statusCode).toBe(400);
    const fields = Object.fromEntries(
      blank.json().error.details.map((d: { field: string; message: string }) => [d.field, d.message]),
    );
    expect(fields).toMatchObject({ 'body.title': 'Cần nhập tên khảo sát', 'body.kind': 'Loại khảo sát không hợp lệ' });
    const oneOption = await as(app, province2).post('/api/surveys', {
      ...surveyBody(tree2.province),
      questions: [{ kind: 'single', text: 'Chọn?', options: ['Có'] }],
    });
    expect(oneOption.json().error.details).toEqual([
      { field: 'questions.0.options', message: 'Câu hỏi lựa chọn cần ít nhất 2 phương án.' },
    ]);
    const dates = await as(app, province2).post('/api/surveys', {
      ...surveyBody(tree2.province),
      closesOn: addDays(today, -1),
    });
    expect(dates.json().error.details[0]).toEqual({
      field: 'closesOn',
      message: 'Ngày đóng không được trước ngày mở.',
    });
    const after = await db.selectFrom('surveys').select(db.fn.countAll().as('n')).executeTakeFirst();
    expect(after?.n).toBe(before?.n);
  });

  it('a missing required answer is a 400 naming the question', async () => {
    const survey = await published(province2, {
      ...surveyBody(tree2.province, { title: 'Thang điểm' }),
      questions: [
        {
          kind: 'scale',
          text: 'Mức hài lòng',
          scaleMax: 5,
          scaleMinLabel: 'Rất không hài lòng',
          scaleMaxLabel: 'Rất hài lòng',
        },
        { kind: 'text', text: 'Góp ý thêm', required: false },
      ],
    });
    const [scale] = survey.questions;
    const missing = await as(app, member.an as Session).post(`/api/surveys/${survey.id}/response`, { answers: [] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ field: `answers.${scale.id}`, message: 'Câu 1: cần chọn điểm.' }]);
    const outOfScale = await as(app, member.an as Session).post(`/api/surveys/${survey.id}/response`, {
      answers: [{ questionId: scale.id, value: 7 }],
    });
    expect(outOfScale.json().error.details).toEqual([
      { field: `answers.${scale.id}`, message: 'Câu 1: điểm phải từ 1 đến 5.' },
    ]);
    const ok = await as(app, member.an as Session).post(`/api/surveys/${survey.id}/response`, {
      answers: [{ questionId: scale.id, value: 4 }],
    });
    expect(ok.statusCode).toBe(200);
  });
});
