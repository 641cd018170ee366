import { randomBytes } from 'node:crypto';
import ExcelJS, { type CellValue } from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';
import { MEMBER_COLUMNS } from './members-excel.js';

const { db } = await testDatabase();
const app = await makeApp(db);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let tree: Awaited<ReturnType<typeof makeTree>>;
let adminA: Session;
let memberA: Session;
let memberAId: number;

beforeAll(async () => {
  tree = await makeTree(db);
  [memberAId] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn Đức'], '2021-09-01', {
    phone: '0912345678',
    email: 'duc@truong-a.vn',
    birthDate: '1980-05-17',
  })) as [number];
  await makeMembers(db, tree.schoolA, ['Trần Thị Hà'], '2021-09-01', { phone: '0987654321', birthDate: '1990-02-03' });
  await makeMembers(db, tree.schoolB, ['Lê Văn Bình'], '2021-09-01', { phone: '0977000111' });
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: memberAId }));
});

/** A multipart/form-data body with one `file` field, as a browser sends it. */
function multipart(file: Buffer): { payload: Buffer; contentType: string } {
  const boundary = `----lantoa${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="doan-vien.xlsx"\r\n` +
      `Content-Type: ${XLSX}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(session: Session, unitId: number, file: Buffer) {
  const { payload, contentType } = multipart(file);
  return app.inject({
    method: 'POST',
    url: `/api/units/${unitId}/members/import`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': contentType },
    payload,
  });
}

function download(session: Session, url: string) {
  return app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
}

/** A file in the template's columns; each row lists values in template order. */
async function memberFile(rows: CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đoàn viên');
  sheet.addRow(MEMBER_COLUMNS.map((c) => c.header));
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const person = (name: string, phone: string): CellValue[] => [
  name,
  'Nữ',
  '12/08/1988',
  'Giáo viên',
  'Đoàn viên',
  null,
  null,
  '01/09/2023',
  phone,
  null,
];

/** Reads an exported sheet back as objects keyed by header. */
async function readExport(body: Buffer): Promise<Record<string, string>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const headers = (sheet.getRow(1).values as CellValue[]).map((v) => String(v ?? ''));
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const record: Record<string, string> = {};
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const value = cell.value;
      record[headers[col] ?? String(col)] =
        value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
    });
    rows.push(record);
  });
  return rows;
}

async function memberCount(unitId: number): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  return row.n;
}

describe('member spreadsheets over HTTP', () => {
  it('serves the import template as .xlsx', async () => {
    const response = await download(memberA, '/api/members/import-template');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(String(response.headers['content-disposition'])).toMatch(/attachment; filename="mau-nhap-doan-vien\.xlsx"/u);
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const anonymous = await app.inject({ method: 'GET', url: '/api/members/import-template' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('imports into the admin’s own unit: 201 with the count', async () => {
    const before = await memberCount(tree.schoolA);
    const file = await memberFile([person('Phạm Thị Mới', '0911000001'), person('Vũ Văn Mới', '0911000002')]);
    const response = await upload(adminA, tree.schoolA, file);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ created: 2, unitId: tree.schoolA });
    expect(await memberCount(tree.schoolA)).toBe(before + 2);
  });

  it('refuses another school’s unit, and members, writing nothing', async () => {
    const before = await memberCount(tree.schoolB);
    const file = await memberFile([person('Không Được Vào', '0911000009')]);
    const foreign = await upload(adminA, tree.schoolB, file);
    expect([403, 404]).toContain(foreign.statusCode);
    expect(await memberCount(tree.schoolB)).toBe(before);
    const member = await upload(memberA, tree.schoolA, file);
    expect(member.statusCode).toBe(403);
    expect(member.json().error.code).toBe('FORBIDDEN');
    const stored = await db.selectFrom('members').select('id').where('phone', '=', '0911000009').execute();
    expect(stored).toEqual([]);
  });

  it('answers a file with errors with 400 IMPORT_INVALID and the rows', async () => {
    const bad = person('Sai Giới Tính', '0911000010');
    bad[1] = 'Không rõ';
    const file = await memberFile([person('Đúng Người', '0911000011'), bad, person('Trùng Số', '0912345678')]);
    const response = await upload(adminA, tree.schoolA, file);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toBe('2 lỗi trong tệp; chưa có dữ liệu nào được ghi.');
    expect(error.details.map((d: { row: number; column: string }) => [d.row, d.column])).toEqual([
      [3, 'Giới tính*'],
      [4, 'Số điện thoại'],
    ]);
    const stored = await db.selectFrom('members').select('id').where('phone', '=', '0911000011').execute();
    expect(stored).toEqual([]);
    const garbage = await upload(adminA, tree.schoolA, Buffer.from('không phải excel'));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.code).toBe('FILE_INVALID');
  });

  it('exports with contacts for the unit’s admin', async () => {
    const response = await download(adminA, `/api/units/${tree.schoolA}/members/export`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    const rows = await readExport(response.rawPayload);
    const duc = rows.find((r) => r['Họ và tên*'] === 'Nguyễn Văn Đức');
    expect(duc).toMatchObject({
      'Giới tính*': 'Nữ',
      'Ngày sinh': '1980-05-17',
      'Chức vụ chuyên môn*': 'Giáo viên',
      'Chức vụ công đoàn*': 'Đoàn viên',
      'Cán bộ công đoàn chủ chốt': 'Không',
      'Số điện thoại': '0912345678',
      'E-mail': 'duc@truong-a.vn',
      'Đơn vị': 'Công đoàn Trường THPT A',
      'Trạng thái': 'Đang sinh hoạt',
    });
    expect(rows.map((r) => r['Số điện thoại'])).toContain('0987654321');
    expect(rows.map((r) => r['Họ và tên*'])).not.toContain('Lê Văn Bình');
  });

  it('exports for a plain member their own unit only, without others’ personal details', async () => {
    const response = await download(memberA, `/api/units/${tree.schoolA}/members/export`);
    expect(response.statusCode).toBe(200);
    const rows = await readExport(response.rawPayload);
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r['Đơn vị']))).toEqual(new Set(['Công đoàn Trường THPT A']));
    // Their own record they may see in full; everyone else's personal details stay empty.
    expect(rows.find((r) => r['Họ và tên*'] === 'Nguyễn Văn Đức')?.['Số điện thoại']).toBe('0912345678');
    const others = rows.filter((r) => r['Họ và tên*'] !== 'Nguyễn Văn Đức');
    for (const row of others) {
      expect(row['Họ và tên*']).not.toBe('');
      expect([row['Số điện thoại'], row['E-mail'], row['Ngày sinh'], row['Ngày vào công đoàn']]).toEqual([
        '',
        '',
        '',
        '',
      ]);
    }
  });

  it('refuses to export another school', async () => {
    const response = await download(adminA, `/api/units/${tree.schoolB}/members/export`);
    expect([403, 404]).toContain(response.statusCode);
    const byMember = await download(memberA, `/api/units/${tree.province}/members/export`);
    expect([403, 404]).toContain(byMember.statusCode);
  });
});
