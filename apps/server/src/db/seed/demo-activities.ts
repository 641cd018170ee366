import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { todayInVietnam } from '../../platform/dates.js';
import type { Db, Tx } from '../database.js';
import { type DemoActivity, Planner } from './demo-activities-plan.js';
import { addDays, DemoWorld } from './demo-activities-world.js';

/**
 * Demo activities from January 2023 to today, tied to the seed plan so its targets have
 * something to count: every school studies the Party's and the union's resolutions once to
 * three times a year with most of its members, a few schools lag this year (one has not held a
 * session yet), the province has run four of its five trainings, a sports tournament every
 * year but this one, an arts festival in 2025, May is Tháng Công nhân; and the yearly
 * cultural-movement results for 2023–2025. Deterministic for a given day; nothing after today.
 */

async function insertChunked<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += 2000) await write(rows.slice(start, start + 2000));
}

/** Ids of the province plan's targets and tasks by code (none when the plan is not seeded). */
async function planCodes(tx: Tx, rootId: number) {
  const plan = await tx
    .selectFrom('plans')
    .select('id')
    .where('unit_id', '=', rootId)
    .where('parent_plan_id', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  if (!plan) return { targets: new Map<string, number>(), tasks: new Map<string, number>() };
  const [targets, tasks] = await Promise.all([
    tx.selectFrom('targets').select(['id', 'code']).where('plan_id', '=', plan.id).execute(),
    tx.selectFrom('tasks').select(['id', 'code']).where('plan_id', '=', plan.id).execute(),
  ]);
  return {
    targets: new Map(targets.map((row) => [row.code, row.id])),
    tasks: new Map(tasks.map((row) => [row.code, row.id])),
  };
}

export async function seedDemoActivities(db: Db, actor: Actor, today = todayInVietnam()) {
  const world = await DemoWorld.load(db);
  const planner = new Planner(world, today);
  const activities = planner.plan();
  const evaluations = planner.evaluations(new Date());
  return db.transaction().execute(async (tx) => {
    const codes = await planCodes(tx, world.root.id);
    const ids: number[] = [];
    await insertChunked(activities, async (chunk) => {
      const rows = await tx
        .insertInto('activities')
        .values(
          chunk.map((a) => {
            const startsAt = new Date(`${a.day}T${a.start}:00+07:00`);
            return {
              organising_unit_id: a.organiserId,
              category: a.category,
              title: a.title,
              starts_at: startsAt,
              ends_at: new Date(startsAt.getTime() + a.minutes * 60_000),
              place: a.place,
              audience: a.audience,
              topic_documents: JSON.stringify(a.topics),
              created_by: actor.accountId,
              created_at: new Date(`${addDays(a.day, -14)}T09:00:00+07:00`),
              updated_at: startsAt,
            };
          }),
        )
        .returning('id')
        .execute();
      ids.push(...rows.map((row) => row.id));
    });
    const at = (index: number) => ids[index] as number;
    const recorded = (a: DemoActivity, offsetMinutes: number) =>
      new Date(new Date(`${a.day}T${a.start}:00+07:00`).getTime() + offsetMinutes * 60_000);
    const units = activities.flatMap((a, i) =>
      a.participants.map((unitId) => ({ activity_id: at(i), unit_id: unitId })),
    );
    const attendance = activities.flatMap((a, i) =>
      a.attendees.map((memberId, n) => ({
        activity_id: at(i),
        member_id: memberId,
        category: a.category,
        attended_on: a.day,
        source: a.source,
        // Check-ins arrive around the start; a roster is ticked when the session ends.
        recorded_at: recorded(a, a.source === 'checkin' ? (n % 25) - 10 : a.minutes + 20),
      })),
    );
    const guests = activities.flatMap((a, i) => a.guests.map((guest) => ({ activity_id: at(i), ...guest })));
    const links = activities.flatMap((a, i) => [
      ...a.targets.flatMap((code) => {
        const id = codes.targets.get(code);
        return id ? [{ activity_id: at(i), target_id: id, task_id: null }] : [];
      }),
      ...a.tasks.flatMap((code) => {
        const id = codes.tasks.get(code);
        return id ? [{ activity_id: at(i), target_id: null, task_id: id }] : [];
      }),
    ]);
    await insertChunked(units, (chunk) => tx.insertInto('activity_units').values(chunk).execute());
    await insertChunked(attendance, (chunk) => tx.insertInto('attendances').values(chunk).execute());
    await insertChunked(guests, (chunk) => tx.insertInto('activity_guests').values(chunk).execute());
    await insertChunked(links, (chunk) => tx.insertInto('activity_links').values(chunk).execute());
    await insertChunked(evaluations, (chunk) =>
      tx
        .insertInto('culture_evaluations')
        .values(
          chunk.map(({ confirmed, ...row }) => ({
            ...row,
            entered_by: actor.accountId,
            confirmed_by: confirmed ? actor.accountId : null,
            confirmed_at: confirmed,
          })),
        )
        .execute(),
    );
    const summary = { activities: ids.length, attendances: attendance.length, evaluations: evaluations.length };
    await recordAudit(tx, actor, {
      action: 'activity.seeded',
      entityType: 'unit',
      entityId: world.root.id,
      unitId: world.root.id,
      after: { ...summary, source: 'demo' },
    });
    return summary;
  });
}
