import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import {
  as,
  login,
  makeAccount,
  makeApp,
  makeMembers,
  makeTree,
  type Session,
  systemActor,
} from '../../../test/factories.js';
import { todayInVietnam } from '../../platform/dates.js';
import { setMemberStatus, transferMember } from '../org/members.commands.js';
import { createAssignment } from './assignments.commands.js';

/**
 * Study assignments over HTTP, with figures computed by hand.
 *
 * The province gives Nghị quyết 02-NQ/TW to school A and the commune (its school C), deadline
 * 31/05/2025. People (all joined in 2021 unless said):
 *   A: An (confirms), Bình (does not), Cường (moves to C on 15/04/2025, confirms),
 *      Dũng (moves to school B on 01/03/2025: outside the audience), Em (retired 01/04/2025),
 *      Giang (joins A on 10/06/2025, after the deadline);
 *   B: Hà (not in the audience);  C: Khánh (does not confirm).
 * On the deadline: A has An, Bình (1 of 2 confirmed); C has Cường, Khánh (1 of 2): 2 of 4, 50 %.
 * Today: Giang is in A too: A 1 of 3, C 1 of 2, 2 of 5, 40 %.
 */

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let people: Record<string, number>;
let province: Session;
let adminA: Session;
let adminB: Session;
let communeAdmin: Session;
const member: Record<string, Session> = {};
let documentId: number;
let assignmentId: number;

const names = (items: { fullName: string }[]) => items.map((item) => item.fullName);

beforeAll(async () => {
  tree = await makeTree(db);
  const actor = await systemActor(db);
  const [an, binh, cuong, dung, em] = await makeMembers(db, tree.schoolA, [
    'Nguyễn Văn An',
    'Trần Thị Bình',
    'Lê Văn Cường',
    'Phạm Văn Dũng',
    'Hoàng Thị Em',
  ]);
  const [giang] = await makeMembers(db, tree.schoolA, ['Vũ Thị Giang'], '2025-06-10');
  const [ha] = await makeMembers(db, tree.schoolB, ['Đỗ Thị Hà']);
  const [khanh] = await makeMembers(db, tree.schoolC, ['Bùi Văn Khánh']);
  people = { an, binh, cuong, dung, em, giang, ha, khanh } as Record<string, number>;
  await transferMember(db, actor, people.dung as number, { toUnitId: tree.schoolB, effectiveDate: '2025-03-01' });
  await transferMember(db, actor, people.cuong as number, { toUnitId: tree.schoolC, effectiveDate: '2025-04-15' });
  await setMemberStatus(db, actor, people.em as number, { status: 'retired', effectiveDate: '2025-04-01' });

  province = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  adminB = await login(app, await makeAccount(db, 'unit_admin', tree.schoolB));
  communeAdmin = await login(app, await makeAccount(db, 'unit_editor', tree.commune));
  for (const key of ['an', 'cuong', 'dung', 'khanh']) {
    const unit = key === 'dung' ? tree.schoolB : key === 'an' ? tree.schoolA : tree.schoolC;
    member[key] = await login(app, await makeAccount(db, 'member', unit, { memberId: people[key] as number }));
  }
  const document = await as(app, province).post('/api/library/documents', {
    unitId: tree.province,
    type: 'resolution',
    number: '02-NQ/TW',
    issuedOn: '2021-06-12',
    issuer: 'Bộ Chính trị',
    title: 'Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới',
  });
  documentId = document.json().id;
  // Given on 01/05/2025 (the command takes "today" so the deadline may lie in the past here).
  assignmentId = await createAssignment(
    db,
    actor,
    {
      unitId: tree.province,
      title: 'Học tập Nghị quyết 02-NQ/TW',
      note: '',
      deadline: '2025-05-31',
      documentIds: [documentId],
      audienceUnitIds: [tree.schoolA, tree.commune],
      countsAsStudy: false,
      questions: [],
      passMark: null,
    },
    '2025-05-01',
  );
});

describe('an assignment’s progress and who has not confirmed', () => {
  it('lets members of the audience confirm, and refuses someone who moved out of it', async () => {
    for (const key of ['an', 'cuong']) {
      const response = await as(app, member[key] as Session).post(`/api/study/assignments/${assignmentId}/confirm`, {});
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ confirmed: true, correct: null, total: 0 });
    }
    const dung = await as(app, member.dung as Session).post(`/api/study/assignments/${assignmentId}/confirm`, {});
    expect(dung.statusCode).toBe(404); // not in the audience, and nothing else of it to see
    // Their confirmations were made on 20/05/2025, before the deadline.
    await db
      .updateTable('study_confirmations')
      .set({ confirmed_at: new Date('2025-05-20T09:00:00+07:00') })
      .where('assignment_id', '=', assignmentId)
      .execute();
    const mine = await as(app, member.an as Session).get('/api/study/assignments');
    expect(mine.json().items).toMatchObject([{ id: assignmentId, confirmedAt: '2025-05-20T02:00:00.000Z' }]);
  });

  it('counts on the deadline who was an active member of the audience that day, where they were', async () => {
    const response = await as(app, province).get(`/api/study/assignments/${assignmentId}/progress?day=2025-05-31`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      day: '2025-05-31',
      total: { assigned: 4, confirmed: 2, rate: 50 },
      units: [
        { unitId: tree.schoolA, assigned: 2, confirmed: 1, rate: 50 },
        { unitId: tree.schoolC, assigned: 2, confirmed: 1, rate: 50 },
      ],
    });
    const pending = await as(app, province).get(`/api/study/assignments/${assignmentId}/pending?day=2025-05-31`);
    expect(names(pending.json().items)).toEqual(['Trần Thị Bình', 'Bùi Văn Khánh']);
    // The day before Cường moved, he counted in A; Dũng had moved already, Em had retired.
    const april = await as(app, province).get(`/api/study/assignments/${assignmentId}/progress?day=2025-04-14`);
    expect(april.json().units).toMatchObject([
      { unitId: tree.schoolA, assigned: 3, confirmed: 0 },
      { unitId: tree.schoolC, assigned: 1, confirmed: 0 },
    ]);
  });

  it('counts today the member who joined after the deadline', async () => {
    const response = await as(app, province).get(`/api/study/assignments/${assignmentId}/progress`);
    expect(response.json()).toMatchObject({
      day: todayInVietnam(),
      total: { assigned: 5, confirmed: 2, rate: 40 },
      units: [
        { unitId: tree.schoolA, assigned: 3, confirmed: 1, rate: 33.3 },
        { unitId: tree.schoolC, assigned: 2, confirmed: 1, rate: 50 },
      ],
    });
    const pending = await as(app, province).get(`/api/study/assignments/${assignmentId}/pending`);
    expect(names(pending.json().items)).toEqual(['Trần Thị Bình', 'Vũ Thị Giang', 'Bùi Văn Khánh']);
    expect(pending.json().items[0]).toMatchObject({ unitName: 'Công đoàn Trường THPT A', hasAccount: false });
  });

  it('shows a unit inside the audience its own part only, and nothing to another school (404)', async () => {
    const a = await as(app, adminA).get(`/api/study/assignments/${assignmentId}/pending`);
    expect(a.statusCode).toBe(200);
    expect(names(a.json().items)).toEqual(['Trần Thị Bình', 'Vũ Thị Giang']);
    const commune = await as(app, communeAdmin).get(`/api/study/assignments/${assignmentId}/progress`);
    expect(commune.json().total).toEqual({ assigned: 2, confirmed: 1, rate: 50 });
    for (const path of ['', '/progress', '/pending', '/pending.xlsx']) {
      expect((await as(app, adminB).get(`/api/study/assignments/${assignmentId}${path}`)).statusCode).toBe(404);
    }
    expect((await as(app, adminB).post(`/api/study/assignments/${assignmentId}/remind`)).statusCode).toBe(404);
    const listB = await as(app, adminB).get('/api/study/assignments?scope=managed');
    expect(listB.json()).toEqual({ items: [], total: 0 });
    // A member sees the assignment, not the others' progress.
    expect(
      (await as(app, member.an as Session).get(`/api/study/assignments/${assignmentId}/progress`)).statusCode,
    ).toBe(403);
  });

  it('exports who has not confirmed and reminds them', async () => {
    const xlsx = await as(app, province).get(`/api/study/assignments/${assignmentId}/pending.xlsx?day=2025-05-31`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(4).getCell(2).value).toBe('Trần Thị Bình');
    expect(sheet?.getRow(5).getCell(2).value).toBe('Bùi Văn Khánh');
    expect(sheet?.getRow(6).getCell(2).value).toBeNull();

    const reminded = await as(app, adminA).post(`/api/study/assignments/${assignmentId}/remind`);
    expect(reminded.json()).toEqual({ reminded: 2, notified: 0 });
    const progress = await as(app, province).get(`/api/study/assignments/${assignmentId}/progress`);
    expect(progress.json().lastReminder).toMatchObject({ count: 2 });
  });
});

describe('a quiz before confirming', () => {
  let quizId: number;
  let questions: { id: number; correct: string | null }[];

  it('refuses a malformed assignment with Vietnamese field errors', async () => {
    const response = await as(app, province).post('/api/study/assignments', {
      unitId: tree.province,
      title: '',
      deadline: '31/12/2026',
      documentIds: [],
      questions: [{ text: 'Câu hỏi?', options: [{ id: 'a', text: 'Một' }], correct: 'b' }],
      passMark: 3,
    });
    expect(response.statusCode).toBe(400);
    const fields = Object.fromEntries(
      response
        .json()
        .error.details.reverse()
        .map((d: { field: string; message: string }) => [d.field, d.message]),
    );
    expect(fields).toMatchObject({
      'body.title': 'Cần nhập tên đợt học tập',
      'body.deadline': 'Ngày phải có dạng YYYY-MM-DD',
      'body.documentIds': 'Cần chọn ít nhất một văn bản',
      'body.questions.0.options': 'Mỗi câu hỏi cần ít nhất 2 phương án',
    });
    const past = await as(app, province).post('/api/study/assignments', {
      unitId: tree.province,
      title: 'Quá hạn',
      deadline: '2020-01-01',
      documentIds: [documentId],
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].field).toBe('deadline');
    // A school cannot give its audience a document of another school.
    const other = await as(app, adminB).post('/api/library/documents', {
      unitId: tree.schoolB,
      type: 'plan',
      title: 'Riêng B',
    });
    const refused = await as(app, adminA).post('/api/study/assignments', {
      unitId: tree.schoolA,
      title: 'Thử',
      deadline: '2099-01-01',
      documentIds: [other.json().id],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ field: 'documentIds.0' });
  });

  it('confirms only when the pass mark is reached; failing can be retried', async () => {
    const created = await as(app, province).post('/api/study/assignments', {
      unitId: tree.province,
      title: 'Tìm hiểu Nghị quyết 02-NQ/TW',
      deadline: '2099-12-31',
      documentIds: [documentId],
      countsAsStudy: false,
      questions: [
        {
          text: 'Nghị quyết 02-NQ/TW do cơ quan nào ban hành?',
          options: [
            { id: 'a', text: 'Bộ Chính trị' },
            { id: 'b', text: 'Quốc hội' },
          ],
          correct: 'a',
        },
        {
          text: 'Nghị quyết ban hành năm nào?',
          options: [
            { id: 'a', text: '2019' },
            { id: 'b', text: '2021' },
            { id: 'c', text: '2023' },
          ],
          correct: 'b',
        },
      ],
    });
    expect(created.statusCode).toBe(201);
    quizId = created.json().id;
    expect(created.json()).toMatchObject({ passMark: 2, canManage: true });
    const seen = await as(app, member.an as Session).get(`/api/study/assignments/${quizId}`);
    questions = seen.json().questions;
    expect(seen.json()).toMatchObject({ canConfirm: true, canManage: false, confirmedAt: null });
    expect(questions.map((q) => q.correct)).toEqual([null, null]);
    const [q1, q2] = questions as [{ id: number }, { id: number }, ...unknown[]];
    const url = `/api/study/assignments/${quizId}/confirm`;

    const missing = await as(app, member.an as Session).post(url, { answers: { [q1.id]: 'a' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([
      { field: `answers.${q2.id}`, message: 'Cần chọn một phương án cho câu hỏi này.' },
    ]);
    const failed = await as(app, member.an as Session).post(url, { answers: { [q1.id]: 'a', [q2.id]: 'c' } });
    expect(failed.json()).toEqual({ confirmed: false, confirmedAt: null, correct: 1, total: 2, passMark: 2 });
    const none = await db
      .selectFrom('study_confirmations')
      .select('member_id')
      .where('assignment_id', '=', quizId)
      .execute();
    expect(none).toEqual([]);
    const passed = await as(app, member.an as Session).post(url, { answers: { [q1.id]: 'a', [q2.id]: 'b' } });
    expect(passed.json()).toMatchObject({ confirmed: true, correct: 2, total: 2 });
    const after = await as(app, member.an as Session).get(`/api/study/assignments/${quizId}`);
    expect(after.json().lastAttempt).toMatchObject({ correct: 2, passed: true });
    expect(after.json().confirmedAt).not.toBeNull();
    const attempts = await db
      .selectFrom('study_quiz_attempts')
      .select(['correct', 'passed'])
      .where('assignment_id', '=', quizId)
      .orderBy('id')
      .execute();
    expect(attempts).toEqual([
      { correct: 1, passed: false },
      { correct: 2, passed: true },
    ]);
  });
});
