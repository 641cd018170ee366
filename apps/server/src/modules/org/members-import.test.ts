import ExcelJS, { type CellValue, type Worksheet } from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { makeMembers, makeTree, systemActor } from '../../../test/factories.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { buildMemberTemplate, MEMBER_COLUMNS } from './members-excel.js';
import { importMembers } from './members-import.js';
import { createUnit, dissolveUnit } from './units.commands.js';
import { findUnit } from './units.repository.js';

const { db } = await testDatabase();

type Cells = Record<string, CellValue>;
const HEADERS = MEMBER_COLUMNS.map((c) => c.header);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Fills the real template the way a person would: one member per row, cells by header. */
async function fillTemplate(rows: Cells[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildMemberTemplate()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as Worksheet;
  rows.forEach((cells, i) => {
    for (const [header, value] of Object.entries(cells)) {
      const col = HEADERS.indexOf(header);
      if (col === -1) throw new Error(`no column ${header}`);
      sheet.getRow(i + 2).getCell(col + 1).value = value;
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook written from scratch: any headers in any order, optional lines above them. */
async function plainSheet(headers: string[], rows: CellValue[][], above: string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  for (const line of above) sheet.addRow([line]);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const valid = (name: string, phone: string | number | null = null): Cells => ({
  'Họ và tên*': name,
  'Giới tính*': 'Nữ',
  'Chức vụ chuyên môn*': 'Giáo viên',
  'Chức vụ công đoàn*': 'Đoàn viên',
  'Ngày vào đơn vị*': day('2021-09-01'),
  'Số điện thoại': phone,
});

async function importError(actor: Actor, unitId: number, file: Buffer): Promise<AppError> {
  const error = await importMembers(db, actor, await findUnit(db, unitId), file).catch((e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function counts(database: Db) {
  const one = async (table: 'members' | 'memberships' | 'member_statuses' | 'audit_events') => {
    const row = await database.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    return row.n;
  };
  return {
    members: await one('members'),
    memberships: await one('memberships'),
    statuses: await one('member_statuses'),
    audit: await one('audit_events'),
  };
}

describe('importing members from .xlsx', () => {
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let actor: Actor;
  beforeAll(async () => {
    tree = await makeTree(db);
    actor = await systemActor(db);
  });

  it('offers a Vietnamese template with drop-downs and instructions, and reads it back filled', async () => {
    const template = new ExcelJS.Workbook();
    await template.xlsx.load((await buildMemberTemplate()) as unknown as ArrayBuffer);
    expect(template.worksheets.map((s) => s.name)).toEqual(['Đoàn viên', 'Hướng dẫn']);
    const sheet = template.worksheets[0] as Worksheet;
    expect((sheet.getRow(1).values as CellValue[]).slice(1)).toEqual(HEADERS);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Nam,Nữ,Khác"'] });
    expect(sheet.getCell('F500').dataValidation).toMatchObject({ formulae: ['"Có,Không"'] });

    const file = await fillTemplate([
      {
        'Họ và tên*': '  Nguyễn   Thị Thu Hà ',
        'Giới tính*': 'Nữ',
        'Ngày sinh': day('1985-09-05'),
        'Chức vụ chuyên môn*': 'Giáo viên',
        'Chức vụ công đoàn*': 'Chủ tịch',
        'Ngày vào công đoàn': '5/9/2008',
        'Ngày vào đơn vị*': '01/09/2020',
        'Số điện thoại': '0912 345 678',
        'E-mail': 'Ha.Nguyen@Truong.EDU.vn',
      },
      {},
      {
        'Họ và tên*': 'Trần Văn Đức',
        'Giới tính*': 'nam',
        'Ngày sinh': '1990-01-15',
        'Chức vụ chuyên môn*': 'giao vien',
        'Chức vụ công đoàn*': 'doan vien',
        'Cán bộ công đoàn chủ chốt': 'x',
        'Ngày vào đơn vị*': day('2022-08-15'),
        'Số điện thoại': '+84 987 654 321',
      },
      {
        'Họ và tên*': 'Lê Minh',
        'Giới tính*': 'KHÁC',
        'Chức vụ chuyên môn*': 'Nhân viên',
        'Chức vụ công đoàn*': 'Phó Chủ tịch',
        'Cán bộ công đoàn chủ chốt': 'Không',
        'Ngày vào đơn vị*': day('2023-01-02'),
      },
    ]);
    const created = await importMembers(db, actor, await findUnit(db, tree.schoolA), file);
    expect(created).toBe(3);

    const rows = await db
      .selectFrom('members as p')
      .innerJoin('memberships as m', 'm.member_id', 'p.id')
      .selectAll('p')
      .select(['m.unit_id', 'm.valid_from as joined'])
      .where('m.unit_id', '=', tree.schoolA)
      .orderBy('p.id')
      .execute();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      full_name: 'Nguyễn Thị Thu Hà',
      family_name: 'Nguyễn',
      middle_name: 'Thị Thu',
      given_name: 'Hà',
      search_text: 'nguyen thi thu ha',
      contact_search: '0912345678 ha.nguyen@truong.edu.vn',
      gender: 'female',
      birth_date: '1985-09-05',
      position: 'teacher',
      union_role: 'chair',
      is_key_official: true,
      union_joined_on: '2008-09-05',
      phone: '0912345678',
      email: 'ha.nguyen@truong.edu.vn',
      status: 'active',
      joined: '2020-09-01',
    });
    expect(rows[1]).toMatchObject({
      full_name: 'Trần Văn Đức',
      given_name: 'Đức',
      search_text: 'tran van duc',
      contact_search: '0987654321',
      gender: 'male',
      birth_date: '1990-01-15',
      union_role: 'member',
      is_key_official: true,
      phone: '0987654321',
      email: null,
      joined: '2022-08-15',
    });
    expect(rows[2]).toMatchObject({ gender: 'other', union_role: 'vice_chair', is_key_official: false, phone: null });
    const statuses = await db
      .selectFrom('member_statuses')
      .select(['status', 'valid_from'])
      .where(
        'member_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('member_id')
      .execute();
    expect(statuses.map((s) => s.valid_from)).toEqual(['2020-09-01', '2022-08-15', '2023-01-02']);
    const audit = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'member.imported')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_type: 'unit', entity_id: tree.schoolA, unit_id: tree.schoolA });
    expect(audit.after).toEqual({ created: 3, fileRows: 3 });
  });

  it('reports every error with its row and column and writes nothing', async () => {
    await makeMembers(db, tree.schoolB, ['Phạm Văn Cũ'], '2021-09-01', { phone: '0933000001' });
    await makeMembers(db, tree.schoolB, ['Đỗ Thị Cũ'], '2021-09-01', { email: 'cu@thu.vn' });
    const file = await fillTemplate([
      valid('Người Hợp Lệ', '0933000100'),
      { ...valid('Sai Ngày Sinh'), 'Ngày sinh': '31/02/1980' },
      { ...valid('Sai Giới Tính'), 'Giới tính*': 'Không rõ' },
      { ...valid(''), 'Họ và tên*': null, 'Số điện thoại': '0933000200' },
      valid('Trùng Một', '0933000300'),
      valid('Trùng Hai', 933000300),
      valid('Đã Có Số', '0933000001'),
      { ...valid('Đã Có Thư'), 'E-mail': 'CU@thu.vn' },
      { ...valid('Vào Sớm'), 'Ngày vào đơn vị*': day('2019-12-31') },
      { ...valid('Sai Số'), 'Số điện thoại': '12345', 'Chức vụ công đoàn*': 'Trưởng phòng' },
    ]);
    const before = await counts(db);
    const error = await importError(actor, tree.schoolB, file);
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.status).toBe(400);
    expect(error.details).toEqual([
      {
        field: 'file',
        row: 3,
        column: 'Ngày sinh',
        message: 'Ngày sinh không hợp lệ: 31/02/1980 (ghi theo dạng dd/mm/yyyy)',
      },
      {
        field: 'file',
        row: 4,
        column: 'Giới tính*',
        message: 'Giới tính phải là Nam, Nữ hoặc Khác (ô đang ghi "Không rõ")',
      },
      { field: 'file', row: 5, column: 'Họ và tên*', message: 'Thiếu họ và tên' },
      { field: 'file', row: 6, column: 'Số điện thoại', message: 'Số điện thoại 0933000300 trùng với dòng 7' },
      { field: 'file', row: 7, column: 'Số điện thoại', message: 'Số điện thoại 0933000300 trùng với dòng 6' },
      { field: 'file', row: 8, column: 'Số điện thoại', message: 'Số điện thoại 0933000001 đã có trong hệ thống' },
      { field: 'file', row: 9, column: 'E-mail', message: 'E-mail cu@thu.vn đã có trong hệ thống' },
      {
        field: 'file',
        row: 10,
        column: 'Ngày vào đơn vị*',
        message: 'Ngày vào đơn vị 31/12/2019 trước ngày thành lập đơn vị (01/01/2020)',
      },
      {
        field: 'file',
        row: 11,
        column: 'Chức vụ công đoàn*',
        message: expect.stringMatching(
          /^Chức vụ công đoàn phải là Chủ tịch, .* hoặc Đoàn viên \(ô đang ghi "Trưởng phòng"\)$/u,
        ),
      },
      {
        field: 'file',
        row: 11,
        column: 'Số điện thoại',
        message: 'Số điện thoại không hợp lệ: 12345 (ví dụ 0912345678)',
      },
    ]);
    expect(error.message).toBe('10 lỗi trong tệp; chưa có dữ liệu nào được ghi.');
    expect(await counts(db)).toEqual(before);
  });

  it('puts back the leading zero Excel drops from numeric phones', async () => {
    const file = await fillTemplate([valid('Số Dạng Số', 912000111), valid('Số Bàn', 2293871234)]);
    expect(await importMembers(db, actor, await findUnit(db, tree.schoolC), file)).toBe(2);
    const stored = await db
      .selectFrom('members')
      .select('phone')
      .where('full_name', 'in', ['Số Dạng Số', 'Số Bàn'])
      .orderBy('id')
      .execute();
    expect(stored.map((r) => r.phone)).toEqual(['0912000111', '02293871234']);
  });

  it('finds columns by name in any order, spelling or case, below a title line', async () => {
    const file = await plainSheet(
      ['E-MAIL', 'ngay vao don vi', 'Chức vụ công đoàn', 'HO VA TEN', 'gioi tinh', 'Chuc vu chuyen mon', 'Ghi chú'],
      [
        ['dao@thu.vn', '02/03/2021', 'Tổ trưởng công đoàn', 'Đào Thị Hoa', 'NỮ', 'cán bộ quản lý', 'không đọc'],
        // Only an unknown column filled: blank for the importer, skipped.
        [null, null, null, null, null, null, 'chỉ có ghi chú'],
      ],
      ['DANH SÁCH ĐOÀN VIÊN TRƯỜNG THPT A'],
    );
    expect(await importMembers(db, actor, await findUnit(db, tree.schoolA), file)).toBe(1);
    const member = await db
      .selectFrom('members')
      .innerJoin('memberships', 'memberships.member_id', 'members.id')
      .selectAll('members')
      .select('memberships.valid_from')
      .where('email', '=', 'dao@thu.vn')
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({
      full_name: 'Đào Thị Hoa',
      gender: 'female',
      position: 'manager',
      union_role: 'group_leader',
      is_key_official: false,
      valid_from: '2021-03-02',
    });
  });

  it('names a missing required column', async () => {
    const file = await plainSheet(
      ['Họ và tên', 'Giới tính', 'Chức vụ chuyên môn', 'Ngày vào đơn vị'],
      [['A B', 'Nam']],
    );
    const error = await importError(actor, tree.schoolA, file);
    expect(error.details).toEqual([
      { field: 'file', row: 1, column: 'Chức vụ công đoàn*', message: 'Thiếu cột "Chức vụ công đoàn*"' },
    ]);
  });

  it('refuses files that are not spreadsheets, and empty ones', async () => {
    const garbage = await importError(actor, tree.schoolA, Buffer.from('%PDF-1.4 này không phải bảng tính'));
    expect(garbage.code).toBe('FILE_INVALID');
    const brokenZip = await importError(
      actor,
      tree.schoolA,
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]),
    );
    expect(brokenZip.code).toBe('FILE_INVALID');
    const empty = await importError(actor, tree.schoolA, await fillTemplate([]));
    expect(empty.code).toBe('IMPORT_INVALID');
    expect(empty.details[0]?.message).toBe('Tệp chưa có dòng dữ liệu nào dưới dòng tiêu đề.');
  });

  it('refuses more rows than one import takes', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => [
      `Người Thứ ${i}`,
      'Nam',
      'Giáo viên',
      'Đoàn viên',
      '01/01/2021',
    ]);
    const file = await plainSheet(
      ['Họ và tên', 'Giới tính', 'Chức vụ chuyên môn', 'Chức vụ công đoàn', 'Ngày vào đơn vị'],
      rows,
    );
    const error = await importError(actor, tree.schoolA, file);
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toMatch(/tối đa 20\.000 đoàn viên/u);
  });

  it('reads a file whose drop-down covers the whole sheet without expanding it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đoàn viên');
    sheet.addRow(['Họ và tên', 'Giới tính', 'Chức vụ chuyên môn', 'Chức vụ công đoàn', 'Ngày vào đơn vị']);
    sheet.addRow(['Hồ Thị Rộng', 'Nữ', 'Giáo viên', 'Đoàn viên', '01/02/2021']);
    // 17 billion cells: exceljs would build one entry per cell if the importer read validations.
    const validations = (sheet as unknown as { dataValidations: { add(range: string, v: object): void } })
      .dataValidations;
    validations.add('A1:XFD1048576', { type: 'list', allowBlank: true, formulae: ['"a,b"'] });
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await importMembers(db, actor, await findUnit(db, tree.schoolC), file)).toBe(1);
  });

  it('refuses a dissolved unit', async () => {
    const gone = await createUnit(db, actor, {
      name: 'Công đoàn Trường đã giải thể',
      kindId: (await findUnit(db, tree.schoolA)).kindId,
      parentId: tree.province,
      validFrom: '2020-01-01',
    });
    await dissolveUnit(db, actor, gone, { effectiveDate: '2024-06-30' });
    const error = await importError(actor, gone, await fillTemplate([valid('Không Được Nhập')]));
    expect(error.code).toBe('UNIT_INACTIVE');
  });
});
