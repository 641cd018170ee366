import { randomBytes } from 'node:crypto';
import type { MemberInput, Role } from '@lan-toa/contracts';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/database.js';
import { createAccount } from '../src/modules/access/accounts.service.js';
import { insertMembers } from '../src/modules/org/members.commands.js';
import { createRootUnit, createUnit } from '../src/modules/org/units.commands.js';
import { type Actor, systemAdminActor } from '../src/platform/access.js';

const systemActors = new WeakMap<Db, Promise<Actor>>();
/** A real system-admin account of this test database, acting for set-up writes (audit needs a real actor). */
export function systemActor(db: Db): Promise<Actor> {
  let actor = systemActors.get(db);
  if (!actor) {
    actor = createAccount(
      db,
      null,
      { displayName: 'Quản trị thử', email: `admin.${unique()}@thu.vn`, role: 'system_admin', unitId: null },
      PASSWORD,
    ).then(({ account }) => systemAdminActor(account));
    systemActors.set(db, actor);
  }
  return actor;
}

export async function kind(db: Db, code: 'province_union' | 'commune_union' | 'grassroots_union'): Promise<number> {
  const row = await db.selectFrom('unit_kinds').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

const unique = () => randomBytes(4).toString('hex');

/** A tree of this test's own: a province with two schools (A, B) and a commune union with one school (C). */
export async function makeTree(db: Db, validFrom = '2020-01-01') {
  const SYSTEM = await systemActor(db);
  const province = await db.transaction().execute(async (tx) =>
    createRootUnit(tx, SYSTEM, {
      name: `Công đoàn Giáo dục thử ${unique()}`,
      kindId: await kind(db, 'province_union'),
      validFrom,
    }),
  );
  const grassroots = await kind(db, 'grassroots_union');
  const schoolA = await createUnit(db, SYSTEM, {
    name: 'Công đoàn Trường THPT A',
    kindId: grassroots,
    parentId: province,
    validFrom,
  });
  const schoolB = await createUnit(db, SYSTEM, {
    name: 'Công đoàn Trường THPT B',
    kindId: grassroots,
    parentId: province,
    validFrom,
  });
  const commune = await createUnit(db, SYSTEM, {
    name: 'Công đoàn xã Thử',
    kindId: await kind(db, 'commune_union'),
    parentId: province,
    validFrom,
  });
  const schoolC = await createUnit(db, SYSTEM, {
    name: 'Công đoàn Trường Tiểu học C',
    kindId: grassroots,
    parentId: commune,
    validFrom,
  });
  return { province, schoolA, schoolB, commune, schoolC };
}

export function memberInput(overrides: Partial<MemberInput> = {}): MemberInput {
  return { fullName: 'Trần Thị Lan', gender: 'female', position: 'teacher', unionRole: 'member', ...overrides };
}

export async function makeMembers(
  db: Db,
  unitId: number,
  names: string[],
  joinedUnitOn = '2021-09-01',
  extra: Partial<MemberInput> = {},
) {
  return insertMembers(
    db,
    names.map((fullName) => ({ ...memberInput({ fullName, ...extra }), unitId, joinedUnitOn })),
  );
}

export const PASSWORD = 'mat-khau-thu-nghiem-2024';

/** An account with a known password; returns what a person types to log in. */
export async function makeAccount(db: Db, role: Role, unitId: number | null, options: { memberId?: number } = {}) {
  const email = `${role}.${unique()}@thu.vn`;
  const { account } = await createAccount(
    db,
    null,
    { displayName: `Người dùng ${role}`, email, role, unitId, memberId: options.memberId ?? null },
    PASSWORD,
  );
  return { id: account.id, login: email, password: PASSWORD };
}

export async function makeApp(db: Db): Promise<FastifyInstance> {
  const config = loadConfig({ LOG_LEVEL: process.env.TEST_LOG ?? 'silent', DATA_DIR: '/tmp/lantoa-unused' });
  return buildApp({ ...config, webDistDir: '/nonexistent' }, db);
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(app: FastifyInstance, who: { login: string; password: string }): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: who.login, password: who.password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'lantoa_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `lantoa_session=${cookie.value}`, csrf: response.json().csrfToken };
}

/** inject() with the session's cookie and CSRF header, as the web app sends them. */
export function as(app: FastifyInstance, session: Session) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload?: unknown) => send('POST', url, payload ?? {}),
    patch: (url: string, payload: unknown) => send('PATCH', url, payload),
  };
}
