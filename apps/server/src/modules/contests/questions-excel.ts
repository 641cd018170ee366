import { DIFFICULTY_LABELS, type QuestionKind } from '@lan-toa/contracts';
import ExcelJS, { type DataValidation, type Worksheet } from 'exceljs';
import { foldHeader } from '../org/members-excel-columns.js';
import type { QuestionView } from './questions.repository.js';

/**
 * The question-bank spreadsheet: one question per row — STT, Câu hỏi, Loại, Phương án A…F,
 * Đáp án đúng, Chủ đề, Mức độ. Template, export and parser share these columns, so an export
 * can be imported into another contest. Headers are found by name (any order, with or without
 * diacritics); options G and H are read too when a file has them.
 */

export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
/** Option columns in the template; G and H appear in an export only when a question uses them. */
const TEMPLATE_OPTIONS = 6;
export const MAX_QUESTION_ROWS = 5_000;
export const QUESTION_SHEET_NAME = 'Câu hỏi';
const HEADER_FILL = 'FFDCE6F1';

export const KIND_CELL: Record<QuestionKind, string> = { single: 'Một đáp án', multiple: 'Nhiều đáp án' };

export type ColumnKey =
  | 'stt'
  | 'text'
  | 'kind'
  | `option${(typeof LETTERS)[number]}`
  | 'correct'
  | 'topic'
  | 'difficulty';

export interface Column {
  key: ColumnKey;
  header: string;
  aliases: string[];
  width: number;
  help: string;
}

const optionColumn = (letter: (typeof LETTERS)[number]): Column => ({
  key: `option${letter}`,
  header: `Phương án ${letter}`,
  aliases: [letter, `Đáp án ${letter}`, `Lựa chọn ${letter}`],
  width: 28,
  help: `Nội dung phương án ${letter}. Cần ít nhất hai phương án (A và B), điền liền nhau từ A.`,
});

const OPTION_COLUMNS = LETTERS.map(optionColumn);

export const COLUMNS: readonly Column[] = [
  { key: 'stt', header: 'STT', aliases: ['Số thứ tự', 'TT'], width: 6, help: 'Số thứ tự (không bắt buộc).' },
  {
    key: 'text',
    header: 'Câu hỏi',
    aliases: ['Nội dung câu hỏi', 'Nội dung'],
    width: 60,
    help: 'Nội dung câu hỏi, tối đa 2.000 ký tự.',
  },
  {
    key: 'kind',
    header: 'Loại',
    aliases: ['Loại câu hỏi', 'Kiểu'],
    width: 14,
    help: 'Một đáp án hoặc Nhiều đáp án. Để trống: tự xác định theo số đáp án đúng.',
  },
  ...OPTION_COLUMNS,
  {
    key: 'correct',
    header: 'Đáp án đúng',
    aliases: ['Đáp án', 'Đáp án chính xác'],
    width: 14,
    help: 'Chữ cái của phương án đúng, ví dụ B; câu nhiều đáp án ghi A, C.',
  },
  {
    key: 'topic',
    header: 'Chủ đề',
    aliases: ['Chuyên đề', 'Nhóm'],
    width: 24,
    help: 'Chủ đề để chia số câu theo vòng thi (không bắt buộc).',
  },
  {
    key: 'difficulty',
    header: 'Mức độ',
    aliases: ['Độ khó', 'Mức độ khó'],
    width: 13,
    help: 'Dễ, Trung bình hoặc Khó. Để trống: Trung bình.',
  },
];

export const column = (key: ColumnKey) => COLUMNS.find((c) => c.key === key) as Column;
export const HEADER_INDEX = new Map<string, Column>();
for (const c of COLUMNS) for (const name of [c.header, ...c.aliases]) HEADER_INDEX.set(foldHeader(name), c);
/** Columns of the template: everything but options G and H. */
const TEMPLATE_COLUMNS = COLUMNS.filter((c) => !['optionG', 'optionH'].includes(c.key));

export const KIND_LOOKUP = new Map<string, QuestionKind>([
  [foldHeader('Một đáp án'), 'single'],
  [foldHeader('Một đáp án đúng'), 'single'],
  [foldHeader('Một'), 'single'],
  ['single', 'single'],
  [foldHeader('Nhiều đáp án'), 'multiple'],
  [foldHeader('Nhiều đáp án đúng'), 'multiple'],
  [foldHeader('Nhiều'), 'multiple'],
  ['multiple', 'multiple'],
]);
export const DIFFICULTY_LOOKUP = new Map<string, number>([
  ...Object.entries(DIFFICULTY_LABELS).map(([level, label]) => [foldHeader(label), Number(level)] as const),
  ['1', 1],
  ['2', 2],
  ['3', 3],
  ['tb', 2],
]);

// exceljs writes worksheet.dataValidations but does not declare it in its typings.
interface WithValidations {
  dataValidations: { add(range: string, validation: DataValidation): void };
}

function letterOf(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function addQuestionSheet(workbook: ExcelJS.Workbook, columns: readonly Column[]): Worksheet {
  const sheet = workbook.addWorksheet(QUESTION_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const validations = (sheet as unknown as WithValidations).dataValidations;
  const lastRow = MAX_QUESTION_ROWS + 1;
  const choices: Partial<Record<ColumnKey, string[]>> = {
    kind: Object.values(KIND_CELL),
    difficulty: Object.values(DIFFICULTY_LABELS),
  };
  columns.forEach((c, i) => {
    const excelColumn = sheet.getColumn(i + 1);
    // Everything as text: "1945" or "3/2/1930" stay what was typed, not a number or a date.
    if (c.key !== 'stt') excelColumn.numFmt = '@';
    excelColumn.alignment = { vertical: 'top', wrapText: c.key === 'text' || c.key.startsWith('option') };
    const list = choices[c.key];
    if (list) {
      const letter = letterOf(i + 1);
      validations.add(`${letter}2:${letter}${lastRow}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: `Chọn một giá trị trong danh sách: ${list.join(', ')}.`,
      });
    }
  });
  sheet.getRow(1).eachCell((cell, col) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.numFmt = 'General';
    const c = columns[col - 1];
    if (c) cell.note = c.help;
  });
  return sheet;
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lan Tỏa';
  workbook.created = new Date();
  return workbook;
}

/** The empty template (no sample rows: they would be imported), with instructions and the bank's topics. */
export async function buildQuestionTemplate(topics: string[]): Promise<Buffer> {
  const workbook = newWorkbook();
  addQuestionSheet(workbook, TEMPLATE_COLUMNS);
  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [{ width: 26 }, { width: 90 }];
  const lines = [
    'HƯỚNG DẪN NHẬP NGÂN HÀNG CÂU HỎI',
    `• Mỗi câu hỏi ghi một dòng ở trang "${QUESTION_SHEET_NAME}", bắt đầu từ dòng 2. Không đổi tên các cột ở dòng 1.`,
    '• Cần ít nhất hai phương án, điền liền nhau từ Phương án A; tối đa 8 phương án (thêm cột "Phương án G", "Phương án H" nếu cần).',
    '• Đáp án đúng ghi bằng chữ cái: B; câu có nhiều đáp án đúng ghi A, C và chọn Loại "Nhiều đáp án".',
    '• Mức độ: Dễ, Trung bình hoặc Khó (để trống là Trung bình). Chủ đề dùng để chia số câu của mỗi vòng thi.',
    '• Câu hỏi trùng nội dung với câu đã có trong ngân hàng hoặc với dòng khác trong tệp sẽ bị báo lỗi.',
    `• Mỗi tệp tối đa ${MAX_QUESTION_ROWS.toLocaleString('vi-VN')} câu hỏi.`,
    '• Nếu có bất kỳ dòng nào sai, toàn bộ tệp bị từ chối và chưa có câu hỏi nào được ghi;',
    '  hệ thống liệt kê từng lỗi theo dòng và cột để sửa rồi nhập lại.',
    '',
    topics.length > 0 ? `Chủ đề đang có trong ngân hàng: ${topics.join('; ')}` : 'Ngân hàng chưa có chủ đề nào.',
    '',
  ];
  for (const line of lines) help.addRow(['', line]);
  help.getRow(1).font = { bold: true, size: 13 };
  for (const c of TEMPLATE_COLUMNS) help.addRow([c.header, c.help]).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The bank (or the filtered part of it) with the template's columns, so it can be imported elsewhere. */
export async function buildQuestionExport(questions: QuestionView[], contestTitle: string): Promise<Buffer> {
  const workbook = newWorkbook();
  workbook.title = `Ngân hàng câu hỏi — ${contestTitle}`;
  const optionCount = Math.max(TEMPLATE_OPTIONS, ...questions.map((q) => q.options.length));
  const columns = COLUMNS.filter((c) => !c.key.startsWith('option') || OPTION_COLUMNS.indexOf(c) < optionCount);
  const sheet = addQuestionSheet(workbook, columns);
  questions.forEach((q, i) => {
    const byId = new Map(q.options.map((o) => [o.id, o.text]));
    // Options are written by their letter (a → A), which is what "Đáp án đúng" names.
    const cells: Record<string, string | number | null> = {
      stt: i + 1,
      text: q.text,
      kind: KIND_CELL[q.kind],
      correct: q.correct.map((id) => id.toUpperCase()).join(', '),
      topic: q.topic,
      difficulty: DIFFICULTY_LABELS[q.difficulty] ?? null,
    };
    for (const letter of LETTERS) cells[`option${letter}`] = byId.get(letter.toLowerCase()) ?? null;
    sheet.addRow(columns.map((c) => cells[c.key] || null));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
