import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeAccount, makeMembers, makeTree, type Session } from '../apps/server/test/factories.js';
import { launchBrowser } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let organiser: { login: string; password: string };
let member: { login: string; password: string };
let contestId: number;
let roundId: number;

const TITLE = 'Cuộc thi trực tuyến “Tìm hiểu Luật Công đoàn năm 2024”';
const RIGHT = '28/7/1929';
const RIGHT_MANY = ['Tuyên truyền, vận động đoàn viên', 'Chăm lo đời sống đoàn viên'];
const WRONG_MANY = 'Quyết định tiền lương thay người sử dụng lao động';
const PHONE = '0912345678';

/** The set-up API, as an organiser uses it (cookie and CSRF header). */
async function call<T>(session: Session, method: 'POST' | 'PATCH', url: string, payload: object): Promise<T> {
  const response = await server.app.inject({
    method,
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload,
  });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
}

const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

beforeAll(async () => {
  server = await startServer();
  const tree = await makeTree(server.db);
  const [memberId] = (await makeMembers(server.db, tree.schoolA, ['Trần Văn Bình'])) as [number];
  member = await makeAccount(server.db, 'member', tree.schoolA, { memberId });
  organiser = await makeAccount(server.db, 'unit_admin', tree.province);
  const session = await login(server.app, organiser);

  const contest = await call<{ id: number }>(session, 'POST', '/api/contests', {
    unitId: tree.province,
    title: TITLE,
    rules: 'Mỗi lượt 5 câu hỏi trong 10 phút. Ai cũng có thể tham gia: đăng ký bằng họ tên, đơn vị, số điện thoại.',
    prizes: '1 giải Nhất, 2 giải Nhì, 3 giải Ba',
    audience: 'public',
  });
  contestId = contest.id;
  for (let i = 1; i <= 6; i++) {
    await call(session, 'POST', `/api/contests/${contestId}/questions`, {
      kind: 'single',
      text: `Câu ${i}: Công đoàn Việt Nam được thành lập ngày nào?`,
      options: [
        { id: 'a', text: RIGHT },
        { id: 'b', text: '3/2/1930' },
        { id: 'c', text: '19/8/1945' },
      ],
      correct: ['a'],
      topic: 'Lịch sử',
    });
  }
  await call(session, 'POST', `/api/contests/${contestId}/questions`, {
    kind: 'multiple',
    text: 'Những việc nào là nhiệm vụ của công đoàn cơ sở?',
    options: [
      { id: 'a', text: RIGHT_MANY[0] },
      { id: 'b', text: WRONG_MANY },
      { id: 'c', text: RIGHT_MANY[1] },
    ],
    correct: ['a', 'c'],
    topic: 'Nhiệm vụ',
  });
  const round = await call<{ id: number }>(session, 'POST', `/api/contests/${contestId}/rounds`, {
    title: 'Tuần 1',
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString(),
    questionCount: 5,
    // Four of the history questions and the one with several answers, in any order.
    quotas: [
      { topic: 'Lịch sử', difficulty: null, count: 4 },
      { topic: 'Nhiệm vụ', difficulty: null, count: 1 },
    ],
    timeLimitMinutes: 10,
    attemptsAllowed: 1,
  });
  roundId = round.id;
  await call(session, 'POST', `/api/contests/${contestId}/publish`, {});
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function register(page: Page, fullName: string, unitName: string, phoneNumber: string) {
  await page.getByTestId('entry-full-name').fill(fullName);
  await page.getByTestId('entry-unit-name').fill(unitName);
  await page.getByTestId('entry-phone').fill(phoneNumber);
  await page.getByTestId('entry-submit').click();
}

/** The error Mantine shows under a field (the input's aria-describedby points at it). */
async function fieldError(page: Page, testId: string): Promise<string> {
  const input = page.getByTestId(testId);
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/u).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

describe('a visitor without an account, on a phone', () => {
  it('registers from the public link, takes the round and sees the result', async () => {
    const context = await phone(browser);
    const page = await context.newPage();

    await page.goto(`${server.url}/thi/${contestId}`);
    await page.getByTestId('public-title').waitFor();
    expect(await page.getByTestId('public-title').textContent()).toBe(TITLE);
    expect(await page.getByTestId('public-login').count()).toBe(1);
    expect(await page.getByTestId('round-register-first').textContent()).toContain('Đăng ký dự thi ở trên');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // Nothing filled in: each field asks to be filled in (an empty phone is not "invalid");
    // nobody is sent to /login.
    await page.getByTestId('entry-submit').click();
    expect(await fieldError(page, 'entry-full-name')).toContain('Vui lòng nhập họ và tên');
    expect(await fieldError(page, 'entry-unit-name')).toContain('Vui lòng nhập đơn vị công tác');
    expect(await fieldError(page, 'entry-phone')).toContain('Vui lòng nhập số điện thoại');
    expect(await fieldError(page, 'entry-phone')).not.toContain('không hợp lệ');
    expect(new URL(page.url()).pathname).toBe(`/thi/${contestId}`);
    // Only a phone that was typed wrong is "không hợp lệ".
    await register(page, 'Lê Thị Thu Hà', 'Công ty TNHH May Hòa Bình', '0912');
    expect(await fieldError(page, 'entry-phone')).toContain('Số điện thoại không hợp lệ');
    // A field in error keeps its grey placeholder: only the border and the message are red.
    const placeholder = (testId: string) =>
      page.evaluate<string>(
        `getComputedStyle(document.querySelector('[data-testid="${testId}"]'), '::placeholder').color`,
      );
    expect(await placeholder('entry-phone')).toBe(await placeholder('entry-full-name'));

    await register(page, 'Lê Thị Thu Hà', 'Công ty TNHH May Hòa Bình', PHONE);
    await page.getByTestId('public-registered').waitFor();
    expect(await page.getByTestId('public-registered').textContent()).toContain('Lê Thị Thu Hà');
    expect(await page.getByTestId('public-entry-form').count()).toBe(0);

    await page.getByTestId('round-start').click();
    const started = page
      .waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/rounds/${roundId}/attempts`))
      .then((r) => r.json() as Promise<{ attemptId: number; contestTitle: string; questions: { id: number }[] }>);
    await page.getByTestId('round-start-confirm').click();
    const attempt = await started;
    expect(attempt.questions).toHaveLength(5);
    await page.waitForURL(new RegExp(`/thi/${contestId}/vong/${roundId}$`, 'u'));
    await page.getByTestId('play-question').waitFor();
    // The contest's and round's names come with the attempt.
    expect(await page.getByText(TITLE).count()).toBeGreaterThan(0);
    expect(await page.getByText('Tuần 1 · Lượt 1/1').count()).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    let clearedId: string | null = null;
    for (let index = 0; index < 5; index++) {
      const question = page.getByTestId('play-question');
      const id = (await question.getAttribute('data-question-id')) ?? '';
      const options = page.getByTestId('play-option');
      const texts = await options.allTextContents();
      if (texts.includes(WRONG_MANY)) {
        // A choice saved, then cleared while the connection is down: the cleared choice
        // must travel with the submission and undo the saved one.
        clearedId = id;
        const saved = page.waitForResponse((r) => r.url().endsWith('/answers') && r.status() === 200);
        await options.nth(texts.indexOf(WRONG_MANY)).click();
        await saved;
        await page.route('**/api/contests/attempts/*/answers', (route) => route.abort());
        await options.nth(texts.indexOf(WRONG_MANY)).click();
        await page.locator('[data-testid="play-save-status"][data-status="unsaved"]').waitFor({ timeout: 10_000 });
      } else if (clearedId === null) {
        const saved = page.waitForResponse((r) => r.url().endsWith('/answers') && r.status() === 200);
        await options.nth(texts.indexOf(RIGHT)).click();
        await saved;
      } else {
        // Saves fail from here on: these go with the submission too.
        await options.nth(texts.indexOf(RIGHT)).click();
      }
      if (index < 4) await page.getByTestId('play-next').click();
    }
    expect(clearedId).not.toBeNull();

    await page.getByTestId('play-submit').click();
    await page.getByTestId('play-submit-dialog').waitFor();
    expect(await page.getByTestId('play-unanswered').textContent()).toContain('Còn 1 câu chưa trả lời');
    const submitted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/submit'));
    await page.getByTestId('play-submit-confirm').click();
    const body = (await submitted).postDataJSON() as { answers?: Record<string, string[]> };
    expect(body.answers?.[clearedId as string]).toEqual([]);

    // The result, without a session: read again with the attempt's token kept in memory.
    const read = page.waitForRequest((r) => r.method() === 'GET' && r.url().endsWith(`/attempts/${attempt.attemptId}`));
    await page.waitForURL(new RegExp(`/thi/${contestId}/luot/${attempt.attemptId}$`, 'u'), { timeout: 15_000 });
    await page.getByTestId('attempt-result').waitFor();
    expect((await read).headers()['x-attempt-token']).toBeTruthy();
    expect(await page.getByTestId('attempt-correct').textContent()).toBe('4/5');
    // Which contest and round this was, and the way back to the contest.
    expect(await page.getByTestId('attempt-contest').textContent()).toBe(TITLE);
    expect(await page.getByTestId('attempt-round').textContent()).toContain('Tuần 1');
    expect(await page.getByTestId('attempt-contest-link').getAttribute('href')).toBe(`/thi/${contestId}`);
    expect(await page.getByTestId('attempt-review-later').textContent()).toContain(
      'Đáp án sẽ được công bố khi vòng thi kết thúc',
    );
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const saved = await server.db
      .selectFrom('contest_attempts')
      .select('answers')
      .where('id', '=', attempt.attemptId)
      .executeTakeFirstOrThrow();
    expect(Object.keys(saved.answers as Record<string, string[]>)).not.toContain(clearedId);
    expect(Object.keys(saved.answers as Record<string, string[]>)).toHaveLength(4);

    // A reload forgets the token; the registration cookie still finds the attempt.
    await page.unrouteAll();
    await page.reload();
    await page.getByTestId('attempt-result').waitFor();
    expect(await page.getByTestId('attempt-correct').textContent()).toBe('4/5');

    // Back on the contest page: the attempt with its score, no attempt left, no form.
    await page.getByTestId('attempt-back').click();
    await page.getByTestId('round-my-attempts').waitFor();
    expect(await page.getByTestId('round-my-attempts').textContent()).toContain('4/5');
    expect(await page.getByTestId('round-start').count()).toBe(0);
    expect(await page.getByTestId('public-entry-form').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe(`/thi/${contestId}`);
    await context.close();
  });

  it('cannot register the same phone again from another browser', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/thi/${contestId}`);
    await page.getByTestId('public-entry-form').waitFor();
    await register(page, 'Người Khác', 'Một đơn vị khác', PHONE);
    expect(await fieldError(page, 'entry-phone')).toContain('Số điện thoại đã được đăng ký cho cuộc thi này');
    expect(await page.getByTestId('public-entry-error').textContent()).toContain('Hãy dùng trình duyệt đã đăng ký');
    expect(await page.getByTestId('public-registered').count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('signed in', () => {
  async function logIn(page: Page, who: { login: string; password: string }, to: string) {
    await page.goto(`${server.url}/login?redirect=${encodeURIComponent(to)}`);
    await page.getByTestId('login-input').fill(who.login);
    await page.getByTestId('password-input').fill(who.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === to);
  }

  it('a member opening the public link plays with their account, without the form', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await logIn(page, member, `/thi/${contestId}`);
    await page.getByTestId('public-member').waitFor();
    expect(await page.getByTestId('public-member').textContent()).toContain('tài khoản');
    expect(await page.getByTestId('public-entry-form').count()).toBe(0);
    expect(await page.getByTestId('round-start').count()).toBe(1);
    await context.close();
  });

  it("the organisers' contest page shows the public link to share", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await logIn(page, organiser, `/contests/${contestId}`);
    await page.getByTestId('public-link').waitFor();
    expect(await page.getByTestId('public-link-url').textContent()).toBe(`${server.url}/thi/${contestId}`);
    await context.close();
  });
});
