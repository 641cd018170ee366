import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeMembers, makeTree } from '../apps/server/test/factories.js';
import { launchBrowser, logIn, noSideScroll, phoneContext } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let member: { login: string; password: string };
let chair: { login: string; password: string };

beforeAll(async () => {
  server = await startServer();
  const tree = await makeTree(server.db);
  // Ten members: the school is big enough to keep its own anonymous items.
  const names = ['Đặng Thị Thu Hà', ...Array.from({ length: 9 }, (_, i) => `Giáo viên ${i + 2}`)];
  const [memberId] = (await makeMembers(server.db, tree.schoolA, names)) as [number];
  member = await makeAccount(server.db, 'member', tree.schoolA, { memberId });
  chair = await makeAccount(server.db, 'unit_admin', tree.schoolA);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an anonymous concern on a phone', () => {
  it('is sent by a member, answered by the chair and read back with the tracking code', async () => {
    // The member sends it anonymously.
    const memberContext = await phoneContext(browser);
    const page = await memberContext.newPage();
    await logIn(page, server.url, member);
    await page.goto(`${server.url}/y-kien`);
    await page.getByPlaceholder('Chọn lĩnh vực').click();
    await page.getByRole('option', { name: /Điều kiện làm việc/u }).click();
    await page.getByLabel('Tiêu đề').fill('Phòng máy tính thiếu điều hòa');
    await page
      .getByLabel('Nội dung')
      .fill('Phòng tin học rất nóng vào buổi chiều, máy hay treo. Đề nghị lắp điều hòa.');
    await page.getByRole('switch', { name: 'Gửi ẩn danh' }).check({ force: true });
    await page.getByText('Không lưu tên, tài khoản, địa chỉ mạng', { exact: false }).waitFor();
    await noSideScroll(page);
    await page.getByRole('button', { name: 'Gửi ẩn danh' }).click();
    const codeBox = page.getByTestId('tracking-code');
    await codeBox.waitFor();
    const code = (await codeBox.textContent())?.trim() ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/u);
    await page.getByText('Hãy chép hoặc ghi lại mã này ngay', { exact: false }).waitFor();
    await noSideScroll(page);
    await memberContext.close();

    // The chair answers it from the inbox.
    const chairContext = await phoneContext(browser);
    const chairPage = await chairContext.newPage();
    await logIn(chairPage, server.url, chair);
    await chairPage.goto(`${server.url}/y-kien/xu-ly`);
    await chairPage.getByRole('link', { name: 'Phòng máy tính thiếu điều hòa' }).click();
    await chairPage.waitForURL(/\/y-kien\/xu-ly\/[0-9a-f-]{36}$/u);
    await chairPage.getByText('Ẩn danh', { exact: false }).first().waitFor();
    await chairPage.getByRole('button', { name: 'Tiếp nhận' }).click();
    await chairPage.getByText('Đã tiếp nhận', { exact: true }).first().waitFor();
    await chairPage.getByLabel('Trả lời đoàn viên').fill('Nhà trường sẽ lắp 2 máy điều hòa trong tháng này.');
    await chairPage.getByRole('button', { name: 'Gửi trả lời' }).click();
    await chairPage.getByText('Đã giải quyết', { exact: true }).first().waitFor();
    await noSideScroll(chairPage);
    await chairContext.close();

    // The member, not signed in, reads the answer with the code and rates it.
    const publicContext = await phoneContext(browser);
    const track = await publicContext.newPage();
    await track.goto(`${server.url}/gop-y/theo-doi`);
    await track.getByLabel('Mã theo dõi').fill(code.toLowerCase());
    await track.getByRole('button', { name: 'Xem ý kiến' }).click();
    await expect
      .poll(() => track.getByTestId('concern-answer').textContent())
      .toBe('Nhà trường sẽ lắp 2 máy điều hòa trong tháng này.');
    expect(track.url()).not.toContain(code);
    await noSideScroll(track);
    await track.locator('.mantine-Rating-label').last().click();
    await track.getByRole('button', { name: 'Gửi đánh giá và đóng ý kiến' }).click();
    await track.getByText('Đã đóng', { exact: true }).first().waitFor();
    const row = await server.db
      .selectFrom('concerns')
      .select(['status', 'rating', 'account_id'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'closed', rating: 5, account_id: null });
    await publicContext.close();
  });
});
