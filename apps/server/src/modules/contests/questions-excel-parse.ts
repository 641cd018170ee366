import {
  DIFFICULTY_LABELS,
  type ErrorDetail,
  foldVietnamese,
  normalizeSpaces,
  type QuestionInput,
  type QuestionKind,
  questionInput,
} from '@lan-toa/contracts';
import ExcelJS, { type CellValue, type Worksheet, type XlsxReadOptions } from 'exceljs';
import { AppError } from '../../platform/errors.js';
import { foldHeader, orList } from '../org/members-excel-columns.js';
import {
  COLUMNS,
  type Column,
  type ColumnKey,
  column,
  DIFFICULTY_LOOKUP,
  HEADER_INDEX,
  KIND_CELL,
  KIND_LOOKUP,
  LETTERS,
  MAX_QUESTION_ROWS,
} from './questions-excel.js';

/**
 * Reading an imported question file: the header found by name within the top rows, then each
 * row checked cell by cell and finally by the API's own `questionInput`, so a row and the form
 * obey the same rules. Every problem carries its row and column.
 */

const HEADER_SEARCH_ROWS = 10;
// Parts of a sheet the importer never reads; skipping them also avoids expanding huge ranges.
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'mergeCells', 'hyperlinks', 'picture', 'drawing'];

/** One good row of an imported file. */
export interface ParsedQuestion {
  row: number;
  question: QuestionInput;
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

/** A cell as text; a date Excel made of "3/2/1930" is written back the Vietnamese way. Line breaks are kept. */
function cellText(raw: Raw): string {
  if (raw === null) return '';
  if (raw instanceof Date) {
    const day = String(raw.getUTCDate()).padStart(2, '0');
    const month = String(raw.getUTCMonth() + 1).padStart(2, '0');
    return `${day}/${month}/${raw.getUTCFullYear()}`;
  }
  return String(raw)
    .normalize('NFC')
    .split(/\r?\n/u)
    .map((line) => line.replace(/[^\S\n]+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

const shown = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

async function loadFirstSheet(buffer: Buffer): Promise<Worksheet> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw new AppError('FILE_INVALID', 'Tệp không phải bảng tính Excel (.xlsx).', [
      { field: 'file', message: 'Hãy tải tệp mẫu, điền câu hỏi và lưu ở định dạng .xlsx.' },
    ]);
  }
  const workbook = new ExcelJS.Workbook();
  const options: Partial<XlsxReadOptions> & { maxRows: number } = {
    ignoreNodes: IGNORED_NODES,
    maxRows: 5 * MAX_QUESTION_ROWS,
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
  if (!sheet) {
    throw new AppError('FILE_INVALID', 'Tệp không có trang tính nào.', [{ field: 'file', message: 'Tệp trống.' }]);
  }
  return sheet;
}

const REQUIRED: ColumnKey[] = ['text', 'optionA', 'optionB', 'correct'];

function findHeader(sheet: Worksheet): { row: number; columns: Map<number, Column>; errors: ErrorDetail[] } | null {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const columns = new Map<number, Column>();
    const errors: ErrorDetail[] = [];
    sheet.getRow(r).eachCell((cell, col) => {
      const value = plain(cell.value);
      const c = typeof value === 'string' ? HEADER_INDEX.get(foldHeader(value)) : undefined;
      if (!c) return;
      if ([...columns.values()].includes(c)) {
        errors.push({ field: 'file', row: r, column: c.header, message: `Cột "${c.header}" có hai lần` });
      } else columns.set(col, c);
    });
    const keys = new Set([...columns.values()].map((c) => c.key));
    if (!keys.has('text') && !keys.has('correct')) continue;
    for (const key of REQUIRED) {
      if (!keys.has(key)) {
        errors.push({
          field: 'file',
          row: r,
          column: column(key).header,
          message: `Thiếu cột "${column(key).header}"`,
        });
      }
    }
    return { row: r, columns, errors };
  }
  return null;
}

/** "B", "a, c", "A;C", "A và C", "AC" → ['a', 'c']; null when it is not a list of option letters. */
function readLetters(text: string): string[] | null {
  const words = foldVietnamese(text)
    .split(/[^a-z]+/u)
    .filter((word) => word !== '' && word !== 'va' && word !== 'and');
  if (words.length === 0 || !words.every((word) => /^[a-h]+$/u.test(word))) return null;
  return [...new Set(words.join('').split(''))].sort();
}

function orderOf(name: string | undefined): number {
  const index = COLUMNS.findIndex((c) => c.header === name);
  return index === -1 ? COLUMNS.length : index;
}

/** Reads one row into a question, or the row's errors (each with its column). */
function parseRow(row: number, cells: Map<ColumnKey, string>): ParsedQuestion | { errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const fail = (key: ColumnKey, message: string) =>
    errors.push({ field: 'file', row, column: column(key).header, message });
  const get = (key: ColumnKey) => cells.get(key) ?? '';

  const options: { id: string; text: string }[] = [];
  let gap: (typeof LETTERS)[number] | null = null;
  for (const letter of LETTERS) {
    const text = normalizeSpaces(get(`option${letter}`));
    if (text === '') {
      gap ??= letter;
      continue;
    }
    if (gap) {
      fail(`option${gap}`, `Phương án ${gap} để trống nhưng phương án ${letter} có nội dung; hãy điền liền nhau từ A`);
      gap = null;
    }
    options.push({ id: letter.toLowerCase(), text });
  }
  const ids = new Set(options.map((o) => o.id));

  let correct: string[] = [];
  const correctText = get('correct');
  if (correctText === '') fail('correct', 'Thiếu đáp án đúng');
  else {
    const letters = readLetters(correctText);
    if (!letters) {
      fail(
        'correct',
        `Đáp án đúng ghi bằng chữ cái của phương án, ví dụ B hoặc A, C (ô đang ghi "${shown(correctText)}")`,
      );
    } else {
      const missing = letters.filter((id) => !ids.has(id)).map((id) => id.toUpperCase());
      if (missing.length > 0)
        fail('correct', `Đáp án ${missing.join(', ')} nhưng phương án ${missing.join(', ')} để trống`);
      else correct = letters;
    }
  }

  const kindText = get('kind');
  let kind: QuestionKind = correct.length > 1 ? 'multiple' : 'single';
  if (kindText !== '') {
    const found = KIND_LOOKUP.get(foldHeader(kindText));
    if (found) kind = found;
    else fail('kind', `Loại phải là ${orList(Object.values(KIND_CELL))} (ô đang ghi "${shown(kindText)}")`);
  }

  const difficultyText = get('difficulty');
  let difficulty = 2;
  if (difficultyText !== '') {
    const found = DIFFICULTY_LOOKUP.get(foldHeader(difficultyText));
    if (found) difficulty = found;
    else {
      const labels = orList(Object.values(DIFFICULTY_LABELS));
      fail('difficulty', `Mức độ phải là ${labels} (ô đang ghi "${shown(difficultyText)}")`);
    }
  }

  // The final word is the API's own schema, so a row and the form obey the same rules.
  const reported = new Set(errors.map((e) => e.column));
  const result = questionInput.safeParse({
    kind,
    text: get('text'),
    options,
    correct,
    topic: normalizeSpaces(get('topic')),
    difficulty,
  });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [field, index] = issue.path;
      const key: ColumnKey =
        field === 'options'
          ? typeof index === 'number'
            ? (`option${LETTERS[index] ?? 'A'}` as ColumnKey)
            : 'optionB'
          : field === 'text' || field === 'correct' || field === 'topic' || field === 'kind'
            ? field
            : field === 'difficulty'
              ? 'difficulty'
              : 'text';
      const header = column(key).header;
      if (reported.has(header)) continue;
      reported.add(header);
      fail(key, issue.message);
    }
  }
  if (errors.length > 0 || !result.success) return { errors };
  return { row, question: result.data };
}

/**
 * Reads the first sheet into questions. Every problem becomes an error with its row and column;
 * rows with errors are left out of `rows`. Blank rows are skipped.
 */
export async function parseQuestionSheet(buffer: Buffer): Promise<{ rows: ParsedQuestion[]; errors: ErrorDetail[] }> {
  const sheet = await loadFirstSheet(buffer);
  const header = findHeader(sheet);
  if (!header) {
    const message =
      'Không tìm thấy dòng tiêu đề; trang tính đầu tiên cần các cột "Câu hỏi", "Phương án A", "Phương án B" và "Đáp án đúng". Hãy dùng tệp mẫu.';
    return { rows: [], errors: [{ field: 'file', row: 1, message }] };
  }
  if (header.errors.length > 0) return { rows: [], errors: header.errors };
  const rows: ParsedQuestion[] = [];
  const errors: ErrorDetail[] = [];
  let dataRows = 0;
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const excelRow = sheet.findRow(r);
    if (!excelRow) continue;
    const cells = new Map<ColumnKey, string>();
    for (const [col, c] of header.columns) {
      if (c.key !== 'stt') cells.set(c.key, cellText(plain(excelRow.getCell(col).value)));
    }
    if ([...cells.values()].every((text) => text === '')) continue;
    dataRows += 1;
    if (dataRows > MAX_QUESTION_ROWS) {
      const message = `Mỗi tệp tối đa ${MAX_QUESTION_ROWS.toLocaleString('vi-VN')} câu hỏi; hãy chia thành nhiều tệp.`;
      throw new AppError('IMPORT_INVALID', message, [{ field: 'file', message }]);
    }
    const parsed = parseRow(r, cells);
    if ('errors' in parsed) errors.push(...parsed.errors);
    else rows.push(parsed);
  }
  if (dataRows === 0) {
    errors.push({ field: 'file', row: header.row + 1, message: 'Tệp chưa có câu hỏi nào dưới dòng tiêu đề.' });
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || orderOf(a.column) - orderOf(b.column));
  return { rows, errors };
}
