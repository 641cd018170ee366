import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';
import { activityBody, client } from './activities.test-helpers.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let adminA: Session;
let memberA: Session;
let activityId: number;
let duc: number;
let ha: number;
let lan: number;

beforeAll(async () => {
  tree = await makeTree(db);
  [duc] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn Đức'], '2021-09-01', { phone: '0912345678' })) as [number];
  [ha] = (await makeMembers(db, tree.schoolA, ['Trần Thị Hà'], '2021-09-01', { email: 'ha@truong-a.vn' })) as [number];
  [lan] = (await makeMembers(db, tree.schoolA, ['Lê Thị Lan'])) as [number];
  // Two people called Phạm Thị Mai in A; one Hoàng Văn Nam in B.
  await makeMembers(db, tree.schoolA, ['Phạm Thị Mai', 'Phạm Thị Mai']);
  await makeMembers(db, tree.schoolB, ['Hoàng Văn Nam'], '2021-09-01', { phone: '0987000111' });
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: duc }));
  activityId = (await client(app, adminA).post('/api/activities', activityBody(tree.schoolA, '2024-10-05'))).json().id;
});

async function sheet(rows: (string | number | null)[][], header = ['Họ và tên', 'Đơn vị', 'Số điện thoại', 'E-mail']) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Điểm danh');
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const url = () => `/api/activities/${activityId}/attendance/import`;
const count = async () =>
  (
    await db
      .selectFrom('attendances')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('activity_id', '=', activityId)
      .executeTakeFirstOrThrow()
  ).n;

describe('attendance import from .xlsx', () => {
  it('reports every unmatched or ambiguous row by row and column, and writes nothing', async () => {
    const file = await sheet([
      ['Nguyễn Văn Đức', null, '0912 345 678', null],
      ['Phạm Thị Mai', null, null, null],
      ['Không Có Ai', 'THPT A', null, null],
      [null, null, '0987000111', null],
      ['Trần Văn Sai', null, null, 'ha@truong-a.vn'],
      ['Lê Thị Lan', 'THPT B', null, null],
      [null, 'THPT A', null, null],
    ]);
    const response = await client(app, adminA).upload(url(), file);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('IMPORT_INVALID');
    const details = response
      .json()
      .error.details.map((d: { row: number; column: string; message: string }) => [d.row, d.column]);
    expect(details).toEqual([
      [3, 'Họ và tên'],
      [4, 'Họ và tên'],
      [5, 'Số điện thoại'],
      [6, 'Họ và tên'],
      [7, 'Đơn vị'],
      [8, 'Họ và tên'],
    ]);
    const messages = response.json().error.details.map((d: { message: string }) => d.message);
    expect(messages[0]).toContain('Có 2 đoàn viên tên "Phạm Thị Mai"');
    expect(messages[2]).toContain('0987000111');
    expect(messages[3]).toContain('không khớp');
    expect(Number(await count())).toBe(0);
  });

  it('imports a clean file, matching by phone, e-mail or name with unit, and counts repeats once', async () => {
    const file = await sheet([
      [null, null, 912345678, null],
      [null, null, null, 'HA@truong-a.vn'],
      ['le thi lan', 'thpt a', null, null],
      ['Lê Thị Lan', null, null, null],
    ]);
    const response = await client(app, adminA).upload(url(), file);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ matched: 3, added: 3, alreadyPresent: 0 });
    const rows = await db
      .selectFrom('attendances')
      .select(['member_id', 'source', 'attended_on'])
      .where('activity_id', '=', activityId)
      .orderBy('member_id')
      .execute();
    expect(rows).toEqual([duc, ha, lan].map((id) => ({ member_id: id, source: 'import', attended_on: '2024-10-05' })));
    const again = await client(app, adminA).upload(url(), file);
    expect(again.json()).toEqual({ matched: 3, added: 0, alreadyPresent: 3 });
  });

  it('refuses what is not a spreadsheet, a sheet without our columns, and members who may not import', async () => {
    const notXlsx = await client(app, adminA).upload(url(), Buffer.from('Họ và tên\nNguyễn Văn Đức\n'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.code).toBe('FILE_INVALID');
    const noHeader = await client(app, adminA).upload(url(), await sheet([['x']], ['Cột lạ', 'Khác']));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.details[0].row).toBe(1);
    expect((await client(app, memberA).upload(url(), await sheet([['Lê Thị Lan']]))).statusCode).toBe(403);
    const empty = await client(app, adminA).post(url(), {});
    expect(empty.statusCode).toBe(400);
  });

  it('hands out a template the importer reads', async () => {
    const template = await client(app, adminA).get('/api/activities/attendance-template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const first = workbook.worksheets[0];
    first?.addRow(['Nguyễn Văn Đức']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await client(app, adminA).upload(url(), filled);
    expect(response.statusCode).toBe(200);
    expect(response.json().matched).toBe(1);
  });
});
