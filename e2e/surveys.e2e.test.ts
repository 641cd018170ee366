import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSurvey } from '../apps/server/src/modules/voice/surveys/responses.service.js';
import type { Actor } from '../apps/server/src/platform/access.js';
import { login, makeAccount, makeMembers, makeTree } from '../apps/server/test/factories.js';
import { launchBrowser, logIn, noSideScroll, phoneContext, shot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * On a phone (360 px): a member opens "Khảo sát", answers the open anonymous survey; the province
 * admin then sees the results, where the commune (3 answers) is suppressed.
 *
 * Answers (anonymous, every unit has ≥ 10 members so each keeps its own unit): school A 6 + the
 * member = 7, school B 6, the commune's school C 3. Province 16 shown; A shown; the commune
 * (3) suppressed as small; B hidden too, or 16 − 7 − 6 would give the commune's 3.
 */

let server: RunningServer;
let browser: Browser;
let member: { login: string; password: string };
let admin: { login: string; password: string };
let surveyId: number;

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

beforeAll(async () => {
  server = await startServer();
  const db = server.db;
  const tree = await makeTree(db);
  const inA = await makeMembers(db, tree.schoolA, ['Nguyễn Thị Hồng Nhung', ...names('Giáo viên A', 11)]);
  const inB = await makeMembers(db, tree.schoolB, names('Giáo viên B', 12));
  const inC = await makeMembers(db, tree.schoolC, names('Giáo viên C', 10));
  member = await makeAccount(db, 'member', tree.schoolA, { memberId: inA[0] as number });
  admin = await makeAccount(db, 'unit_admin', tree.province);
  const province = await login(server.app, admin);
  const send = async (url: string, payload: object) => {
    const response = await server.app.inject({
      method: 'POST',
      url,
      headers: { cookie: province.cookie, 'x-csrf-token': province.csrf },
      payload,
    });
    if (response.statusCode >= 300) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const created = await send('/api/surveys', {
    unitId: tree.province,
    kind: 'pulse',
    title: 'Khảo sát nhanh về đời sống, việc làm của CBNGNLĐ',
    anonymous: true,
    opensOn: today,
    closesOn: '2099-12-31',
    questions: [
      {
        kind: 'single',
        text: 'Thu nhập có đủ trang trải cuộc sống không?',
        options: ['Đủ và có tích lũy', 'Vừa đủ', 'Không đủ'],
      },
      { kind: 'text', text: 'Kiến nghị với công đoàn', required: false },
    ],
  });
  surveyId = created.id;
  await send(`/api/surveys/${surveyId}/publish`, {});
  const questionId = created.questions[0].id as number;
  const unitPaths = new Map(
    (await db.selectFrom('units').select(['id', 'name', 'path']).execute()).map((u) => [u.id, u]),
  );
  const answer = async (memberId: number, unitId: number, option: string) => {
    const unit = unitPaths.get(unitId) as { name: string; path: string };
    const actor: Actor = {
      accountId: 0,
      displayName: 'Đoàn viên',
      memberId,
      grants: [{ role: 'member', unitId, unitName: unit.name, unitPath: unit.path }],
      ip: null,
    };
    await answerSurvey(db, actor, surveyId, [{ questionId, optionIds: [option] }]);
  };
  for (const id of inA.slice(1, 7)) await answer(id, tree.schoolA, 'o2');
  for (const id of inB.slice(0, 6)) await answer(id, tree.schoolB, 'o1');
  for (const id of inC.slice(0, 3)) await answer(id, tree.schoolC, 'o3');
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a pulse survey on a phone', () => {
  it('a member answers the open survey; the admin sees results with a small unit suppressed', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await logIn(page, server.url, member);
    await page.goto(`${server.url}/surveys`);
    const card = page.getByTestId('survey-card');
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => card.innerText()).toContain('Đang mở');
    await shot(page, 'surveys-list-360');
    await noSideScroll(page, 1);
    await card.getByText('Khảo sát nhanh về đời sống').click();
    await page.waitForURL(`**/surveys/${surveyId}`);
    await page.getByLabel('Vừa đủ').check();
    await page.getByPlaceholder('Nhập câu trả lời của bạn').fill('Mong giảm bớt hồ sơ, sổ sách.');
    await shot(page, 'survey-answer-360');
    await noSideScroll(page, 1);
    await page.getByTestId('survey-submit').click();
    await expect.poll(() => page.getByTestId('survey-thanks').isVisible()).toBe(true);
    await context.close();

    const adminContext = await phoneContext(browser);
    const adminPage = await adminContext.newPage();
    await logIn(adminPage, server.url, admin);
    await adminPage.goto(`${server.url}/surveys/${surveyId}/results`);
    const rows = adminPage.getByTestId('question-result').first().getByTestId('result-row');
    await expect.poll(() => rows.count()).toBe(4);
    await expect.poll(() => rows.nth(0).innerText()).toContain('16');
    expect(await rows.nth(1).innerText()).toContain('Công đoàn Trường THPT A');
    expect(await rows.nth(1).innerText()).toContain('7');
    const commune = await rows.nth(3).innerText();
    expect(commune).toContain('Công đoàn xã Thử');
    expect(commune).toContain('Ít hơn 5 câu trả lời — không hiển thị để bảo vệ người trả lời');
    expect(await adminPage.getByTestId('response-rate').innerText()).toContain('16 / 34');
    await shot(adminPage, 'survey-results-360');
    await noSideScroll(adminPage, 1);
    await adminContext.close();
  });
});
