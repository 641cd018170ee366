import { type ErrorDetail, type MemberInput, memberInput, normalizePhone, normalizeSpaces } from '@lan-toa/contracts';
import ExcelJS, { type CellValue, type Worksheet, type XlsxReadOptions } from 'exceljs';
import { todayInVietnam } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import {
  CHOICE_LOOKUP,
  columnForHeader,
  columnOrder,
  DATE_FORMAT,
  FLAG_LABELS,
  foldHeader,
  lookupFlag,
  MAX_IMPORT_ROWS,
  MEMBER_COLUMNS,
  type MemberColumn,
  type MemberColumnKey,
  orList,
} from './members-excel-columns.js';

/** One valid data row: what the member will be, and the Excel row it came from. */
export interface ParsedRow {
  row: number;
  member: MemberInput;
  joinedUnitOn: string;
}

type Raw = string | number | boolean | Date | null;
type Read<T> = { value: T } | { error: string };

/** Rows scanned for the header, so a title line or two above it does not matter. */
const HEADER_SEARCH_ROWS = 10;
// Physical <row> elements exceljs may build before giving up: bounds memory on hostile files,
// with room for empty rows someone formatted below the data.
const HARD_ROW_LIMIT = 5 * MAX_IMPORT_ROWS;
// Parts of a sheet the importer never reads; skipping them also avoids expanding huge ranges.
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'mergeCells', 'hyperlinks', 'picture', 'drawing'];

/** Turns any exceljs cell value into a plain value: formulas give their result, links their text. */
function plain(value: CellValue): Raw {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return plain(value.text as CellValue);
  if ('result' in value) return plain(value.result ?? null);
  return null;
}

function isBlank(raw: Raw): boolean {
  return raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function isoOfDate(date: Date): string | null {
  // Excel dates arrive as UTC midnight; rounding to the minute absorbs floating-point drift.
  const rounded = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  return isoOf(rounded.getUTCFullYear(), rounded.getUTCMonth() + 1, rounded.getUTCDate());
}

// A date cell without a date format arrives as its serial number (3654 ≈ 1910); smaller numbers
// are more likely a bare year typed by hand, and are refused rather than read as 1905.
const FIRST_SERIAL = 3654;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Shows a cell's value in a message the way the person typed it. */
function display(raw: Raw): string {
  if (raw instanceof Date) {
    const iso = isoOfDate(raw);
    return iso ? formatDate(iso) : String(raw);
  }
  const text = String(raw ?? '').trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

function readDate(raw: Raw, column: MemberColumn): Read<string> {
  let iso: string | null = null;
  if (raw instanceof Date) iso = isoOfDate(raw);
  else if (typeof raw === 'number' && raw >= FIRST_SERIAL)
    iso = isoOfDate(new Date(EXCEL_EPOCH + Math.floor(raw) * 86_400_000));
  else if (typeof raw === 'string') {
    const text = raw.trim();
    const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(text);
    const intl = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
    if (vn) iso = isoOf(Number(vn[3]), Number(vn[2]), Number(vn[1]));
    else if (intl) iso = isoOf(Number(intl[1]), Number(intl[2]), Number(intl[3]));
  }
  if (!iso) return { error: `${column.label} không hợp lệ: ${display(raw)} (ghi theo dạng ${DATE_FORMAT})` };
  return { value: iso };
}

function readPhone(raw: Raw): string {
  // A phone typed into a number cell loses its leading 0: 912345678 is 0912345678.
  const text = typeof raw === 'number' ? raw.toFixed(0) : String(raw);
  const phone = normalizePhone(text);
  return /^[1-9]\d{8,9}$/u.test(phone) ? `0${phone}` : phone;
}

function readChoice(raw: Raw, column: MemberColumn, key: 'gender' | 'position' | 'unionRole'): Read<string> {
  const value = CHOICE_LOOKUP[key].get(foldHeader(String(raw)));
  if (value) return { value };
  return { error: `${column.label} phải là ${orList(column.choices ?? [])} (ô đang ghi "${display(raw)}")` };
}

function readFlag(raw: Raw, column: MemberColumn): Read<boolean> {
  const value = typeof raw === 'boolean' ? raw : lookupFlag(String(raw));
  if (value !== undefined) return { value };
  const allowed = `${FLAG_LABELS.yes} hoặc ${FLAG_LABELS.no}, hoặc để trống`;
  return { error: `${column.label} phải là ${allowed} (ô đang ghi "${display(raw)}")` };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Finds the header row: the first of the top rows naming at least three of our columns. */
function findHeader(
  sheet: Worksheet,
): { row: number; columns: Map<number, MemberColumn>; errors: ErrorDetail[] } | null {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const columns = new Map<number, MemberColumn>();
    const errors: ErrorDetail[] = [];
    const seen = new Set<MemberColumnKey>();
    sheet.getRow(r).eachCell((cell, col) => {
      const text = plain(cell.value);
      const column = typeof text === 'string' ? columnForHeader(text) : undefined;
      if (!column) return;
      if (seen.has(column.key)) {
        errors.push({ field: 'file', row: r, column: column.header, message: `Cột "${column.header}" có hai lần` });
        return;
      }
      seen.add(column.key);
      columns.set(col, column);
    });
    if (columns.size < 3) continue;
    for (const column of MEMBER_COLUMNS) {
      if (column.required && !seen.has(column.key)) {
        errors.push({ field: 'file', row: r, column: column.header, message: `Thiếu cột "${column.header}"` });
      }
    }
    return { row: r, columns, errors };
  }
  return null;
}

async function loadFirstSheet(buffer: Buffer): Promise<Worksheet> {
  // An .xlsx is a zip archive: anything else is refused before exceljs spends time on it.
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw new AppError('FILE_INVALID', 'Tệp không phải bảng tính Excel (.xlsx).', [
      { field: 'file', message: 'Hãy tải tệp mẫu, điền dữ liệu và lưu ở định dạng .xlsx.' },
    ]);
  }
  const workbook = new ExcelJS.Workbook();
  const options: Partial<XlsxReadOptions> & { maxRows: number } = {
    ignoreNodes: IGNORED_NODES,
    maxRows: HARD_ROW_LIMIT,
  };
  try {
    // exceljs types its input as ArrayBuffer; at run time it takes a Node Buffer as is (no copy).
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0], options);
  } catch (error) {
    if (error instanceof Error && /Max row count/u.test(error.message)) throw tooManyRows(HARD_ROW_LIMIT);
    throw new AppError('FILE_INVALID', 'Không đọc được tệp .xlsx (tệp hỏng hoặc không đúng định dạng).', [
      { field: 'file', message: 'Hãy mở tệp bằng Excel, lưu lại ở định dạng .xlsx rồi thử lại.' },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    throw new AppError('FILE_INVALID', 'Tệp không có trang tính nào.', [{ field: 'file', message: 'Tệp trống.' }]);
  return sheet;
}

function tooManyRows(physicalRows?: number): AppError {
  const limit = MAX_IMPORT_ROWS.toLocaleString('vi-VN');
  const found = physicalRows
    ? `Tệp có hơn ${physicalRows.toLocaleString('vi-VN')} dòng (kể cả dòng trống đã định dạng)`
    : `Tệp có hơn ${limit} dòng dữ liệu`;
  const message = `${found}; mỗi lần chỉ nhập tối đa ${limit} đoàn viên. Hãy chia thành nhiều tệp.`;
  return new AppError('IMPORT_INVALID', message, [{ field: 'file', message }]);
}

/**
 * Reads the first sheet of an .xlsx into member rows. Headers are found by name (any order,
 * any case, with or without diacritics); every problem becomes an error with its row and
 * column, and rows with errors are left out of `rows`.
 */
export async function parseMemberSheet(buffer: Buffer): Promise<{ rows: ParsedRow[]; errors: ErrorDetail[] }> {
  const sheet = await loadFirstSheet(buffer);
  const header = findHeader(sheet);
  if (!header) {
    const names = orList(MEMBER_COLUMNS.filter((c) => c.required).map((c) => `"${c.header}"`));
    const message = `Không tìm thấy dòng tiêu đề; trang tính đầu tiên cần các cột ${names}. Hãy dùng tệp mẫu.`;
    return { rows: [], errors: [{ field: 'file', row: 1, message }] };
  }
  if (header.errors.length > 0) return { rows: [], errors: header.errors };

  const today = todayInVietnam();
  const rows: ParsedRow[] = [];
  const errors: ErrorDetail[] = [];
  let dataRows = 0;
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const excelRow = sheet.findRow(r);
    if (!excelRow) continue;
    const raws = new Map<MemberColumnKey, Raw>();
    for (const [col, column] of header.columns) raws.set(column.key, plain(excelRow.getCell(col).value));
    if ([...raws.values()].every(isBlank)) continue;
    dataRows += 1;
    if (dataRows > MAX_IMPORT_ROWS) throw tooManyRows();
    const parsed = parseRow(r, raws, today);
    if ('errors' in parsed) errors.push(...parsed.errors);
    else rows.push(parsed);
  }
  if (dataRows === 0 && errors.length === 0) {
    errors.push({ field: 'file', row: header.row + 1, message: 'Tệp chưa có dòng dữ liệu nào dưới dòng tiêu đề.' });
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || columnOrder(a.column) - columnOrder(b.column));
  return { rows, errors };
}

function parseRow(row: number, raws: Map<MemberColumnKey, Raw>, today: string): ParsedRow | { errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const values: Partial<Record<MemberColumnKey, string | boolean | null>> = {};
  const fail = (column: MemberColumn, message: string) =>
    errors.push({ field: 'file', row, column: column.header, message });

  for (const column of MEMBER_COLUMNS) {
    const raw = raws.get(column.key) ?? null;
    if (isBlank(raw)) {
      if (column.required) fail(column, `Thiếu ${lowerFirst(column.label)}`);
      values[column.key] = null;
      continue;
    }
    let read: Read<string | boolean>;
    switch (column.kind) {
      case 'text':
        read = { value: normalizeSpaces(String(raw)) };
        break;
      case 'choice':
        read = readChoice(raw, column, column.key as 'gender' | 'position' | 'unionRole');
        break;
      case 'flag':
        read = readFlag(raw, column);
        break;
      case 'date': {
        const date = readDate(raw, column);
        read =
          'value' in date && column.key !== 'joinedUnitOn' && date.value > today
            ? { error: `${column.label} không được ở tương lai: ${formatDate(date.value)}` }
            : date;
        break;
      }
      case 'phone':
        read = { value: readPhone(raw) };
        break;
      case 'email':
        read = { value: String(raw).trim().toLowerCase() };
        break;
    }
    if ('error' in read) fail(column, read.error);
    else values[column.key] = read.value;
  }

  // The final word is the API's own schema, so a file row and a form obey the same rules.
  const reported = new Set(errors.map((e) => e.column));
  const result = memberInput.safeParse({
    fullName: values.fullName ?? '',
    gender: values.gender ?? undefined,
    birthDate: values.birthDate ?? null,
    position: values.position ?? undefined,
    unionRole: values.unionRole ?? undefined,
    isKeyOfficial: values.isKeyOfficial ?? undefined,
    unionJoinedOn: values.unionJoinedOn ?? null,
    phone: values.phone ?? null,
    email: values.email ?? null,
  });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const column = MEMBER_COLUMNS.find((c) => c.key === issue.path[0]) ?? MEMBER_COLUMNS[0];
      if (!column || reported.has(column.header)) continue;
      reported.add(column.header);
      const raw = display(raws.get(column.key) ?? null);
      if (column.kind === 'phone') fail(column, `Số điện thoại không hợp lệ: ${raw} (ví dụ 0912345678)`);
      else if (column.kind === 'email') fail(column, `E-mail không hợp lệ: ${raw}`);
      else fail(column, `${issue.message}: ${raw}`);
    }
  }
  if (errors.length > 0 || !result.success) return { errors };
  return { row, member: result.data, joinedUnitOn: values.joinedUnitOn as string };
}
