import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeTree } from '../apps/server/test/factories.js';
import { launchBrowser, logIn, noSideScroll, phoneContext } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let schoolEditor: { login: string; password: string };
let provinceEditor: { login: string; password: string };

const TITLE = 'Hội thi nấu ăn ngày 8/3 của Công đoàn trường';
const SUMMARY = 'Nữ đoàn viên các tổ chuyên môn trổ tài nấu ăn chào mừng Ngày Quốc tế Phụ nữ.';
const BODY = 'Sáng nay, công đoàn trường tổ chức hội thi nấu ăn với sáu đội dự thi.';

beforeAll(async () => {
  server = await startServer();
  const tree = await makeTree(server.db);
  schoolEditor = await makeAccount(server.db, 'unit_editor', tree.schoolA);
  provinceEditor = await makeAccount(server.db, 'unit_editor', tree.province);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('news on a phone (360 px)', () => {
  it('a school editor writes and submits, the province editor approves and publishes, the portal shows it', async () => {
    const school = await phoneContext(browser);
    const page = await school.newPage();
    await logIn(page, server.url, schoolEditor);
    await page.goto(`${server.url}/news`);
    await page.getByTestId('article-create').click();
    await page.getByTestId('article-new-title').fill(TITLE);
    await page.getByTestId('article-create-submit').click();
    await page.waitForURL(/\/news\/\d+$/u);
    await page.getByTestId('article-summary-input').fill(SUMMARY);
    await page.locator('.ProseMirror').click();
    await page.keyboard.type(BODY);
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.status() === 200);
    await page.getByTestId('article-save').click();
    await saved;
    await noSideScroll(page);
    await page.getByTestId('action-submit').click();
    await expect.poll(() => page.getByTestId('article-status').first().textContent()).toBe('Chờ duyệt');
    // Under review the writer can no longer approve nor publish, nor edit.
    expect(await page.getByTestId('action-approve').count()).toBe(0);
    expect(await page.getByTestId('article-save').count()).toBe(0);
    await school.close();

    const province = await phoneContext(browser);
    const editor = await province.newPage();
    await logIn(editor, server.url, provinceEditor);
    await editor.goto(`${server.url}/news?status=submitted`);
    await editor.getByTestId('article-title').filter({ hasText: TITLE }).click();
    await editor.waitForURL(/\/news\/\d+$/u);
    await editor.getByTestId('action-approve').click();
    await expect.poll(() => editor.getByTestId('article-status').first().textContent()).toBe('Đã duyệt');
    await editor.getByTestId('action-publish').click();
    await editor.getByTestId('publish-confirm').click();
    await expect.poll(() => editor.getByTestId('article-status').first().textContent()).toBe('Đã đăng');
    const href = await editor.getByTestId('article-public-link').getAttribute('href');
    expect(href).toMatch(/^\/tin-tuc\/hoi-thi-nau-an-ngay-8-3-cua-cong-doan-truong-\d+$/u);
    await noSideScroll(editor);
    await province.close();

    // Anyone, signed in or not, on a phone.
    const reader = await phoneContext(browser);
    const portal = await reader.newPage();
    await portal.goto(`${server.url}/tin-tuc`);
    await portal.getByRole('link', { name: TITLE }).first().click();
    await portal.waitForURL(`${server.url}${href}`);
    expect(await portal.locator('h1').textContent()).toBe(TITLE);
    expect(await portal.locator('.content').textContent()).toContain(BODY);
    expect(await portal.locator('meta[property="og:title"]').getAttribute('content')).toBe(TITLE);
    expect(await portal.locator('meta[property="og:description"]').getAttribute('content')).toBe(SUMMARY);
    // The stylesheet applied under the app's CSP: the header is the portal's blue.
    const header = await portal.evaluate<string>(
      "getComputedStyle(document.querySelector('header.site')).backgroundColor",
    );
    expect(header).toBe('rgb(11, 92, 171)');
    await noSideScroll(portal);
    await reader.close();
  });
});
