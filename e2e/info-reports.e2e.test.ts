import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeMembers, makeTree } from '../apps/server/test/factories.js';
import { launchBrowser, logIn, noSideScroll, phoneContext } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let member: { login: string; password: string };
let admin: { login: string; password: string };
let province: number;

const DESCRIPTION = 'Bài đăng bịa đặt rằng giáo viên sẽ bị cắt phụ cấp ưu đãi từ tháng sau.';
const URL_TEXT = 'https://example.com/bai-dang/tin-don-cat-phu-cap';
const ARTICLE = 'Thông tin chính thức về phụ cấp ưu đãi nhà giáo';

beforeAll(async () => {
  server = await startServer();
  const tree = await makeTree(server.db);
  province = tree.province;
  const [memberId] = (await makeMembers(server.db, tree.schoolA, ['Đỗ Thị Thu Hà'])) as [number];
  member = await makeAccount(server.db, 'member', tree.schoolA, { memberId });
  admin = await makeAccount(server.db, 'unit_admin', tree.province);
  await server.db
    .insertInto('articles')
    .values({
      unit_id: tree.province,
      publisher_unit_id: tree.province,
      title: ARTICLE,
      category: 'giao-duc',
      status: 'published',
      slug: 'thong-tin-chinh-thuc-phu-cap',
      published_at: new Date(),
      search_text: 'thong tin chinh thuc ve phu cap uu dai nha giao',
    })
    .execute();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('harmful information report on a phone', () => {
  it('a member reports a link with a description; the province admin verifies it and records the response', async () => {
    const memberContext = await phoneContext(browser);
    const page = await memberContext.newPage();
    await logIn(page, server.url, member);
    await page.goto(`${server.url}/info-reports`);
    await page.getByRole('heading', { name: 'Báo tin xấu, độc' }).waitFor();
    await expect(page.getByText('trường của bạn không thấy').count()).resolves.toBe(1);
    await page.getByText('Facebook', { exact: true }).click();
    await page.getByLabel('Đường liên kết').fill(URL_TEXT);
    await page.getByLabel('Mô tả').fill(DESCRIPTION);
    await page.getByRole('button', { name: 'Gửi tin báo' }).click();
    await page.getByText('Đã gửi. Cảm ơn bạn!').waitFor();
    await page.getByRole('link', { name: DESCRIPTION }).waitFor();
    await noSideScroll(page);
    await memberContext.close();

    const row = await server.db
      .selectFrom('info_reports')
      .selectAll()
      .where('province_unit_id', '=', province)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ url: URL_TEXT, description: DESCRIPTION, platform: 'facebook', status: 'new' });

    const adminContext = await phoneContext(browser);
    const adminPage = await adminContext.newPage();
    await logIn(adminPage, server.url, admin);
    await adminPage.goto(`${server.url}/info-reports/inbox`);
    await adminPage.getByRole('link', { name: DESCRIPTION }).click();
    await adminPage.getByText('Đỗ Thị Thu Hà').waitFor();
    await adminPage.getByRole('button', { name: 'Bắt đầu xác minh' }).click();
    await adminPage.getByLabel('Ghi chú cho bước này (không bắt buộc)').fill('Đã đối chiếu với văn bản của Sở');
    await adminPage.getByRole('button', { name: 'Xác minh là sai sự thật/độc hại' }).click();
    await adminPage.getByRole('button', { name: 'Mở lại để xác minh' }).waitFor();

    await adminPage.getByRole('combobox', { name: 'Bài cải chính' }).fill('phu cap');
    await adminPage.getByRole('option', { name: new RegExp(ARTICLE, 'u') }).click();
    await adminPage.getByLabel('Văn bản gửi tới (nơi nhận)').fill('Sở Giáo dục và Đào tạo');
    await adminPage.getByLabel('Số, ký hiệu văn bản').fill('45/CV-CĐGD');
    await adminPage.getByRole('button', { name: 'Lưu kết quả xử lý' }).click();
    await adminPage.getByText('Đã lưu.').waitFor();
    await noSideScroll(adminPage);
    await adminContext.close();

    const handled = await server.db
      .selectFrom('info_reports')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(handled).toMatchObject({
      status: 'verified',
      letter_recipient: 'Sở Giáo dục và Đào tạo',
      letter_number: '45/CV-CĐGD',
    });
    expect(handled.clarification_article_id).not.toBeNull();
  });
});
