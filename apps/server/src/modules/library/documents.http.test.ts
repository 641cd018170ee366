import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { as, login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let province: Session;
let adminA: Session;
let adminB: Session;
let memberA: Session;
let topics: { id: number; name: string }[];

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

function multipart(buffer: Buffer, filename: string) {
  const boundary = '----lantoa-library-test';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(session: Session, url: string, buffer: Buffer, filename: string) {
  const { body, contentType } = multipart(buffer, filename);
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': contentType },
    payload: body,
  });
}

beforeAll(async () => {
  tree = await makeTree(db);
  const [inA] = await makeMembers(db, tree.schoolA, ['Đặng Thị Hoa']);
  province = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  adminB = await login(app, await makeAccount(db, 'unit_admin', tree.schoolB));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: inA as number }));
  topics = (await as(app, province).get('/api/library/topics')).json().items;
});

const topic = (name: string) => topics.find((t) => t.name === name)?.id as number;

describe('the document library', () => {
  let nq02: number;
  let schoolDoc: number;

  it('lets a province admin publish a document, seen by every school below', async () => {
    const response = await as(app, province).post('/api/library/documents', {
      unitId: tree.province,
      type: 'resolution',
      number: '02-NQ/TW',
      issuedOn: '2021-06-12',
      issuer: 'Bộ Chính trị',
      title: 'Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới',
      summary: 'Tóm tắt: định hướng đổi mới tổ chức, hoạt động công đoàn.',
      topicIds: [topic('Luật Công đoàn'), topic('Nghị quyết, chỉ thị của Đảng')],
    });
    expect(response.statusCode).toBe(201);
    nq02 = response.json().id;
    expect(response.json()).toMatchObject({ number: '02-NQ/TW', canEdit: true, canAssign: true, fileCount: 0 });
    expect(response.json().topics.map((t: { name: string }) => t.name)).toEqual([
      'Nghị quyết, chỉ thị của Đảng',
      'Luật Công đoàn',
    ]);
    const seen = await as(app, memberA).get(`/api/library/documents/${nq02}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ canEdit: false, canAssign: false });
  });

  it('keeps a school’s document to the school and those above it (404 for another school)', async () => {
    const response = await as(app, adminA).post('/api/library/documents', {
      unitId: tree.schoolA,
      type: 'plan',
      number: '12/KH-CĐCS',
      issuedOn: '2024-09-05',
      issuer: 'Công đoàn Trường THPT A',
      title: 'Kế hoạch học tập nghị quyết năm học 2024-2025',
    });
    expect(response.statusCode).toBe(201);
    schoolDoc = response.json().id;
    expect((await as(app, adminB).get(`/api/library/documents/${schoolDoc}`)).statusCode).toBe(404);
    expect((await as(app, province).get(`/api/library/documents/${schoolDoc}`)).statusCode).toBe(200);
    const listB = await as(app, adminB).get('/api/library/documents');
    expect(listB.json().items.map((d: { id: number }) => d.id)).toEqual([nq02]);
    // A school cannot publish for the province (a unit it does not see: 404) nor for another school.
    for (const unitId of [tree.province, tree.schoolB]) {
      const refused = await as(app, adminA).post('/api/library/documents', {
        unitId,
        type: 'law',
        title: 'Luật Công đoàn',
      });
      expect(refused.statusCode).toBe(404);
    }
    // A member of the school cannot publish for it.
    const member = await as(app, memberA).post('/api/library/documents', {
      unitId: tree.schoolA,
      type: 'law',
      title: 'Luật',
    });
    expect(member.statusCode).toBe(403);
  });

  it('finds documents without diacritics, by number, type, topic and words in any order', async () => {
    const search = async (q: string) =>
      (await as(app, memberA).get(`/api/library/documents?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((d: { number: string }) => d.number);
    expect(await search('nghi quyet 02')).toEqual(['02-NQ/TW']);
    expect(await search('NGHỊ QUYẾT 02')).toEqual(['02-NQ/TW']);
    expect(await search('02-nq')).toEqual(['02-NQ/TW']);
    expect(await search('doi moi cong doan')).toEqual(['02-NQ/TW']);
    expect(await search('luat cong doan')).toEqual(['02-NQ/TW']); // its topic
    expect(await search('hoc tap nghi quyet')).toEqual(['12/KH-CĐCS']);
    expect(await search('ke hoach 12')).toEqual(['12/KH-CĐCS']);
    expect(await search('quyet 99')).toEqual([]);
    expect(await search('100%_')).toEqual([]);
    const filtered = await as(app, memberA).get(
      `/api/library/documents?type=resolution&year=2021&topicId=${topic('Luật Công đoàn')}`,
    );
    expect(filtered.json()).toMatchObject({ total: 1, items: [{ number: '02-NQ/TW' }] });
    const byIssuer = await as(app, memberA).get(`/api/library/documents?issuer=${encodeURIComponent('bo chinh tri')}`);
    expect(byIssuer.json().total).toBe(1);
    const none = await as(app, memberA).get('/api/library/documents?year=2020');
    expect(none.json()).toEqual({ items: [], total: 0 });
  });

  it('refuses bad input with Vietnamese field errors and writes nothing', async () => {
    const before = await db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await as(app, province).post('/api/library/documents', {
      unitId: tree.province,
      type: 'bài báo',
      issuedOn: '2021-02-30',
      title: '   ',
    });
    expect(response.statusCode).toBe(400);
    const fields = Object.fromEntries(
      response.json().error.details.map((d: { field: string; message: string }) => [d.field, d.message]),
    );
    expect(fields).toMatchObject({
      'body.type': 'Loại văn bản không hợp lệ',
      'body.issuedOn': 'Ngày không hợp lệ',
      'body.title': 'Cần nhập trích yếu (tên văn bản)',
    });
    const unknownTopic = await as(app, province).post('/api/library/documents', {
      unitId: tree.province,
      type: 'law',
      title: 'Luật Giáo dục',
      topicIds: [999_999],
    });
    expect(unknownTopic.statusCode).toBe(400);
    expect(unknownTopic.json().error.details[0]).toMatchObject({ field: 'topicIds' });
    const after = await db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('stores PDF files checked by content and serves them only through the document’s access check', async () => {
    const response = await upload(province, `/api/library/documents/${nq02}/files`, PDF, 'nghi-quyet-02.pdf');
    expect(response.statusCode).toBe(201);
    const file = response.json().files[0];
    expect(file).toMatchObject({ name: 'nghi-quyet-02.pdf', contentType: 'application/pdf', size: PDF.length });
    const download = await as(app, memberA).get(file.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const inline = await as(app, memberA).get(`${file.url}?inline=1`);
    expect(inline.headers['content-disposition']).toContain('inline');
    // An image named .pdf is refused: the bytes decide.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const refused = await upload(province, `/api/library/documents/${nq02}/files`, png, 'gia.pdf');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'FILE_INVALID', details: [{ field: 'file' }] });
    // The school document's file is invisible to another school, as is the document.
    const schoolFile = await upload(adminA, `/api/library/documents/${schoolDoc}/files`, PDF, 'ke-hoach.pdf');
    const url = schoolFile.json().files[0].url;
    expect((await as(app, adminB).get(url)).statusCode).toBe(404);
    // Another document's id with this file: 404 too.
    expect((await as(app, adminA).get(url.replace(`/${schoolDoc}/`, `/${nq02}/`))).statusCode).toBe(404);
  });

  it('lets only the publishing unit’s managers edit, and not delete a document given for study', async () => {
    expect((await as(app, adminA).patch(`/api/library/documents/${nq02}`, { title: 'Sửa trái phép' })).statusCode).toBe(
      403,
    );
    const edited = await as(app, province).patch(`/api/library/documents/${nq02}`, {
      summary: 'Tóm tắt mới về an ninh mạng',
    });
    expect(edited.statusCode).toBe(200);
    const found = await as(app, memberA).get(`/api/library/documents?q=${encodeURIComponent('an ninh mang')}`);
    expect(found.json().items.map((d: { id: number }) => d.id)).toEqual([nq02]);
  });
});
