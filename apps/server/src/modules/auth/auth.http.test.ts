import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { as, login, makeAccount, makeApp, makeTree, PASSWORD } from '../../../test/factories.js';
import { MAX_FAILED_LOGINS } from './auth.service.js';

const { db } = await testDatabase();
const app = await makeApp(db);

describe('authentication over HTTP', () => {
  let tree: Awaited<ReturnType<typeof makeTree>>;
  beforeAll(async () => {
    tree = await makeTree(db);
  });

  it('answers the health check', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('logs in with e-mail and password, sets an HttpOnly SameSite cookie, and /api/me answers', async () => {
    const who = await makeAccount(db, 'unit_admin', tree.schoolA);
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: who.login.toUpperCase(), password: who.password },
    });
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/u);
    expect(setCookie).toMatch(/SameSite=Strict/u);
    const session = await login(app, who);
    const me = await as(app, session).get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual([
      { role: 'unit_admin', unitId: tree.schoolA, unitName: 'Công đoàn Trường THPT A' },
    ]);
    expect(me.json().abilities.manageMembers).toBe(true);
  });

  it('refuses a wrong password with 401 and a Vietnamese message', async () => {
    const who = await makeAccount(db, 'member', tree.schoolA);
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: who.login, password: 'sai-mat-khau-roi' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(response.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('gives 400 with field details for malformed input, never 500', async () => {
    const empty = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: '' } });
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.login', 'body.password']);
    const broken = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"login":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const who = await makeAccount(db, 'member', tree.schoolB);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: who.login, password: `sai-${i}-mat-khau` },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: who.login, password: PASSWORD },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('counts parallel guesses exactly: only the first five are checked', async () => {
    const who = await makeAccount(db, 'member', tree.schoolB);
    const attempts = Array.from({ length: 10 }, (_, i) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: `10.0.0.${i + 1}`,
        payload: { login: who.login, password: `doan-sai-${i}-abc` },
      }),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.statusCode).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 423, 423, 423, 423, 423]);
  });

  it('rate-limits login attempts per address and login', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'khong-co@thu.vn', password: 'x' },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('refuses a cookie-authenticated write without the CSRF token, and one from another origin', async () => {
    const who = await makeAccount(db, 'member', tree.schoolC);
    const session = await login(app, who);
    const noToken = await app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: session.cookie },
      payload: { currentPassword: PASSWORD, newPassword: 'mot-mat-khau-moi-dai' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_FAILED');
    const crossSite = await app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: 'https://evil.example' },
      payload: { currentPassword: PASSWORD, newPassword: 'mot-mat-khau-moi-dai' },
    });
    expect(crossSite.statusCode).toBe(403);
  });

  it('changes the password: weak ones refused, the old one stops working, other sessions end', async () => {
    const who = await makeAccount(db, 'member', tree.schoolC);
    const first = await login(app, who);
    const second = await login(app, who);
    const weak = await as(app, first).post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'ngan' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const wrong = await as(app, first).post('/api/me/password', {
      currentPassword: 'khong-dung-dau',
      newPassword: 'mot-mat-khau-moi-dai',
    });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const ok = await as(app, first).post('/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'mot-mat-khau-moi-dai',
    });
    expect(ok.statusCode).toBe(204);
    expect((await as(app, second).get('/api/me')).statusCode).toBe(401);
    expect((await as(app, first).get('/api/me')).statusCode).toBe(200);
    await expect(login(app, who)).rejects.toThrow(/401/u);
    await login(app, { login: who.login, password: 'mot-mat-khau-moi-dai' });
  });

  it('logs in again over a live session without a CSRF token, and the old session ends', async () => {
    const who = await makeAccount(db, 'member', tree.schoolC);
    const first = await login(app, who);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: first.cookie },
      payload: { login: who.login, password: who.password },
    });
    expect(again.statusCode).toBe(200);
    expect((await as(app, first).get('/api/me')).statusCode).toBe(401);
  });

  it('logs out: the session no longer works', async () => {
    const who = await makeAccount(db, 'member', tree.schoolC);
    const session = await login(app, who);
    expect((await as(app, session).post('/api/auth/logout')).statusCode).toBe(204);
    expect((await as(app, session).get('/api/me')).statusCode).toBe(401);
  });

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const who = await makeAccount(db, 'member', tree.schoolC);
    const idle = await login(app, who);
    const old = await login(app, who);
    const [idleRow, oldRow] = await db
      .selectFrom('sessions')
      .select('token_hash')
      .where('account_id', '=', who.id)
      .orderBy('created_at')
      .execute();
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60 * 1000) })
      .where('token_hash', '=', idleRow?.token_hash ?? '')
      .execute();
    await db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', oldRow?.token_hash ?? '')
      .execute();
    expect((await as(app, idle).get('/api/me')).statusCode).toBe(401);
    expect((await as(app, old).get('/api/me')).statusCode).toBe(401);
    expect(await db.selectFrom('sessions').select('token_hash').where('account_id', '=', who.id).execute()).toEqual([]);
  });

  it('sends security headers and a strict CSP', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('publishes the OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/units/{id}/members', '/api/members/{id}']),
    );
  });
});
