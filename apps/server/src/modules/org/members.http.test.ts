import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import {
  as,
  login,
  makeAccount,
  makeApp,
  makeMembers,
  makeTree,
  memberInput,
  type Session,
} from '../../../test/factories.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let adminA: Session;
let adminB: Session;
let editorA: Session;
let memberA: Session;
let provinceAdmin: Session;
let memberAId: number;
let colleagueId: number;
let studentOfB: number;

beforeAll(async () => {
  tree = await makeTree(db);
  [memberAId] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn Đức'], '2021-09-01', {
    phone: '0912345678',
    email: 'duc@truong-a.vn',
  })) as [number];
  [colleagueId] = (await makeMembers(db, tree.schoolA, ['Trần Thị Hà'], '2021-09-01', { phone: '0987654321' })) as [
    number,
  ];
  [studentOfB] = (await makeMembers(db, tree.schoolB, ['Lê Văn Bình'])) as [number];
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  adminB = await login(app, await makeAccount(db, 'unit_admin', tree.schoolB));
  editorA = await login(app, await makeAccount(db, 'unit_editor', tree.schoolA));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: memberAId }));
  provinceAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.province));
});

describe('members over HTTP', () => {
  it('lists a unit’s members sorted the Vietnamese way, with totals', async () => {
    await makeMembers(db, tree.schoolC, ['Phạm Thị Ánh', 'Đỗ Văn An', 'Bùi Thị An', 'Nguyễn Văn Dũng']);
    const response = await as(app, provinceAdmin).get(`/api/units/${tree.commune}/members`);
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((m: { fullName: string }) => m.fullName)).toEqual([
      'Bùi Thị An',
      'Đỗ Văn An',
      'Phạm Thị Ánh',
      'Nguyễn Văn Dũng',
    ]);
    expect(response.json().total).toBe(4);
    const page2 = await as(app, provinceAdmin).get(`/api/units/${tree.commune}/members?pageSize=3&page=2`);
    expect(page2.json().items.map((m: { fullName: string }) => m.fullName)).toEqual(['Nguyễn Văn Dũng']);
    expect(page2.json().total).toBe(4);
  });

  it('searches without diacritics over name, phone and e-mail', async () => {
    const search = async (q: string) =>
      (await as(app, adminA).get(`/api/units/${tree.schoolA}/members?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((m: { fullName: string }) => m.fullName);
    expect(await search('nguyen van duc')).toEqual(['Nguyễn Văn Đức']);
    expect(await search('DUC')).toEqual(['Nguyễn Văn Đức']);
    expect(await search('0912 345')).toEqual(['Nguyễn Văn Đức']);
    expect(await search('duc@truong')).toEqual(['Nguyễn Văn Đức']);
    expect(await search('ha tran')).toEqual(['Trần Thị Hà']);
    expect(await search('100%')).toEqual([]);
  });

  it('filters by role, status and key officials', async () => {
    const [chair] = (await makeMembers(db, tree.schoolB, ['Đặng Thị Chủ'], '2021-09-01', { unionRole: 'chair' })) as [
      number,
    ];
    const keyOnly = await as(app, adminB).get(`/api/units/${tree.schoolB}/members?keyOfficial=true`);
    expect(keyOnly.json().items.map((m: { id: number }) => m.id)).toEqual([chair]);
    const chairs = await as(app, adminB).get(`/api/units/${tree.schoolB}/members?unionRole=chair`);
    expect(chairs.json().total).toBe(1);
    const retired = await as(app, adminB).get(`/api/units/${tree.schoolB}/members?status=retired`);
    expect(retired.json().total).toBe(0);
  });

  it('creates, edits, transfers and changes status, keeping history', async () => {
    const created = await as(app, provinceAdmin).post('/api/members', {
      ...memberInput({ fullName: 'Hoàng  Thị   Mai', unionRole: 'vice_chair', phone: '+84 903 111 222' }),
      unitId: tree.schoolA,
      joinedUnitOn: '2022-09-05',
    });
    expect(created.statusCode).toBe(201);
    const member = created.json();
    expect(member).toMatchObject({
      fullName: 'Hoàng Thị Mai',
      isKeyOfficial: true,
      phone: '0903111222',
      unitId: tree.schoolA,
    });
    const edited = await as(app, provinceAdmin).patch(`/api/members/${member.id}`, { unionRole: 'member' });
    expect(edited.json()).toMatchObject({ unionRole: 'member', isKeyOfficial: false });
    const moved = await as(app, provinceAdmin).post(`/api/members/${member.id}/transfer`, {
      toUnitId: tree.schoolB,
      effectiveDate: '2024-09-01',
    });
    expect(moved.json().unitId).toBe(tree.schoolB);
    const status = await as(app, provinceAdmin).post(`/api/members/${member.id}/status`, {
      status: 'retired',
      effectiveDate: '2025-06-01',
      note: 'Nghỉ hưu theo chế độ',
    });
    expect(status.json().status).toBe('retired');
    const history = (await as(app, provinceAdmin).get(`/api/members/${member.id}/history`)).json();
    expect(history.memberships.map((m: { unitId: number; validTo: string | null }) => [m.unitId, m.validTo])).toEqual([
      [tree.schoolA, '2024-09-01'],
      [tree.schoolB, null],
    ]);
    expect(history.statuses.map((s: { status: string }) => s.status)).toEqual(['active', 'retired']);
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'member')
      .where('entity_id', '=', member.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'member.created',
      'member.updated',
      'member.transferred',
      'member.transferred_out',
      'member.status_changed',
    ]);
  });

  it('answers bad input with 400 and Vietnamese field details, and duplicates with 409', async () => {
    const bad = await as(app, adminA).post('/api/members', {
      fullName: 'X',
      gender: 'robot',
      position: 'teacher',
      unionRole: 'member',
      unitId: tree.schoolA,
      joinedUnitOn: '2024-02-30',
      email: 'khong-phai-email',
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.fullName', 'body.gender', 'body.joinedUnitOn', 'body.email']));
    expect(bad.json().error.message).toBe('Dữ liệu gửi lên chưa hợp lệ.');
    const duplicate = await as(app, adminA).post('/api/members', {
      ...memberInput({ fullName: 'Ai Đó Khác', phone: '0912345678' }),
      unitId: tree.schoolA,
      joinedUnitOn: '2024-01-01',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details[0]).toEqual({
      field: 'phone',
      message: 'Số điện thoại này đã có trong hệ thống.',
    });
    const notANumber = await as(app, adminA).get('/api/members/abc');
    expect(notANumber.statusCode).toBe(400);
  });

  it('turns odd input into 400s, never 500s', async () => {
    const client = as(app, provinceAdmin);
    const responses = await Promise.all([
      client.get(`/api/units/${tree.schoolA}/members?q=%00`),
      client.get('/api/units/tree?at=0000-01-01'),
      client.get('/api/audit?from=0000-01-01'),
      client.get(`/api/units/${tree.schoolA}/members?page=-1`),
      client.get('/api/members/99999999999999999999'),
      client.post('/api/members', {
        ...memberInput({ fullName: 'Tên có \u0000 lạ' }),
        unitId: tree.schoolA,
        joinedUnitOn: '2024-01-01',
      }),
      client.post('/api/members', {
        ...memberInput({ birthDate: '0000-01-01' }),
        unitId: tree.schoolA,
        joinedUnitOn: '2024-01-01',
      }),
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'a\u0000b', password: 'x' } }),
      app.inject({
        method: 'POST',
        url: `/api/units/${tree.schoolA}/members/import`,
        headers: {
          cookie: provinceAdmin.cookie,
          'x-csrf-token': provinceAdmin.csrf,
          'content-type': 'multipart/form-data',
        },
        payload: 'khong co ranh gioi',
      }),
    ]);
    for (const response of responses) {
      expect([400, 401, 404], `${response.statusCode} ${response.body} ${response.raw.req.url}`).toContain(
        response.statusCode,
      );
      expect(response.json().error.message).toMatch(/[ạảãáàâăđêôơư]/u);
    }
  });

  it('keeps school A’s admin out of school B: every read and write is 403 or 404', async () => {
    const client = as(app, adminA);
    const attempts = [
      client.get(`/api/units/${tree.schoolB}`),
      client.get(`/api/units/${tree.schoolB}/members`),
      client.get(`/api/units/${tree.schoolB}/members/export`),
      client.get(`/api/units/${tree.schoolB}/history`),
      client.get(`/api/members/${studentOfB}`),
      client.get(`/api/members/${studentOfB}/history`),
      client.post('/api/members', {
        ...memberInput({ fullName: 'Người Lạ Mặt' }),
        unitId: tree.schoolB,
        joinedUnitOn: '2024-01-01',
      }),
      client.patch(`/api/members/${studentOfB}`, { fullName: 'Đổi Tên Trộm' }),
      client.post(`/api/members/${studentOfB}/transfer`, { toUnitId: tree.schoolA, effectiveDate: '2024-09-01' }),
      client.post(`/api/members/${studentOfB}/status`, { status: 'left', effectiveDate: '2024-09-01' }),
      client.post(`/api/members/${memberAId}/transfer`, { toUnitId: tree.schoolB, effectiveDate: '2024-09-01' }),
      client.post('/api/units', { name: 'Đơn vị trộm', kindId: 1, parentId: tree.schoolB, validFrom: '2024-01-01' }),
      client.post(`/api/units/${tree.schoolB}/rename`, { name: 'Tên trộm', effectiveDate: '2024-01-01' }),
      client.post(`/api/units/${tree.schoolB}/dissolve`, { effectiveDate: '2024-01-01' }),
      client.post(`/api/units/${tree.schoolB}/merge`, { intoUnitId: tree.schoolA, effectiveDate: '2024-01-01' }),
      client.post(`/api/units/${tree.schoolB}/move`, { parentId: tree.commune, effectiveDate: '2024-01-01' }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect([403, 404], `${response.statusCode} ${response.body}`).toContain(response.statusCode);
    }
    const untouched = (await as(app, adminB).get(`/api/members/${studentOfB}`)).json();
    expect(untouched).toMatchObject({ fullName: 'Lê Văn Bình', unitId: tree.schoolB, status: 'active' });
    expect((await as(app, adminB).get(`/api/members/${memberAId}`)).statusCode).toBe(404);
  });

  it('lets a member see their unit’s list without others’ contact details, and their own in full', async () => {
    const list = await as(app, memberA).get(`/api/units/${tree.schoolA}/members?pageSize=100`);
    expect(list.statusCode).toBe(200);
    const colleague = list.json().items.find((m: { id: number }) => m.id === colleagueId);
    expect(colleague).toMatchObject({ fullName: 'Trần Thị Hà', phone: null, email: null, birthDate: null });
    expect((await as(app, memberA).get(`/api/members/${colleagueId}`)).json().phone).toBeNull();
    expect((await as(app, memberA).get(`/api/members/${memberAId}`)).json().phone).toBe('0912345678');
    // Searching by a colleague's phone must not reveal who owns it.
    const byPhone = await as(app, memberA).get(`/api/units/${tree.schoolA}/members?q=0987654321`);
    expect(byPhone.json().items).toEqual([]);
    expect((await as(app, memberA).patch(`/api/members/${colleagueId}`, { fullName: 'Sửa Trộm' })).statusCode).toBe(
      403,
    );
    expect((await as(app, memberA).get(`/api/units/${tree.schoolB}/members`)).statusCode).toBe(404);
    expect((await as(app, memberA).get(`/api/units/${tree.province}/members`)).statusCode).toBe(404);
  });

  it('lets a unit editor manage members but not units', async () => {
    const created = await as(app, editorA).post('/api/members', {
      ...memberInput({ fullName: 'Tạ Văn Biên' }),
      unitId: tree.schoolA,
      joinedUnitOn: '2024-01-01',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().phone).toBeNull();
    expect(
      (
        await as(app, editorA).post(`/api/units/${tree.schoolA}/rename`, {
          name: 'Đổi tên',
          effectiveDate: '2024-01-01',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('requires a session for every members route', async () => {
    for (const url of [
      `/api/units/${tree.schoolA}/members`,
      `/api/members/${memberAId}`,
      '/api/members/import-template',
    ]) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });
});
