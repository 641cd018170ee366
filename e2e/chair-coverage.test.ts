import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeMembers, makeTree } from '../apps/server/test/factories.js';
import { desktopContext, launchBrowser, phoneContext } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let tree: Awaited<ReturnType<typeof makeTree>>;
let chair: { login: string; password: string };
let planId: number;
const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).slice(0, 4));

async function logIn(page: Page, who: { login: string; password: string }) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-input').fill(who.login);
  await page.getByTestId('password-input').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The value shown on the dashboard card of target 2.1b (members briefed this year). */
async function coverageShown(page: Page): Promise<string> {
  await page.goto(`${server.url}/dashboard?planId=${planId}&unitId=${tree.schoolA}&year=${year}`);
  const value = page.locator('[data-testid="dashboard-target"][data-code="2.1b"] [data-testid="dashboard-value"]');
  await value.waitFor({ timeout: 15_000 });
  return (await value.textContent()) ?? '';
}

beforeAll(async () => {
  server = await startServer();
  tree = await makeTree(server.db);
  await makeMembers(server.db, tree.schoolA, ['Ông Văn Một', 'Bà Thị Hai', 'Ông Văn Ba', 'Bà Thị Bốn'], '2021-09-01');
  const plan = await server.db
    .insertInto('plans')
    .values({
      unit_id: tree.province,
      number: '05/KH-CĐGD',
      title: 'Kế hoạch tuyên truyền thử',
      term_start: 2023,
      term_end: 2028,
      status: 'issued',
      signed_on: '2024-01-22',
      issued_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  planId = plan.id;
  await server.db
    .insertInto('targets')
    .values({
      plan_id: planId,
      code: '2.1b',
      title: 'Đoàn viên được quán triệt, học tập nghị quyết',
      measure: 'coverage',
      population: 'all_members',
      categories: ['study'],
      period: 'year',
      threshold: 95,
    })
    .execute();
  chair = await makeAccount(server.db, 'unit_admin', tree.schoolA);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a grassroots chair in the browser', () => {
  it('records a study session with attendance and sees the unit’s coverage change on the dashboard', async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await logIn(page, chair);
    expect(await coverageShown(page)).toMatch(/^0\s?%$/u);

    await page.goto(`${server.url}/activities/new?unitId=${tree.schoolA}`);
    await page.getByTestId('activity-title').fill('Học tập, quán triệt Nghị quyết số 02-NQ/TW');
    await page.getByTestId('topic-document-add').click();
    await page.getByTestId('topic-document-title').fill('Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị');
    await page.getByTestId('activity-save').click();
    await page.waitForURL(/\/activities\/\d+$/u, { timeout: 15_000 });
    expect(await page.getByTestId('activity-topic-document').textContent()).toContain('02-NQ/TW ngày 12/6/2021');

    const rows = page.getByTestId('attendance-member');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(4);
    await rows.nth(0).click();
    await rows.nth(1).click();
    await page.getByTestId('attendance-save').click();
    await expect
      .poll(async () => (await server.db.selectFrom('attendances').select('member_id').execute()).length, {
        timeout: 10_000,
      })
      .toBe(2);

    expect(await coverageShown(page)).toMatch(/^50\s?%$/u);
    await context.close();
  });

  it('the dashboard fits a phone', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await logIn(page, chair);
    await coverageShown(page);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
