import { type MemberView, VI_LABELS } from '@lan-toa/contracts';
import ExcelJS, { type DataValidation, type Worksheet } from 'exceljs';
import { todayInVietnam } from '../../platform/dates.js';
import {
  DATE_FORMAT,
  EXPORT_ONLY_HEADERS,
  FLAG_LABELS,
  MAX_IMPORT_ROWS,
  MEMBER_COLUMNS,
  type MemberColumnKey,
} from './members-excel-columns.js';
import { formatDate } from './members-excel-parse.js';

export { MEMBER_COLUMNS, type MemberColumn, type MemberColumnKey } from './members-excel-columns.js';
export { type ParsedRow, parseMemberSheet } from './members-excel-parse.js';

export const MEMBER_SHEET_NAME = 'Đoàn viên';
const HELP_SHEET_NAME = 'Hướng dẫn';
const HEADER_FILL = 'FFDCE6F1';

// exceljs writes worksheet.dataValidations but does not declare it in its typings.
interface WithValidations {
  dataValidations: { add(range: string, validation: DataValidation): void };
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lan Tỏa';
  workbook.created = new Date();
  return workbook;
}

function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The member sheet: header in row 1 (bold, frozen), widths, formats and drop-down lists over
 * as many rows as one import accepts. Template and export share it so an export re-imports.
 */
function addMemberSheet(workbook: ExcelJS.Workbook, extraHeaders: string[] = []): Worksheet {
  const sheet = workbook.addWorksheet(MEMBER_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...MEMBER_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width })),
    ...extraHeaders.map((header) => ({ header, key: header, width: 30 })),
  ];
  const lastRow = MAX_IMPORT_ROWS + 1;
  const validations = (sheet as unknown as WithValidations).dataValidations;
  MEMBER_COLUMNS.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    const excelColumn = sheet.getColumn(i + 1);
    // Phones as text keep their leading 0; dates show the Vietnamese way.
    if (column.kind === 'date') excelColumn.numFmt = DATE_FORMAT;
    if (column.kind === 'phone') excelColumn.numFmt = '@';
    if (column.choices) {
      validations.add(`${letter}2:${letter}${lastRow}`, {
        type: 'list',
        allowBlank: !column.required,
        formulae: [`"${column.choices.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: column.label,
        error: `Chọn một giá trị trong danh sách: ${column.choices.join(', ')}.`,
      });
    }
  });
  const header = sheet.getRow(1);
  header.height = 30;
  header.eachCell((cell, col) => {
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.numFmt = 'General';
    const column = MEMBER_COLUMNS[col - 1];
    if (column) cell.note = column.help;
  });
  return sheet;
}

function addHelpSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(HELP_SHEET_NAME);
  sheet.columns = [
    { key: 'header', width: 28 },
    { key: 'required', width: 10 },
    { key: 'help', width: 70 },
    { key: 'values', width: 60 },
  ];
  const limit = MAX_IMPORT_ROWS.toLocaleString('vi-VN');
  const intro = [
    'HƯỚNG DẪN NHẬP DANH SÁCH ĐOÀN VIÊN',
    `• Điền mỗi đoàn viên một dòng ở trang "${MEMBER_SHEET_NAME}", bắt đầu từ dòng 2. Không đổi tên các cột ở dòng 1.`,
    '• Cột có dấu * là bắt buộc. Dòng để trống hoàn toàn sẽ được bỏ qua.',
    `• Ngày ghi theo dạng ${DATE_FORMAT}, ví dụ 05/09/1985.`,
    '• Số điện thoại nên ghi dạng chữ (giữ số 0 ở đầu); nếu Excel làm mất số 0 đầu, hệ thống tự thêm lại.',
    '• Số điện thoại và e-mail không được trùng nhau trong tệp hoặc với người đã có trong hệ thống.',
    `• Mỗi tệp tối đa ${limit} đoàn viên.`,
    '• Nếu có bất kỳ dòng nào sai, toàn bộ tệp bị từ chối và chưa có dữ liệu nào được ghi;',
    '  hệ thống liệt kê từng lỗi theo dòng và cột để sửa rồi nhập lại.',
    '',
  ];
  for (const line of intro) sheet.addRow([line]);
  sheet.getRow(1).font = { bold: true, size: 13 };
  const tableHeader = sheet.addRow(['Cột', 'Bắt buộc', 'Ý nghĩa', 'Giá trị chấp nhận']);
  tableHeader.font = { bold: true };
  tableHeader.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  for (const column of MEMBER_COLUMNS) {
    const values =
      column.kind === 'date'
        ? `Ngày dạng ${DATE_FORMAT}`
        : column.choices
          ? column.choices.join('; ')
          : column.kind === 'phone'
            ? 'Ví dụ: 0912345678'
            : column.kind === 'email'
              ? 'Ví dụ: ten@truong.edu.vn'
              : 'Chữ';
    const row = sheet.addRow([column.header, column.required ? 'Có' : 'Không', column.help, values]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
}

/** The empty import template: the member sheet and the instructions, no sample rows (they would be imported). */
export async function buildMemberTemplate(): Promise<Buffer> {
  const workbook = newWorkbook();
  addMemberSheet(workbook);
  addHelpSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function asDate(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

/** The cell values of one member, in template column order; hidden (null) fields stay empty. */
function exportCells(member: MemberView): Record<MemberColumnKey, string | Date | null> {
  return {
    fullName: member.fullName,
    gender: VI_LABELS.gender[member.gender],
    birthDate: asDate(member.birthDate),
    position: VI_LABELS.position[member.position],
    unionRole: VI_LABELS.unionRole[member.unionRole],
    isKeyOfficial: member.isKeyOfficial ? FLAG_LABELS.yes : FLAG_LABELS.no,
    unionJoinedOn: asDate(member.unionJoinedOn),
    joinedUnitOn: asDate(member.joinedUnitOn),
    phone: member.phone,
    email: member.email,
  };
}

/** The unit's list as .xlsx, with the template's columns (plus unit and status) so it can be re-imported. */
export async function buildMemberExport(rows: MemberView[], unitName: string): Promise<Buffer> {
  const workbook = newWorkbook();
  workbook.title = `Danh sách đoàn viên — ${unitName}`;
  const sheet = addMemberSheet(workbook, [EXPORT_ONLY_HEADERS.unit, EXPORT_ONLY_HEADERS.status]);
  for (const member of rows) {
    const cells = exportCells(member);
    sheet.addRow([
      ...MEMBER_COLUMNS.map((column) => cells[column.key]),
      member.unitName,
      VI_LABELS.status[member.status],
    ]);
  }
  const about = workbook.addWorksheet('Thông tin');
  about.columns = [{ width: 24 }, { width: 60 }];
  about.addRow(['Đơn vị', unitName]);
  about.addRow(['Ngày xuất', formatDate(todayInVietnam())]);
  about.addRow(['Số đoàn viên', rows.length]);
  about.addRow(['Ghi chú', 'Ô trống là thông tin bạn không có quyền xem hoặc chưa được nhập.']);
  about.getColumn(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
