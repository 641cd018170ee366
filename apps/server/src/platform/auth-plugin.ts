import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/database.js';
import type { Actor } from './access.js';
import { AppError } from './errors.js';
import { loadSession, type Session } from './sessions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route is authorised by its own capability token in a header (a contest attempt's),
     * not by the session: no session lookup, and no CSRF token needed, since a cross-site page
     * can neither read nor send that header.
     */
    tokenAuth?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: Session | null;
  }
}

export interface CookieSettings {
  name: string;
  secure: boolean;
}

export function cookieSettings(secure: boolean): CookieSettings {
  // The __Host- prefix needs Secure, so it is used only when served over HTTPS.
  return { name: secure ? '__Host-lantoa_session' : 'lantoa_session', secure };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a session with a temporary password may still do. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/me',
  'POST /api/me/password',
  'POST /api/auth/logout',
  'POST /api/auth/login',
]);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A cross-site page may not write with our cookie: when the browser says where it came from, it must be us. */
function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('CSRF_FAILED');
  }
  if (host !== request.headers.host) throw new AppError('CSRF_FAILED');
}

/**
 * Resolves the session cookie to an actor on every /api request and enforces CSRF on
 * cookie-authenticated writes (a per-session token in the x-csrf-token header, plus Origin).
 */
export const authPlugin = fp(async (app: FastifyInstance, options: { db: Db; cookie: CookieSettings }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[options.cookie.name];
    if (!SAFE_METHODS.has(request.method)) checkOrigin(request);
    if (!token || request.routeOptions.config?.tokenAuth) return;
    const loaded = await loadSession(options.db, token, request.ip);
    if (!loaded) return;
    request.actor = loaded.actor;
    request.session = loaded.session;
    if (
      loaded.session.mustChangePassword &&
      !ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${request.method} ${request.routeOptions.url}`)
    ) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    // Logging in again over a live session needs no token (the Origin check above still applies).
    if (!SAFE_METHODS.has(request.method) && request.routeOptions.url !== '/api/auth/login') {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, loaded.session.csrfToken)) {
        throw new AppError('CSRF_FAILED');
      }
    }
  });
});

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, cookie: CookieSettings, token: string): void {
  reply.setCookie(cookie.name, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: cookie.secure,
  });
}

export function clearSessionCookie(reply: FastifyReply, cookie: CookieSettings): void {
  reply.clearCookie(cookie.name, { path: '/', httpOnly: true, sameSite: 'strict', secure: cookie.secure });
}
