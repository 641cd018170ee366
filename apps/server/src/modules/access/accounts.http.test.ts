import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import {
  as,
  login,
  makeAccount,
  makeApp,
  makeMembers,
  makeTree,
  PASSWORD,
  type Session,
} from '../../../test/factories.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let system: Session;
let adminA: Session;
let adminB: Session;
let memberA: Session;

beforeAll(async () => {
  tree = await makeTree(db);
  system = await login(app, await makeAccount(db, 'system_admin', null));
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  adminB = await login(app, await makeAccount(db, 'unit_admin', tree.schoolB));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA));
});

describe('accounts', () => {
  it('a unit admin creates an account in their unit; the temporary password works once and must be changed', async () => {
    const [teacher] = (await makeMembers(db, tree.schoolA, ['Ngô Thị Tài'])) as [number];
    const created = await as(app, adminA).post('/api/accounts', {
      displayName: 'Ngô Thị Tài',
      phone: '0911 222 333',
      memberId: teacher,
      role: 'unit_editor',
      unitId: tree.schoolA,
    });
    expect(created.statusCode).toBe(201);
    const { account, temporaryPassword } = created.json();
    expect(account).toMatchObject({
      phone: '0911222333',
      memberId: teacher,
      roles: [{ role: 'unit_editor', unitId: tree.schoolA }],
    });
    expect(temporaryPassword).toHaveLength(16);
    const session = await login(app, { login: '+84911222333', password: temporaryPassword });
    expect((await as(app, session).get('/api/me')).json().account.mustChangePassword).toBe(true);
    // Until the temporary password is replaced, nothing else is allowed.
    const blocked = await as(app, session).get(`/api/units/${tree.schoolA}/members`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await as(app, session).post('/api/me/password', {
      currentPassword: temporaryPassword,
      newPassword: 'mat-khau-rieng-cua-tai',
    });
    expect(changed.statusCode).toBe(204);
    expect((await as(app, session).get(`/api/units/${tree.schoolA}/members`)).statusCode).toBe(200);
    const stored = await db
      .selectFrom('accounts')
      .select('password_hash')
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/u);
  });

  it('a unit admin cannot grant outside their subtree nor make a system admin', async () => {
    const outside = await as(app, adminA).post('/api/accounts', {
      displayName: 'Người ngoài',
      email: 'ngoai@thu.vn',
      role: 'unit_admin',
      unitId: tree.schoolB,
    });
    expect(outside.statusCode).toBe(403);
    const god = await as(app, adminA).post('/api/accounts', {
      displayName: 'Siêu quản trị',
      email: 'sieu@thu.vn',
      role: 'system_admin',
      unitId: null,
    });
    expect(god.statusCode).toBe(403);
    expect(
      await db.selectFrom('accounts').select('id').where('email', 'in', ['ngoai@thu.vn', 'sieu@thu.vn']).execute(),
    ).toEqual([]);
  });

  it('lists only accounts in the admin’s part of the tree', async () => {
    const listA = (await as(app, adminA).get('/api/accounts?pageSize=100')).json();
    const units = listA.items.flatMap((a: { roles: { unitId: number | null }[] }) => a.roles.map((r) => r.unitId));
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((id: number | null) => id === tree.schoolA)).toBe(true);
    const all = (await as(app, system).get('/api/accounts?pageSize=100')).json();
    expect(all.total).toBeGreaterThan(listA.total);
  });

  it('resets a password and unlocks a locked account; other admins get 404', async () => {
    const who = await makeAccount(db, 'member', tree.schoolA);
    for (let i = 0; i < 5; i++)
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: who.login, password: `sai-mat-khau-${i}` },
      });
    const locked = (await as(app, adminA).get(`/api/accounts?q=${encodeURIComponent(who.login)}`)).json().items[0];
    expect(locked.lockedUntil).not.toBeNull();
    expect((await as(app, adminB).post(`/api/accounts/${who.id}/unlock`)).statusCode).toBe(404);
    expect((await as(app, adminA).post(`/api/accounts/${who.id}/unlock`)).json().lockedUntil).toBeNull();
    await login(app, who);
    const reset = await as(app, adminA).post(`/api/accounts/${who.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    await expect(login(app, who)).rejects.toThrow(/401/u);
    await login(app, { login: who.login, password: reset.json().temporaryPassword });
  });

  it('changes an account’s role and unit, but never one’s own', async () => {
    const who = await makeAccount(db, 'unit_editor', tree.schoolA);
    const moved = await as(app, system).patch(`/api/accounts/${who.id}`, { unitId: tree.schoolB });
    expect(moved.json().roles).toEqual([
      { role: 'unit_editor', unitId: tree.schoolB, unitName: 'Công đoàn Trường THPT B' },
    ]);
    const promoted = await as(app, system).patch(`/api/accounts/${who.id}`, { role: 'unit_admin' });
    expect(promoted.json().roles[0]).toMatchObject({ role: 'unit_admin', unitId: tree.schoolB });
    const me = (await as(app, adminA).get('/api/me')).json().account.id;
    const self = await as(app, adminA).patch(`/api/accounts/${me}`, { role: 'member' });
    expect(self.statusCode).toBe(400);
  });

  it('disabling an account ends its sessions', async () => {
    const who = await makeAccount(db, 'member', tree.schoolA);
    const session = await login(app, who);
    const disabled = await as(app, adminA).patch(`/api/accounts/${who.id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    expect((await as(app, session).get('/api/me')).statusCode).toBe(401);
    await expect(login(app, { login: who.login, password: PASSWORD })).rejects.toThrow(/401/u);
  });

  it('members cannot manage accounts or read the audit log', async () => {
    expect((await as(app, memberA).get('/api/accounts')).statusCode).toBe(403);
    expect(
      (
        await as(app, memberA).post('/api/accounts', {
          displayName: 'X Y',
          email: 'x@y.vn',
          role: 'member',
          unitId: tree.schoolA,
        })
      ).statusCode,
    ).toBe(403);
    expect((await as(app, memberA).get('/api/audit')).statusCode).toBe(403);
  });
});

describe('audit log', () => {
  it('records who did what with before/after, and shows admins only their subtree', async () => {
    const [teacher] = (await makeMembers(db, tree.schoolB, ['Dương Văn Kiểm'])) as [number];
    const renamed = await as(app, adminB).patch(`/api/members/${teacher}`, { fullName: 'Dương Văn Kiểm Tra' });
    expect(renamed.statusCode).toBe(200);
    const seenByB = (await as(app, adminB).get(`/api/audit?entityType=member&entityId=${teacher}`)).json();
    expect(seenByB.items).toHaveLength(1);
    expect(seenByB.items[0]).toMatchObject({
      action: 'member.updated',
      actorName: 'Người dùng unit_admin',
      entityId: teacher,
      unitId: tree.schoolB,
    });
    expect(seenByB.items[0].before.fullName).toBe('Dương Văn Kiểm');
    expect(seenByB.items[0].after.fullName).toBe('Dương Văn Kiểm Tra');
    const seenByA = (await as(app, adminA).get(`/api/audit?entityType=member&entityId=${teacher}`)).json();
    expect(seenByA.items).toEqual([]);
    const seenBySystem = (await as(app, system).get('/api/audit?action=auth.login')).json();
    expect(seenBySystem.total).toBeGreaterThan(0);
  });

  it('follows a unit that moved: its own admin keeps its log, the old parent’s admin loses it', async () => {
    const communeAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.commune));
    const schoolCAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.schoolC));
    const [teacher] = (await makeMembers(db, tree.schoolC, ['Quách Thị Nhật'])) as [number];
    await as(app, schoolCAdmin).patch(`/api/members/${teacher}`, { fullName: 'Quách Thị Nhật Ký' });
    const seen = async (session: Session) =>
      (await as(app, session).get(`/api/audit?entityType=member&entityId=${teacher}`)).json().total;
    expect(await seen(communeAdmin)).toBe(1);
    const moved = await as(app, system).post(`/api/units/${tree.schoolC}/move`, {
      parentId: tree.province,
      effectiveDate: '2025-01-01',
    });
    expect(moved.statusCode).toBe(200);
    expect(await seen(schoolCAdmin)).toBe(1);
    expect(await seen(communeAdmin)).toBe(0);
  });
});
