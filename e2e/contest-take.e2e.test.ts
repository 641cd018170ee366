import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetRound } from '../apps/server/src/modules/contests/round-cache.js';
import { login, makeAccount, makeMembers, makeTree, type Session } from '../apps/server/test/factories.js';
import { launchBrowser } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let member: { login: string; password: string };
let contestId: number;

const TITLE = 'Cuộc thi tìm hiểu lịch sử Công đoàn Việt Nam';
const RIGHT = '28/7/1929';
const RIGHT_MANY = ['Tuyên truyền, vận động đoàn viên', 'Chăm lo đời sống đoàn viên'];

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

async function logIn(page: Page, who: { login: string; password: string }) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-input').fill(who.login);
  await page.getByTestId('password-input').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

interface Started {
  attemptId: number;
  resumed: boolean;
  questions: { id: number }[];
  answers: Record<string, string[]>;
}

/** The start-or-resume answer the player page receives when it opens. */
function startAnswer(page: Page): Promise<Started> {
  return page
    .waitForResponse((r) => r.request().method() === 'POST' && /\/api\/contests\/rounds\/\d+\/attempts$/u.test(r.url()))
    .then((r) => r.json() as Promise<Started>);
}

beforeAll(async () => {
  server = await startServer();
  const tree = await makeTree(server.db);
  const [memberId] = (await makeMembers(server.db, tree.schoolA, ['Nguyễn Thị Hồng Nhung'])) as [number];
  member = await makeAccount(server.db, 'member', tree.schoolA, { memberId });
  const organiser = await login(server.app, await makeAccount(server.db, 'unit_admin', tree.province));

  const contest = await call<{ id: number }>(organiser, 'POST', '/api/contests', {
    unitId: tree.province,
    title: TITLE,
    rules: 'Mỗi lượt 20 câu hỏi trong 30 phút.',
    prizes: '1 giải Nhất',
  });
  contestId = contest.id;
  for (let i = 1; i <= 22; i++) {
    const many = i % 5 === 0;
    await call(organiser, 'POST', `/api/contests/${contestId}/questions`, {
      kind: many ? 'multiple' : 'single',
      text: many
        ? `Câu ${i}: Những việc nào là nhiệm vụ của công đoàn cơ sở?`
        : `Câu ${i}: Công đoàn Việt Nam được thành lập ngày nào?`,
      options: many
        ? [
            { id: 'a', text: RIGHT_MANY[0] },
            { id: 'b', text: 'Quyết định tiền lương thay người sử dụng lao động' },
            { id: 'c', text: RIGHT_MANY[1] },
          ]
        : [
            { id: 'a', text: RIGHT },
            { id: 'b', text: '3/2/1930' },
            { id: 'c', text: '19/8/1945' },
            { id: 'd', text: '2/9/1945' },
          ],
      correct: many ? ['a', 'c'] : ['a'],
      topic: 'Lịch sử',
      difficulty: 1 + (i % 3),
    });
  }
  await call(organiser, 'POST', `/api/contests/${contestId}/rounds`, {
    title: 'Tuần 1',
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString(),
    questionCount: 20,
    timeLimitMinutes: 30,
    attemptsAllowed: 2,
  });
  await call(organiser, 'POST', `/api/contests/${contestId}/publish`, {});
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Answers the question on screen: right, or (when `wrong`) one wrong option; waits until it is saved. */
async function answer(page: Page, wrong: boolean) {
  const options = page.getByTestId('play-option');
  const texts = await options.allTextContents();
  const right = texts
    .map((text, index) => (text === RIGHT || RIGHT_MANY.includes(text) ? index : -1))
    .filter((i) => i >= 0);
  const picks = wrong ? [texts.findIndex((_, index) => !right.includes(index))] : right;
  for (const index of picks) {
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith('/answers') && r.status() === 200,
    );
    await options.nth(index).click();
    await saved;
  }
  await page.locator('[data-testid="play-save-status"][data-status="saved"]').waitFor({ timeout: 10_000 });
}

describe('a member on a phone', () => {
  it('takes a whole attempt: opens the contest, answers, reloads mid-way, submits and sees the result', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const page = await context.newPage();
    await logIn(page, member);

    await page.goto(`${server.url}/contests`);
    await page
      .locator(`[data-testid="contest-card"][data-contest-id="${contestId}"] [data-testid="contest-enter"]`)
      .click();
    await page.waitForURL(new RegExp(`/contests/${contestId}$`, 'u'));
    await page.getByTestId('round-start').click();
    const first = startAnswer(page);
    await page.getByTestId('round-start-confirm').click();
    const started = await first;
    expect(started.questions).toHaveLength(20);
    expect(started.resumed).toBe(false);
    await page.getByTestId('play-question').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(
      0,
    );

    // Every fourth question answered wrong, so the score is not trivially all or nothing.
    const wrong = (index: number) => index % 4 === 3;
    for (let index = 0; index < 10; index++) {
      await answer(page, wrong(index));
      await page.getByTestId('play-next').click();
    }
    await expect.poll(() => page.getByTestId('play-answered-count').textContent()).toContain('10/20');

    // A reload resumes the same attempt: same questions, the ten saved answers.
    const again = startAnswer(page);
    await page.reload();
    const resumed = await again;
    expect(resumed.resumed).toBe(true);
    expect(resumed.attemptId).toBe(started.attemptId);
    expect(resumed.questions.map((q) => q.id)).toEqual(started.questions.map((q) => q.id));
    expect(Object.keys(resumed.answers).sort()).toEqual(
      started.questions
        .slice(0, 10)
        .map((q) => String(q.id))
        .sort(),
    );
    await page.getByTestId('play-question').waitFor();
    expect(await page.getByTestId('play-answered-count').textContent()).toContain('10/20');
    expect(await page.locator('[data-testid="play-option"][data-checked]').count()).toBeGreaterThan(0);

    await page.getByTestId('play-nav-item').nth(10).click();
    for (let index = 10; index < 20; index++) {
      expect(await page.getByTestId('play-question-number').textContent()).toContain(`${index + 1}/20`);
      await answer(page, wrong(index));
      if (index < 19) await page.getByTestId('play-next').click();
    }
    await page.getByTestId('play-submit').click();
    await page.getByTestId('play-submit-dialog').waitFor();
    expect(await page.getByTestId('play-unanswered').count()).toBe(0);
    // A double click submits once.
    await page.getByTestId('play-submit-confirm').dblclick();

    await page.waitForURL(/\/contests\/attempts\/\d+/u, { timeout: 15_000 });
    await page.getByTestId('attempt-result').waitFor();
    expect(await page.getByTestId('attempt-correct').textContent()).toBe('15/20');
    // The result says which contest and round it was.
    expect(await page.getByTestId('attempt-contest').textContent()).toBe(TITLE);
    expect(await page.getByTestId('attempt-round').textContent()).toBe('Tuần 1 · lượt thi thứ 1');
    expect(await page.getByTestId('attempt-review-later').textContent()).toContain(
      'Đáp án sẽ được công bố khi vòng thi kết thúc',
    );
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(
      0,
    );

    const events = await server.db
      .selectFrom('contest_attempt_events')
      .select('kind')
      .where('attempt_id', '=', started.attemptId)
      .execute();
    expect(events.filter((e) => e.kind === 'submit')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'repeat_submit')).toHaveLength(0);

    // Back on the contest page the attempt is listed with its score.
    await page.getByTestId('attempt-back').click();
    await page.getByTestId('round-my-attempts').waitFor();
    expect(await page.getByTestId('round-my-attempts').textContent()).toContain('15/20');
    await context.close();
  });

  it('says when the round ended, not just that it is not open', async () => {
    // The round closed two minutes ago (a whole minute, as the page shows it).
    const closesAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 120_000);
    const round = await server.db
      .updateTable('contest_rounds')
      .set({ closes_at: closesAt })
      .where('contest_id', '=', contestId)
      .returning('id')
      .executeTakeFirstOrThrow();
    forgetRound(round.id);
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await logIn(page, member);
    await page.goto(`${server.url}/contests/rounds/${round.id}/play?contestId=${contestId}`);
    await page.getByTestId('play-start-error').waitFor();
    const vn = new Date(closesAt.getTime() + 7 * 3_600_000).toISOString();
    const when = `${vn.slice(11, 16)} ngày ${vn.slice(8, 10)}/${vn.slice(5, 7)}/${vn.slice(0, 4)}`;
    await expect
      .poll(() => page.getByTestId('play-start-error-title').textContent())
      .toBe(`Vòng thi “Tuần 1” đã kết thúc lúc ${when}.`);
    await context.close();
  });
});
