import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../../test/factories.js';
import { addDays, todayInVietnam } from '../../../platform/dates.js';
import { enqueue, runNextJob } from '../../../platform/jobs.js';
import { client } from '../../activities/activities.test-helpers.js';
import { concernSweepQueue, sweepConcerns } from './concerns.sweeper.js';

const { db } = await testDatabase();
const app = await makeApp(db);
let tree: Awaited<ReturnType<typeof makeTree>>;
let member: Session;
let adminA: { id: number };
let provinceAdmin: { id: number };
const today = todayInVietnam();

beforeAll(async () => {
  tree = await makeTree(db);
  const [m] = (await makeMembers(db, tree.schoolA, ['Vũ Thị Nhắc'])) as [number];
  member = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: m }));
  adminA = await makeAccount(db, 'unit_admin', tree.schoolA);
  provinceAdmin = await makeAccount(db, 'unit_admin', tree.province);
});

async function raise(title: string, anonymous = false): Promise<string> {
  const response = await client(app, member).post('/api/concerns', {
    category: 'union_activity',
    title,
    body: 'Nội dung kiến nghị',
    anonymous,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const notices = (accountId: number, kind: string) =>
  db
    .selectFrom('notifications')
    .select(['title', 'link'])
    .where('account_id', '=', accountId)
    .where('kind', '=', kind)
    .execute();

describe('the concerns sweep', () => {
  it('announces new items once; anonymous ones only from the next day', async () => {
    await raise('Có tên');
    await raise('Ẩn danh', true); // small unit: goes to the province
    expect(await sweepConcerns(db, today)).toMatchObject({ announced: 1 });
    expect(await sweepConcerns(db, today)).toMatchObject({ announced: 0 });
    expect(await notices(adminA.id, 'concern_new')).toHaveLength(1);
    expect(await notices(provinceAdmin.id, 'concern_new')).toHaveLength(0);
    expect(await sweepConcerns(db, addDays(today, 1))).toMatchObject({ announced: 1 });
    expect(await notices(provinceAdmin.id, 'concern_new')).toHaveLength(1);
  });

  it('reminds the handling unit a day before the deadline, once per deadline', async () => {
    const id = await raise('Sắp đến hạn');
    await db
      .updateTable('concerns')
      .set({ due_on: addDays(today, 1) })
      .where('id', '=', id)
      .execute();
    const before = (await notices(adminA.id, 'concern_deadline')).length;
    expect((await sweepConcerns(db, today)).reminded).toBe(1);
    expect((await sweepConcerns(db, today)).reminded).toBe(0);
    const after = await notices(adminA.id, 'concern_deadline');
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.link).toBe(`/y-kien/xu-ly/${id}`);
  });

  it('escalates an overdue item to the parent with “Quá hạn xử lý” and a fresh deadline, once', async () => {
    const id = await raise('Quá hạn');
    await db
      .updateTable('concerns')
      .set({ due_on: addDays(today, -1) })
      .where('id', '=', id)
      .execute();
    await enqueue(db, concernSweepQueue, {});
    expect(await runNextJob(db, concernSweepQueue)).toBe(true);
    await enqueue(db, concernSweepQueue, {});
    expect(await runNextJob(db, concernSweepQueue)).toBe(true); // the same sweep again: nothing more
    const row = await db.selectFrom('concerns').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      unit_id: tree.province,
      status: 'escalated',
      escalations: 1,
      due_on: addDays(today, 7),
    });
    const events = await db.selectFrom('concern_events').selectAll().where('concern_id', '=', id).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'escalated', note: 'Quá hạn xử lý', actor_name: 'Hệ thống' });
    const told = await notices(provinceAdmin.id, 'concern_deadline');
    expect(told.filter((n) => n.link === `/y-kien/xu-ly/${id}`)).toHaveLength(1);
    // At the top there is no one above: it stays, shown overdue.
    await db
      .updateTable('concerns')
      .set({ due_on: addDays(today, -1) })
      .where('id', '=', id)
      .execute();
    expect((await sweepConcerns(db, today)).escalated).toBe(0);
  });

  it('closes answered items left unrated for 7 days', async () => {
    const id = await raise('Đã trả lời lâu');
    await db
      .updateTable('concerns')
      .set({ status: 'resolved', resolved_at: new Date(Date.now() - 8 * 86_400_000), answer: 'Đã trả lời' })
      .where('id', '=', id)
      .execute();
    expect((await sweepConcerns(db, today)).closed).toBe(1);
    expect((await sweepConcerns(db, today)).closed).toBe(0);
    const row = await db
      .selectFrom('concerns')
      .select(['status', 'closed_on'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'closed', closed_on: today });
  });
});
