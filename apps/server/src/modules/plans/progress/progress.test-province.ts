import { kind, makeMembers } from '../../../../test/factories.js';
import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../platform/access.js';
import { createRootUnit, createUnit } from '../../org/units.commands.js';

/**
 * Test-only building blocks of the random provinces the progress property tests walk: a tree of
 * three communes with two or three schools each and a school straight under the province, people
 * in every unit, and activities with their attendance.
 */

export async function randomTree(db: Db, actor: Actor, seed: number, next: () => number) {
  const grassroots = await kind(db, 'grassroots_union');
  const province = await db.transaction().execute(async (tx) =>
    createRootUnit(tx, actor, {
      name: `Tỉnh ${seed}`,
      kindId: await kind(db, 'province_union'),
      validFrom: '2020-01-01',
    }),
  );
  const communes: number[] = [];
  const schools: number[] = [];
  for (let c = 0; c < 3; c++) {
    const commune = await createUnit(db, actor, {
      name: `Xã ${seed}-${c}`,
      kindId: await kind(db, 'commune_union'),
      parentId: province,
      validFrom: '2020-01-01',
    });
    communes.push(commune);
    for (let s = 0; s < 2 + Math.floor(next() * 2); s++) {
      schools.push(
        await createUnit(db, actor, {
          name: `Trường ${seed}-${c}-${s}`,
          kindId: grassroots,
          parentId: commune,
          validFrom: '2020-01-01',
        }),
      );
    }
  }
  schools.push(
    await createUnit(db, actor, {
      name: `Trường tỉnh ${seed}`,
      kindId: grassroots,
      parentId: province,
      validFrom: '2020-01-01',
    }),
  );
  return { province, communes, schools };
}

/** People in each unit: `least` to `least + spread - 1` of them, about 30 % key officials. */
export async function randomMembers(
  db: Db,
  seed: number,
  next: () => number,
  units: number[],
  people: { least: number; spread: number },
): Promise<number[]> {
  const members: number[] = [];
  for (const unit of units) {
    const count = people.least + Math.floor(next() * people.spread);
    const names = Array.from({ length: count }, (_, i) => `Người ${seed} ${unit} ${i}`);
    members.push(...(await makeMembers(db, unit, names, '2021-09-01', { isKeyOfficial: next() < 0.3 })));
  }
  return members;
}

/** An hour-long activity on `day` and the attendance of `attendees` (their category and day). */
export async function recordActivity(db: Db, unit: number, category: string, day: string, attendees: number[]) {
  const activity = await db
    .insertInto('activities')
    .values({
      organising_unit_id: unit,
      category,
      title: 'ngẫu nhiên',
      starts_at: `${day}T08:00:00+07:00`,
      ends_at: `${day}T09:00:00+07:00`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (attendees.length === 0) return;
  await db
    .insertInto('attendances')
    .values(
      attendees.map((member_id) => ({
        activity_id: activity.id,
        member_id,
        category,
        attended_on: day,
        source: 'roster',
      })),
    )
    .execute();
}
