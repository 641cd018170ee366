import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { makeAccount, makeApp, makeTree } from '../../../test/factories.js';
import { TestSmtpServer } from '../../../test/smtp/smtp.js';
import { runNextJob } from '../../platform/jobs.js';
import { prepareDailyDigests } from './digest.js';
import { emailQueue } from './email.queue.js';
import { configureMail } from './mail.js';
import { notify } from './notify.js';

/** E-mail delivered to a real SMTP server process, its outages, and the daily digest. */

const { db } = await testDatabase();
await makeApp(db); // registers the e-mail and digest handlers on this database
const smtp = await TestSmtpServer.create();
const PUBLIC = 'https://congdoan.example.vn';
const useSmtp = (url: string | undefined) =>
  configureMail({ smtpUrl: url, from: 'Lan Tỏa <thong-bao@congdoan.example.vn>', publicUrl: PUBLIC });

let tree: Awaited<ReturnType<typeof makeTree>>;
beforeAll(async () => {
  tree = await makeTree(db);
  useSmtp(smtp.url);
});
afterAll(async () => {
  await smtp.close();
});

const jobStates = async () =>
  (
    await sql<{ state: string }>`
      select state from pgboss.job where name = 'notification-email' order by created_on`.execute(db)
  ).rows.map((r) => r.state);

/** The retry's back-off has passed (the test does not wait 30 s). */
const timePasses = () => sql`update pgboss.job set start_after = now() where name = 'notification-email'`.execute(db);

const emailStatus = async (accountId: number) =>
  (
    await db
      .selectFrom('notifications')
      .select(['email_status', 'email_error'])
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow()
  ).email_status;

describe('e-mail over SMTP', () => {
  it('delivers a notice to the person, subject in Vietnamese, with the absolute link', async () => {
    const person = await makeAccount(db, 'member', tree.schoolA);
    const bystander = await makeAccount(db, 'member', tree.schoolA);
    await db
      .insertInto('notification_preferences')
      .values({ account_id: bystander.id, kind: 'article_workflow', email: 'off' })
      .execute();
    await db.transaction().execute((tx) =>
      notify(tx, {
        accountIds: [person.id, bystander.id],
        kind: 'article_workflow',
        title: 'Bài viết “Hội thao chào mừng ngày Nhà giáo Việt Nam 20/11” đã được duyệt',
        body: 'Ban Tuyên giáo đã duyệt bài viết của bạn; bài sẽ được đăng lên cổng thông tin.',
        link: '/news/articles/42',
      }),
    );
    expect(await runNextJob(db, emailQueue)).toBe(true);
    expect(await runNextJob(db, emailQueue)).toBe(false);

    const mails = smtp.received();
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.envelope.to).toEqual([person.login]);
    expect(mail?.envelope.from).toBe('thong-bao@congdoan.example.vn');
    expect(mail?.subject).toBe('[Lan Tỏa] Bài viết “Hội thao chào mừng ngày Nhà giáo Việt Nam 20/11” đã được duyệt');
    expect(mail?.text).toContain('Ban Tuyên giáo đã duyệt bài viết của bạn');
    expect(mail?.text).toContain(`${PUBLIC}/news/articles/42`);
    expect(mail?.html).toContain(`href="${PUBLIC}/news/articles/42"`);
    expect(mail?.raw).toMatch(/charset=utf-8/iu);
    expect(await emailStatus(person.id)).toBe('sent');
    expect(await emailStatus(bystander.id)).toBe(null);

    // The same job run again (a crash after sending, before completing) sends nothing twice.
    const [id] = await db.selectFrom('notifications').select('id').where('account_id', '=', person.id).execute();
    const { deliverEmailJob } = await import('./email.jobs.js');
    await deliverEmailJob(db, { notificationIds: [id?.id as number] }, { id: 'x', retryCount: 0, retryLimit: 5 });
    expect(smtp.received()).toHaveLength(1);
  });

  it('fails and retries while the SMTP server is down, then delivers once it is back', async () => {
    const before = smtp.received().length;
    await smtp.stop();
    const person = await makeAccount(db, 'member', tree.schoolB);
    await notify(db, {
      accountIds: [person.id],
      kind: 'deadline_reminder',
      title: 'Còn 2 ngày để xác nhận đã học Nghị quyết 02-NQ/TW',
      link: '/library/assignments/3',
    });
    expect(await runNextJob(db, emailQueue)).toBe(true);
    expect((await jobStates()).at(-1)).toBe('retry');
    expect(await emailStatus(person.id)).toBe('pending');
    // Still down at the next attempt.
    await timePasses();
    expect(await runNextJob(db, emailQueue)).toBe(true);
    expect((await jobStates()).at(-1)).toBe('retry');

    await smtp.start();
    await timePasses();
    expect(await runNextJob(db, emailQueue)).toBe(true);
    expect((await jobStates()).at(-1)).toBe('completed');
    const mails = smtp.received().slice(before);
    expect(mails.map((m) => [m.envelope.to, m.subject])).toEqual([
      [[person.login], '[Lan Tỏa] Còn 2 ngày để xác nhận đã học Nghị quyết 02-NQ/TW'],
    ]);
    expect(await emailStatus(person.id)).toBe('sent');
    const retries = await sql<{ retry_count: number }>`
      select retry_count from pgboss.job where name = 'notification-email' order by created_on desc limit 1`.execute(
      db,
    );
    expect(retries.rows[0]?.retry_count).toBe(2);
  });

  it('gives up after the last retry and records the failure on the notice', async () => {
    await smtp.stop();
    const person = await makeAccount(db, 'member', tree.schoolB);
    await notify(db, { accountIds: [person.id], kind: 'study_assignment', title: 'Tài liệu mới cần đọc' });
    for (let i = 0; i < 6; i++) {
      await timePasses();
      expect(await runNextJob(db, emailQueue)).toBe(true);
    }
    expect((await jobStates()).at(-1)).toBe('failed');
    const row = await db
      .selectFrom('notifications')
      .select(['email_status', 'email_error'])
      .where('account_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.email_status).toBe('failed');
    expect(row.email_error).toMatch(/ECONNREFUSED|connect/iu);
    await smtp.start();
  });

  it('records e-mail as skipped, not failed, when no SMTP server is configured', async () => {
    useSmtp(undefined);
    const person = await makeAccount(db, 'member', tree.schoolC);
    await notify(db, { accountIds: [person.id], kind: 'study_assignment', title: 'Tài liệu mới cần đọc' });
    expect(await runNextJob(db, emailQueue)).toBe(true);
    expect((await jobStates()).at(-1)).toBe('completed');
    expect(await emailStatus(person.id)).toBe('skipped');
    useSmtp(smtp.url);
  });
});

describe('daily digest', () => {
  it('gathers each person’s unread notices of digest kinds into one e-mail, once a day', async () => {
    const before = smtp.received().length;
    const lan = await makeAccount(db, 'member', tree.schoolC);
    const minh = await makeAccount(db, 'member', tree.schoolC);
    const off = await makeAccount(db, 'member', tree.schoolC);
    await db
      .insertInto('notification_preferences')
      .values([
        { account_id: lan.id, kind: 'study_assignment', email: 'digest' },
        { account_id: off.id, kind: 'contest_round_open', email: 'off' },
      ])
      .execute();
    const say = (ids: number[], kind: string, title: string) =>
      notify(db, { accountIds: ids, kind, title, link: '/contests/7' });
    // contest_round_open is a digest kind by default; study_assignment only for Lan.
    await say([lan.id, minh.id, off.id], 'contest_round_open', 'Vòng thi “Tuần 2” đã mở');
    await say([lan.id, minh.id], 'study_assignment', 'Tài liệu mới: Luật Công đoàn 2024');
    await say([lan.id, minh.id], 'contest_round_open', 'Vòng thi “Tuần 3” đã mở');
    // Minh reads Tuần 3 in the app: a read notice is not mailed again.
    const read = await db
      .selectFrom('notifications')
      .select('id')
      .where('account_id', '=', minh.id)
      .where('title', '=', 'Vòng thi “Tuần 3” đã mở')
      .executeTakeFirstOrThrow();
    await db.updateTable('notifications').set({ read_at: new Date() }).where('id', '=', read.id).execute();
    // Minh's immediate study assignment goes by its own e-mail; drain that first.
    while (await runNextJob(db, emailQueue)) {}
    const immediate = smtp.received().slice(before);
    expect(immediate.map((m) => m.envelope.to)).toEqual([[minh.login]]);

    expect(await prepareDailyDigests(db)).toBe(2);
    expect(await prepareDailyDigests(db)).toBe(0); // the job ran twice: nothing more
    while (await runNextJob(db, emailQueue)) {}

    const digests = smtp.received().slice(before + 1);
    expect(digests).toHaveLength(2);
    const forLan = digests.find((m) => m.envelope.to[0] === lan.login);
    const forMinh = digests.find((m) => m.envelope.to[0] === minh.login);
    expect(forLan?.subject).toMatch(/^\[Lan Tỏa\] Tổng hợp 3 thông báo ngày \d{2}\/\d{2}\/\d{4}$/u);
    expect(forLan?.text).toContain('Vòng thi “Tuần 2” đã mở');
    expect(forLan?.text).toContain('Tài liệu mới: Luật Công đoàn 2024');
    expect(forLan?.text).toContain('Vòng thi “Tuần 3” đã mở');
    expect(forLan?.text).toContain(`${PUBLIC}/contests/7`);
    expect(forMinh?.subject).toMatch(/Tổng hợp 1 thông báo/u);
    expect(forMinh?.text).toContain('Vòng thi “Tuần 2” đã mở');
    expect(forMinh?.text).not.toContain('Tuần 3');
    expect(forMinh?.text).not.toContain('Luật Công đoàn');

    const rows = await db
      .selectFrom('notification_digests')
      .select(['account_id', 'notification_count', 'email_status'])
      .where('account_id', 'in', [lan.id, minh.id, off.id])
      .orderBy('notification_count')
      .execute();
    expect(rows).toEqual([
      { account_id: minh.id, notification_count: 1, email_status: 'sent' },
      { account_id: lan.id, notification_count: 3, email_status: 'sent' },
    ]);

    // A notice after today's digest waits for tomorrow's, even if the job runs again today.
    await say([lan.id], 'contest_round_open', 'Vòng thi “Tuần 4” đã mở');
    expect(await prepareDailyDigests(db)).toBe(0);
    await sql`update notification_digests set day = day - 1 where account_id = ${lan.id}`.execute(db);
    expect(await prepareDailyDigests(db)).toBe(1);
    while (await runNextJob(db, emailQueue)) {}
    const next = smtp.receivedBy(lan.login).at(-1);
    expect(next?.subject).toMatch(/Tổng hợp 1 thông báo/u);
    expect(next?.text).toContain('Tuần 4');
    expect(next?.text).not.toContain('Tuần 2');
  });
});
