import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContest } from '../apps/server/src/modules/contests/contests.test-helpers.js';
import { announceOpenedRounds } from '../apps/server/src/modules/notifications/contest-rounds.js';
import { notify } from '../apps/server/src/modules/notifications/notify.js';
import { makeAccount, makeMembers, makeTree } from '../apps/server/test/factories.js';
import { launchBrowser, logIn, phoneContext } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let member: { id: number; login: string; password: string };
let contestId: number;

beforeAll(async () => {
  server = await startServer();
  const tree = await makeTree(server.db);
  const [memberId] = (await makeMembers(server.db, tree.schoolA, ['Nguyễn Thị Hồng Nhung'])) as [number];
  member = await makeAccount(server.db, 'member', tree.schoolA, { memberId });
  await notify(server.db, {
    accountIds: [member.id],
    kind: 'article_workflow',
    title: 'Bài viết “Hội thao chào mừng ngày Nhà giáo Việt Nam 20/11” đã được duyệt',
    body: 'Ban Tuyên giáo đã duyệt bài viết của bạn.',
  });
  ({ contestId } = await makeContest(server.db, { unitId: tree.province }));
  await announceOpenedRounds(server.db);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a member’s notifications on a phone', () => {
  it('sees the unread count, opens a notice to its page, and chooses how e-mail comes', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await logIn(page, server.url, member);

    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Thông báo, 2 chưa đọc');
    await bell.click();
    const items = page.getByTestId('notification-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(2);
    // The newest first: the contest round that just opened.
    await expect.poll(() => items.first().textContent()).toContain('Vòng thi “Tuần 1” của cuộc thi');
    await page.getByRole('link', { name: 'Xem tất cả thông báo' }).click();
    await page.waitForURL(/\/notifications$/u);
    await expect.poll(() => page.getByTestId('unread-summary').textContent()).toBe('2 thông báo chưa đọc');

    // Unread only, then open the contest notice: read, and on the contest's page.
    await page.getByText('Chưa đọc', { exact: true }).click();
    await page.waitForURL(/unread=true/u);
    await page.getByTestId('notification-list').getByText('Vòng thi “Tuần 1”', { exact: false }).click();
    await page.waitForURL(new RegExp(`/contests/${contestId}$`, 'u'));
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Thông báo, 1 chưa đọc');
    const read = await server.db
      .selectFrom('notifications')
      .select(['kind', 'read_at'])
      .where('account_id', '=', member.id)
      .orderBy('id')
      .execute();
    expect(read.map((r) => [r.kind, r.read_at !== null])).toEqual([
      ['article_workflow', false],
      ['contest_round_open', true],
    ]);

    // Settings from the account menu: contest rounds by e-mail at once, articles not at all.
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Cài đặt thông báo' }).click();
    await page.waitForURL(/\/notifications\/settings$/u);
    await page.getByTestId('preference-contest_round_open').getByLabel('Gửi ngay').check();
    await page.getByTestId('preference-article_workflow').getByLabel('Không gửi e-mail').check();
    await page.getByTestId('save-preferences').click();
    await page.getByText('Đã lưu cài đặt thông báo').waitFor();
    const saved = await server.db
      .selectFrom('notification_preferences')
      .select(['kind', 'email'])
      .where('account_id', '=', member.id)
      .orderBy('kind')
      .execute();
    expect(saved).toEqual([
      { kind: 'article_workflow', email: 'off' },
      { kind: 'contest_round_open', email: 'immediate' },
    ]);
    // Nothing on the page is wider than the phone.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
