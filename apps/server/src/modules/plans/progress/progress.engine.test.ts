import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/database.js';
import { kind, makeMembers, makeTree, systemActor } from '../../../../test/factories.js';
import { setMemberStatus, transferMember } from '../../org/members.commands.js';
import { createUnit, mergeUnit } from '../../org/units.commands.js';
import { computeProgress, type Figure, type PlanScope, type TargetDefinition } from './progress.engine.js';
import { figureChildren } from './progress.sql.js';

const { db } = await testDatabase();

/**
 * A small province, computed by hand. School B merges into school A on 1 July 2024; member t
 * moves from school C to school A on 1 May; member r of A retires on 1 October; school D has
 * nobody. Figures for 2024 are read on 31/12/2024 (the period is over) or on 30/06/2024 (running).
 */
let tree: Awaited<ReturnType<typeof makeTree>>;
let schoolD: number;
let plan: PlanScope;
const people: Record<string, number> = {};
let nextTarget = 1;

function target(overrides: Partial<TargetDefinition>): TargetDefinition {
  return {
    id: 0,
    code: `T${nextTarget++}`,
    title: 'thử',
    measure: 'coverage',
    population: 'all_members',
    categories: ['study'],
    organiser: null,
    period: 'year',
    threshold: 50,
    ...overrides,
  };
}

async function activity(unitId: number, category: string, day: string, attendees: string[]) {
  const row = await db
    .insertInto('activities')
    .values({
      organising_unit_id: unitId,
      category,
      title: `${category} ${day}`,
      starts_at: `${day}T08:00:00+07:00`,
      ends_at: `${day}T10:00:00+07:00`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (attendees.length > 0) {
    await db
      .insertInto('attendances')
      .values(
        attendees.map((key) => ({
          activity_id: row.id,
          member_id: people[key] as number,
          category,
          attended_on: day,
          source: 'roster',
        })),
      )
      .execute();
  }
}

/** Targets need rows (manual figures refer to them); the engine reads only the definition. */
async function saved(definition: TargetDefinition): Promise<TargetDefinition> {
  const row = await db
    .insertInto('targets')
    .values({
      plan_id: plan.id,
      code: definition.code,
      title: definition.title,
      measure: definition.measure,
      population: definition.population,
      categories: definition.categories,
      organiser: definition.organiser,
      period: definition.period,
      threshold: definition.threshold,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...definition, id: row.id };
}

const pick = (figure: Figure | undefined) =>
  figure && {
    numerator: figure.numerator,
    denominator: figure.denominator,
    value: figure.value,
    status: figure.status,
  };

beforeAll(async () => {
  const actor = await systemActor(db);
  tree = await makeTree(db, '2020-01-01');
  schoolD = await createUnit(db, actor, {
    name: 'Công đoàn Trường D',
    kindId: await kind(db, 'grassroots_union'),
    parentId: tree.province,
    validFrom: '2020-01-01',
  });
  const add = async (unit: number, keys: string[], keyOfficial = false) => {
    const ids = await makeMembers(
      db,
      unit,
      keys.map((k) => `Người ${k.toUpperCase()}`),
      '2021-09-01',
      { isKeyOfficial: keyOfficial },
    );
    keys.forEach((key, i) => {
      people[key] = ids[i] as number;
    });
  };
  await add(tree.schoolA, ['a1', 'a3', 'a4', 'r']);
  await add(tree.schoolA, ['a2'], true);
  await add(tree.schoolB, ['b1']);
  await add(tree.schoolB, ['b2'], true);
  await add(tree.schoolC, ['c2', 'c3', 't']);
  await add(tree.schoolC, ['c1'], true);
  await transferMember(db, actor, people.t as number, { toUnitId: tree.schoolA, effectiveDate: '2024-05-01' });
  await setMemberStatus(db, actor, people.r as number, { status: 'retired', effectiveDate: '2024-10-01' });
  await mergeUnit(db, actor, tree.schoolB, { intoUnitId: tree.schoolA, effectiveDate: '2024-07-01' });

  await activity(tree.schoolA, 'study', '2024-03-10', ['a1', 'a2']);
  await activity(tree.schoolB, 'study', '2024-04-10', ['b1']);
  await activity(tree.schoolC, 'study', '2024-03-15', ['c1', 't']);
  await activity(tree.schoolA, 'study', '2023-11-20', ['a3', 'a4']); // last year: does not count for 2024
  await activity(tree.province, 'training', '2023-10-01', ['a2', 'c1']);
  await activity(tree.province, 'training', '2024-10-01', ['a2', 'b2', 'c1']);

  const row = await db
    .insertInto('plans')
    .values({
      unit_id: tree.province,
      number: 'Số: 01/KH-THU',
      title: 'Kế hoạch thử',
      term_start: 2023,
      term_end: 2028,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  plan = { id: row.id, unitId: tree.province, termStart: 2023, termEnd: 2028 };

  await db
    .insertInto('culture_evaluations')
    .values([
      {
        unit_id: tree.schoolA,
        year: 2024,
        unit_achieved: true,
        families_total: 7,
        families_registered: 7,
        families_achieved: 6,
        confirmed_at: new Date(),
      },
      {
        unit_id: tree.schoolC,
        year: 2024,
        unit_achieved: true,
        families_total: 3,
        families_registered: 3,
        families_achieved: 3,
        confirmed_at: null,
      },
      {
        unit_id: schoolD,
        year: 2024,
        unit_achieved: false,
        families_total: 0,
        families_registered: 0,
        families_achieved: 0,
        confirmed_at: new Date(),
      },
    ])
    .execute();
});

async function progressOf(
  targets: TargetDefinition[],
  today: string,
  childIds = [tree.schoolA, tree.commune, schoolD],
) {
  return computeProgress(db, plan, targets, tree.province, 2024, today, childIds);
}

describe('progress computed from the records, by hand', () => {
  it('coverage of all members in a closed year: weighted by people, merged and moved members where they ended', async () => {
    const { unit, children } = await progressOf([target({ threshold: 50 })], '2025-03-01');
    // Province on 31/12/2024: A has a1 a2 a3 a4 t + b1 b2 (merged in) = 7 (r retired), C has c1 c2 c3; D nobody.
    // Covered in 2024: a1 a2 (A's session), b1 (B's, before the merger), t (C's, before moving), c1.
    expect(pick(unit[0])).toEqual({ numerator: 5, denominator: 10, value: 50, status: 'met' });
    const byUnit = Object.fromEntries(children.map((c) => [c.unitId, pick(c.figures[0])]));
    expect(byUnit[tree.schoolA]).toEqual({ numerator: 4, denominator: 7, value: 57.1, status: 'met' });
    expect(byUnit[tree.commune]).toEqual({ numerator: 1, denominator: 3, value: 33.3, status: 'missed' });
    expect(byUnit[schoolD]).toEqual({ numerator: 0, denominator: 0, value: null, status: 'not_applicable' });
    // Not the average of percentages (57.1 and 33.3 would give 45.2).
  });

  it('coverage of key officials: a key official is counted among members too', async () => {
    const { unit } = await progressOf([target({ population: 'key_officials', threshold: 100 })], '2025-03-01');
    // Key officials on 31/12/2024: a2, b2 (now in A), c1; covered by a study session: a2, c1.
    expect(pick(unit[0])).toEqual({ numerator: 2, denominator: 3, value: 66.7, status: 'missed' });
  });

  it('a running year is read on today’s tree and forecast in a straight line', async () => {
    // On 30/06/2024 r is still active and t already in A. B, merged into A the next day, counts as
    // part of A for its days before the merger (the survivor takes its history): no row of its own.
    expect((await figureChildren(db, tree.province, '2024-06-30')).map((child) => child.unitId)).toEqual(
      [tree.schoolA, tree.commune, schoolD].sort((a, b) => a - b),
    );
    const { unit, children } = await progressOf([target({ threshold: 95 })], '2024-06-30');
    // A: a1 a2 a3 a4 r t + b1 b2 → a1 a2 t b1 covered.
    const byUnit = Object.fromEntries(children.map((c) => [c.unitId, pick(c.figures[0])]));
    expect(byUnit[tree.schoolA]).toMatchObject({ numerator: 4, denominator: 8 });
    // B asked about on its own still has its own past.
    const alone = await computeProgress(db, plan, [target({ threshold: 95 })], tree.schoolB, 2024, '2024-06-30', []);
    expect(alone.unit[0]).toMatchObject({ numerator: 1, denominator: 2 });
    expect(unit[0]).toMatchObject({ numerator: 5, denominator: 11, value: 45.5, status: 'at_risk' });
    // 45.5 % after 182 of 366 days → 91.5 % by the end of the year.
    expect(unit[0]?.forecast).toBe(91.5);
  });

  it('counts activities by where their organiser stood that day; a merged unit’s count goes to its survivor', async () => {
    const { unit, children } = await progressOf(
      [target({ measure: 'count', population: null, organiser: 'subtree', threshold: 1 })],
      '2025-03-01',
    );
    expect(unit[0]).toMatchObject({ numerator: 3, denominator: null, value: 3, status: 'met' });
    const byUnit = Object.fromEntries(children.map((c) => [c.unitId, c.figures[0]?.numerator]));
    expect(byUnit).toEqual({ [tree.schoolA]: 2, [tree.commune]: 1, [schoolD]: 0 });
  });

  it('counts the issuer’s own trainings over the term, with a forecast; the units below have no such figure', async () => {
    const { unit, children } = await progressOf(
      [
        target({
          measure: 'count',
          population: null,
          categories: ['training'],
          organiser: 'issuer',
          period: 'term',
          threshold: 5,
        }),
      ],
      '2025-03-01',
    );
    // 2 trainings after 791 of 2,192 days of the term → 5.5 expected ≥ 5.
    expect(unit[0]).toMatchObject({ numerator: 2, value: 2, forecast: 5.5, status: 'on_track' });
    expect(children.every((c) => c.figures[0]?.status === 'not_applicable')).toBe(true);
  });

  it('evaluation shares count confirmed results only, units without units under them', async () => {
    const [units, families] = await Promise.all([
      progressOf(
        [target({ measure: 'evaluation_share', population: 'units', categories: [], period: 'cycle2', threshold: 95 })],
        '2025-03-01',
      ),
      progressOf(
        [target({ measure: 'evaluation_share', population: 'families', categories: [], threshold: 95 })],
        '2025-03-01',
      ),
    ]);
    // Units on 31/12/2024: A (met, confirmed), C (met, not confirmed yet), D (not met). B no longer exists.
    expect(pick(units.unit[0])).toEqual({ numerator: 1, denominator: 3, value: 33.3, status: 'missed' });
    // Families: A's 6 of 7; C's are not confirmed; D has none.
    expect(pick(families.unit[0])).toEqual({ numerator: 6, denominator: 7, value: 85.7, status: 'missed' });
  });

  it('a running cycle is judged by each unit’s latest confirmed result in it', async () => {
    const cycle = target({
      measure: 'evaluation_share',
      population: 'units',
      categories: [],
      period: 'cycle2',
      threshold: 95,
    });
    // Cycle 2025–2026 read in March 2026: nothing evaluated for 2026 yet, so 2025 results count.
    await db
      .insertInto('culture_evaluations')
      .values({ unit_id: tree.schoolA, year: 2025, unit_achieved: true, confirmed_at: new Date() })
      .execute();
    const running = await computeProgress(db, plan, [cycle], tree.province, 2026, '2026-03-01', []);
    expect(pick(running.unit[0])).toEqual({ numerator: 1, denominator: 3, value: 33.3, status: 'on_track' });
    await db.deleteFrom('culture_evaluations').where('unit_id', '=', tree.schoolA).where('year', '=', 2025).execute();
  });

  it('a grassroots plan that raised a threshold judges the same figure more strictly', async () => {
    const provinceTarget = target({ threshold: 50 });
    const raised = { ...provinceTarget, threshold: 60 };
    const asProvince = await computeProgress(db, plan, [provinceTarget], tree.schoolA, 2024, '2025-03-01', []);
    const asSchool = await computeProgress(
      db,
      { ...plan, unitId: tree.schoolA },
      [raised],
      tree.schoolA,
      2024,
      '2025-03-01',
      [],
    );
    expect(asProvince.unit[0]).toMatchObject({ value: 57.1, status: 'met' });
    expect(asSchool.unit[0]).toMatchObject({ value: 57.1, status: 'missed' });
  });

  it('a figure entered by hand replaces that unit’s figure and says so', async () => {
    const counted = await saved(
      target({ measure: 'count', population: null, categories: ['culture_arts'], organiser: 'subtree', threshold: 1 }),
    );
    await db
      .insertInto('manual_figures')
      .values({
        target_id: counted.id,
        unit_id: schoolD,
        period_start: 2024,
        numerator: 2,
        denominator: null,
        evidence: 'Biên bản số 3/BB-CĐCS',
      })
      .execute();
    const { children } = await progressOf([counted], '2025-03-01');
    const d = children.find((c) => c.unitId === schoolD)?.figures[0];
    expect(d).toMatchObject({ numerator: 2, value: 2, status: 'met', manual: { evidence: 'Biên bản số 3/BB-CĐCS' } });
    expect(children.find((c) => c.unitId === tree.schoolA)?.figures[0]).toMatchObject({ numerator: 0, manual: null });
  });

  it('has nothing to count before the period starts', async () => {
    const { unit } = await computeProgress(db, plan, [target({})], tree.province, 2024, '2023-06-01', []);
    expect(unit[0]).toMatchObject({ referenceDay: null, value: null, status: 'not_applicable' });
  });
});
