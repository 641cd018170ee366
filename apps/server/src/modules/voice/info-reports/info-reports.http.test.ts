import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../../test/factories.js';
import { client } from '../../activities/activities.test-helpers.js';
import { sendReportWithFile } from './info-reports.test-helpers.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let other: Awaited<ReturnType<typeof makeTree>>;
let provinceAdmin: Session;
let provinceEditor: Session;
let schoolAdmin: Session;
let memberA: Session;
let memberB: Session;
let otherProvinceAdmin: Session;
let memberAAccount: number;
let memberAId: number;

beforeAll(async () => {
  tree = await makeTree(db);
  other = await makeTree(db);
  const [inA, inB] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn Đức', 'Lê Thị Hoa'])) as [number, number];
  memberAId = inA;
  provinceAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  provinceEditor = await login(app, await makeAccount(db, 'unit_editor', tree.province));
  schoolAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  const accountA = await makeAccount(db, 'member', tree.schoolA, { memberId: inA });
  memberAAccount = accountA.id;
  memberA = await login(app, accountA);
  memberB = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: inB }));
  otherProvinceAdmin = await login(app, await makeAccount(db, 'unit_admin', other.province));
});

const report = (extra: Record<string, unknown> = {}) => ({
  url: 'https://example.com/bai-viet/tin-don-sai-su-that',
  description: 'Bài đăng nói sai về việc cắt giảm phụ cấp của giáo viên.',
  platform: 'facebook',
  ...extra,
});

async function newReport(session: Session, extra: Record<string, unknown> = {}) {
  const response = await client(app, session).post('/api/info-reports', report(extra));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

describe('reporting', () => {
  it('goes to the province; the reporter sees it in their list, another member and the school do not (404)', async () => {
    const id = await newReport(memberA);
    const mine = (await client(app, memberA).get('/api/info-reports/mine')).json();
    expect(mine.items.map((r: { id: string }) => r.id)).toContain(id);
    const view = (await client(app, memberA).get(`/api/info-reports/${id}`)).json();
    expect(view).toMatchObject({ status: 'new', provinceUnitId: tree.province, reporterName: null });
    expect(view.abilities).toEqual({
      startVerifying: false,
      conclude: false,
      handOver: false,
      reopen: false,
      respond: false,
    });

    expect((await client(app, memberB).get(`/api/info-reports/${id}`)).statusCode).toBe(404);
    expect((await client(app, memberB).get('/api/info-reports/mine')).json().items).toEqual([]);
    expect((await client(app, schoolAdmin).get(`/api/info-reports/${id}`)).statusCode).toBe(404);
    expect((await client(app, schoolAdmin).get('/api/info-reports')).json().items).toEqual([]);
    expect((await client(app, otherProvinceAdmin).get(`/api/info-reports/${id}`)).statusCode).toBe(404);
    expect((await client(app, memberA).get('/api/info-reports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );

    const staffView = (await client(app, provinceEditor).get(`/api/info-reports/${id}`)).json();
    expect(staffView).toMatchObject({ reporterName: 'Nguyễn Văn Đức', reporterUnitName: 'Công đoàn Trường THPT A' });
    const inbox = (await client(app, provinceAdmin).get('/api/info-reports?status=new')).json();
    expect(inbox.items.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('refuses bad input with Vietnamese field messages and writes nothing', async () => {
    const before = await db
      .selectFrom('info_reports')
      .select(db.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const badUrl = await client(app, memberA).post('/api/info-reports', report({ url: 'javascript:alert(1)' }));
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().error.details).toEqual([
      { field: 'body.url', message: 'Đường liên kết phải bắt đầu bằng http:// hoặc https://' },
    ]);
    const ftp = await client(app, memberA).post('/api/info-reports', report({ url: 'ftp://example.com/x' }));
    expect(ftp.statusCode).toBe(400);
    const noPlatform = await client(app, memberA).post('/api/info-reports', report({ platform: 'myspace' }));
    expect(noPlatform.json().error.details[0]).toEqual({
      field: 'body.platform',
      message: 'Hãy chọn nơi bạn thấy thông tin',
    });
    const empty = await client(app, memberA).post('/api/info-reports', { platform: 'zalo', url: '', description: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/ít nhất một/u);
    const after = await db
      .selectFrom('info_reports')
      .select(db.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('re-encodes a screenshot without its EXIF (author, GPS location) and refuses what is not an image', async () => {
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({
        IFD0: { Artist: 'Nguyen Van Duc', Copyright: 'Nguyen Van Duc' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '20/1 15/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '105/1 58/1 0/1',
        },
      })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif?.toString('latin1')).toContain('Nguyen Van Duc');

    const response = await sendReportWithFile(
      app,
      memberA,
      { platform: 'zalo', description: 'Ảnh chụp tin nhắn nhóm' },
      photo,
    );
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json().id as string;
    expect(response.json().hasScreenshot).toBe(true);
    const stored = await db.selectFrom('info_report_files').selectAll().where('report_id', '=', id).execute();
    expect(stored.map((f) => f.kind).sort()).toEqual(['full', 'thumbnail']);
    for (const file of stored) {
      const meta = await sharp(file.data).metadata();
      expect(meta.exif).toBeUndefined();
      expect(file.data.includes(Buffer.from('Nguyen Van Duc'))).toBe(false);
    }
    const served = await client(app, provinceAdmin).get(`/api/info-reports/${id}/screenshot`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect((await client(app, schoolAdmin).get(`/api/info-reports/${id}/screenshot`)).statusCode).toBe(404);

    const before = await db
      .selectFrom('info_reports')
      .select(db.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const text = await sendReportWithFile(
      app,
      memberA,
      { platform: 'zalo' },
      Buffer.from('<?php echo 1; ?>'),
      'anh.jpg',
    );
    expect(text.statusCode).toBe(400);
    expect(text.json().error).toMatchObject({ code: 'FILE_INVALID' });
    expect(text.json().error.message).toMatch(/Chỉ nhận ảnh/u);
    const pdf = await sendReportWithFile(app, memberA, { platform: 'zalo' }, Buffer.from('%PDF-1.4\n%…'), 'a.pdf');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.message).toBe('Ảnh chụp màn hình phải là ảnh JPEG, PNG hoặc WebP.');
    const after = await db
      .selectFrom('info_reports')
      .select(db.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('an anonymous report stores nothing that links it to the person', async () => {
    const auditBefore = await db.selectFrom('audit_events').select(db.fn.max('id').as('id')).executeTakeFirstOrThrow();
    const photo = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#333' } })
      .png()
      .toBuffer();
    const response = await sendReportWithFile(
      app,
      memberA,
      { platform: 'tiktok', description: 'Video cắt ghép sai sự thật về nhà trường', anonymous: 'true' },
      photo,
    );
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json().id as string;
    expect(response.json()).toMatchObject({ anonymous: true, reporterName: null });

    const row = await db.selectFrom('info_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      anonymous: true,
      reporter_account_id: null,
      reporter_member_id: null,
      reporter_unit_id: null,
      created_at: null,
      province_unit_id: tree.province,
    });
    // Nothing in the row mentions the account, the member, their unit or a time of day.
    const rowText = JSON.stringify({ ...row, id: undefined });
    expect(rowText).not.toMatch(/T\d\d:\d\d/u);
    const files = await db.selectFrom('info_report_files').selectAll().where('report_id', '=', id).execute();
    expect(Object.keys(files[0] ?? {}).sort()).toEqual([
      'content_type',
      'data',
      'height',
      'kind',
      'report_id',
      'width',
    ]);
    // No audit event, no event row, nothing in the shared files table.
    const audit = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', Number(auditBefore.id ?? 0))
      .execute();
    expect(audit.filter((a) => JSON.stringify(a).includes(id))).toEqual([]);
    expect(audit.filter((a) => a.actor_account_id === memberAAccount)).toEqual([]);
    expect(await db.selectFrom('info_report_events').selectAll().where('report_id', '=', id).execute()).toEqual([]);
    expect(await db.selectFrom('files').selectAll().where('created_by', '=', memberAAccount).execute()).toEqual([]);
    // The reporter cannot find it again (nothing ties it to them), the province can.
    expect((await client(app, memberA).get(`/api/info-reports/${id}`)).statusCode).toBe(404);
    const mine = (await client(app, memberA).get('/api/info-reports/mine')).json();
    expect(mine.items.map((r: { id: string }) => r.id)).not.toContain(id);
    const staff = (await client(app, provinceAdmin).get(`/api/info-reports/${id}`)).json();
    expect(staff).toMatchObject({ anonymous: true, reporterName: null, reporterUnitName: null });
    // The database itself refuses an anonymous row with a reporter.
    await expect(
      db
        .insertInto('info_reports')
        .values({
          province_unit_id: tree.province,
          anonymous: true,
          reporter_member_id: memberAId,
          reporter_account_id: null,
          reporter_unit_id: null,
          platform: 'zalo',
          url: null,
          description: 'x',
          reported_on: '2024-01-01',
        })
        .execute(),
    ).rejects.toThrow(/info_reports_anonymous_unlinked/u);
  });
});
