import { type ErrorDetail, normalizePhone, normalizeSpaces } from '@lan-toa/contracts';
import ExcelJS, { type CellValue, type Worksheet, type XlsxReadOptions } from 'exceljs';
import { AppError } from '../../platform/errors.js';
import { foldHeader, orList } from '../org/members-excel-columns.js';

/**
 * The attendance spreadsheet: one row per person who took part, identified by phone, e-mail or
 * name (with the unit when names repeat). The template and the parser share these columns.
 */

export type AttendanceColumnKey = 'fullName' | 'unit' | 'phone' | 'email';

interface AttendanceColumn {
  key: AttendanceColumnKey;
  header: string;
  aliases: string[];
  width: number;
  help: string;
}

export const ATTENDANCE_COLUMNS: readonly AttendanceColumn[] = [
  {
    key: 'fullName',
    header: 'Họ và tên',
    aliases: ['Họ tên', 'Tên đoàn viên', 'Họ và tên đoàn viên'],
    width: 30,
    help: 'Họ và tên có dấu. Nếu có hai người trùng tên, ghi thêm đơn vị, số điện thoại hoặc e-mail.',
  },
  {
    key: 'unit',
    header: 'Đơn vị',
    aliases: ['Tên đơn vị', 'Công đoàn cơ sở', 'Đơn vị công tác', 'Trường'],
    width: 40,
    help: 'Tên đơn vị (có thể viết gọn, ví dụ "THPT Hoa Lư A").',
  },
  {
    key: 'phone',
    header: 'Số điện thoại',
    aliases: ['Điện thoại', 'SĐT', 'Di động'],
    width: 16,
    help: 'Số điện thoại đã khai trong hồ sơ đoàn viên.',
  },
  {
    key: 'email',
    header: 'E-mail',
    aliases: ['Email', 'Thư điện tử'],
    width: 30,
    help: 'E-mail đã khai trong hồ sơ đoàn viên.',
  },
];

export const MAX_ATTENDANCE_ROWS = 5_000;
const SHEET_NAME = 'Điểm danh';
const HEADER_SEARCH_ROWS = 10;
const HEADER_FILL = 'FFDCE6F1';
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'mergeCells', 'hyperlinks', 'picture', 'drawing'];

const HEADER_INDEX = new Map<string, AttendanceColumn>();
for (const column of ATTENDANCE_COLUMNS) {
  for (const name of [column.header, ...column.aliases]) HEADER_INDEX.set(foldHeader(name), column);
}

export function attendanceColumn(key: AttendanceColumnKey): AttendanceColumn {
  const column = ATTENDANCE_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`unknown column ${key}`);
  return column;
}

export async function buildAttendanceTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lan Tỏa';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ATTENDANCE_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  // Phones as text keep their leading 0.
  sheet.getColumn(3).numFmt = '@';
  sheet.getRow(1).eachCell((cell, col) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.numFmt = 'General';
    const column = ATTENDANCE_COLUMNS[col - 1];
    if (column) cell.note = column.help;
  });
  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [{ width: 110 }];
  const lines = [
    'HƯỚNG DẪN NHẬP ĐIỂM DANH',
    `• Mỗi người đã tham gia ghi một dòng ở trang "${SHEET_NAME}", bắt đầu từ dòng 2. Không đổi tên các cột ở dòng 1.`,
    '• Mỗi dòng cần ít nhất một trong: Số điện thoại, E-mail, Họ và tên. Hệ thống tìm theo số điện thoại trước,',
    '  rồi e-mail, rồi họ và tên (kèm đơn vị nếu có).',
    '• Chỉ tìm trong đoàn viên của các đơn vị tham gia hoạt động, đang sinh hoạt vào ngày diễn ra hoạt động.',
    `• Mỗi tệp tối đa ${MAX_ATTENDANCE_ROWS.toLocaleString('vi-VN')} dòng.`,
    '• Khách mời ngoài ngành không nhập ở đây: thêm ở mục "Khách mời" của hoạt động.',
    '• Nếu có bất kỳ dòng nào không tìm được người hoặc tìm được nhiều người, toàn bộ tệp bị từ chối và',
    '  chưa có dữ liệu nào được ghi; hệ thống liệt kê từng lỗi theo dòng và cột để sửa rồi nhập lại.',
  ];
  for (const line of lines) help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 13 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One non-empty row of the file. */
export interface AttendanceSheetRow {
  row: number;
  fullName: string | null;
  unit: string | null;
  phone: string | null;
  email: string | null;
}

type Raw = string | number | boolean | Date | null;

function plain(value: CellValue): Raw {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return null;
  if ('hyperlink' in value) return plain(value.text as CellValue);
  if ('result' in value) return plain(value.result ?? null);
  return null;
}

function text(raw: Raw): string | null {
  if (raw === null || raw instanceof Date) return null;
  const value = normalizeSpaces(String(raw));
  return value === '' ? null : value;
}

/** A phone typed into a number cell loses its leading 0: 912345678 is 0912345678. */
export function readPhone(raw: Raw): string | null {
  if (raw === null) return null;
  const value = typeof raw === 'number' ? raw.toFixed(0) : String(raw);
  const phone = normalizePhone(value);
  if (phone === '') return null;
  return /^[1-9]\d{8,9}$/u.test(phone) ? `0${phone}` : phone;
}

async function loadFirstSheet(buffer: Buffer): Promise<Worksheet> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw new AppError('FILE_INVALID', 'Tệp không phải bảng tính Excel (.xlsx).', [
      { field: 'file', message: 'Hãy tải tệp mẫu, điền dữ liệu và lưu ở định dạng .xlsx.' },
    ]);
  }
  const workbook = new ExcelJS.Workbook();
  const options: Partial<XlsxReadOptions> & { maxRows: number } = {
    ignoreNodes: IGNORED_NODES,
    maxRows: 5 * MAX_ATTENDANCE_ROWS,
  };
  try {
    // exceljs types its input as ArrayBuffer; at run time it takes a Node Buffer as is.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0], options);
  } catch {
    throw new AppError('FILE_INVALID', 'Không đọc được tệp .xlsx (tệp hỏng, quá nhiều dòng hoặc sai định dạng).', [
      { field: 'file', message: 'Hãy mở tệp bằng Excel, lưu lại ở định dạng .xlsx rồi thử lại.' },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    throw new AppError('FILE_INVALID', 'Tệp không có trang tính nào.', [{ field: 'file', message: 'Tệp trống.' }]);
  return sheet;
}

function findHeader(sheet: Worksheet): { row: number; columns: Map<number, AttendanceColumn> } | null {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const columns = new Map<number, AttendanceColumn>();
    sheet.getRow(r).eachCell((cell, col) => {
      const value = plain(cell.value);
      const column = typeof value === 'string' ? HEADER_INDEX.get(foldHeader(value)) : undefined;
      if (column && ![...columns.values()].includes(column)) columns.set(col, column);
    });
    if ([...columns.values()].some((column) => column.key !== 'unit')) return { row: r, columns };
  }
  return null;
}

/** Reads the rows of the first sheet; a row naming nobody is an error with its row number. */
export async function parseAttendanceSheet(
  buffer: Buffer,
): Promise<{ rows: AttendanceSheetRow[]; errors: ErrorDetail[] }> {
  const sheet = await loadFirstSheet(buffer);
  const header = findHeader(sheet);
  if (!header) {
    const names = orList(['"Số điện thoại"', '"E-mail"', '"Họ và tên"']);
    const message = `Không tìm thấy dòng tiêu đề; trang tính đầu tiên cần ít nhất một cột ${names}. Hãy dùng tệp mẫu.`;
    return { rows: [], errors: [{ field: 'file', row: 1, message }] };
  }
  const rows: AttendanceSheetRow[] = [];
  const errors: ErrorDetail[] = [];
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const excelRow = sheet.findRow(r);
    if (!excelRow) continue;
    const raws = new Map<AttendanceColumnKey, Raw>();
    for (const [col, column] of header.columns) raws.set(column.key, plain(excelRow.getCell(col).value));
    const row: AttendanceSheetRow = {
      row: r,
      fullName: text(raws.get('fullName') ?? null),
      unit: text(raws.get('unit') ?? null),
      phone: readPhone(raws.get('phone') ?? null),
      email: text(raws.get('email') ?? null)?.toLowerCase() ?? null,
    };
    if (!row.fullName && !row.unit && !row.phone && !row.email) continue;
    if (rows.length + errors.length >= MAX_ATTENDANCE_ROWS) {
      const message = `Mỗi tệp tối đa ${MAX_ATTENDANCE_ROWS.toLocaleString('vi-VN')} dòng; hãy chia thành nhiều tệp.`;
      throw new AppError('IMPORT_INVALID', message, [{ field: 'file', message }]);
    }
    if (!row.fullName && !row.phone && !row.email) {
      errors.push({
        field: 'file',
        row: r,
        column: attendanceColumn('fullName').header,
        message: 'Thiếu họ và tên, số điện thoại hoặc e-mail',
      });
      continue;
    }
    rows.push(row);
  }
  if (rows.length === 0 && errors.length === 0) {
    errors.push({ field: 'file', row: header.row + 1, message: 'Tệp chưa có dòng dữ liệu nào dưới dòng tiêu đề.' });
  }
  return { rows, errors };
}
