import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { makeAccount, makeMembers, makeTree } from '../../../test/factories.js';
import { ensureQueues } from '../../platform/jobs.js';
import { notifyMembersOf } from './audience.js';
import { notify } from './notify.js';

const { db } = await testDatabase();
let tree: Awaited<ReturnType<typeof makeTree>>;
beforeAll(async () => {
  await ensureQueues(db);
  tree = await makeTree(db);
});

const emailJobs = async () =>
  (
    await sql<{ ids: number[] }>`
      select data->'notificationIds' as ids from pgboss.job where name = 'notification-email' order by created_on`.execute(
      db,
    )
  ).rows.map((r) => r.ids);

describe('notify', () => {
  it('writes one notice per account and an e-mail job only for those who want e-mail at once', async () => {
    const [m1] = (await makeMembers(db, tree.schoolA, ['Lê Thị Hoa'])) as [number];
    const eager = await makeAccount(db, 'member', tree.schoolA, { memberId: m1 });
    const quiet = await makeAccount(db, 'member', tree.schoolA);
    const digest = await makeAccount(db, 'member', tree.schoolA);
    await db
      .insertInto('notification_preferences')
      .values([
        { account_id: quiet.id, kind: 'study_assignment', email: 'off' },
        { account_id: digest.id, kind: 'study_assignment', email: 'digest' },
      ])
      .execute();
    const result = await db.transaction().execute((tx) =>
      notify(tx, {
        accountIds: [eager.id, quiet.id, digest.id, eager.id],
        kind: 'study_assignment',
        title: 'Tài liệu mới: Nghị quyết 02-NQ/TW',
        link: '/library/assignments/1',
      }),
    );
    expect(result).toEqual({ notified: 3, emailsQueued: 1 });
    const rows = await db
      .selectFrom('notifications')
      .select(['account_id', 'email_status', 'title'])
      .orderBy('account_id')
      .execute();
    expect(rows).toEqual(
      [eager.id, quiet.id, digest.id]
        .sort((a, b) => a - b)
        .map((id) => ({
          account_id: id,
          email_status: id === eager.id ? 'pending' : null,
          title: 'Tài liệu mới: Nghị quyết 02-NQ/TW',
        })),
    );
    const eagerRow = await db
      .selectFrom('notifications')
      .select('id')
      .where('account_id', '=', eager.id)
      .executeTakeFirstOrThrow();
    expect(await emailJobs()).toEqual([[eagerRow.id]]);
  });

  it('writes nothing, e-mail job included, when the transaction rolls back', async () => {
    const someone = await makeAccount(db, 'member', tree.schoolB);
    await db
      .transaction()
      .execute(async (tx) => {
        await notify(tx, { accountIds: [someone.id], kind: 'deadline_reminder', title: 'Sắp đến hạn' });
        throw new Error('rollback');
      })
      .catch(() => {});
    const n = await db.selectFrom('notifications').select('id').where('account_id', '=', someone.id).execute();
    expect(n).toEqual([]);
    expect(await emailJobs()).toHaveLength(1);
  });

  it('refuses an unknown kind or an outside link (a caller mistake)', async () => {
    await expect(notify(db, { accountIds: [1], kind: 'gossip', title: 'x' })).rejects.toThrow(/unknown kind/u);
    await expect(
      notify(db, { accountIds: [1], kind: 'deadline_reminder', title: 'x', link: 'https://evil.example' }),
    ).rejects.toThrow(/link/u);
  });

  it('reaches the members of units’ subtrees once each, not disabled accounts nor accounts without a member', async () => {
    const [c1, c2, c3] = (await makeMembers(db, tree.schoolC, ['Hà Thị Mai', 'Lý Văn Nam', 'Tạ Thị Oanh'])) as [
      number,
      number,
      number,
    ];
    const mai = await makeAccount(db, 'member', tree.schoolC, { memberId: c1 });
    const nam = await makeAccount(db, 'member', tree.schoolC, { memberId: c2 });
    const oanh = await makeAccount(db, 'member', tree.schoolC, { memberId: c3 });
    await makeAccount(db, 'unit_admin', tree.commune); // no member: not in "the members"
    await db.updateTable('accounts').set({ disabled_at: new Date() }).where('id', '=', oanh.id).execute();
    // The commune and its school overlap: each person once.
    const result = await notifyMembersOf(db, [tree.commune, tree.schoolC], {
      kind: 'study_assignment',
      title: 'Tài liệu học tập mới: Luật Công đoàn 2024',
      link: '/study/5',
    });
    expect(result.notified).toBe(2);
    const rows = await db
      .selectFrom('notifications')
      .select('account_id')
      .where('link', '=', '/study/5')
      .orderBy('account_id')
      .execute();
    expect(rows.map((r) => r.account_id)).toEqual([mai.id, nam.id].sort((a, b) => a - b));
  });
});
