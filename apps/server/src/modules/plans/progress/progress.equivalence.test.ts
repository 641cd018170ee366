import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/database.js';
import { makeMembers, systemActor } from '../../../../test/factories.js';
import { setMemberStatus, transferMember, updateMember } from '../../org/members.commands.js';
import { mergeUnit, moveUnit } from '../../org/units.commands.js';
import { countByBucket, evaluationByBucket } from './progress.sql.js';
import { randomMembers, randomTree, recordActivity } from './progress.test-province.js';
import { coverageFromRecords, coverageFromSummary } from './progress-coverage.sql.js';

const { db } = await testDatabase();

/**
 * The fast engine (settled placement, the maintained coverage summary) against the engine as it
 * was first written (kept below as the reference: a correlated `bucketOf` per row, the original
 * `unit_line`, `member_status_at` per member), on random provinces whose units move, merge and
 * change while people transfer, retire, become key officials and have attendances added, moved and
 * removed — every root, several reference days, every measure. The figures must be identical.
 */

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  // unit_line as 0002 wrote it, before 0006 gave it a better plan; and unit_subtree_at over it.
  await sql`
    create or replace function reference_unit_line(root bigint) returns table (unit_id bigint, until date)
    language sql stable as $$
      with recursive line(unit_id, until) as (
        select root, null::date
        union
        select m.id, m.valid_to
        from line l
        join units m on m.merged_into_id is not null
        join unit_versions lv on lv.unit_id = l.unit_id
          and lv.valid_from <= m.valid_to and (lv.valid_to is null or lv.valid_to > m.valid_to)
        join unit_versions sv on sv.unit_id = m.merged_into_id
          and sv.valid_from <= m.valid_to and (sv.valid_to is null or sv.valid_to > m.valid_to)
        where sv.path <@ lv.path
      )
      select unit_id, min(until) from line group by unit_id
    $$;
    create or replace function reference_unit_subtree_at(root bigint, at date) returns table (unit_id bigint)
    language sql stable as $$
      with line as (select * from reference_unit_line(root)),
      anchors as (
        select uv.path from line l join unit_versions uv on uv.unit_id = l.unit_id
        where (l.until is null or l.until > at) and uv.valid_from <= at and (uv.valid_to is null or uv.valid_to > at)
      ),
      elsewhere as (
        select uv.path from units m
        join unit_versions uv on uv.unit_id = m.id and uv.valid_from <= at and (uv.valid_to is null or uv.valid_to > at)
        where m.merged_into_id is not null and m.valid_to > at and m.id not in (select unit_id from line)
          and exists (select 1 from anchors a where uv.path <@ a.path and uv.path <> a.path)
      )
      select distinct uv.unit_id from unit_versions uv join anchors a on uv.path <@ a.path
      where uv.valid_from <= at and (uv.valid_to is null or uv.valid_to > at)
        and not exists (select 1 from elsewhere e where uv.path <@ e.path)
    $$;
  `.execute(db);
});

const referenceBuckets = (root: number, day: string) => sql`buckets as (
  select c.unit_id as bucket, l.unit_id, l.until
  from (
    select ${root}::bigint as unit_id
    union all
    select v.unit_id from unit_versions v join units u on u.id = v.unit_id
    where v.parent_id = ${root} and v.valid_from <= ${day}::date and (v.valid_to is null or v.valid_to > ${day}::date)
      and not (u.merged_into_id is not null and u.valid_to > ${day}::date)
  ) c
  cross join lateral reference_unit_line(c.unit_id) l
)`;

const referenceBucketOf = (path: ReturnType<typeof sql>, day: ReturnType<typeof sql>, root: number) => {
  const labels = sql`string_to_array(${path}::text, '.')::bigint[]`;
  return sql`(
    select d.bucket from (
      select b.bucket, array_position(${labels}, b.unit_id) as depth, 0 as foreign_line
      from buckets b where b.unit_id = any(${labels}) and (b.until is null or b.until > ${day})
      union all
      select null, array_position(${labels}, u.id), 1 from units u
      where u.id = any(${labels}) and u.merged_into_id is not null and u.valid_to > ${day}
    ) d
    order by d.depth desc, d.foreign_line, (d.bucket = ${root})
    limit 1
  )`;
};

type Row = { bucket: number; numerator: number; denominator: number };

async function referenceCoverage(
  root: number,
  day: string,
  from: string,
  to: string,
  categories: string[],
  key: boolean,
) {
  const d = sql`${day}::date`;
  const rows = await sql<Row>`
    with ${referenceBuckets(root, day)},
    population as (
      select m.member_id, v.path from memberships m
      join reference_unit_subtree_at(${root}, ${d}) s on s.unit_id = m.unit_id
      join unit_versions v on v.unit_id = m.unit_id and v.valid_from <= ${d} and (v.valid_to is null or v.valid_to > ${d})
      join members p on p.id = m.member_id
      where m.valid_from <= ${d} and (m.valid_to is null or m.valid_to > ${d})
        and member_status_at(m.member_id, ${d}) = 'active' and (${!key} or p.is_key_official)
    ),
    placed as (
      select ${referenceBucketOf(sql`population.path`, d, root)} as bucket,
        exists (select 1 from attendances a where a.member_id = population.member_id
          and a.category = any(${categories}::text[]) and a.attended_on >= ${from}::date and a.attended_on < ${to}::date) as covered
      from population
    )
    select bucket::bigint as bucket, count(*) filter (where covered)::int as numerator, count(*)::int as denominator
    from placed where bucket is not null group by bucket`.execute(db);
  return rows.rows;
}

async function referenceCount(root: number, day: string, from: string, to: string, categories: string[]) {
  const held = sql`(a.starts_at at time zone 'Asia/Ho_Chi_Minh')::date`;
  const rows = await sql<Row>`
    with ${referenceBuckets(root, day)},
    held as (
      select a.id, v.path, ${held} as held_on from activities a
      join unit_versions v on v.unit_id = a.organising_unit_id and v.valid_from <= ${held} and (v.valid_to is null or v.valid_to > ${held})
      where a.category = any(${categories}::text[]) and ${held} >= ${from}::date and ${held} < ${to}::date
    ),
    placed as (select ${referenceBucketOf(sql`held.path`, sql`held.held_on`, root)} as bucket from held)
    select bucket::bigint as bucket, count(*)::int as numerator, 0 as denominator
    from placed where bucket is not null group by bucket`.execute(db);
  return rows.rows;
}

async function referenceEvaluation(root: number, day: string, fromYear: number, toYear: number, families: boolean) {
  const d = sql`${day}::date`;
  const figure = families
    ? sql`coalesce(sum(e.families_achieved), 0)::int as numerator, coalesce(sum(e.families_total), 0)::int as denominator`
    : sql`count(*) filter (where e.unit_achieved)::int as numerator, count(*)::int as denominator`;
  const rows = await sql<Row>`
    with ${referenceBuckets(root, day)},
    evaluated as (
      select s.unit_id, v.path from reference_unit_subtree_at(${root}, ${d}) s
      join unit_versions v on v.unit_id = s.unit_id and v.valid_from <= ${d} and (v.valid_to is null or v.valid_to > ${d})
      where not exists (select 1 from unit_versions c
        where c.parent_id = s.unit_id and c.valid_from <= ${d} and (c.valid_to is null or c.valid_to > ${d}))
    ),
    placed as (select ${referenceBucketOf(sql`evaluated.path`, d, root)} as bucket, evaluated.unit_id from evaluated)
    select placed.bucket::bigint as bucket, ${figure}
    from placed
    left join lateral (
      select x.unit_achieved, x.families_achieved, x.families_total from culture_evaluations x
      where x.unit_id = placed.unit_id and x.confirmed_at is not null and x.year between ${fromYear} and ${toYear}
      order by x.year desc limit 1
    ) e on true
    where placed.bucket is not null group by placed.bucket`.execute(db);
  return rows.rows;
}

const sorted = (rows: Row[]) =>
  rows
    .filter((row) => row.denominator > 0 || row.numerator > 0)
    .map((row) => [row.bucket, row.numerator, row.denominator])
    .sort((a, b) => (a[0] as number) - (b[0] as number));

/** A province whose tree and people change over 2023–2025, with its plan issued first. */
async function changingProvince(seed: number) {
  const next = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)] as T;
  const actor = await systemActor(db);
  const { province, communes, schools } = await randomTree(db, actor, seed, next);
  // The plan first: its years are kept in the summary from the start, so every later change
  // goes through the triggers.
  await db
    .insertInto('plans')
    .values({ unit_id: province, number: `Số ${seed}`, title: 'Thử', term_start: 2023, term_end: 2028 })
    .execute();
  const members = await randomMembers(db, seed, next, [...schools, ...communes, province], { least: 1, spread: 5 });
  const activity = (unit: number, category: string, day: string) =>
    recordActivity(
      db,
      unit,
      category,
      day,
      members.filter(() => next() < 0.35),
    );
  const sessions = async (year: number, months: number[]) => {
    for (const month of months) {
      const unit = pick([...schools, ...communes, province]);
      const day = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(next() * 27)).padStart(2, '0')}`;
      await activity(unit, pick(['study', 'study', 'sports', 'training']), day).catch(() => undefined);
    }
  };
  await sessions(2023, [2, 5, 9, 11]);
  await sessions(2024, [1, 2]);
  for (let i = 0; i < 3; i++) {
    await transferMember(db, actor, pick(members), {
      toUnitId: pick(schools),
      effectiveDate: `2024-0${1 + i}-15`,
    }).catch(() => undefined);
  }
  // A school changes commune on 1 March; a commune merges into another (with its schools) on
  // 1 July; a school merges into a school of another commune on 1 September.
  const moved = schools[0] as number;
  await moveUnit(db, actor, moved, { parentId: communes[2] as number, effectiveDate: '2024-03-01' }).catch(
    () => undefined,
  );
  await sessions(2024, [3, 4, 5, 6]);
  await mergeUnit(db, actor, communes[1] as number, { intoUnitId: communes[0] as number, effectiveDate: '2024-07-01' });
  await sessions(2024, [7, 8]);
  const survivor = schools[1] as number;
  const mergedSchool = schools[schools.length - 2] as number;
  await mergeUnit(db, actor, mergedSchool, { intoUnitId: survivor, effectiveDate: '2024-09-01' }).catch(
    () => undefined,
  );
  await sessions(2024, [9, 10, 11, 12]);
  for (const member of members.filter(() => next() < 0.15)) {
    await setMemberStatus(db, actor, member, {
      status: pick(['retired', 'left']),
      effectiveDate: `2024-${pick(['05', '10', '12'])}-01`,
    }).catch(() => undefined);
  }
  for (const member of members.filter(() => next() < 0.1)) {
    await updateMember(db, actor, member, { isKeyOfficial: next() < 0.5 }).catch(() => undefined);
  }
  members.push(...(await makeMembers(db, pick(schools), [`Người mới ${seed}`, `Người mới ${seed} 2`], '2024-09-05')));
  await sessions(2025, [1, 3, 6, 10]);
  for (let i = 0; i < 2; i++) {
    await transferMember(db, actor, pick(members), {
      toUnitId: pick(schools),
      effectiveDate: `2025-0${4 + i}-10`,
    }).catch(() => undefined);
  }
  // Attendances removed, and moved to another day (of another year, for some).
  const recorded = await db.selectFrom('attendances').select(['activity_id', 'member_id']).execute();
  for (const row of recorded.filter(() => next() < 0.1)) {
    await db
      .deleteFrom('attendances')
      .where('activity_id', '=', row.activity_id)
      .where('member_id', '=', row.member_id)
      .execute();
  }
  await db
    .updateTable('attendances')
    .set({ attended_on: '2025-01-02', category: 'study' })
    .where('activity_id', 'in', (eb) =>
      eb.selectFrom('activities').select('id').where('starts_at', '<', new Date('2024-03-01')),
    )
    .where(sql<boolean>`member_id % 3 = 0`)
    .execute();
  for (const unit of [...schools, ...communes]) {
    for (const year of [2023, 2024, 2025]) {
      if (next() < 0.7)
        await db
          .insertInto('culture_evaluations')
          .values({
            unit_id: unit,
            year,
            unit_achieved: next() < 0.8,
            families_total: 5,
            families_registered: 5,
            families_achieved: Math.floor(next() * 6),
            confirmed_at: next() < 0.8 ? new Date() : null,
          })
          .execute();
    }
  }
  return { units: [province, ...communes, ...schools] };
}

const DAYS = ['2023-12-31', '2024-02-20', '2024-06-30', '2024-08-15', '2024-12-31', '2025-06-30'];

describe('the fast engine and the maintained summary give the first engine’s figures', () => {
  for (const seed of [7, 19, 31]) {
    it(`on a changing province (seed ${seed})`, async () => {
      const { units } = await changingProvince(seed);
      for (const root of units) {
        for (const day of DAYS) {
          const year = Number(day.slice(0, 4));
          const from = `${year}-01-01`;
          const to = `${year + 1}-01-01`;
          const where = `root ${root} on ${day}`;
          const study = { root, day, from, to, categories: ['study'] };
          const [records, summary, all, key] = await Promise.all([
            coverageFromRecords(db, study),
            coverageFromSummary(db, study, year),
            referenceCoverage(root, day, from, to, ['study'], false),
            referenceCoverage(root, day, from, to, ['study'], true),
          ]);
          const pickAll = (rows: typeof records) => sorted(rows.map((r) => ({ ...r })));
          const pickKey = (rows: typeof records) =>
            sorted(rows.map((r) => ({ bucket: r.bucket, numerator: r.keyNumerator, denominator: r.keyDenominator })));
          expect(pickAll(records), `coverage from records, ${where}`).toEqual(sorted(all));
          expect(pickKey(records), `key officials from records, ${where}`).toEqual(sorted(key));
          expect(summary, `the summary keeps ${year}`).not.toBeNull();
          expect(pickAll(summary ?? []), `coverage from the summary, ${where}`).toEqual(sorted(all));
          expect(pickKey(summary ?? []), `key officials from the summary, ${where}`).toEqual(sorted(key));

          const term = { root, day, from: '2023-01-01', to: '2029-01-01', categories: ['study', 'sports'] };
          const [termRecords, termReference] = await Promise.all([
            coverageFromRecords(db, term),
            referenceCoverage(root, day, term.from, term.to, term.categories, false),
          ]);
          expect(pickAll(termRecords), `coverage over the term, ${where}`).toEqual(sorted(termReference));

          const counted = { root, day, from, to, categories: ['study', 'sports'] };
          expect(sorted(await countByBucket(db, counted)), `count, ${where}`).toEqual(
            sorted(await referenceCount(root, day, from, to, counted.categories)),
          );

          const evaluated = await evaluationByBucket(db, {
            root,
            day,
            fromYears: [year - 1, year, 2023],
            toYear: year,
          });
          for (const fromYear of [year - 1, year, 2023]) {
            const of = evaluated.filter((r) => r.fromYear === fromYear);
            expect(
              sorted(of.map((r) => ({ bucket: r.bucket, numerator: r.unitsMet, denominator: r.units }))),
              `units evaluated since ${fromYear}, ${where}`,
            ).toEqual(sorted(await referenceEvaluation(root, day, fromYear, year, false)));
            expect(
              sorted(of.map((r) => ({ bucket: r.bucket, numerator: r.familiesRecognised, denominator: r.families }))),
              `families evaluated since ${fromYear}, ${where}`,
            ).toEqual(sorted(await referenceEvaluation(root, day, fromYear, year, true)));
          }
        }
      }
      // What the triggers kept is what a rebuild from scratch gives.
      const kept = () =>
        Promise.all([
          sql`select * from progress_unit_steps order by unit_id, year, category, valid_from`.execute(db),
          sql`select * from progress_member_spells order by member_id, valid_from`.execute(db),
          sql`select * from progress_unit_ancestors order by unit_id, ancestor_id`.execute(db),
          sql`select * from progress_tree`.execute(db),
        ]).then((results) => results.map((r) => r.rows));
      const before = await kept();
      await sql`select progress_rebuild()`.execute(db);
      expect(before).toEqual(await kept());
      expect(before[0]?.length).toBeGreaterThan(0);
    });
  }
});
