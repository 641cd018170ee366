import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';
import { client } from '../activities/activities.test-helpers.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let adminA: Session;
let adminB: Session;
let memberA: Session;

beforeAll(async () => {
  tree = await makeTree(db);
  const [inA] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn Đức'])) as [number];
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  adminB = await login(app, await makeAccount(db, 'unit_admin', tree.schoolB));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: inA }));
});

const HOUR = 60 * 60_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

async function newContest(title = 'Tìm hiểu pháp luật lao động') {
  const response = await client(app, adminA).post('/api/contests', { unitId: tree.schoolA, title });
  expect(response.statusCode).toBe(201);
  return response.json().id as number;
}

const question = (text: string, extra: Record<string, unknown> = {}) => ({
  text,
  options: [
    { id: 'a', text: '8 giờ' },
    { id: 'b', text: '10 giờ' },
    { id: 'c', text: '12 giờ' },
  ],
  correct: ['a'],
  topic: 'Bộ luật Lao động',
  difficulty: 2,
  ...extra,
});

const HEADER = [
  'STT',
  'Câu hỏi',
  'Loại',
  'Phương án A',
  'Phương án B',
  'Phương án C',
  'Phương án D',
  'Phương án E',
  'Phương án F',
  'Đáp án đúng',
  'Chủ đề',
  'Mức độ',
];

async function sheet(rows: (string | number | null)[][], header = HEADER) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Câu hỏi');
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readSheet(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = workbook.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return { workbook, ws };
}

/** The shown text of a row's cells, one per template column. */
const texts = (ws: ExcelJS.Worksheet, row: number) => HEADER.map((_, i) => ws.getRow(row).getCell(i + 1).text);

const bankSize = async (contestId: number) =>
  Number(
    (
      await db
        .selectFrom('contest_questions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('contest_id', '=', contestId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the question bank', () => {
  it('adds, lists, edits and deletes questions, refusing bad input field by field', async () => {
    const contestId = await newContest();
    const s = client(app, adminA);
    const url = `/api/contests/${contestId}/questions`;
    const created = await s.post(url, question('Thời giờ làm việc bình thường không quá bao nhiêu giờ một ngày?'));
    expect(created.statusCode).toBe(201);
    const first = created.json();
    expect(first).toMatchObject({ kind: 'single', correct: ['a'], topic: 'Bộ luật Lao động', active: true });
    const multi = await s.post(
      url,
      question('Những ngày nào là ngày nghỉ lễ?', { kind: 'multiple', correct: ['c', 'a'], topic: 'Nghỉ lễ' }),
    );
    expect(multi.json()).toMatchObject({ kind: 'multiple', correct: ['a', 'c'] });
    await s.post(url, question('Câu dễ về tiền lương', { difficulty: 1, topic: 'Tiền lương' }));

    const bad = await s.post(url, {
      text: '',
      options: [{ id: 'a', text: 'Một' }],
      correct: ['b'],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.correct', 'body.options', 'body.text']);
    const notAnOption = await s.post(url, question('Đáp án lạ', { correct: ['d'] }));
    expect(notAnOption.json().error.details).toEqual([
      { field: 'body.correct', message: 'Đáp án d không có trong các phương án' },
    ]);
    const twoForSingle = await s.post(url, question('Hai đáp án', { correct: ['a', 'b'] }));
    expect(twoForSingle.json().error.details[0]).toMatchObject({ field: 'body.correct' });

    const list = (await s.get(`${url}?pageSize=2`)).json();
    expect(list.total).toBe(3);
    expect(list.items).toHaveLength(2);
    expect(list.topics).toEqual(['Bộ luật Lao động', 'Nghỉ lễ', 'Tiền lương']);
    expect((await s.get(`${url}?topic=${encodeURIComponent('Nghỉ lễ')}`)).json().total).toBe(1);
    expect((await s.get(`${url}?difficulty=1`)).json().items[0].text).toBe('Câu dễ về tiền lương');
    expect((await s.get(`${url}?q=${encodeURIComponent('ngay nghi le')}`)).json().total).toBe(1);

    // A patch changes what it sends; the question it makes must still be valid.
    const edited = await s.patch(`/api/contests/questions/${first.id}`, { topic: 'Thời giờ làm việc' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ topic: 'Thời giờ làm việc', correct: ['a'], difficulty: 2 });
    const badPatch = await s.patch(`/api/contests/questions/${first.id}`, { correct: ['z'] });
    expect(badPatch.statusCode).toBe(400);
    expect(badPatch.json().error.details).toEqual([
      { field: 'body.correct', message: 'Đáp án z không có trong các phương án' },
    ]);
    const retired = await s.patch(`/api/contests/questions/${first.id}`, { active: false });
    expect(retired.json().active).toBe(false);
    expect((await s.get(`${url}?active=true`)).json().total).toBe(2);

    const removed = await s.delete(`/api/contests/questions/${first.id}`);
    expect(removed.json()).toEqual({ outcome: 'deleted', message: 'Đã xóa câu hỏi.' });
    expect((await s.get(url)).json().total).toBe(2);
    expect((await s.patch('/api/contests/questions/999999999', { topic: 'x' })).statusCode).toBe(404);
  });

  it('keeps a drawn question as it was: no new key, retired instead of deleted, never below what rounds need', async () => {
    const contestId = await newContest();
    const s = client(app, adminA);
    const ids: number[] = [];
    for (const i of [1, 2, 3]) {
      ids.push((await s.post(`/api/contests/${contestId}/questions`, question(`Câu hỏi ${i}`))).json().id);
    }
    const round = (
      await s.post(`/api/contests/${contestId}/rounds`, {
        title: 'Tuần 1',
        opensAt: at(-HOUR),
        closesAt: at(24 * HOUR),
        questionCount: 3,
        timeLimitMinutes: 10,
      })
    ).json();
    expect((await s.post(`/api/contests/${contestId}/publish`)).statusCode).toBe(200);
    expect((await client(app, memberA).post(`/api/contests/rounds/${round.id}/attempts`)).statusCode).toBe(200);

    const [q1, q2] = ids as [number, number];
    const rekey = await s.patch(`/api/contests/questions/${q1}`, { correct: ['b'] });
    expect(rekey.statusCode).toBe(409);
    expect(rekey.json().error.message).toContain('đã được rút vào lượt thi');
    const typo = await s.patch(`/api/contests/questions/${q1}`, { text: 'Câu hỏi số 1' });
    expect(typo.statusCode).toBe(200);

    // The round needs all three: retiring one is refused while it is open.
    const short = await s.delete(`/api/contests/questions/${q2}`);
    expect(short.statusCode).toBe(409);
    expect(short.json().error.details[0]).toMatchObject({ field: 'rounds.1' });
    await s.post(`/api/contests/${contestId}/questions`, question('Câu hỏi 4'));
    const retired = await s.delete(`/api/contests/questions/${q2}`);
    expect(retired.statusCode).toBe(200);
    expect(retired.json().outcome).toBe('deactivated');
    expect(retired.json().message).toContain('ngừng dùng');
    const kept = (await s.get(`/api/contests/${contestId}/questions?active=false`)).json();
    expect(kept.items.map((q: { id: number }) => q.id)).toEqual([q2]);
  });

  it('is for organisers only: 403 for a member who sees the contest, 404 for another school', async () => {
    const contestId = await newContest();
    const s = client(app, adminA);
    await s.post(`/api/contests/${contestId}/questions`, question('Câu hỏi 1'));
    await s.post(`/api/contests/${contestId}/rounds`, {
      title: 'Tuần 1',
      opensAt: at(HOUR),
      closesAt: at(24 * HOUR),
      questionCount: 1,
      timeLimitMinutes: 10,
    });
    await s.post(`/api/contests/${contestId}/publish`);
    const url = `/api/contests/${contestId}/questions`;
    const member = client(app, memberA);
    expect((await member.get(`/api/contests/${contestId}`)).statusCode).toBe(200);
    expect((await member.get(url)).statusCode).toBe(403);
    expect((await member.get(`${url}/export.xlsx`)).statusCode).toBe(403);
    expect((await member.get(`${url}/template.xlsx`)).statusCode).toBe(403);
    expect((await member.post(url, question('Câu của đoàn viên'))).statusCode).toBe(403);
    expect((await member.upload(`${url}/import`, await sheet([]))).statusCode).toBe(403);
    const other = client(app, adminB);
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await other.post(url, question('Câu trường B'))).statusCode).toBe(404);
    const anyQuestion = (await s.get(url)).json().items[0].id;
    expect((await other.patch(`/api/contests/questions/${anyQuestion}`, { text: 'x' })).statusCode).toBe(404);
    expect((await member.delete(`/api/contests/questions/${anyQuestion}`)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});

describe('questions from and to .xlsx', () => {
  it('round-trips: template → filled → imported → exported → imported into another contest', async () => {
    const contestId = await newContest();
    const s = client(app, adminA);
    const template = await s.get(`/api/contests/${contestId}/questions/template.xlsx`);
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const { workbook, ws } = await readSheet(template.rawPayload);
    expect(texts(ws, 1)).toEqual(HEADER);
    ws.addRow([
      1,
      'Công đoàn Việt Nam thành lập ngày nào?',
      'Một đáp án',
      '28/7/1929',
      '3/2/1930',
      '',
      '',
      '',
      '',
      'A',
      'Lịch sử',
      'Dễ',
    ]);
    ws.addRow([
      2,
      'Những quyền nào của đoàn viên?\nChọn tất cả.',
      'Nhiều đáp án',
      'Được thông tin',
      'Được bầu cử',
      'Đóng đoàn phí',
      '',
      '',
      '',
      'A, B',
      'Điều lệ',
      'Khó',
    ]);
    // Loại and Mức độ may be left blank: one correct answer is single choice, the level is medium.
    ws.addRow([
      3,
      'Đại hội XIII Công đoàn Việt Nam họp năm nào?',
      null,
      2023,
      2024,
      2025,
      null,
      null,
      null,
      'a',
      null,
      null,
    ]);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await s.upload(`/api/contests/${contestId}/questions/import`, filled);
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ imported: 3 });

    const bank = (await s.get(`/api/contests/${contestId}/questions`)).json();
    expect(bank.items).toMatchObject([
      {
        kind: 'single',
        text: 'Công đoàn Việt Nam thành lập ngày nào?',
        options: [
          { id: 'a', text: '28/7/1929' },
          { id: 'b', text: '3/2/1930' },
        ],
        correct: ['a'],
        topic: 'Lịch sử',
        difficulty: 1,
      },
      { kind: 'multiple', text: 'Những quyền nào của đoàn viên?\nChọn tất cả.', correct: ['a', 'b'], difficulty: 3 },
      { kind: 'single', options: [{ text: '2023' }, { text: '2024' }, { text: '2025' }], topic: '', difficulty: 2 },
    ]);

    const exported = await s.get(`/api/contests/${contestId}/questions/export.xlsx`);
    expect(exported.statusCode).toBe(200);
    const exportedSheet = (await readSheet(exported.rawPayload)).ws;
    expect(texts(exportedSheet, 3)).toEqual([
      '2',
      'Những quyền nào của đoàn viên?\nChọn tất cả.',
      'Nhiều đáp án',
      'Được thông tin',
      'Được bầu cử',
      'Đóng đoàn phí',
      '',
      '',
      '',
      'A, B',
      'Điều lệ',
      'Khó',
    ]);
    // Importing the same questions again into the same bank is refused row by row.
    const again = await s.upload(`/api/contests/${contestId}/questions/import`, exported.rawPayload);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details).toHaveLength(3);
    expect(again.json().error.details[0].message).toContain('đã có trong ngân hàng');

    const otherId = await newContest('Cuộc thi thứ hai');
    const copied = await s.upload(`/api/contests/${otherId}/questions/import`, exported.rawPayload);
    expect(copied.json()).toEqual({ imported: 3 });
    const strip = (items: { id: number }[]) => items.map(({ id: _id, ...rest }) => rest);
    const copy = (await s.get(`/api/contests/${otherId}/questions`)).json();
    expect(strip(copy.items)).toEqual(strip(bank.items));
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'contest')
      .where('entity_id', '=', contestId)
      .where('action', 'like', 'contest.questions_%')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['contest.questions_imported', 'contest.questions_exported']);
  });

  it('reports every bad row by row and column and writes nothing', async () => {
    const contestId = await newContest();
    const file = await sheet([
      [1, 'Câu hợp lệ', 'Một đáp án', 'Có', 'Không', null, null, null, null, 'A', 'Chung', 'Dễ'],
      [2, null, null, 'Có', 'Không', null, null, null, null, 'B', null, null],
      [3, 'Thiếu phương án B', null, 'Có', null, 'Không', null, null, null, 'A', null, null],
      [4, 'Đáp án không có', null, 'Có', 'Không', null, null, null, null, 'D', null, null],
      [5, 'Đáp án viết sai', null, 'Có', 'Không', null, null, null, null, 'đúng', null, null],
      [6, 'Loại và mức độ lạ', 'Tự luận', 'Có', 'Không', null, null, null, null, 'A', null, 'Rất khó'],
      [7, 'Một đáp án mà hai đáp án đúng', 'Một đáp án', 'Có', 'Không', null, null, null, null, 'A, B', null, null],
      [8, 'Câu hợp lệ', null, 'Có', 'Không', null, null, null, null, 'B', null, null],
      [9, 'Chỉ một phương án', null, 'Có', null, null, null, null, null, 'A', null, null],
    ]);
    const response = await client(app, adminA).upload(`/api/contests/${contestId}/questions/import`, file);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('IMPORT_INVALID');
    const details = response.json().error.details as { row: number; column: string; message: string }[];
    expect(details.map((d) => [d.row, d.column])).toEqual([
      [3, 'Câu hỏi'],
      [4, 'Phương án B'],
      [5, 'Đáp án đúng'],
      [6, 'Đáp án đúng'],
      [7, 'Loại'],
      [7, 'Mức độ'],
      [8, 'Đáp án đúng'],
      [9, 'Câu hỏi'],
      [10, 'Phương án B'],
    ]);
    expect(details[1]?.message).toContain('hãy điền liền nhau từ A');
    expect(details[2]?.message).toBe('Đáp án D nhưng phương án D để trống');
    expect(details[3]?.message).toContain('ô đang ghi "đúng"');
    expect(details[6]?.message).toBe('Câu một đáp án đúng chỉ có đúng một đáp án');
    expect(details[7]?.message).toBe('Câu hỏi trùng với dòng 2');
    expect(await bankSize(contestId)).toBe(0);
  });

  it('refuses what is not a spreadsheet and a sheet without the question columns', async () => {
    const contestId = await newContest();
    const url = `/api/contests/${contestId}/questions/import`;
    const s = client(app, adminA);
    const notXlsx = await s.upload(url, Buffer.from('Câu hỏi;Đáp án đúng\n'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.code).toBe('FILE_INVALID');
    const noHeader = await s.upload(url, await sheet([['x']], ['Cột lạ']));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.details[0].row).toBe(1);
    const missing = await s.upload(url, await sheet([['Câu hỏi 1', 'A']], ['Câu hỏi', 'Đáp án đúng']));
    expect(missing.json().error.details.map((d: { column: string }) => d.column)).toEqual([
      'Phương án A',
      'Phương án B',
    ]);
    const empty = await s.upload(url, await sheet([]));
    expect(empty.json().error.details[0].message).toContain('chưa có câu hỏi nào');
    expect((await s.post(url, {})).statusCode).toBe(400);
    expect(await bankSize(contestId)).toBe(0);
  });
});
