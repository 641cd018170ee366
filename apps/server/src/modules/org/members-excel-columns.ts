import { foldVietnamese, GENDERS, POSITIONS, UNION_ROLES, VI_LABELS } from '@lan-toa/contracts';

/**
 * The columns of the member spreadsheet: one list shared by the template, the export and the
 * parser, so a file we hand out is always a file we can read back.
 */
export type MemberColumnKey =
  | 'fullName'
  | 'gender'
  | 'birthDate'
  | 'position'
  | 'unionRole'
  | 'isKeyOfficial'
  | 'unionJoinedOn'
  | 'joinedUnitOn'
  | 'phone'
  | 'email';

export type MemberColumnKind = 'text' | 'choice' | 'flag' | 'date' | 'phone' | 'email';

export interface MemberColumn {
  key: MemberColumnKey;
  /** As written in row 1 of the template; `*` marks a required column. */
  header: string;
  /** The column's name inside messages ("Thiếu họ và tên"). */
  label: string;
  required: boolean;
  kind: MemberColumnKind;
  width: number;
  /** Vietnamese labels offered in the drop-down list (choice and flag columns). */
  choices?: readonly string[];
  /** Other header spellings people use; compared folded, like the header itself. */
  aliases?: readonly string[];
  /** One line for the instructions sheet and the header's note. */
  help: string;
}

/** Most rows one file may carry; bigger lists are split into several files. */
export const MAX_IMPORT_ROWS = 20_000;
export const DATE_FORMAT = 'dd/mm/yyyy';

export const FLAG_LABELS = { yes: 'Có', no: 'Không' } as const;

const labels = <T extends string>(values: readonly T[], names: Record<T, string>) => values.map((v) => names[v]);

export const MEMBER_COLUMNS: readonly MemberColumn[] = [
  {
    key: 'fullName',
    header: 'Họ và tên*',
    label: 'Họ và tên',
    required: true,
    kind: 'text',
    width: 28,
    aliases: ['Họ tên', 'Tên đoàn viên'],
    help: 'Họ, chữ đệm và tên, viết có dấu (ví dụ: Nguyễn Thị Thu Hà).',
  },
  {
    key: 'gender',
    header: 'Giới tính*',
    label: 'Giới tính',
    required: true,
    kind: 'choice',
    width: 11,
    choices: labels(GENDERS, VI_LABELS.gender),
    help: 'Chọn trong danh sách.',
  },
  {
    key: 'birthDate',
    header: 'Ngày sinh',
    label: 'Ngày sinh',
    required: false,
    kind: 'date',
    width: 13,
    help: `Ngày theo dạng ${DATE_FORMAT} (ví dụ 05/09/1985). Có thể để trống.`,
  },
  {
    key: 'position',
    header: 'Chức vụ chuyên môn*',
    label: 'Chức vụ chuyên môn',
    required: true,
    kind: 'choice',
    width: 24,
    choices: labels(POSITIONS, VI_LABELS.position),
    aliases: ['Chức vụ'],
    help: 'Chọn trong danh sách.',
  },
  {
    key: 'unionRole',
    header: 'Chức vụ công đoàn*',
    label: 'Chức vụ công đoàn',
    required: true,
    kind: 'choice',
    width: 22,
    choices: labels(UNION_ROLES, VI_LABELS.unionRole),
    help: 'Chọn trong danh sách; đoàn viên không giữ chức vụ thì chọn "Đoàn viên".',
  },
  {
    key: 'isKeyOfficial',
    header: 'Cán bộ công đoàn chủ chốt',
    label: 'Cán bộ công đoàn chủ chốt',
    required: false,
    kind: 'flag',
    width: 16,
    choices: [FLAG_LABELS.yes, FLAG_LABELS.no],
    aliases: ['Cán bộ chủ chốt', 'CBCĐ chủ chốt'],
    help: 'Có hoặc Không (ghi "x" cũng là Có). Để trống: tự xác định theo chức vụ công đoàn.',
  },
  {
    key: 'unionJoinedOn',
    header: 'Ngày vào công đoàn',
    label: 'Ngày vào công đoàn',
    required: false,
    kind: 'date',
    width: 14,
    help: `Ngày kết nạp vào công đoàn, dạng ${DATE_FORMAT}. Có thể để trống.`,
  },
  {
    key: 'joinedUnitOn',
    header: 'Ngày vào đơn vị*',
    label: 'Ngày vào đơn vị',
    required: true,
    kind: 'date',
    width: 14,
    aliases: ['Ngày về đơn vị', 'Ngày bắt đầu sinh hoạt'],
    help:
      `Ngày bắt đầu sinh hoạt ở công đoàn này, dạng ${DATE_FORMAT}; ` +
      'không trước ngày thành lập đơn vị, không ở tương lai.',
  },
  {
    key: 'phone',
    header: 'Số điện thoại',
    label: 'Số điện thoại',
    required: false,
    kind: 'phone',
    width: 14,
    aliases: ['Điện thoại', 'SĐT', 'Số ĐT', 'Di động'],
    help: 'Ví dụ 0912345678; không trùng với người khác. Có thể để trống.',
  },
  {
    key: 'email',
    header: 'E-mail',
    label: 'E-mail',
    required: false,
    kind: 'email',
    width: 28,
    aliases: ['Email', 'Thư điện tử'],
    help: 'Địa chỉ thư điện tử; không trùng với người khác. Có thể để trống.',
  },
];

/** Extra columns of an export; the importer ignores them, so an export can be re-imported. */
export const EXPORT_ONLY_HEADERS = { unit: 'Đơn vị', status: 'Trạng thái' } as const;

/**
 * Header text compared without case, diacritics, stars, punctuation or a note in brackets:
 * "E-mail" = "email " = "EMAIL*" = "E-mail (nếu có)".
 */
export function foldHeader(text: string): string {
  return foldVietnamese(text.replace(/\([^)]*\)/gu, '')).replace(/[^a-z0-9]+/gu, '');
}

const HEADER_INDEX = new Map<string, MemberColumn>();
for (const column of MEMBER_COLUMNS) {
  for (const name of [column.header, column.label, ...(column.aliases ?? [])])
    HEADER_INDEX.set(foldHeader(name), column);
}

export function columnForHeader(text: string): MemberColumn | undefined {
  return HEADER_INDEX.get(foldHeader(text));
}

export function memberColumn(key: MemberColumnKey): MemberColumn {
  const column = MEMBER_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`unknown column ${key}`);
  return column;
}

/** Position of a column in the template, for sorting errors left to right. */
export function columnOrder(header: string | undefined): number {
  const index = MEMBER_COLUMNS.findIndex((c) => c.header === header);
  return index === -1 ? MEMBER_COLUMNS.length : index;
}

/** Folded label (and the stored code itself) → stored value, plus a few common abbreviations. */
function lookup<T extends string>(names: Record<T, string>, extra: Record<string, T> = {}): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, label] of Object.entries(names) as [T, string][]) {
    map.set(foldHeader(label), value);
    map.set(foldHeader(value), value);
  }
  for (const [alias, value] of Object.entries(extra)) map.set(foldHeader(alias), value);
  return map;
}

export const CHOICE_LOOKUP = {
  gender: lookup(VI_LABELS.gender),
  position: lookup(VI_LABELS.position, { GV: 'teacher', NV: 'staff', CBQL: 'manager', 'Hợp đồng': 'contract_worker' }),
  unionRole: lookup(VI_LABELS.unionRole, {
    'Ủy viên Ban Chấp hành': 'committee_member',
    'Chủ nhiệm Ủy ban Kiểm tra': 'inspection_chair',
    'Tổ trưởng': 'group_leader',
  }),
} as const;

const FLAG_LOOKUP = new Map<string, boolean>([
  ['co', true],
  ['x', true],
  ['yes', true],
  ['true', true],
  ['1', true],
  ['khong', false],
  ['no', false],
  ['false', false],
  ['0', false],
]);

export function lookupFlag(text: string): boolean | undefined {
  return FLAG_LOOKUP.get(foldHeader(text));
}

/** "A, B hoặc C" — how a list of choices reads in a sentence. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} hoặc ${items[items.length - 1]}`;
}
