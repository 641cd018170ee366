import { GENDERS, type MemberInput, POSITIONS, UNION_ROLES, VI_LABELS } from '@lan-toa/contracts';
import ExcelJS from 'exceljs';
import type { NewMemberData } from '../../apps/server/src/modules/org/members.commands.js';
import { buildMemberTemplate, MEMBER_COLUMNS } from '../../apps/server/src/modules/org/members-excel.js';
import type { MemberColumnKey } from '../../apps/server/src/modules/org/members-excel-columns.js';

/** mulberry32: a tiny deterministic PRNG, so every run measures the same data. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Mai',
];
const MIDDLE_F = ['Thị', 'Thị Thu', 'Thị Minh', 'Ngọc', 'Thị Hồng', 'Thanh', 'Thị Kim', 'Phương'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Công', 'Xuân'];
const GIVEN_F = ['Hà', 'Lan', 'Hương', 'Thảo', 'Ngân', 'Trang', 'Hằng', 'Yến', 'Nhung', 'Oanh', 'Huyền', 'Mai'];
const GIVEN_M = ['Hùng', 'Dũng', 'Tuấn', 'Long', 'Nam', 'Đức', 'Thắng', 'Sơn', 'Quân', 'Khải', 'Hiếu', 'Bình'];
const ASCII = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase();

/** One generated member: the typed input (for the baseline) and the cells a person would fill. */
export interface GeneratedMember {
  data: NewMemberData;
  cells: Partial<Record<MemberColumnKey, string | number | Date>>;
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function isoDate(rng: () => number, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear, 11, 31);
  return new Date(start + Math.floor(rng() * ((end - start) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * `count` realistic school staff for unit `unitId`. `batch` keeps phones and e-mails unique
 * across batches, so repeated runs can import into the same database.
 */
export function generateMembers(count: number, seed: number, batch: number, unitId: number): GeneratedMember[] {
  const rng = createRng(seed);
  const members: GeneratedMember[] = [];
  for (let i = 0; i < count; i++) {
    const gender = rng() < 0.72 ? 'female' : pick(rng, GENDERS);
    const female = gender === 'female';
    const fullName = [
      pick(rng, FAMILY),
      pick(rng, female ? MIDDLE_F : MIDDLE_M),
      pick(rng, female ? GIVEN_F : GIVEN_M),
    ].join(' ');
    const position = rng() < 0.75 ? 'teacher' : pick(rng, POSITIONS);
    const unionRole = rng() < 0.85 ? 'member' : pick(rng, UNION_ROLES);
    const birthDate = rng() < 0.95 ? isoDate(rng, 1965, 2001) : null;
    const unionJoinedOn = rng() < 0.8 ? isoDate(rng, 2005, 2022) : null;
    const joinedUnitOn = isoDate(rng, 2020, 2024);
    const serial = batch * 1_000_000 + i;
    const phone = rng() < 0.9 ? `09${String(serial).padStart(8, '0')}` : null;
    const email = rng() < 0.7 ? `${ASCII(fullName).replaceAll(' ', '.')}.${serial}@truong.edu.vn` : null;
    const input: MemberInput = { fullName, gender, birthDate, position, unionRole, unionJoinedOn, phone, email };
    const cells: GeneratedMember['cells'] = {
      fullName,
      gender: VI_LABELS.gender[gender],
      position: VI_LABELS.position[position],
      unionRole: VI_LABELS.unionRole[unionRole],
      // Real files mix real dates with dates typed as text, and phones Excel turned into numbers.
      joinedUnitOn: rng() < 0.9 ? new Date(`${joinedUnitOn}T00:00:00Z`) : vnDate(joinedUnitOn),
    };
    if (birthDate) cells.birthDate = rng() < 0.9 ? new Date(`${birthDate}T00:00:00Z`) : vnDate(birthDate);
    if (unionJoinedOn) cells.unionJoinedOn = new Date(`${unionJoinedOn}T00:00:00Z`);
    if (phone) cells.phone = rng() < 0.2 ? Number(phone) : phone;
    if (email) cells.email = email;
    members.push({ data: { ...input, unitId, joinedUnitOn }, cells });
  }
  return members;
}

/** Fills the real import template (drop-downs, formats and all) with the generated rows. */
export async function writeMembersWorkbook(members: GeneratedMember[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const template = await buildMemberTemplate();
  await workbook.xlsx.load(template as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('template has no sheet');
  members.forEach((member, i) => {
    const row = sheet.getRow(i + 2);
    MEMBER_COLUMNS.forEach((column, c) => {
      const value = member.cells[column.key];
      if (value !== undefined) row.getCell(c + 1).value = value;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
