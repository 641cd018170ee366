import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';
import { activityBody, client } from './activities.test-helpers.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let adminA: Session;
let adminB: Session;
let memberA: Session;
let activityId: number;

beforeAll(async () => {
  const tree = await makeTree(db);
  const [inA] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn Đức'])) as [number];
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  adminB = await login(app, await makeAccount(db, 'unit_admin', tree.schoolB));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: inA }));
  activityId = (await client(app, adminA).post('/api/activities', activityBody(tree.schoolA, '2024-10-05'))).json().id;
});

/** A multipart upload with the file's name and the browser's claimed type, plus text fields. */
function upload(session: Session, file: Buffer, filename: string, type: string, fields: Record<string, string> = {}) {
  const boundary = `----lantoa${randomBytes(8).toString('hex')}`;
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: ${type}\r\n\r\n`,
  );
  return app.inject({
    method: 'POST',
    url: `/api/activities/${activityId}/files`,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([...parts, head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('activity photos and attachments', () => {
  it('accepts a PNG, re-encodes it without metadata, at most 2000 px, with a thumbnail', async () => {
    const png = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#c81e1e' } })
      .withExif({ IFD0: { Artist: 'Nguyễn Văn Đức', Copyright: 'GPS 20.25N 105.97E' } })
      .png()
      .toBuffer();
    expect((await sharp(png).metadata()).exif).toBeDefined();

    const response = await upload(adminA, png, 'hoi-nghi.png', 'image/png', { caption: 'Toàn cảnh hội nghị' });
    expect(response.statusCode).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({ kind: 'photo', caption: 'Toàn cảnh hội nghị', name: 'hoi-nghi.jpg' });
    expect(view.thumbnailUrl).toBe(`/api/files/${view.id}/thumbnail`);

    const full = await client(app, adminA).get(view.url);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(full.headers['content-disposition']).toMatch(/^inline;/u);
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    expect(full.headers['cache-control']).toMatch(/^private/u);
    expect(full.rawPayload.equals(png)).toBe(false);
    const meta = await sharp(full.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(2000);
    expect(meta.exif).toBeUndefined();

    const thumb = await client(app, adminA).get(view.thumbnailUrl);
    expect(thumb.statusCode).toBe(200);
    const thumbMeta = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(thumbMeta.width ?? 0, thumbMeta.height ?? 0)).toBe(400);
  });

  it('accepts a PDF as an attachment and serves it as a download with nosniff', async () => {
    const response = await upload(adminA, pdf, 'ke-hoach.html', 'text/html');
    expect(response.statusCode).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({ kind: 'attachment', name: 'ke-hoach.pdf', contentType: 'application/pdf' });
    expect(view.thumbnailUrl).toBeNull();
    const file = await client(app, memberA).get(view.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="ke-hoach.pdf"/u);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(pdf)).toBe(true);

    const list = (await client(app, memberA).get(`/api/activities/${activityId}/files`)).json();
    expect(list.items.map((item: { kind: string }) => item.kind)).toEqual(['photo', 'attachment']);
  });

  it('refuses HTML renamed .png, SVG, and files over 10 MB, in Vietnamese and never with a 500', async () => {
    const html = await upload(adminA, Buffer.from('<html><script>alert(1)</script></html>'), 'anh.png', 'image/png');
    expect(html.statusCode).toBe(400);
    expect(html.json().error.code).toBe('FILE_INVALID');
    expect(html.json().error.details[0].field).toBe('file');
    expect(html.json().error.message).toContain('Chỉ nhận ảnh');

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>');
    const svgResponse = await upload(adminA, svg, 'logo.svg', 'image/svg+xml');
    expect(svgResponse.statusCode).toBe(400);
    expect(svgResponse.json().error.code).toBe('FILE_INVALID');

    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    const bigResponse = await upload(adminA, big, 'lon.pdf', 'application/pdf');
    expect([400, 413]).toContain(bigResponse.statusCode);
    expect(bigResponse.json().error.message).toContain('10 MB');

    const list = (await client(app, adminA).get(`/api/activities/${activityId}/files`)).json();
    expect(
      list.items.some((item: { name: string }) => item.name.startsWith('anh') || item.name.startsWith('lon')),
    ).toBe(false);
  });

  it("hides everything from another school's manager (404) and refuses members' uploads", async () => {
    const listA = (await client(app, adminA).get(`/api/activities/${activityId}/files`)).json();
    const fileUrl = listA.items[0].url as string;
    expect((await upload(adminB, pdf, 'x.pdf', 'application/pdf')).statusCode).toBe(404);
    expect((await client(app, adminB).get(`/api/activities/${activityId}/files`)).statusCode).toBe(404);
    const download = await client(app, adminB).get(fileUrl);
    expect(download.statusCode).toBe(404);
    expect(download.json().error.message).toBe('Không tìm thấy tệp.');
    expect((await client(app, adminB).get(`${fileUrl}/thumbnail`)).statusCode).toBe(404);
    expect((await client(app, null).get(fileUrl)).statusCode).toBe(401);
    expect((await upload(memberA, pdf, 'x.pdf', 'application/pdf')).statusCode).toBe(403);
  });

  it('deletes a file with its thumbnail, and audits the upload and the deletion', async () => {
    const png = await sharp({ create: { width: 800, height: 600, channels: 4, background: '#00000000' } })
      .png()
      .toBuffer();
    const view = (await upload(adminA, png, 'trong-suot.png', 'image/png')).json();
    expect(view).toMatchObject({ kind: 'photo', name: 'trong-suot.webp', contentType: 'image/webp' });
    expect((await client(app, adminB).delete(`/api/activities/${activityId}/files/${view.id}`)).statusCode).toBe(404);
    expect((await client(app, adminA).delete(`/api/activities/${activityId}/files/${view.id}`)).statusCode).toBe(204);
    expect((await client(app, adminA).get(view.url)).statusCode).toBe(404);
    expect((await client(app, adminA).delete(`/api/activities/${activityId}/files/${view.id}`)).statusCode).toBe(404);
    const leftovers = await db.selectFrom('files').select('id').where('id', '>=', view.id).execute();
    expect(leftovers).toEqual([]);

    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'activity')
      .where('entity_id', '=', activityId)
      .where('action', 'like', 'activity.file_%')
      .orderBy('id')
      .execute();
    expect(events.map((event) => event.action)).toEqual([
      'activity.file_added',
      'activity.file_added',
      'activity.file_added',
      'activity.file_removed',
    ]);
    expect(events[3]?.before).toMatchObject({ fileId: view.id, name: 'trong-suot.webp' });
  });

  it('deletes the files of a deleted activity', async () => {
    const view = (await upload(adminA, pdf, 'bien-ban.pdf', 'application/pdf')).json();
    expect((await client(app, adminA).delete(`/api/activities/${activityId}`)).statusCode).toBe(204);
    expect(await db.selectFrom('files').select('id').where('id', '=', view.id).execute()).toEqual([]);
  });
});
