import { changePasswordBody, loginBody, meResponse } from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { type CookieSettings, clearSessionCookie, requireActor, setSessionCookie } from '../../platform/auth-plugin.js';
import { destroySession, loadSession } from '../../platform/sessions.js';
import { presentMe } from './auth.presenter.js';
import { changePassword, login, loginKey } from './auth.service.js';

const tags = ['Đăng nhập'];

export const authRoutes: FastifyPluginAsyncZod<{ db: Db; cookie: CookieSettings }> = async (app, { db, cookie }) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Đăng nhập bằng e-mail hoặc số điện thoại',
        body: loginBody,
        response: { 200: meResponse },
      },
      config: {
        // Per address and login: a guesser is slowed even before the account lock-out applies.
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          keyGenerator: (request) =>
            `${request.ip}|${loginKey(String((request.body as { login?: unknown })?.login ?? '')).value}`,
        },
      },
    },
    async (request, reply) => {
      // A fresh token on every login (no session fixation); an old session cookie is ended.
      if (request.session) await destroySession(db, request.session.tokenHash);
      const result = await login(db, request.body, request.ip);
      setSessionCookie(reply, cookie, result.token);
      const loaded = await loadSession(db, result.token, request.ip);
      if (!loaded) throw new Error('session vanished right after login');
      return presentMe(db, loaded.actor, result.csrfToken);
    },
  );

  app.post('/auth/logout', { schema: { tags, summary: 'Đăng xuất' } }, async (request, reply) => {
    if (request.session && request.actor) {
      const actor = request.actor;
      const session = request.session;
      await db.transaction().execute(async (tx) => {
        await destroySession(tx, session.tokenHash);
        await recordAudit(tx, actor, {
          action: 'auth.logout',
          entityType: 'account',
          entityId: actor.accountId,
          unitId: null,
        });
      });
    }
    clearSessionCookie(reply, cookie);
    return reply.status(204).send();
  });

  app.get(
    '/me',
    { schema: { tags, summary: 'Tài khoản đang đăng nhập, vai trò và quyền', response: { 200: meResponse } } },
    async (request) => {
      const actor = requireActor(request);
      return presentMe(db, actor, request.session?.csrfToken ?? '');
    },
  );

  app.post(
    '/me/password',
    { schema: { tags, summary: 'Đổi mật khẩu', body: changePasswordBody } },
    async (request, reply) => {
      const actor = requireActor(request);
      await changePassword(db, actor, request.session?.tokenHash ?? '', request.body);
      return reply.status(204).send();
    },
  );
};
