import { foldVietnamese, type Gender, type Position, type UnionRole } from '@lan-toa/contracts';
import { Rng, type Weighted } from './random.js';

/**
 * Demo organisation of Công đoàn Giáo dục tỉnh Ninh Bình, used on first start to fill an empty database.
 * Pure and deterministic: the same seed always gives the same organisation (seeded PRNG, no clock).
 */

export interface DemoUnit {
  key: string;
  name: string;
  kindCode: 'province_union' | 'commune_union' | 'grassroots_union';
  parentKey: string | null;
  validFrom: string;
}

export interface DemoMember {
  key: string;
  unitKey: string;
  fullName: string;
  gender: Gender;
  birthDate: string;
  position: Position;
  unionRole: UnionRole;
  isKeyOfficial: boolean;
  unionJoinedOn: string;
  joinedUnitOn: string;
  phone: string | null;
  email: string | null;
}

export type DemoEvent =
  | { type: 'transfer'; memberKey: string; toUnitKey: string; date: string }
  | { type: 'status'; memberKey: string; status: 'retired' | 'left' | 'transferred'; date: string }
  | { type: 'merge'; unitKey: string; intoUnitKey: string; date: string }
  | { type: 'dissolve'; unitKey: string; date: string };

export interface DemoOrganisation {
  units: DemoUnit[];
  members: DemoMember[];
  events: DemoEvent[];
  unitAdmin: { unitKey: string; memberKey: string };
  memberAccount: { memberKey: string };
}

// ---------------------------------------------------------------------------
// Organisation
// ---------------------------------------------------------------------------

/** School level of a grassroots union: mầm non, tiểu học, THCS, THPT, trung tâm GDNN-GDTX. */
type Level = 'mn' | 'th' | 'thcs' | 'thpt' | 'gdtx';

interface SchoolSpec {
  key: string;
  name: string;
  level: Level;
  /** Fixed member count; otherwise drawn from SIZE_RANGE. */
  size?: number;
}

interface CommuneSpec {
  key: string;
  name: string;
  schools: readonly SchoolSpec[];
}

const FOUNDED_ON = '2013-01-01';
const PROVINCE_KEY = 'province';
const PROVINCE_NAME = 'Công đoàn Giáo dục tỉnh Ninh Bình';

const PROVINCIAL_SCHOOLS: readonly SchoolSpec[] = [
  { key: 'thpt-luong-van-tuy', name: 'Công đoàn Trường THPT Chuyên Lương Văn Tụy', level: 'thpt', size: 70 },
  { key: 'thpt-dinh-tien-hoang', name: 'Công đoàn Trường THPT Đinh Tiên Hoàng', level: 'thpt' },
  { key: 'thpt-ninh-binh-bac-lieu', name: 'Công đoàn Trường THPT Ninh Bình - Bạc Liêu', level: 'thpt' },
  { key: 'thpt-hoa-lu-a', name: 'Công đoàn Trường THPT Hoa Lư A', level: 'thpt' },
  { key: 'thpt-gia-vien-a', name: 'Công đoàn Trường THPT Gia Viễn A', level: 'thpt' },
  { key: 'thpt-nho-quan-a', name: 'Công đoàn Trường THPT Nho Quan A', level: 'thpt' },
  { key: 'thpt-yen-khanh-a', name: 'Công đoàn Trường THPT Yên Khánh A', level: 'thpt' },
  { key: 'thpt-yen-mo-a', name: 'Công đoàn Trường THPT Yên Mô A', level: 'thpt' },
  { key: 'thpt-kim-son-a', name: 'Công đoàn Trường THPT Kim Sơn A', level: 'thpt' },
  { key: 'thpt-ngo-thi-nham', name: 'Công đoàn Trường THPT Ngô Thì Nhậm', level: 'thpt' },
  { key: 'thpt-nguyen-hue', name: 'Công đoàn Trường THPT Nguyễn Huệ', level: 'thpt' },
  { key: 'thpt-dtnt-ninh-binh', name: 'Công đoàn Trường THPT Dân tộc nội trú tỉnh Ninh Bình', level: 'thpt' },
  { key: 'gdnn-gdtx-nho-quan', name: 'Công đoàn Trung tâm GDNN-GDTX huyện Nho Quan', level: 'gdtx' },
  { key: 'gdnn-gdtx-kim-son', name: 'Công đoàn Trung tâm GDNN-GDTX huyện Kim Sơn', level: 'gdtx' },
  { key: 'gdnn-gdtx-yen-mo', name: 'Công đoàn Trung tâm GDNN-GDTX huyện Yên Mô', level: 'gdtx', size: 20 },
];

const COMMUNES: readonly CommuneSpec[] = [
  {
    key: 'phuong-dong-thanh',
    name: 'Công đoàn phường Đông Thành',
    schools: [
      { key: 'mn-hoa-sen', name: 'Công đoàn Trường Mầm non Hoa Sen', level: 'mn' },
      { key: 'mn-dong-thanh', name: 'Công đoàn Trường Mầm non Đông Thành', level: 'mn' },
      { key: 'th-dinh-tien-hoang', name: 'Công đoàn Trường Tiểu học Đinh Tiên Hoàng', level: 'th' },
      { key: 'th-dong-thanh', name: 'Công đoàn Trường Tiểu học Đông Thành', level: 'th' },
      { key: 'thcs-truong-han-sieu', name: 'Công đoàn Trường THCS Trương Hán Siêu', level: 'thcs' },
    ],
  },
  {
    key: 'phuong-nam-binh',
    name: 'Công đoàn phường Nam Bình',
    schools: [
      { key: 'mn-nam-binh', name: 'Công đoàn Trường Mầm non Nam Bình', level: 'mn' },
      { key: 'th-nam-binh', name: 'Công đoàn Trường Tiểu học Nam Bình', level: 'th' },
      { key: 'th-le-hong-phong', name: 'Công đoàn Trường Tiểu học Lê Hồng Phong', level: 'th' },
      { key: 'thcs-ly-tu-trong', name: 'Công đoàn Trường THCS Lý Tự Trọng', level: 'thcs' },
    ],
  },
  {
    key: 'phuong-trung-son',
    name: 'Công đoàn phường Trung Sơn',
    schools: [
      { key: 'mn-hoa-mai', name: 'Công đoàn Trường Mầm non Hoa Mai', level: 'mn' },
      { key: 'th-trung-son', name: 'Công đoàn Trường Tiểu học Trung Sơn', level: 'th' },
      { key: 'th-quang-trung', name: 'Công đoàn Trường Tiểu học Quang Trung', level: 'th' },
      { key: 'thcs-trung-son', name: 'Công đoàn Trường THCS Trung Sơn', level: 'thcs' },
    ],
  },
  {
    key: 'xa-gia-sinh',
    name: 'Công đoàn xã Gia Sinh',
    schools: [
      { key: 'mn-gia-sinh', name: 'Công đoàn Trường Mầm non Gia Sinh', level: 'mn' },
      { key: 'th-gia-sinh', name: 'Công đoàn Trường Tiểu học Gia Sinh', level: 'th' },
      { key: 'thcs-gia-sinh', name: 'Công đoàn Trường THCS Gia Sinh', level: 'thcs' },
    ],
  },
  {
    key: 'xa-khanh-nhac',
    name: 'Công đoàn xã Khánh Nhạc',
    schools: [
      { key: 'mn-khanh-nhac', name: 'Công đoàn Trường Mầm non Khánh Nhạc', level: 'mn' },
      { key: 'th-khanh-nhac', name: 'Công đoàn Trường Tiểu học Khánh Nhạc', level: 'th', size: 42 },
      { key: 'th-khanh-nhac-b', name: 'Công đoàn Trường Tiểu học Khánh Nhạc B', level: 'th', size: 24 },
      { key: 'thcs-khanh-nhac', name: 'Công đoàn Trường THCS Khánh Nhạc', level: 'thcs' },
    ],
  },
  {
    key: 'xa-ninh-hai',
    name: 'Công đoàn xã Ninh Hải',
    schools: [
      { key: 'mn-ninh-hai', name: 'Công đoàn Trường Mầm non Ninh Hải', level: 'mn' },
      { key: 'th-ninh-hai', name: 'Công đoàn Trường Tiểu học Ninh Hải', level: 'th' },
      { key: 'thcs-ninh-hai', name: 'Công đoàn Trường THCS Ninh Hải', level: 'thcs' },
    ],
  },
];

/** Khánh Nhạc B (smaller) merges into Khánh Nhạc, which keeps the common name. */
const MERGE = { unitKey: 'th-khanh-nhac-b', intoUnitKey: 'th-khanh-nhac', date: '2025-07-01' } as const;

/** The Yên Mô centre closes; its staff move to nearby schools and centres during August first. */
const DISSOLVE = { unitKey: 'gdnn-gdtx-yen-mo', date: '2025-08-31' } as const;
const DISSOLVE_DESTINATIONS = ['thpt-yen-mo-a', 'gdnn-gdtx-kim-son', 'thpt-kim-son-a', 'thpt-yen-khanh-a'] as const;

/** Units about to merge or dissolve take no new member after this date. */
const CLOSING_UNIT_JOIN_CAP = '2025-06-30';

const ADMIN_UNIT_KEY = 'thpt-luong-van-tuy';

/** Members whose names tests and demos rely on; `index` is the position inside the unit. */
const FIXED_MEMBERS: readonly { unitKey: string; index: number; fullName: string; gender: 'male' | 'female' }[] = [
  { unitKey: PROVINCE_KEY, index: 1, fullName: 'Nguyễn Thị Hưng', gender: 'female' },
  { unitKey: ADMIN_UNIT_KEY, index: 20, fullName: 'Nguyễn Văn Đức', gender: 'male' },
  { unitKey: ADMIN_UNIT_KEY, index: 21, fullName: 'Nguyễn Văn Dực', gender: 'male' },
];

/** Union offices: the province has a full standing committee, commune unions a small one. */
const PROVINCE_OFFICE_ROLES: readonly UnionRole[] = [
  'chair',
  'vice_chair',
  'vice_chair',
  'committee_member',
  'committee_member',
  'inspection_chair',
  'member',
  'member',
];
const COMMUNE_OFFICE_ROLES: readonly UnionRole[] = ['chair', 'vice_chair', 'committee_member', 'member'];

// ---------------------------------------------------------------------------
// Member data
// ---------------------------------------------------------------------------

/** Parses "Nguyễn 36, Trần 11" (commas or new lines between entries) into weighted entries. */
function weightedList(text: string): Weighted<string> {
  return text
    .split(/[,\n]/u)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const cut = entry.lastIndexOf(' ');
      return [entry.slice(0, cut).normalize('NFC'), Number(entry.slice(cut + 1))] as const;
    });
}

const FAMILY_NAMES = weightedList(`
  Nguyễn 36, Trần 11, Lê 9, Phạm 7, Vũ 5, Đinh 5, Hoàng 4, Bùi 4, Đỗ 3, Phan 2, Đặng 2,
  Ngô 1.5, Mai 1.5, Trịnh 1.5, Dương 1.2, Lương 1, Tạ 1, Hà 1, Đoàn 1, Tống 0.6, Lại 0.6, Cao 0.6,
  Hồ 0.5, Lưu 0.5, Lã 0.4
`);

const MALE_MIDDLE_NAMES = weightedList(`
  Văn 34, Đức 10, Minh 9, Quang 7, Hữu 5, Đình 5, Xuân 4, Thanh 4, Ngọc 3, Trọng 3, Tiến 3,
  Mạnh 3, Công 3, Thế 3, Duy 3, Hoàng 2, Anh 2, Việt 2, Trung 2, Hải 2
`);

const FEMALE_MIDDLE_NAMES = weightedList(`
  Thị 42, Thị Thu 6, Thị Thanh 4, Thị Hồng 3, Thị Ngọc 2, Thị Minh 2, Thị Kim 2, Thu 7, Thanh 5,
  Ngọc 6, Hồng 5, Minh 3, Phương 3, Kim 3, Thùy 3, Bích 2, Hải 2, Mai 2, Khánh 2, Diệu 1
`);

const MALE_GIVEN_NAMES = weightedList(`
  Hùng 5, Dũng 5, Đức 4, Tuấn 5, Hải 5, Minh 4, Nam 4, Long 3, Thắng 3, Cường 3, Hiếu 3, Hưng 3,
  Quân 3, Sơn 3, Trung 3, Phong 2, Toàn 2, Tùng 3, Thành 3, Khánh 2, Huy 3, Việt 2, Đạt 3, Bình 2,
  Định 1, Đông 1, Kiên 2, Lâm 1, Phúc 1, Tiến 2, Vinh 2, Hoàng 1, Quyết 1, Chiến 1, Dực 0.3
`);

const FEMALE_GIVEN_NAMES = weightedList(`
  Hà 5, Lan 4, Hương 6, Hường 2, Hằng 5, Huyền 5, Thảo 5, Trang 5, Dung 4, Linh 4, Nga 3, Mai 3,
  Nhung 3, Oanh 2, Phương 3, Quyên 2, Tâm 2, Thủy 4, Thúy 3, Yến 3, Vân 3, Hạnh 3, Hoa 3, Hiền 3,
  Hồng 2, Liên 2, Loan 3, Lý 1, My 1, Nhàn 2, Tuyết 2, Xuân 2, Anh 3, Giang 2, Chi 2, Huệ 2,
  Luyến 1, Thơm 1, Đào 1, Điệp 1, Duyên 2, Ngân 2, Thoa 1
`);

const SIZE_RANGE: Record<Level, readonly [number, number]> = {
  mn: [22, 38],
  th: [28, 45],
  thcs: [32, 50],
  thpt: [52, 68],
  gdtx: [22, 32],
};

const FEMALE_SHARE: Record<Level | 'office', number> = {
  mn: 0.97,
  th: 0.82,
  thcs: 0.68,
  thpt: 0.52,
  gdtx: 0.5,
  office: 0.5,
};

function positionWeights(teacher: number, staff: number, manager: number, contractWorker: number): Weighted<Position> {
  return [
    ['teacher', teacher],
    ['staff', staff],
    ['manager', manager],
    ['contract_worker', contractWorker],
  ];
}

/** Mầm non employ many contract cooks and carers; centres have more office staff. */
const POSITION_WEIGHTS: Record<Level, Weighted<Position>> = {
  mn: positionWeights(72, 9, 5, 14),
  th: positionWeights(82, 9, 5, 4),
  thcs: positionWeights(83, 9, 5, 3),
  thpt: positionWeights(84, 9, 4, 3),
  gdtx: positionWeights(60, 24, 8, 8),
};

/** Birth years by union role: officials are older. Women are born 1968 or later (still below retirement). */
const BIRTH_YEARS: Record<UnionRole, readonly [number, number]> = {
  chair: [1968, 1982],
  vice_chair: [1970, 1986],
  committee_member: [1970, 1990],
  inspection_chair: [1970, 1988],
  group_leader: [1972, 1992],
  member: [1966, 2001],
};
const FEMALE_MIN_BIRTH_YEAR = 1968;

const KEY_ROLES: ReadonlySet<UnionRole> = new Set(['chair', 'vice_chair', 'committee_member', 'inspection_chair']);

/** Mobile prefixes in use (Viettel, VinaPhone, MobiFone). */
const PHONE_PREFIXES = '090 091 093 094 096 097 098 032 033 034 035 036 037 038 039'.split(' ');
const EMAIL_DOMAIN = 'ninhbinh.edu.vn';

const UNION_JOIN_MAX = '2025-09-01';
const UNIT_JOIN_MIN = '2010-08-15';
const UNIT_JOIN_MAX = '2025-09-05';
/** Union officials have been in their unit for a few years at least. */
const OFFICIAL_JOIN_CAP = '2022-09-05';
const EVENT_MAX = '2025-09-05';

const REGULAR_TRANSFERS = 15;
const RETIREMENTS = 6;
const DEPARTURES = 4;

/** Where a teacher of each level may be transferred to. */
const TRANSFER_LEVELS: Record<Level, readonly Level[]> = {
  mn: ['mn'],
  th: ['th'],
  thcs: ['thcs'],
  thpt: ['thpt', 'gdtx'],
  gdtx: ['gdtx', 'thpt'],
};

// ---------------------------------------------------------------------------
// Dates (ISO strings, computed in UTC so the result never depends on the clock or time zone)
// ---------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function toDays(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return fromDays(toDays(iso) + days);
}

function addMonths(iso: string, months: number): string {
  const date = new Date(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1 + months, Number(iso.slice(8, 10))),
  );
  return date.toISOString().slice(0, 10);
}

/** ISO dates compare correctly as strings. */
function maxDate(first: string, ...rest: string[]): string {
  let latest = first;
  for (const date of rest) if (date > latest) latest = date;
  return latest;
}

function minDate(first: string, ...rest: string[]): string {
  let earliest = first;
  for (const date of rest) if (date < earliest) earliest = date;
  return earliest;
}

/** A random day in [from, to]. */
function dayBetween(rng: Rng, from: string, to: string): string {
  return fromDays(rng.int(toDays(from), toDays(to)));
}

/**
 * Retirement date of a woman under Decree 135/2020: 55 years 4 months in 2021, 4 months more each year;
 * she retires on the first day of the month after reaching that age.
 */
function femaleRetirementDate(birthDate: string): string | null {
  for (let year = 2021; year <= 2035; year++) {
    const reached = addMonths(birthDate, 55 * 12 + 4 * (year - 2020));
    if (Number(reached.slice(0, 4)) === year) return addMonths(`${reached.slice(0, 7)}-01`, 1);
  }
  return null;
}

// ---------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------

interface UnitPlan {
  unit: DemoUnit;
  level: Level | 'office';
  roles: readonly UnionRole[];
  joinCap: string;
}

function grassrootsRoles(rng: Rng, size: number): UnionRole[] {
  const committee = size < 30 ? 2 : size < 50 ? rng.int(2, 3) : rng.int(3, 4);
  const inspection = size >= 30 || rng.chance(0.5) ? 1 : 0;
  const groupLeaders = Math.min(5, Math.max(2, Math.round(size / 12)));
  const roles: UnionRole[] = ['chair', 'vice_chair'];
  for (let i = 0; i < committee; i++) roles.push('committee_member');
  for (let i = 0; i < inspection; i++) roles.push('inspection_chair');
  for (let i = 0; i < groupLeaders; i++) roles.push('group_leader');
  while (roles.length < size) roles.push('member');
  return roles;
}

function schoolPlan(rng: Rng, spec: SchoolSpec, parentKey: string): UnitPlan {
  const [min, max] = SIZE_RANGE[spec.level];
  const size = spec.size ?? rng.int(min, max);
  const closing = spec.key === MERGE.unitKey || spec.key === DISSOLVE.unitKey;
  return {
    unit: { key: spec.key, name: spec.name, kindCode: 'grassroots_union', parentKey, validFrom: FOUNDED_ON },
    level: spec.level,
    roles: grassrootsRoles(rng, size),
    joinCap: closing ? CLOSING_UNIT_JOIN_CAP : UNIT_JOIN_MAX,
  };
}

function planUnits(rng: Rng): UnitPlan[] {
  const plans: UnitPlan[] = [
    {
      unit: {
        key: PROVINCE_KEY,
        name: PROVINCE_NAME,
        kindCode: 'province_union',
        parentKey: null,
        validFrom: FOUNDED_ON,
      },
      level: 'office',
      roles: PROVINCE_OFFICE_ROLES,
      joinCap: UNIT_JOIN_MAX,
    },
  ];
  for (const school of PROVINCIAL_SCHOOLS) plans.push(schoolPlan(rng, school, PROVINCE_KEY));
  for (const commune of COMMUNES) {
    const extraStaff: UnionRole[] = rng.chance(0.5) ? ['member'] : [];
    plans.push({
      unit: {
        key: commune.key,
        name: commune.name,
        kindCode: 'commune_union',
        parentKey: PROVINCE_KEY,
        validFrom: FOUNDED_ON,
      },
      level: 'office',
      roles: [...COMMUNE_OFFICE_ROLES, ...extraStaff],
      joinCap: UNIT_JOIN_MAX,
    });
    for (const school of commune.schools) plans.push(schoolPlan(rng, school, commune.key));
  }
  return plans;
}

// ---------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------

interface Registry {
  phones: Set<string>;
  emails: Set<string>;
}

function makeName(rng: Rng, gender: 'male' | 'female', birthYear: number): string {
  const family = rng.weighted(FAMILY_NAMES);
  // Younger people less often carry the plain "Văn" / "Thị".
  const modern = birthYear >= 1988 && rng.chance(0.45);
  const allMiddles = gender === 'male' ? MALE_MIDDLE_NAMES : FEMALE_MIDDLE_NAMES;
  const middles = modern ? allMiddles.filter(([m]) => m !== 'Văn' && !m.startsWith('Thị')) : allMiddles;
  const givens = gender === 'male' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES;
  let middle = rng.weighted(middles);
  let given = rng.weighted(givens);
  for (let attempt = 0; attempt < 20 && middle.split(' ').includes(given); attempt++) {
    middle = rng.weighted(middles);
    given = rng.weighted(givens);
  }
  return `${family} ${middle} ${given}`.normalize('NFC');
}

function makeBirthDate(rng: Rng, role: UnionRole, gender: 'male' | 'female'): string {
  const [from, to] = BIRTH_YEARS[role];
  const year = rng.int(gender === 'female' ? Math.max(from, FEMALE_MIN_BIRTH_YEAR) : from, to);
  return addDays(`${year}-01-01`, rng.int(0, 364));
}

function makePosition(rng: Rng, level: Level | 'office', role: UnionRole): Position {
  if (level === 'office') return role === 'chair' || role === 'vice_chair' ? 'manager' : 'staff';
  if (role === 'chair') return rng.chance(0.4) ? 'manager' : 'teacher';
  if (role === 'vice_chair') return rng.chance(0.2) ? 'manager' : 'teacher';
  if (role === 'group_leader') return rng.chance(0.1) ? 'staff' : 'teacher';
  if (KEY_ROLES.has(role)) return rng.chance(0.85) ? 'teacher' : 'staff';
  return rng.weighted(POSITION_WEIGHTS[level]);
}

function makePhone(rng: Rng, registry: Registry): string {
  for (;;) {
    const phone = `${rng.pick(PHONE_PREFIXES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    if (!registry.phones.has(phone)) {
      registry.phones.add(phone);
      return phone;
    }
  }
}

/** "Nguyễn Văn Đức", born 1979 → "ducnv79@ninhbinh.edu.vn" (then "ducnv79.2@…" if taken). */
function makeEmail(fullName: string, birthDate: string, registry: Registry): string {
  const words = foldVietnamese(fullName).split(' ');
  const given = words.at(-1) ?? '';
  const initials = words
    .slice(0, -1)
    .map((word) => word.charAt(0))
    .join('');
  const base = `${given}${initials}${birthDate.slice(2, 4)}`;
  let local = base;
  for (let n = 2; registry.emails.has(local); n++) local = `${base}.${n}`;
  registry.emails.add(local);
  return `${local}@${EMAIL_DOMAIN}`;
}

/**
 * Most people start in a unit at the beginning of a school year (mid-August), long ago rather than recently.
 * Those who were there before the unit's records begin get its founding date.
 */
function makeJoinedUnitOn(rng: Rng, unionJoinedOn: string, validFrom: string, joinCap: string): string {
  const from = maxDate(unionJoinedOn, validFrom, UNIT_JOIN_MIN);
  const firstYear = Math.max(Number(unionJoinedOn.slice(0, 4)), 2012);
  const years = Number(joinCap.slice(0, 4)) - firstYear + 1;
  const year = firstYear + Math.floor(years * rng.next() ** 1.3);
  const candidate = addDays(`${year}-08-15`, rng.int(0, 21));
  return minDate(maxDate(candidate, from), joinCap);
}

function memberKey(unitKey: string, index: number): string {
  return `${unitKey}-${String(index + 1).padStart(3, '0')}`;
}

function makeMember(rng: Rng, plan: UnitPlan, index: number, registry: Registry): DemoMember {
  const role = plan.roles[index] ?? 'member';
  const fixed = FIXED_MEMBERS.find((f) => f.unitKey === plan.unit.key && f.index === index);
  const gender = fixed?.gender ?? (rng.chance(FEMALE_SHARE[plan.level]) ? 'female' : 'male');
  const birthDate = makeBirthDate(rng, role, gender);
  const fullName = fixed?.fullName.normalize('NFC') ?? makeName(rng, gender, Number(birthDate.slice(0, 4)));
  const unionJoinedOn = minDate(
    addDays(addMonths(birthDate, 22 * 12), rng.int(30, 1500)),
    UNION_JOIN_MAX,
    plan.joinCap,
  );
  const isKeyOfficial = KEY_ROLES.has(role);
  const joinCap = role === 'member' ? plan.joinCap : minDate(plan.joinCap, OFFICIAL_JOIN_CAP);
  const isAdmin = plan.unit.key === ADMIN_UNIT_KEY && role === 'chair';
  const hasPhone = isKeyOfficial || rng.chance(0.88);
  const hasEmail = isAdmin || rng.chance(0.7);
  return {
    key: memberKey(plan.unit.key, index),
    unitKey: plan.unit.key,
    fullName,
    gender,
    birthDate,
    position: makePosition(rng, plan.level, role),
    unionRole: role,
    isKeyOfficial,
    unionJoinedOn,
    joinedUnitOn: makeJoinedUnitOn(rng, unionJoinedOn, plan.unit.validFrom, joinCap),
    phone: hasPhone ? makePhone(rng, registry) : null,
    email: hasEmail ? makeEmail(fullName, birthDate, registry) : null,
  };
}

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

interface EventContext {
  rng: Rng;
  /** Level of every grassroots union that can receive transfers. */
  destinations: ReadonlyMap<string, Level>;
  /** Members not yet used by an event and free to be picked. */
  free: DemoMember[];
}

function takeFree(ctx: EventContext, filter: (m: DemoMember) => boolean, count: number): DemoMember[] {
  const chosen = ctx.rng.sample(ctx.free.filter(filter), count);
  const chosenKeys = new Set(chosen.map((m) => m.key));
  ctx.free = ctx.free.filter((m) => !chosenKeys.has(m.key));
  return chosen;
}

/** Everyone in the unit to be dissolved moves out in August, before the dissolution. */
function dissolutionTransfers(ctx: EventContext, members: readonly DemoMember[]): DemoEvent[] {
  const leaving = members.filter((m) => m.unitKey === DISSOLVE.unitKey);
  return leaving.map((m) => ({
    type: 'transfer',
    memberKey: m.key,
    toUnitKey: ctx.rng.pick(DISSOLVE_DESTINATIONS),
    date: dayBetween(ctx.rng, maxDate('2025-08-01', addDays(m.joinedUnitOn, 1)), '2025-08-29'),
  }));
}

function regularTransfers(ctx: EventContext): DemoEvent[] {
  const movers = takeFree(ctx, (m) => m.unionRole === 'member' && m.joinedUnitOn <= '2022-09-05', REGULAR_TRANSFERS);
  return movers.map((m) => {
    const level = ctx.destinations.get(m.unitKey);
    const allowed = level ? TRANSFER_LEVELS[level] : [];
    const destinations = [...ctx.destinations]
      .filter(([key, destinationLevel]) => key !== m.unitKey && allowed.includes(destinationLevel))
      .map(([key]) => key);
    const year = ctx.rng.pick([2024, 2025]);
    const date = ctx.rng.chance(0.7)
      ? addDays(`${year}-08-01`, ctx.rng.int(0, 30))
      : addDays(`${year}-01-02`, ctx.rng.int(0, 28));
    return { type: 'transfer', memberKey: m.key, toUnitKey: ctx.rng.pick(destinations), date };
  });
}

function statusChanges(ctx: EventContext): DemoEvent[] {
  const retirees = takeFree(
    ctx,
    (m) => {
      const date = m.gender === 'female' ? femaleRetirementDate(m.birthDate) : null;
      return date !== null && date >= '2024-01-01' && date <= EVENT_MAX && date > m.joinedUnitOn;
    },
    RETIREMENTS,
  );
  const leavers = takeFree(
    ctx,
    (m) => m.unionRole === 'member' && m.joinedUnitOn < '2024-01-01' && m.birthDate >= '1988-01-01',
    DEPARTURES,
  );
  return [
    ...retirees.map((m): DemoEvent => {
      const date = femaleRetirementDate(m.birthDate) ?? EVENT_MAX;
      return { type: 'status', memberKey: m.key, status: 'retired', date };
    }),
    ...leavers.map(
      (m): DemoEvent => ({
        type: 'status',
        memberKey: m.key,
        status: 'left',
        date: dayBetween(ctx.rng, '2024-01-15', '2025-08-31'),
      }),
    ),
  ];
}

function makeEvents(
  rng: Rng,
  plans: readonly UnitPlan[],
  members: readonly DemoMember[],
  reserved: ReadonlySet<string>,
): DemoEvent[] {
  const closing = new Set<string>([MERGE.unitKey, MERGE.intoUnitKey, DISSOLVE.unitKey]);
  const destinations = new Map<string, Level>();
  for (const { unit, level } of plans) {
    if (level !== 'office' && !closing.has(unit.key)) destinations.set(unit.key, level);
  }
  const ctx: EventContext = {
    rng,
    destinations,
    // Offices, chairs, the demo accounts and the merging schools stay as they are.
    free: members.filter((m) => destinations.has(m.unitKey) && m.unionRole !== 'chair' && !reserved.has(m.key)),
  };
  const events: DemoEvent[] = [
    ...dissolutionTransfers(ctx, members),
    ...regularTransfers(ctx),
    ...statusChanges(ctx),
    { type: 'merge', unitKey: MERGE.unitKey, intoUnitKey: MERGE.intoUnitKey, date: MERGE.date },
    { type: 'dissolve', unitKey: DISSOLVE.unitKey, date: DISSOLVE.date },
  ];
  // Stable sort: same-day events keep the order above (transfers before the dissolution).
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

export function buildDemoOrganisation(seed = 20240122): DemoOrganisation {
  const rng = new Rng(seed);
  const registry: Registry = { phones: new Set(), emails: new Set() };
  const plans = planUnits(rng);
  const members = plans.flatMap((plan) => plan.roles.map((_, index) => makeMember(rng, plan, index, registry)));

  const fixedKeys = FIXED_MEMBERS.map((f) => memberKey(f.unitKey, f.index));
  const adminUnitMembers = members.filter((m) => m.unitKey === ADMIN_UNIT_KEY);
  const admin = adminUnitMembers.find((m) => m.unionRole === 'chair');
  const account = adminUnitMembers.find(
    (m) => m.unionRole === 'member' && m.phone !== null && m.email !== null && !fixedKeys.includes(m.key),
  );
  if (!admin || !account) throw new Error('Demo organisation has no admin or member account');

  const reserved = new Set([admin.key, account.key, ...fixedKeys]);
  return {
    units: plans.map((plan) => plan.unit),
    members,
    events: makeEvents(rng, plans, members, reserved),
    unitAdmin: { unitKey: ADMIN_UNIT_KEY, memberKey: admin.key },
    memberAccount: { memberKey: account.key },
  };
}
