import { foldVietnamese } from '@lan-toa/contracts';

/**
 * The SQL that generates a dashboard dataset inside PostgreSQL (insert … select over
 * generate_series: no row crosses the wire). Randomness is a seeded hash of a row's key,
 * `gen.rnd(key, salt)`, so every run builds exactly the same rows whatever the plan's order.
 *
 * The rows are shaped the way the app writes them (see units.commands.ts and members.commands.ts):
 * paths are ltrees of ids; every unit has one version per place it held, the open one without
 * `valid_to`; a merged unit's version closes on the merger, its row moves under its survivor and
 * its open memberships end ('merge') and reopen in the survivor; every member has a first
 * membership and an 'active' status from the day they joined, then transfers and status changes.
 */

export interface DatasetSpec {
  id: 'province' | 'national';
  seed: number;
  /** Provincial unions under the root; 0 when the root is itself the province. */
  provinces: number;
  communes: number;
  schools: number;
  members: number;
  /** Members on the staff of the root, of each province, of each commune union. */
  staff: { root: number; province: number; commune: number };
}

/** The day of the merger: one school per province merges into a neighbour in the 2025 restructuring. */
export const MERGER_DAY = '2025-07-01';
export const FIRST_YEAR = 2022;
export const LAST_YEAR = 2026;

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

const literal = (items: string[]) => `array[${items.map((s) => `'${s.replaceAll("'", "''")}'`).join(',')}]::text[]`;

/** Pick from a literal array by a random number in [0, 1). */
const pick = (items: string[], random: string) => `(${literal(items)})[1 + floor(${random} * ${items.length})::int]`;

/** The generation, step by step: each step one statement (or a few), timed on its own. */
export function generationSteps(spec: DatasetSpec): { name: string; sql: string }[] {
  const P = spec.provinces;
  const C = spec.communes;
  const S = spec.schools;
  const firstCommune = P + 2;
  const firstSchool = firstCommune + C;
  const staffCount = spec.staff.root + P * spec.staff.province + C * spec.staff.commune;
  const schoolMembers = spec.members - staffCount;
  const nameParts = (female: string, salt: number) => {
    const family = pick(FAMILY, `gen.rnd(g.id, ${salt})`);
    const middle = `case when ${female} then ${pick(MIDDLE_F, `gen.rnd(g.id, ${salt + 1})`)} else ${pick(MIDDLE_M, `gen.rnd(g.id, ${salt + 1})`)} end`;
    const given = `case when ${female} then ${pick(GIVEN_F, `gen.rnd(g.id, ${salt + 2})`)} else ${pick(GIVEN_M, `gen.rnd(g.id, ${salt + 2})`)} end`;
    return { family, middle, given };
  };
  const folded = (items: string[]) => items.map(foldVietnamese);
  const foldedParts = (female: string, salt: number) => ({
    family: pick(folded(FAMILY), `gen.rnd(g.id, ${salt})`),
    middle: `case when ${female} then ${pick(folded(MIDDLE_F), `gen.rnd(g.id, ${salt + 1})`)} else ${pick(folded(MIDDLE_M), `gen.rnd(g.id, ${salt + 1})`)} end`,
    given: `case when ${female} then ${pick(folded(GIVEN_F), `gen.rnd(g.id, ${salt + 2})`)} else ${pick(folded(GIVEN_M), `gen.rnd(g.id, ${salt + 2})`)} end`,
  });
  const female = `gen.rnd(g.id, 30) < 0.72`;
  const name = nameParts(female, 31);
  const fold = foldedParts(female, 31);
  const day = (from: string, to: string, random: string) =>
    `('${from}'::date + floor(${random} * ('${to}'::date - '${from}'::date))::int)`;
  const schoolYearMonths = 'array[1,2,3,4,5,9,10,11,12]';
  const inSchoolYear = (key: string, salt: number) =>
    `make_date(y, (${schoolYearMonths})[1 + floor(gen.rnd(${key}, ${salt}) * 9)::int], 1 + floor(gen.rnd(${key}, ${salt + 1}) * 28)::int)`;

  return [
    {
      name: 'helpers',
      sql: `
        drop schema if exists gen cascade;
        create schema gen;
        create function gen.rnd(k bigint, salt int) returns float8 language sql immutable parallel safe as
          $$ select (hashint8extended(k, salt::bigint * 1000003 + ${spec.seed}) & 9007199254740991)::float8 / 9007199254740992.0 $$;
        insert into unit_kinds (code, name, sort_order)
          select 'national_union', 'Công đoàn Giáo dục Việt Nam', 5 where ${P} > 0
          on conflict (code) do nothing;`,
    },
    {
      name: 'units',
      sql: `
        create unlogged table gen.unit (id bigint primary key, kind text, parent_id bigint, province_id bigint, path ltree,
          name text, lagging bool, rate float8);
        insert into gen.unit values (1, case when ${P} > 0 then 'national' else 'province' end, null, 1, '1',
          case when ${P} > 0 then 'Công đoàn Giáo dục Việt Nam (đo)' else 'Công đoàn Giáo dục tỉnh (đo)' end, false, 0);
        insert into gen.unit select p, 'province', 1, p, ('1.' || p)::ltree, 'Công đoàn Giáo dục tỉnh ' || (p - 1), false, 0
          from generate_series(2, ${P + 1}) p;
        insert into gen.unit
          select c.id, 'commune', par, par, null, 'Công đoàn xã ' || (c.id - ${firstCommune} + 1), false, 0
          from generate_series(${firstCommune}, ${firstSchool - 1}) c(id)
          cross join lateral (select case when ${P} = 0 then 1 else 2 + ((c.id - ${firstCommune}) * ${P}) / ${Math.max(C, 1)} end as par) x;
        update gen.unit c set path = (p.path::text || '.' || c.id)::ltree from gen.unit p where c.kind = 'commune' and p.id = c.parent_id;
        insert into gen.unit
          select s.id, 'school', c.id, c.province_id, (c.path::text || '.' || s.id)::ltree,
            'Công đoàn Trường ' || ${pick(['Mầm non', 'Tiểu học', 'THCS', 'Tiểu học và THCS'], 'gen.rnd(s.id, 2)')}
              || ' ' || (s.id - ${firstSchool} + 1),
            gen.rnd(s.id, 3) < 0.08,
            case when gen.rnd(s.id, 3) < 0.08 then 0.45 else 0.78 + 0.2 * gen.rnd(s.id, 4) end
          from generate_series(${firstSchool}, ${firstSchool + S - 1}) s(id)
          join gen.unit c on c.id = ${firstCommune} + floor(gen.rnd(s.id, 1) * ${C})::int;
        -- One merger per province: the newest school of its first commune with two schools joins the oldest.
        create unlogged table gen.merge as
          select distinct on (c.province_id) c.province_id, max(s.id) as x, min(s.id) as y
          from gen.unit c join gen.unit s on s.parent_id = c.id
          where c.kind = 'commune'
          group by c.province_id, c.id having count(*) >= 2
          order by c.province_id, c.id;
        insert into units (id, kind_id, name, parent_id, path, valid_from, valid_to, merged_into_id) overriding system value
          select u.id, k.id, u.name, u.parent_id,
            case when m.x is null then u.path else (y.path::text || '.' || u.id)::ltree end,
            '2000-01-01', case when m.x is null then null else '${MERGER_DAY}'::date end, m.y
          from gen.unit u
          join unit_kinds k on k.code = case u.kind when 'national' then 'national_union' when 'province' then 'province_union'
            when 'commune' then 'commune_union' else 'grassroots_union' end
          left join gen.merge m on m.x = u.id left join gen.unit y on y.id = m.y
          order by u.id;
        insert into unit_versions (unit_id, name, parent_id, path, valid_from, valid_to)
          select u.id, u.name, u.parent_id, u.path, '2000-01-01', case when m.x is null then null else '${MERGER_DAY}'::date end
          from gen.unit u left join gen.merge m on m.x = u.id order by u.id;`,
    },
    {
      name: 'members',
      sql: `
        -- How many people each unit starts with: staff for the unions above schools, the rest spread over
        -- the schools by a random weight (small village schools to big town ones).
        create unlogged table gen.size as
          with w as (select id, 0.35 + 1.3 * gen.rnd(id, 5) as w from gen.unit where kind = 'school'),
          base as (select id, floor(w * ${schoolMembers} / sum(w) over ())::int as n, row_number() over (order by id) as r from w)
          select id, n + case when r <= ${schoolMembers} - sum(n) over () then 1 else 0 end as n from base
          union all
          select id, case when id = 1 then ${spec.staff.root} when kind = 'commune' then ${spec.staff.commune}
            else ${spec.staff.province} end
          from gen.unit where kind <> 'school';
        create unlogged table gen.member as
          select row_number() over (order by s.id, k)::bigint as id, s.id as unit_id, k, u.kind = 'school' as in_school,
            case when u.kind <> 'school' then true else k <= least(6, greatest(2, ceil(s.n / 8.0)::int)) end as key
          from gen.size s join gen.unit u on u.id = s.id cross join generate_series(1, s.n) k;
        alter table gen.member add column joined date, add column status text, add column status_on date,
          add column transfer_on date, add column transfer_to bigint, add column propensity float8;
        update gen.member g set
          joined = case when g.key or gen.rnd(g.id, 10) < 0.85 then ${day('2005-01-01', '2021-12-31', 'gen.rnd(g.id, 11)')}
            else make_date(${FIRST_YEAR} + floor(gen.rnd(g.id, 12) * 5)::int, 9, 1 + floor(gen.rnd(g.id, 13) * 15)::int) end,
          propensity = case when gen.rnd(g.id, 14) < 0.06 then 0.35 else 1.0 end,
          status = case when g.key then null when gen.rnd(g.id, 15) < 0.06 then 'retired' when gen.rnd(g.id, 15) < 0.07 then 'left' end;
        -- Nobody joins the merged school after its merger: they join the survivor.
        update gen.member g set unit_id = m.y from gen.merge m where g.unit_id = m.x and g.joined >= '${MERGER_DAY}';
        update gen.member g set status_on = ${day('2022-01-01', '2026-10-31', 'gen.rnd(g.id, 16)')} where status is not null;
        update gen.member set status = null, status_on = null where status_on <= joined + 30;
        -- Transfers between schools of the same province, on any day of the five years.
        create unlogged table gen.school_of_province as
          select province_id, id, row_number() over (partition by province_id order by id) - 1 as i,
            count(*) over (partition by province_id) as n from gen.unit where kind = 'school';
        with t as (
          select g.id, l.lo + floor(gen.rnd(g.id, 18) * ('2026-10-31'::date - l.lo))::int as on, s.id as dest
          from gen.member g join gen.unit u on u.id = g.unit_id
          cross join lateral (select greatest(g.joined + 60, '2022-01-15'::date) as lo) l
          join gen.school_of_province s on s.province_id = u.province_id and s.i = floor(gen.rnd(g.id, 19) * s.n)::int
          where g.in_school and not g.key and gen.rnd(g.id, 17) < 0.06 and l.lo < '2026-10-31'
        )
        update gen.member g set transfer_on = t.on, transfer_to = coalesce(m.y, t.dest)
          from t left join gen.merge m on m.x = t.dest
          where g.id = t.id and (g.status_on is null or t.on < g.status_on);
        update gen.member g set transfer_on = null, transfer_to = null
          where transfer_to = unit_id
            or exists (select 1 from gen.merge m where m.x = g.unit_id and m.y = g.transfer_to and g.transfer_on >= '${MERGER_DAY}');
        insert into members (id, full_name, family_name, middle_name, given_name, search_text, contact_search, gender,
            birth_date, position, union_role, is_key_official, union_joined_on, status, phone, email) overriding system value
          select g.id, ${name.family} || ' ' || ${name.middle} || ' ' || ${name.given}, ${name.family}, ${name.middle}, ${name.given},
            ${fold.family} || ' ' || ${fold.middle} || ' ' || ${fold.given},
            case when gen.rnd(g.id, 40) < 0.9 then '09' || lpad(g.id::text, 8, '0') else '' end,
            case when ${female} then 'female' else 'male' end,
            ${day('1965-01-01', '2001-12-31', 'gen.rnd(g.id, 41)')},
            case when not g.in_school then 'staff' when g.k = 1 then 'manager' when gen.rnd(g.id, 42) < 0.82 then 'teacher' else 'staff' end,
            case when not g.key then case when g.k <= 8 then 'group_leader' else 'member' end
              when g.k = 1 then 'chair' when g.k = 2 then 'vice_chair' when g.k = 6 then 'inspection_chair' else 'committee_member' end,
            g.key, g.joined, coalesce(g.status, 'active'),
            case when gen.rnd(g.id, 40) < 0.9 then '09' || lpad(g.id::text, 8, '0') end, null
          from gen.member g order by g.id;
        -- Memberships: the first unit until a transfer, then the new one; a merged school's spell ends on
        -- the merger and goes on in the survivor.
        create unlogged table gen.spell as
          select id as member_id, unit_id, joined as f, transfer_on as t, case when transfer_on is not null then 'transfer' end as reason
          from gen.member
          union all
          select id, transfer_to, transfer_on, null, null from gen.member where transfer_on is not null;
        insert into memberships (member_id, unit_id, valid_from, valid_to, end_reason)
          select s.member_id, s.unit_id, s.f, s.t, s.reason from gen.spell s
          where not exists (select 1 from gen.merge m where m.x = s.unit_id and s.f < '${MERGER_DAY}' and (s.t is null or s.t > '${MERGER_DAY}'))
          union all
          select s.member_id, s.unit_id, s.f, '${MERGER_DAY}', 'merge' from gen.spell s join gen.merge m on m.x = s.unit_id
          where s.f < '${MERGER_DAY}' and (s.t is null or s.t > '${MERGER_DAY}')
          union all
          select s.member_id, m.y, '${MERGER_DAY}', s.t, s.reason from gen.spell s join gen.merge m on m.x = s.unit_id
          where s.f < '${MERGER_DAY}' and (s.t is null or s.t > '${MERGER_DAY}')
          order by 1, 3;
        insert into member_statuses (member_id, status, valid_from, note, created_at)
          select id, 'active', joined, null, joined from gen.member
          union all
          select id, status, status_on, null, status_on from gen.member where status is not null
          order by 1, 3;`,
    },
    {
      name: 'activities',
      sql: `
        -- Schools: 2–6 study sessions a year (lagging schools one or two), culture or sports events,
        -- Workers' Month in May, law outreach; commune unions brief their schools' key officials once a
        -- year and hold a sports day; provinces train key officials, hold a tournament every year and a
        -- festival in 2025; the national union trains the provinces' staff.
        create unlogged table gen.activity0 (unit_id bigint, category text, day date, audience text, scope text, n int);
        insert into gen.activity0 (unit_id, category, day, audience, scope, n)
          select u.id, 'study', ${inSchoolYear('u.id * 100000 + y * 10 + n', 50)}, 'all_members', 'unit', n
          from gen.unit u cross join generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y
          cross join lateral generate_series(1, case when u.lagging then 1 + floor(gen.rnd(u.id * 10 + y, 52) * 2)::int
            else 2 + floor(gen.rnd(u.id * 10 + y, 53) * 5)::int end) n
          where u.kind = 'school'
          union all
          select u.id, case when gen.rnd(u.id * 100000 + y * 10 + n, 54) < 0.5 then 'culture_arts' else 'sports' end,
            ${inSchoolYear('u.id * 100000 + y * 10 + n', 55)}, 'all_members', 'unit', n
          from gen.unit u cross join generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y
          cross join lateral generate_series(1, floor(gen.rnd(u.id * 10 + y, 57) * 3.2)::int) n
          where u.kind = 'school'
          union all
          select u.id, c.category, c.day, 'all_members', 'unit', 1
          from gen.unit u cross join generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y
          cross join lateral (values
            ('workers_month', make_date(y, 5, 1 + floor(gen.rnd(u.id * 10 + y, 58) * 28)::int), gen.rnd(u.id * 10 + y, 59) < 0.6),
            ('law_outreach', ${inSchoolYear('u.id * 10 + y', 60)}, gen.rnd(u.id * 10 + y, 62) < 0.3)) c(category, day, held)
          where u.kind = 'school' and c.held
          union all
          select u.id, c.category, c.day, c.audience, c.scope, 1
          from gen.unit u cross join generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y
          cross join lateral (values
            ('study', ${inSchoolYear('u.id * 10 + y', 63)}, 'key_officials', 'key'),
            ('sports', ${inSchoolYear('u.id * 10 + y', 65)}, 'all_members', 'all')) c(category, day, audience, scope)
          where u.kind = 'commune'
          union all
          select u.id, c.category, c.day, c.audience, c.scope, 1
          from gen.unit u cross join generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y
          cross join lateral (values
            ('training', ${inSchoolYear('u.id * 10 + y', 67)}, 'key_officials', 'key'),
            ('study', ${inSchoolYear('u.id * 10 + y', 69)}, 'key_officials', 'key'),
            ('sports', make_date(y, 11, 20), 'all_members', 'few'),
            ('festival', case when y = 2025 then make_date(y, 11, 18) end, 'all_members', 'few')) c(category, day, audience, scope)
          where u.kind in ('province', 'national') and c.day is not null;
        -- The merged school holds nothing from its merger on.
        delete from gen.activity0 a using gen.merge m where a.unit_id = m.x and a.day >= '${MERGER_DAY}';
        create unlogged table gen.activity as
          select row_number() over (order by day, unit_id, category, n) as id, * from gen.activity0;
        create index on gen.activity (day);
        insert into activities (id, organising_unit_id, category, title, starts_at, ends_at, place, audience, created_at, updated_at)
          overriding system value
          select id, unit_id, category,
            case category when 'study' then 'Học tập, quán triệt nghị quyết' when 'training' then 'Tập huấn nghiệp vụ tuyên giáo'
              when 'culture_arts' then 'Liên hoan văn nghệ' when 'sports' then 'Giải thể thao' when 'festival' then 'Hội diễn văn nghệ'
              when 'workers_month' then 'Tháng Công nhân' else 'Tuyên truyền pháp luật' end || ' ' || to_char(day, 'DD/MM/YYYY'),
            (day + time '08:00') at time zone 'Asia/Ho_Chi_Minh', (day + time '10:30') at time zone 'Asia/Ho_Chi_Minh',
            'Hội trường', audience, (day - 7) + time '09:00', (day - 7) + time '09:00'
          from gen.activity order by id;`,
    },
    {
      name: 'culture evaluations',
      sql: `
        -- Every school (and commune union without schools) evaluated each year it ended in existence;
        -- the 2026 results are still being confirmed.
        insert into culture_evaluations (unit_id, year, unit_registered, unit_achieved, families_total, families_registered,
            families_achieved, entered_at, confirmed_at)
          select u.id, y, true, gen.rnd(u.id * 10 + y, 80) < case when u.lagging then 0.7 else 0.96 end,
            s.n, s.n, least(s.n, round(s.n * (0.9 + 0.1 * gen.rnd(u.id * 10 + y, 81)))::int),
            make_date(y, 12, 10)::timestamptz,
            case when gen.rnd(u.id * 10 + y, 82) < case when y = ${LAST_YEAR} then 0.6 else 0.97 end then make_date(y, 12, 20)::timestamptz end
          from gen.unit u join gen.size s on s.id = u.id cross join generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y
          where (u.kind = 'school' or (u.kind = 'commune' and not exists (select 1 from gen.unit c where c.parent_id = u.id)))
            and not exists (select 1 from gen.merge m where m.x = u.id and y >= 2025)
          order by 1, 2;`,
    },
  ];
}

/**
 * Who took part, in statements that can run side by side on separate connections. A unit's own
 * activity (one statement per year): its members that day (by their membership then), each with
 * a chance of the school's rate × their own propensity (a few people hardly ever come). Above
 * schools: the key officials of the units below for briefings and trainings, a quarter of a
 * commune's people for its sports day, and a handful of everyone for a province's tournament or
 * festival — found from each membership's ancestors, so no activity scans the whole tree.
 */
export function attendanceSteps(): { name: string; sql: string }[] {
  const steps = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    steps.push({
      name: `attendances ${year}`,
      sql: `
        insert into attendances (activity_id, member_id, category, attended_on, source, recorded_at)
          select a.id, ms.member_id, a.category, a.day, ${source}, (a.day + time '10:30') at time zone 'Asia/Ho_Chi_Minh'
          from gen.activity a
          join gen.unit u on u.id = a.unit_id
          join memberships ms on ms.unit_id = a.unit_id and ms.valid_from <= a.day and (ms.valid_to is null or ms.valid_to > a.day)
          join gen.member g on g.id = ms.member_id
          where a.scope = 'unit' and a.day >= '${year}-01-01' and a.day < '${year + 1}-01-01'
            and (g.status_on is null or g.status_on > a.day)
            and gen.rnd(a.id * 4194304 + ms.member_id, 20) < case a.category when 'study' then u.rate when 'sports' then 0.3
              when 'culture_arts' then 0.35 when 'workers_month' then 0.6 when 'law_outreach' then 0.5 else 0.3 end * g.propensity`,
    });
  }
  steps.push({ name: 'attendances of key officials above schools', sql: aboveSchools(`g.key and a.scope = 'key'`) });
  steps.push({ name: 'attendances of everyone above schools', sql: aboveSchools(`a.scope in ('all', 'few')`) });
  return steps;
}

const source = `case when gen.rnd(a.id * 4194304 + ms.member_id, 21) < 0.3 then 'checkin' else 'roster' end`;

function aboveSchools(which: string): string {
  return `
    insert into attendances (activity_id, member_id, category, attended_on, source, recorded_at)
      select a.id, ms.member_id, a.category, a.day, ${source}, (a.day + time '10:30') at time zone 'Asia/Ho_Chi_Minh'
      from memberships ms
      join gen.member g on g.id = ms.member_id
      join gen.unit mu on mu.id = ms.unit_id
      cross join lateral unnest(string_to_array(mu.path::text, '.')::bigint[]) above(unit_id)
      join gen.activity a on a.unit_id = above.unit_id and a.scope <> 'unit'
        and ms.valid_from <= a.day and (ms.valid_to is null or ms.valid_to > a.day)
      join gen.unit u on u.id = a.unit_id
      where ${which} and (g.status_on is null or g.status_on > a.day)
        and case a.scope
          when 'key' then gen.rnd(a.id * 4194304 + ms.member_id, 22) <
            case u.kind when 'commune' then 0.85 when 'province' then 0.3 else 0.02 end
          when 'all' then gen.rnd(a.id * 4194304 + ms.member_id, 23) < 0.25
          else (ms.member_id * 40503 + a.id * 2654435761) % 1000 < 15 end`;
}
