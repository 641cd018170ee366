import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/database.js';
import { systemActor } from '../../../../test/factories.js';
import { transferMember } from '../../org/members.commands.js';
import { mergeUnit } from '../../org/units.commands.js';
import { computeProgress, type PlanScope, type TargetDefinition } from './progress.engine.js';
import { figureChildren } from './progress.sql.js';
import { randomMembers, randomTree, recordActivity } from './progress.test-province.js';

const { db } = await testDatabase();

/** Seeded PRNG (mulberry32): every run builds the same random organisations. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TARGETS: TargetDefinition[] = [
  {
    id: 1,
    code: 'all',
    title: '',
    measure: 'coverage',
    population: 'all_members',
    categories: ['study'],
    organiser: null,
    period: 'year',
    threshold: 95,
  },
  {
    id: 2,
    code: 'key',
    title: '',
    measure: 'coverage',
    population: 'key_officials',
    categories: ['study', 'training'],
    organiser: null,
    period: 'year',
    threshold: 100,
  },
  {
    id: 3,
    code: 'events',
    title: '',
    measure: 'count',
    population: null,
    categories: ['sports'],
    organiser: 'subtree',
    period: 'year',
    threshold: 1,
  },
];

/** A random province: communes with schools, members, mid-year transfers and a merger, random sessions. */
async function randomProvince(seed: number) {
  const next = random(seed);
  const actor = await systemActor(db);
  const { province, communes, schools } = await randomTree(db, actor, seed, next);
  const parents = [province, ...communes];
  const members = await randomMembers(db, seed, next, [...schools, ...parents], { least: 0, spread: 6 });
  for (let i = 0; i < 3; i++) {
    const who = members[Math.floor(next() * members.length)] as number;
    const to = schools[Math.floor(next() * schools.length)] as number;
    await transferMember(db, actor, who, { toUnitId: to, effectiveDate: `2024-0${3 + i}-15` }).catch(() => undefined);
  }
  const [merged, survivor] = [schools[0] as number, schools[schools.length - 2] as number];
  await mergeUnit(db, actor, merged, { intoUnitId: survivor, effectiveDate: '2024-07-01' });
  for (let a = 0; a < 12; a++) {
    const organiser = [...schools, ...parents][Math.floor(next() * (schools.length + parents.length))] as number;
    const category = ['study', 'training', 'sports'][Math.floor(next() * 3)] as string;
    const day = `2024-${String(1 + Math.floor(next() * 6)).padStart(2, '0')}-1${Math.floor(next() * 9)}`;
    await recordActivity(
      db,
      organiser,
      category,
      day,
      members.filter(() => next() < 0.3),
    );
  }
  const plan = await db
    .insertInto('plans')
    .values({ unit_id: province, number: `Số ${seed}`, title: 'Thử', term_start: 2023, term_end: 2028 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { province, plan: { id: plan.id, unitId: province, termStart: 2023, termEnd: 2028 } satisfies PlanScope };
}

describe('roll-ups are honest', () => {
  for (const seed of [11, 23, 42]) {
    for (const today of ['2024-06-30', '2025-02-01']) {
      it(`a unit's figure is the sum of its units' numerators and denominators (seed ${seed}, ${today})`, async () => {
        const { province, plan } = await randomProvince(seed);
        const day = today < '2024-12-31' ? today : '2024-12-31';
        const queue = [province];
        while (queue.length > 0) {
          const unit = queue.shift() as number;
          const children = (await figureChildren(db, unit, day)).map((child) => child.unitId);
          const whole = await computeProgress(db, plan, TARGETS, unit, 2024, today, children);
          for (const [i, target] of TARGETS.entries()) {
            const own = await computeProgress(db, plan, [target], unit, 2024, today, []);
            const directNumerator = own.unit[0]?.numerator ?? 0;
            let childNumerators = 0;
            let childDenominators = 0;
            for (const child of children) {
              // Each child's bucket in the parent equals the child's own figure computed from scratch.
              const alone = await computeProgress(db, plan, [target], child, 2024, today, []);
              const bucket = whole.children.find((c) => c.unitId === child)?.figures[i];
              expect(bucket?.numerator, `${target.code} child ${child}`).toBe(alone.unit[0]?.numerator);
              expect(bucket?.denominator, `${target.code} child ${child}`).toBe(alone.unit[0]?.denominator);
              childNumerators += alone.unit[0]?.numerator ?? 0;
              childDenominators += alone.unit[0]?.denominator ?? 0;
            }
            expect(whole.unit[i]?.numerator).toBe(directNumerator);
            expect(childNumerators).toBeLessThanOrEqual(directNumerator);
            if (target.measure !== 'count')
              expect(childDenominators).toBeLessThanOrEqual(whole.unit[i]?.denominator ?? 0);
          }
          queue.push(...children);
        }
      });
    }
  }
});
