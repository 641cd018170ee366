import { sql } from 'kysely';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../../test/factories.js';
import { client } from '../../activities/activities.test-helpers.js';

/**
 * The anonymity proof: an anonymous concern sent by a signed-in member leaves nothing that ties
 * it to them. The whole database (schemas public and pgboss) is compared before and after the
 * request; every row written is inspected, column by column.
 */

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let memberA: number;
let account: { id: number; login: string; password: string };
let session: Session;
let adminA: Session;
let province: Session;
const USER_AGENT = 'Mozilla/5.0 (Linux; Android 14; Thiết-bị-bí-mật-XYZ) Mobile';

beforeAll(async () => {
  tree = await makeTree(db);
  [memberA] = (await makeMembers(db, tree.schoolA, ['Lê Thị Kín', 'Phạm Văn Hai', 'Hoàng Thị Ba'])) as [number];
  await makeMembers(
    db,
    tree.schoolB,
    Array.from({ length: 10 }, (_, i) => `Giáo Viên B${i + 1}`),
  );
  account = await makeAccount(db, 'member', tree.schoolA, { memberId: memberA });
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  province = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  session = await login(app, account);
  // The tracking secret is made on first use; make it now so the request below writes only its own rows.
  await client(app, session).post('/api/concerns', anonymousBody('Lần đầu'));
  session = await login(app, account); // a fresh session: not touched again within the minute
});

function anonymousBody(title: string, attachments: unknown[] = []) {
  return {
    category: 'living',
    title,
    body: 'Đề nghị công đoàn quan tâm bữa trưa bán trú cho giáo viên.',
    anonymous: true,
    attachments,
  };
}

type Snapshot = Map<string, Set<string>>;

async function snapshot(): Promise<Snapshot> {
  const tables = await sql<{ name: string }>`
    select format('%I.%I', table_schema, table_name) as name from information_schema.tables
    where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE'`.execute(db);
  const result: Snapshot = new Map();
  for (const { name } of tables.rows) {
    const rows = await sql<{ t: string }>`select t::text as t from ${sql.raw(name)} t`.execute(db);
    result.set(name, new Set(rows.rows.map((r) => r.t)));
  }
  return result;
}

function written(before: Snapshot, after: Snapshot): Map<string, string[]> {
  const changes = new Map<string, string[]>();
  for (const [table, rows] of after) {
    const old = before.get(table) ?? new Set();
    const fresh = [...rows].filter((row) => !old.has(row));
    const gone = [...old].filter((row) => !rows.has(row));
    if (fresh.length > 0 || gone.length > 0) changes.set(table, fresh);
  }
  return changes;
}

describe('an anonymous concern', () => {
  it('writes no account, member, address, device, session or time of day, and nothing beside its own rows', async () => {
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Lê Thị Kín', Model: 'Thiết-bị-bí-mật-XYZ' } })
      .toBuffer();
    const before = await snapshot();
    const response = await app.inject({
      method: 'POST',
      url: '/api/concerns',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'user-agent': USER_AGENT,
        'x-forwarded-for': '203.0.113.77',
      },
      payload: anonymousBody('Bữa trưa bán trú', [{ name: 'anh-chup.jpg', dataBase64: photo.toString('base64') }]),
      remoteAddress: '198.51.100.23',
    });
    expect(response.statusCode, response.body).toBe(201);
    const { id, trackingCode } = response.json();
    const after = await snapshot();
    const changes = written(before, after);

    // Only the concern and its attachment: no audit event, no job, no notification, no file row, no session touch.
    expect([...changes.keys()].sort()).toEqual(['public.concern_attachments', 'public.concerns']);
    expect(changes.get('public.concerns')).toHaveLength(1);
    expect(changes.get('public.concern_attachments')).toHaveLength(1);

    // Every column of the rows written.
    const row = await db.selectFrom('concerns').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const attachment = await db
      .selectFrom('concern_attachments')
      .selectAll()
      .where('concern_id', '=', id)
      .executeTakeFirstOrThrow();
    const token = session.cookie.split('=')[1] as string;
    const forbidden = [
      '198.51.100.23',
      '203.0.113.77',
      'Thiết-bị-bí-mật-XYZ',
      'Android',
      'Lê Thị Kín',
      account.login,
      token,
      session.csrf,
      trackingCode.replaceAll('-', ''),
    ];
    for (const [column, value] of [...Object.entries(row), ...Object.entries(attachment)]) {
      if (value instanceof Date) throw new Error(`${column} keeps a timestamp`);
      if (typeof value === 'number' && !['origin_unit_id', 'unit_id', 'escalations', 'size'].includes(column)) {
        expect([account.id, memberA], column).not.toContain(value);
      }
      const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
      for (const secret of forbidden) expect(text.includes(secret), `${column} contains ${secret}`).toBe(false);
    }
    expect(row).toMatchObject({ anonymous: true, member_id: null, account_id: null, submitted_at: null });
    expect(row.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    // The stored photo was re-encoded without its EXIF (author, device).
    expect((await sharp(attachment.data).metadata()).exif).toBeUndefined();
    // Random ids (uuid v4): no sequence to line it up with other rows of the moment.
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(attachment.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/u);
    // Not in the member's own list either.
    const mine = (await client(app, session).get('/api/concerns/mine')).json().items;
    expect(mine).toEqual([]);
  });

  it('from a small unit (fewer than 10 members) is stored and shown under the level above', async () => {
    const fromA = (await client(app, session).post('/api/concerns', anonymousBody('Từ đơn vị nhỏ'))).json();
    expect(fromA.unitName).toMatch(/^Công đoàn Giáo dục thử/u);
    const stored = await db.selectFrom('concerns').selectAll().where('id', '=', fromA.id).executeTakeFirstOrThrow();
    expect(stored.unit_id).toBe(tree.province);
    expect(stored.origin_unit_id).toBe(tree.province);
    // The small school's admin does not see it; the province does, without any author.
    expect((await client(app, adminA).get(`/api/concerns/${fromA.id}`)).statusCode).toBe(404);
    const seen = (await client(app, province).get(`/api/concerns/${fromA.id}`)).json();
    expect(seen).toMatchObject({ unitId: tree.province, authorName: null, anonymous: true });

    // A unit with 10 members keeps its own anonymous items.
    const [inB] = (await db
      .selectFrom('memberships')
      .select('member_id')
      .where('unit_id', '=', tree.schoolB)
      .execute()) as [{ member_id: number }];
    const memberB = await login(app, await makeAccount(db, 'member', tree.schoolB, { memberId: inB.member_id }));
    const fromB = (await client(app, memberB).post('/api/concerns', anonymousBody('Từ đơn vị đủ đông'))).json();
    expect(fromB.unitName).toBe('Công đoàn Trường THPT B');
    // A named one from the small unit stays at the unit.
    const named = (
      await client(app, session).post('/api/concerns', { ...anonymousBody('Có tên'), anonymous: false })
    ).json();
    expect(named.unitName).toBe('Công đoàn Trường THPT A');
  });

  it('is followed with its tracking code only: read the answer, rate, reopen once', async () => {
    const { id, trackingCode } = (
      await client(app, session).post('/api/concerns', anonymousBody('Theo dõi bằng mã'))
    ).json();
    expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/u);
    const stored = await db
      .selectFrom('concerns')
      .select('tracking_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.tracking_hash).not.toContain(trackingCode.replaceAll('-', ''));
    const track = (code: string) =>
      app.inject({ method: 'GET', url: '/api/concerns/track', headers: { 'x-tracking-code': code } });
    expect((await track('ABCD')).statusCode).toBe(400);
    expect((await track('0000-0000-0000')).statusCode).toBe(404);
    const first = await track(trackingCode.toLowerCase());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id, status: 'new', answer: null, actions: [] });

    await client(app, province).post(`/api/concerns/${id}/transitions`, {
      action: 'answer',
      note: 'Đã đề nghị nhà trường điều chỉnh thực đơn.',
    });
    const answered = (await track(trackingCode)).json();
    expect(answered).toMatchObject({
      status: 'resolved',
      answer: 'Đã đề nghị nhà trường điều chỉnh thực đơn.',
      actions: ['rate', 'reopen'],
    });
    // No "answered" notice can go to anyone: there is no one on record.
    expect(await db.selectFrom('notifications').select('id').where('link', 'like', `%${id}%`).execute()).toEqual([]);

    const act = (payload: object) =>
      app.inject({
        method: 'POST',
        url: '/api/concerns/track/transitions',
        payload: { code: trackingCode, ...payload },
      });
    const reopened = await act({ action: 'reopen', note: 'Thực đơn vẫn chưa đổi.' });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', reopened: true });
    const event = await db
      .selectFrom('concern_events')
      .selectAll()
      .where('concern_id', '=', id)
      .where('kind', '=', 'reopened')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_account_id: null, actor_name: null, at: null });
    await client(app, province).post(`/api/concerns/${id}/transitions`, {
      action: 'answer',
      note: 'Từ tuần sau đổi thực đơn.',
    });
    expect((await act({ action: 'reopen', note: 'Lần hai' })).statusCode).toBe(409);
    expect((await act({ action: 'answer', note: 'Tự trả lời' })).statusCode).toBe(403);
    expect((await act({ action: 'rate', rating: 4 })).json()).toMatchObject({ status: 'closed', rating: 4 });
  });
});
