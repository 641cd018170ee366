import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS, { type Worksheet } from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMemberTemplate, MEMBER_COLUMNS } from '../apps/server/src/modules/org/members-excel.js';
import { makeAccount, makeTree } from '../apps/server/test/factories.js';
import { desktopContext, launchBrowser, phoneContext } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let tree: Awaited<ReturnType<typeof makeTree>>;
let admin: { login: string; password: string };

/** The downloadable template, filled in as a union officer would, saved where the file chooser can take it. */
async function filledTemplate(rows: Record<string, ExcelJS.CellValue>[], name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildMemberTemplate()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as Worksheet;
  const headers = MEMBER_COLUMNS.map((column) => column.header);
  rows.forEach((cells, i) => {
    for (const [header, value] of Object.entries(cells))
      sheet.getRow(i + 2).getCell(headers.indexOf(header) + 1).value = value;
  });
  const path = join(tmpdir(), `${name}-${Date.now()}.xlsx`);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}

const person = (fullName: string, gender: string, phone: string) => ({
  'Họ và tên*': fullName,
  'Giới tính*': gender,
  'Chức vụ chuyên môn*': 'Giáo viên',
  'Chức vụ công đoàn*': 'Đoàn viên',
  'Ngày vào đơn vị*': '05/09/2023',
  'Số điện thoại': phone,
});

async function logIn(page: Page, who: { login: string; password: string }) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-input').fill(who.login);
  await page.getByTestId('password-input').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

beforeAll(async () => {
  server = await startServer();
  tree = await makeTree(server.db);
  admin = await makeAccount(server.db, 'unit_admin', tree.schoolA);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a school’s union admin in the browser', () => {
  it('logs in, imports members from .xlsx, and finds one by a name typed without diacritics', async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await logIn(page, admin);

    await page.goto(`${server.url}/units/${tree.schoolA}/import`);
    const file = await filledTemplate(
      [
        person('Nguyễn Văn Đức', 'Nam', '0912000111'),
        person('Trần Thị Thu Hà', 'Nữ', '0912000222'),
        person('Lê Đình Dũng', 'Nam', '0912000333'),
      ],
      'ok',
    );
    await page.getByRole('button', { name: 'Tôi đã có tệp, tiếp tục' }).click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 15_000 }).toContain('3');

    await page.goto(`${server.url}/units/${tree.schoolA}`);
    await page.getByTestId('member-search').fill('nguyen van duc');
    const rows = page.getByTestId('member-row');
    await expect
      .poll(() => rows.allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringContaining('Nguyễn Văn Đức')]);
    await context.close();
  });

  it('on a phone, sees every error of a bad file by row and column, and nothing is imported', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await logIn(page, admin);
    const before = await server.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    await page.goto(`${server.url}/units/${tree.schoolA}/import`);
    const file = await filledTemplate(
      [
        person('Phạm Thị Hoa', 'Nữ', '0913000111'),
        { ...person('Vũ Văn Nam', 'Robot', '0913000222'), 'Ngày vào đơn vị*': '31/02/2024' },
      ],
      'bad',
    );
    await page.getByRole('button', { name: 'Tôi đã có tệp, tiếp tục' }).click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    const report = page.getByTestId('import-errors');
    await report.waitFor({ timeout: 15_000 });
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('Giới tính');
    expect(text).toContain('Ngày vào đơn vị');
    expect(text).toContain('3');
    const after = await server.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // Nothing on the page is wider than the phone.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
