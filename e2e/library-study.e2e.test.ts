import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeAccount, makeMembers, makeTree, type Session } from '../apps/server/test/factories.js';
import { launchBrowser, logIn, noSideScroll, phoneContext, shot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * On a phone (360 px): a member opens "Tài liệu cần học", opens the assignment, reads the
 * document (its PDF opens), fails the quiz once, passes it and confirms; the province admin then
 * sees them confirmed and the colleague who has not in the list.
 */

let server: RunningServer;
let browser: Browser;
let member: { login: string; password: string };
let admin: { login: string; password: string };
let assignmentId: number;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

async function call<T>(session: Session, url: string, payload: object): Promise<T> {
  const response = await server.app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload,
  });
  if (response.statusCode >= 300) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

beforeAll(async () => {
  server = await startServer();
  const tree = await makeTree(server.db);
  const [memberId] = (await makeMembers(server.db, tree.schoolA, ['Nguyễn Thị Hồng Nhung', 'Trần Văn Khoa'])) as [
    number,
  ];
  member = await makeAccount(server.db, 'member', tree.schoolA, { memberId });
  admin = await makeAccount(server.db, 'unit_admin', tree.province);
  const province = await login(server.app, admin);
  const document = await call<{ id: number }>(province, '/api/library/documents', {
    unitId: tree.province,
    type: 'resolution',
    number: '02-NQ/TW',
    issuedOn: '2021-06-12',
    issuer: 'Bộ Chính trị (khóa XIII)',
    title: 'Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới',
    summary: 'Tóm tắt do hệ thống tạo: định hướng đổi mới tổ chức và hoạt động công đoàn.',
  });
  const boundary = '----lantoa-e2e';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="nghi-quyet-02.pdf"\r\n\r\n`),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const uploaded = await server.app.inject({
    method: 'POST',
    url: `/api/library/documents/${document.id}/files`,
    headers: {
      cookie: province.cookie,
      'x-csrf-token': province.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: body,
  });
  expect(uploaded.statusCode).toBe(201);
  const assignment = await call<{ id: number }>(province, '/api/study/assignments', {
    unitId: tree.province,
    title: 'Học tập, quán triệt Nghị quyết số 02-NQ/TW',
    deadline: '2099-12-31',
    documentIds: [document.id],
    countsAsStudy: true,
    questions: [
      {
        text: 'Nghị quyết số 02-NQ/TW do cơ quan nào ban hành?',
        options: [
          { id: 'a', text: 'Quốc hội' },
          { id: 'b', text: 'Bộ Chính trị' },
        ],
        correct: 'b',
      },
    ],
  });
  assignmentId = assignment.id;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('studying a document on a phone', () => {
  it('a member reads, passes the quiz and confirms; the province sees it', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await logIn(page, server.url, member);
    await page.goto(`${server.url}/study`);
    const card = page.getByTestId('assignment-card');
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => card.innerText()).toContain('Cần học');
    await shot(page, 'study-list-360');
    await noSideScroll(page, 1);
    await page.getByTestId('assignment-title').click();
    await page.waitForURL(`**/study/${assignmentId}`);
    await expect.poll(() => page.getByTestId('assignment-document').innerText()).toContain('02-NQ/TW');

    // Reading: the PDF opens in a new tab, through the access-checked address.
    const [pdf] = await Promise.all([context.waitForEvent('page'), page.getByTestId('file-read').click()]);
    await pdf.waitForLoadState('domcontentloaded').catch(() => undefined);
    expect(pdf.url()).toMatch(/\/api\/library\/documents\/\d+\/files\/\d+\?inline=1$/u);
    await pdf.close();

    // A wrong answer is not recorded; the right one is.
    await page.getByTestId('quiz-question').getByLabel('Quốc hội').check();
    await page.getByTestId('study-read').check();
    await shot(page, 'study-quiz-360');
    await noSideScroll(page, 1);
    await page.getByTestId('study-confirm').click();
    await expect.poll(() => page.getByTestId('quiz-failed').isVisible()).toBe(true);
    await page.getByTestId('quiz-question').getByLabel('Bộ Chính trị').check();
    await page.getByTestId('study-confirm').click();
    await expect.poll(() => page.getByTestId('study-confirmed').isVisible()).toBe(true);
    await shot(page, 'study-confirmed-360');
    await context.close();

    const adminContext = await phoneContext(browser);
    const adminPage = await adminContext.newPage();
    await logIn(adminPage, server.url, admin);
    await adminPage.goto(`${server.url}/study/${assignmentId}`);
    await expect.poll(() => adminPage.getByTestId('progress-total').innerText()).toContain('1/2');
    const pending = adminPage.getByTestId('pending-list');
    await expect.poll(() => pending.innerText()).toContain('Trần Văn Khoa');
    expect(await pending.innerText()).not.toContain('Nguyễn Thị Hồng Nhung');
    await shot(adminPage, 'study-progress-360');
    await noSideScroll(adminPage, 1);
    await adminContext.close();
  });
});
