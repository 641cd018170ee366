import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { makeAccount, makeMembers, makeTree } from '../../../test/factories.js';
import { ensureQueues } from '../../platform/jobs.js';
import { makeContest } from '../contests/contests.test-helpers.js';
import { announceOpenedRounds } from './contest-rounds.js';

const { db } = await testDatabase();
let tree: Awaited<ReturnType<typeof makeTree>>;
const accounts = { cuc: 0, dung: 0, an: 0, communeAdmin: 0 };

beforeAll(async () => {
  await ensureQueues(db);
  tree = await makeTree(db);
  const inC = await makeMembers(db, tree.schoolC, ['Phạm Thị Cúc', 'Đỗ Văn Dũng', 'Vũ Thị Én']);
  const [inA] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn An'])) as [number];
  const [cuc, dung] = inC as [number, number, number]; // Én has no account
  accounts.cuc = (await makeAccount(db, 'member', tree.schoolC, { memberId: cuc })).id;
  accounts.dung = (await makeAccount(db, 'member', tree.schoolC, { memberId: dung })).id;
  accounts.an = (await makeAccount(db, 'member', tree.schoolA, { memberId: inA })).id;
  accounts.communeAdmin = (await makeAccount(db, 'unit_admin', tree.commune)).id;
  await db
    .insertInto('notification_preferences')
    .values({ account_id: accounts.dung, kind: 'contest_round_open', email: 'immediate' })
    .execute();
});

const HOUR = 3_600_000;
const noticesOf = async (roundTitle: string) =>
  (
    await db
      .selectFrom('notifications')
      .select(['account_id', 'title', 'link', 'email_status'])
      .where('title', 'like', `%${roundTitle}%`)
      .orderBy('account_id')
      .execute()
  ).map((n) => ({ ...n }));

describe('contest round opening', () => {
  it('tells every member of the audience with an account, once, e-mailing only those who asked', async () => {
    const { contestId, roundId } = await makeContest(db, {
      unitId: tree.province,
      audienceUnitId: tree.commune,
      round: { opensAt: new Date(Date.now() - 60_000), closesAt: new Date(Date.now() + 48 * HOUR) },
    });
    await db.updateTable('contest_rounds').set({ title: 'Tuần 1 — mở' }).where('id', '=', roundId).execute();
    expect(await announceOpenedRounds(db)).toEqual([roundId]);
    expect(await announceOpenedRounds(db)).toEqual([]); // the next minute: nothing twice

    const notices = await noticesOf('Tuần 1 — mở');
    expect(notices.map((n) => n.account_id)).toEqual([accounts.cuc, accounts.dung].sort((a, b) => a - b));
    expect(notices[0]).toMatchObject({
      title: 'Vòng thi “Tuần 1 — mở” của cuộc thi “Tìm hiểu Nghị quyết Đại hội Công đoàn” đã mở',
      link: `/contests/${contestId}`,
    });
    const byAccount = Object.fromEntries(notices.map((n) => [n.account_id, n.email_status]));
    expect(byAccount).toEqual({ [accounts.cuc]: null, [accounts.dung]: 'pending' });
    const jobs = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.job where name = 'notification-email'`.execute(db);
    expect(jobs.rows[0]?.n).toBe(1);
    const record = await db
      .selectFrom('contest_round_notices')
      .select('recipients')
      .where('round_id', '=', roundId)
      .executeTakeFirstOrThrow();
    expect(record.recipients).toBe(2);
  });

  it('waits for the round to open, and ignores drafts and finished rounds', async () => {
    const later = await makeContest(db, {
      unitId: tree.schoolA,
      round: { opensAt: new Date(Date.now() + HOUR), closesAt: new Date(Date.now() + 2 * HOUR) },
    });
    await makeContest(db, { unitId: tree.schoolA, status: 'draft' });
    await makeContest(db, {
      unitId: tree.schoolA,
      round: { opensAt: new Date(Date.now() - 3 * HOUR), closesAt: new Date(Date.now() - HOUR) },
    });
    expect(await announceOpenedRounds(db)).toEqual([]);
    await db
      .updateTable('contest_rounds')
      .set({ opens_at: new Date(Date.now() - 1000) })
      .where('id', '=', later.roundId)
      .execute();
    expect(await announceOpenedRounds(db)).toEqual([later.roundId]);
    const notified = await db
      .selectFrom('notifications')
      .select('account_id')
      .where('link', '=', `/contests/${later.contestId}`)
      .execute();
    expect(notified.map((n) => n.account_id)).toEqual([accounts.an]);
  });

  it('reaches a large audience with one statement', async () => {
    const names = Array.from({ length: 2000 }, (_, i) => `Đoàn viên Thử ${i + 1}`);
    const ids = await makeMembers(db, tree.schoolB, names);
    await sql`
      insert into accounts (display_name, email, member_id, password_hash)
      select 'Đoàn viên', 'dv' || m || '@thu.vn', m, 'x' from unnest(${ids}::bigint[]) as m`.execute(db);
    const { roundId } = await makeContest(db, { unitId: tree.schoolB });
    expect(await announceOpenedRounds(db)).toEqual([roundId]);
    const count = await db
      .selectFrom('contest_round_notices')
      .select('recipients')
      .where('round_id', '=', roundId)
      .executeTakeFirstOrThrow();
    expect(count.recipients).toBe(2000);
  });
});
