import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';
import { client } from './activities.test-helpers.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let adminA: Session;
let editorA: Session;
let memberA: Session;
let adminB: Session;
let provinceAdmin: Session;
let communeAdmin: Session;

const RESULT = {
  unitRegistered: true,
  unitAchieved: true,
  familiesTotal: 40,
  familiesRegistered: 40,
  familiesAchieved: 38,
};

beforeAll(async () => {
  tree = await makeTree(db);
  const [inA] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn Đức'])) as [number];
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  editorA = await login(app, await makeAccount(db, 'unit_editor', tree.schoolA));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: inA }));
  adminB = await login(app, await makeAccount(db, 'unit_admin', tree.schoolB));
  provinceAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  communeAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.commune));
});

describe('culture evaluations', () => {
  it('are entered by the unit, confirmed by the level above, and re-confirmed after an edit', async () => {
    const url = `/api/units/${tree.schoolA}/culture-evaluations/2024`;
    const entered = await client(app, editorA).put(url, RESULT);
    expect(entered.statusCode).toBe(200);
    expect(entered.json()).toMatchObject({
      unitId: tree.schoolA,
      year: 2024,
      status: 'entered',
      familiesAchieved: 38,
      leaf: true,
      abilities: { edit: true, confirm: false },
    });

    const self = await client(app, adminA).post(`${url}/confirm`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toContain('không tự xác nhận');
    expect((await client(app, adminB).post(`${url}/confirm`)).statusCode).toBe(404);

    const confirmed = await client(app, provinceAdmin).post(`${url}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', confirmedBy: 'Người dùng unit_admin' });

    // Saving the same figures again keeps the confirmation; a real change withdraws it.
    expect((await client(app, editorA).put(url, RESULT)).json().status).toBe('confirmed');
    const edited = await client(app, editorA).put(url, { ...RESULT, familiesAchieved: 36 });
    expect(edited.json()).toMatchObject({ status: 'entered', confirmedAt: null, familiesAchieved: 36 });
    const row = await db
      .selectFrom('culture_evaluations')
      .select(['confirmed_by', 'families_achieved'])
      .where('unit_id', '=', tree.schoolA)
      .where('year', '=', 2024)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ confirmed_by: null, families_achieved: 36 });
  });

  it('lets a commune confirm its schools but not itself; the root needs the system admin', async () => {
    await client(app, provinceAdmin).put(`/api/units/${tree.schoolC}/culture-evaluations/2024`, RESULT);
    await client(app, provinceAdmin).put(`/api/units/${tree.commune}/culture-evaluations/2024`, RESULT);
    expect(
      (await client(app, communeAdmin).post(`/api/units/${tree.schoolC}/culture-evaluations/2024/confirm`)).statusCode,
    ).toBe(200);
    expect(
      (await client(app, communeAdmin).post(`/api/units/${tree.commune}/culture-evaluations/2024/confirm`)).statusCode,
    ).toBe(403);
    await client(app, provinceAdmin).put(`/api/units/${tree.province}/culture-evaluations/2024`, RESULT);
    expect(
      (await client(app, provinceAdmin).post(`/api/units/${tree.province}/culture-evaluations/2024/confirm`))
        .statusCode,
    ).toBe(403);
  });

  it('lists the subtree with each unit’s status and totals', async () => {
    const list = await client(app, provinceAdmin).get(`/api/units/${tree.province}/culture-evaluations?year=2024`);
    expect(list.statusCode).toBe(200);
    const byUnit = new Map(
      list.json().items.map((item: { unitId: number; status: string }) => [item.unitId, item.status]),
    );
    expect(Object.fromEntries(byUnit)).toEqual({
      [tree.province]: 'entered',
      [tree.schoolA]: 'entered',
      [tree.schoolB]: 'not_entered',
      [tree.commune]: 'entered',
      [tree.schoolC]: 'confirmed',
    });
    expect(list.json().totals).toEqual({
      units: 5,
      entered: 4,
      confirmed: 1,
      unitsRegistered: 4,
      unitsAchieved: 4,
      familiesTotal: 160,
      familiesRegistered: 160,
      familiesAchieved: 36 + 38 * 3,
    });
    const schoolOnly = await client(app, memberA).get(`/api/units/${tree.schoolA}/culture-evaluations?year=2024`);
    expect(schoolOnly.json().items).toHaveLength(1);
    expect(schoolOnly.json().items[0].abilities).toEqual({ edit: false, confirm: false });
    expect((await client(app, memberA).get(`/api/units/${tree.schoolB}/culture-evaluations`)).statusCode).toBe(404);
  });

  it('refuses impossible figures with Vietnamese field details', async () => {
    const url = `/api/units/${tree.schoolB}/culture-evaluations/2024`;
    const bad = await client(app, adminB).put(url, {
      unitRegistered: false,
      unitAchieved: true,
      familiesTotal: 10,
      familiesRegistered: 12,
      familiesAchieved: 13,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { field: 'body.familiesRegistered', message: 'Số gia đình đăng ký không được lớn hơn tổng số gia đình' },
      {
        field: 'body.familiesAchieved',
        message: 'Số gia đình đạt gia đình văn hóa không được lớn hơn số gia đình đăng ký',
      },
      { field: 'body.unitAchieved', message: 'Đơn vị chưa đăng ký thì không thể đạt chuẩn văn hóa' },
    ]);
    expect((await client(app, adminB).put(url, { ...RESULT, familiesTotal: -1 })).statusCode).toBe(400);
    const future = await client(app, adminB).put(`/api/units/${tree.schoolB}/culture-evaluations/2099`, RESULT);
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].field).toBe('year');
    const beforeFounded = await client(app, adminB).put(`/api/units/${tree.schoolB}/culture-evaluations/2019`, RESULT);
    expect(beforeFounded.statusCode).toBe(400);
    expect(
      (await client(app, memberA).put(`/api/units/${tree.schoolA}/culture-evaluations/2024`, RESULT)).statusCode,
    ).toBe(403);
    const pending = await client(app, adminB).put(url, { ...RESULT, unitAchieved: null });
    expect(pending.statusCode).toBe(200);
    const early = await client(app, provinceAdmin).post(`${url}/confirm`);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].field).toBe('unitAchieved');
  });
});
