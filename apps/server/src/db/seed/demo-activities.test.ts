import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { systemActor } from '../../../test/factories.js';
import { todayInVietnam } from '../../platform/dates.js';
import { seedDemo } from './seed-demo.js';

const { db } = await testDatabase();
const today = todayInVietnam();
const year = Number(today.slice(0, 4));
const LOCAL_DAY = sql`(a.starts_at at time zone 'Asia/Ho_Chi_Minh')::date`;

let provinceId: number;

beforeAll(async () => {
  await seedDemo(db, await systemActor(db));
  const root = await db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  provinceId = root.id;
}, 180_000);

async function count(query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return (await query.execute(db)).rows[0]?.n ?? -1;
}

/** Province activities of a category per local year. */
async function provinceByYear(category: string): Promise<Record<string, number>> {
  const rows = await sql<{ y: number; n: number }>`
    select extract(year from ${LOCAL_DAY})::int as y, count(*)::int as n from activities a
    where a.organising_unit_id = ${provinceId} and a.category = ${category} group by 1 order by 1`.execute(db);
  return Object.fromEntries(rows.rows.map((row) => [row.y, row.n]));
}

/** Share of each grassroots school's members (active on `day`) who attended a study session in `y`. */
async function studyCoverage(y: number, day: string) {
  const rows = await sql<{ unit_id: number; members: number; covered: number; sessions: number }>`
    select u.id as unit_id, count(m.member_id)::int as members,
      count(m.member_id) filter (where exists (
        select 1 from attendances t where t.member_id = m.member_id and t.category = 'study'
          and extract(year from t.attended_on) = ${y}))::int as covered,
      (select count(*)::int from activities a where a.organising_unit_id = u.id and a.category = 'study'
         and extract(year from ${LOCAL_DAY}) = ${y}) as sessions
    from units u join unit_kinds k on k.id = u.kind_id and k.code = 'grassroots_union'
    join memberships m on m.unit_id = u.id and m.valid_from <= ${day}::date
      and (m.valid_to is null or m.valid_to > ${day}::date) and member_status_at(m.member_id, ${day}::date) = 'active'
    where u.valid_from <= ${day}::date and (u.valid_to is null or u.valid_to > ${day}::date)
    group by u.id`.execute(db);
  return rows.rows.map((row) => ({ ...row, share: row.covered / row.members }));
}

describe('demo activities', () => {
  it('run from January 2023 to today, with attendance within each activity’s local days and of its category', async () => {
    const range = await sql<{ first: string; last: string; n: number }>`
      select min(${LOCAL_DAY})::text as first, max(${LOCAL_DAY})::text as last, count(*)::int as n
      from activities a`.execute(db);
    const { first, last, n } = range.rows[0] ?? { first: '', last: '', n: 0 };
    expect(first >= '2023-01-01' && first < '2023-04-01').toBe(true);
    expect(last <= today).toBe(true);
    expect(n).toBeGreaterThan(300);
    expect(
      await count(sql<{ n: number }>`
        select count(*)::int as n from attendances t join activities a on a.id = t.activity_id
        where t.attended_on not between ${LOCAL_DAY} and (a.ends_at at time zone 'Asia/Ho_Chi_Minh')::date
          or t.category <> a.category or t.attended_on > ${today}::date`),
    ).toBe(0);
  });

  it('record only members who were active in a participating unit (or under it) that day', async () => {
    const outside = await count(sql<{ n: number }>`
      with invited as (
        select distinct a.id as activity_id, m.member_id
        from activities a
        join activity_units au on au.activity_id = a.id
        cross join lateral unit_subtree_at(au.unit_id, ${LOCAL_DAY}) s
        join memberships m on m.unit_id = s.unit_id and m.valid_from <= ${LOCAL_DAY}
          and (m.valid_to is null or m.valid_to > ${LOCAL_DAY})
        where member_status_at(m.member_id, ${LOCAL_DAY}) = 'active'
      )
      select count(*)::int as n from attendances t
      where not exists (select 1 from invited i where i.activity_id = t.activity_id and i.member_id = t.member_id)`);
    expect(outside).toBe(0);
    expect(await count(sql<{ n: number }>`select count(*)::int as n from attendances`)).toBeGreaterThan(10_000);
    // Walks every activity's invited subtrees on its day: ~20 s on a busy 2-core machine.
  }, 120_000);

  it('give the province four trainings in the term, a tournament every past year, a festival in 2025', async () => {
    const trainings = await provinceByYear('training');
    expect(Object.values(trainings).reduce((a, b) => a + b, 0)).toBe(4);
    const sports = await provinceByYear('sports');
    for (let y = 2023; y < year; y++) expect(sports[y]).toBe(1);
    expect(sports[year]).toBeUndefined();
    expect(await provinceByYear('festival')).toEqual(today >= '2025-11-15' ? { 2025: 1 } : {});
    const training = await sql<{ units: number; audience: string; people: number }>`
      select a.audience, (select count(*)::int from activity_units where activity_id = a.id) as units,
        (select count(*)::int from attendances where activity_id = a.id) as people
      from activities a where a.organising_unit_id = ${provinceId} and a.category = 'training'`.execute(db);
    for (const row of training.rows) {
      expect(row.audience).toBe('key_officials');
      expect(row.units).toBeGreaterThan(20);
      expect(row.people).toBeGreaterThanOrEqual(row.units);
    }
  });

  it('hold Tháng Công nhân activities every May', async () => {
    const rows = await sql<{ y: number; n: number }>`
      select extract(year from ${LOCAL_DAY})::int as y, count(*)::int as n from activities a
      where a.category = 'workers_month' and extract(month from ${LOCAL_DAY}) = 5 group by 1 order by 1`.execute(db);
    const years = rows.rows.filter((row) => row.n > 1).map((row) => row.y);
    const expected = [];
    for (let y = 2023; y <= year; y++) if (`${y}-05-31` <= today) expected.push(y);
    expect(years).toEqual(expected);
  });

  it('let most schools brief 95% of members, and some lag this year (one with no session yet)', async () => {
    const lastYear = await studyCoverage(year - 1, `${year - 1}-12-31`);
    const reached = lastYear.filter((school) => school.share >= 0.95).length;
    expect(reached / lastYear.length).toBeGreaterThanOrEqual(0.75);
    expect(lastYear.every((school) => school.sessions >= 1 && school.sessions <= 3)).toBe(true);

    const thisYear = await studyCoverage(year, today);
    expect(thisYear.filter((school) => school.share < 0.95).length).toBeGreaterThanOrEqual(3);
    expect(thisYear.filter((school) => school.sessions === 0).length).toBeGreaterThanOrEqual(1);
    // Key officials almost all briefed every year (the province's conference and their school's sessions).
    const officials = await sql<{ share: number }>`
      select (count(*) filter (where exists (
        select 1 from attendances t where t.member_id = p.id and t.category = 'study'
          and extract(year from t.attended_on) = ${year - 1})))::float / count(*) as share
      from members p join memberships m on m.member_id = p.id and m.valid_from <= ${`${year - 1}-12-31`}::date
        and (m.valid_to is null or m.valid_to > ${`${year - 1}-12-31`}::date)
      where p.is_key_official and member_status_at(p.id, ${`${year - 1}-12-31`}::date) = 'active'`.execute(db);
    expect(officials.rows[0]?.share).toBeGreaterThan(0.97);
  });

  it('enter the cultural results of 2023–2025 for every school, mostly achieved and confirmed', async () => {
    const rows = await sql<{
      year: number;
      n: number;
      schools: number;
      achieved: number;
      confirmed: number;
      families: number;
      recognised: number;
    }>`
      select e.year, count(*)::int as n,
        (select count(*)::int from units u join unit_kinds k on k.id = u.kind_id and k.code = 'grassroots_union'
          where u.valid_from <= make_date(e.year, 12, 31)
            and (u.valid_to is null or u.valid_to > make_date(e.year, 12, 31))) as schools,
        count(*) filter (where e.unit_achieved)::int as achieved,
        count(*) filter (where e.confirmed_at is not null)::int as confirmed,
        sum(e.families_total)::int as families, sum(e.families_achieved)::int as recognised
      from culture_evaluations e group by e.year order by e.year`.execute(db);
    expect(rows.rows.map((row) => row.year)).toEqual([2023, 2024, 2025].filter((y) => y < year));
    for (const row of rows.rows) {
      expect(row.n).toBe(row.schools);
      expect(row.achieved).toBeGreaterThan(row.n * 0.75);
      expect(row.achieved).toBeLessThan(row.n);
      expect(row.recognised / row.families).toBeGreaterThan(0.9);
      expect(row.recognised / row.families).toBeLessThan(0.99);
      if (row.year < 2025) expect(row.confirmed).toBe(row.n);
      else expect(row.n - row.confirmed).toBeGreaterThanOrEqual(3);
    }
  });

  it('link activities to the seed plan’s targets and tasks', async () => {
    const links = await sql<{ code: string; n: number }>`
      select t.code, count(*)::int as n from activity_links l join targets t on t.id = l.target_id
      group by t.code order by t.code`.execute(db);
    const byCode = Object.fromEntries(links.rows.map((row) => [row.code, row.n]));
    expect(byCode['2.2']).toBe(4);
    expect(byCode['2.1b']).toBeGreaterThan(100);
  });

  it('name the plan’s resolutions, directives and laws as the study sessions’ topic documents', async () => {
    const rows = await sql<{ category: string; n: number; without: number }>`
      select category, count(*)::int as n,
        count(*) filter (where jsonb_array_length(topic_documents) = 0)::int as without
      from activities group by category`.execute(db);
    for (const row of rows.rows) expect(row.without).toBe(row.category === 'study' ? 0 : row.n);
    const numbers = await sql<{ number: string }>`
      select distinct d->>'number' as number from activities a, jsonb_array_elements(a.topic_documents) d
      where extract(year from ${LOCAL_DAY}) = 2024`.execute(db);
    expect(numbers.rows.map((row) => row.number)).toEqual(
      expect.arrayContaining(['02-NQ/TW', '06/KH-LĐLĐ', '05-CT/TW', '45/2019/QH14']),
    );
  });
});
