import { randomBytes } from 'node:crypto';
import { type RecordedRequest, type Reply, startHttpFake } from './http-fake.js';

/**
 * A fake Zalo OA Open API and OAuth v4 server that checks requests the way the public
 * documentation describes them (../shared/reference/zalo-facebook.md):
 *
 * - header `access_token` (a `Authorization: Bearer` is not Zalo's and is refused as -216);
 * - envelope `{error, message, data}`, HTTP 200 either way; malformed JSON → HTTP 400;
 * - `article/create` checks type, title ≤ 150, author ≤ 50, description ≤ 300, body items,
 *   cover and status fields (-201 when wrong) and answers a token; `article/verify` turns the
 *   token into an article id (the same id however often it is verified; -214 while "processing");
 * - `/v4/oa/access_token`: header `secret_key`, form-urlencoded `refresh_token`, `app_id`,
 *   `grant_type=refresh_token`; every refresh token works once and the pair rotates; `expires_in`
 *   is a string.
 *
 * It can be told to fail (HTTP 5xx or an error code such as -32) for a number of calls, to
 * expire an access token, and to recover.
 */

export interface ZaloFakeArticle {
  id: string;
  token: string;
  title: string;
  author: string;
  description: string;
  body: unknown[];
}

const ok = (data: unknown): Reply => ({ status: 200, json: { error: 0, message: 'Success', data } });
const fail = (error: number, message: string): Reply => ({ status: 200, json: { error, message } });
const token = () => randomBytes(18).toString('base64url');

export async function startZaloFake(app = { appId: '3301234567890', secretKey: 'khoa-bi-mat-ung-dung' }) {
  const accessTokens = new Map<string, 'valid' | 'expired'>();
  const refreshTokens = new Map<string, 'unused' | 'used'>();
  const created = new Map<
    string,
    { article: Omit<ZaloFakeArticle, 'id' | 'token'>; id: string | null; processing: number }
  >();
  const articles: ZaloFakeArticle[] = [];
  let outage: { reply: Reply; remaining: number } | null = null;
  let processingVerifies = 0;
  let nextId = 1_000;

  function issuePair() {
    const pair = { accessToken: token(), refreshToken: token() };
    accessTokens.set(pair.accessToken, 'valid');
    refreshTokens.set(pair.refreshToken, 'unused');
    return pair;
  }

  function checkAccess(request: RecordedRequest): Reply | null {
    const given = request.headers.access_token;
    if (typeof given !== 'string' || !given) return fail(-216, 'Access token is invalid (missing access_token header)');
    const state = accessTokens.get(given);
    if (state === undefined) return fail(-216, 'Access token is invalid');
    if (state === 'expired') return fail(-216, 'Access token is invalid');
    return null;
  }

  function checkArticle(body: Record<string, unknown>): string | null {
    const text = (value: unknown, max: number, required = true) =>
      typeof value === 'string' ? [...value].length <= max && (!required || value.length > 0) : false;
    if (body.type !== 'normal') return 'type must be normal';
    if (!text(body.title, 150)) return 'title is required, max 150 characters';
    if (!text(body.author, 50)) return 'author is required, max 50 characters';
    if (!text(body.description, 300)) return 'description is required, max 300 characters';
    if (!Array.isArray(body.body) || body.body.length === 0) return 'body must be a non-empty array';
    for (const item of body.body as Record<string, unknown>[]) {
      if (item?.type === 'text' && typeof item.content === 'string' && item.content.length > 0) continue;
      if (item?.type === 'image' && typeof item.url === 'string') continue;
      return 'body items are {type:"text",content} or {type:"image",url}';
    }
    if (body.cover !== undefined) {
      const cover = body.cover as Record<string, unknown>;
      if (cover.cover_type !== 'photo' || typeof cover.photo_url !== 'string')
        return 'cover is {cover_type:"photo",photo_url,status}';
    }
    if (!['show', 'hide'].includes(body.status as string)) return 'status must be show or hide';
    if (body.comment !== undefined && !['show', 'hide'].includes(body.comment as string))
      return 'comment must be show or hide';
    return null;
  }

  function refresh(request: RecordedRequest): Reply {
    if (request.method !== 'POST') return { status: 405, json: { error: -14001, error_name: 'Method not allowed' } };
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') || !request.body) {
      return {
        status: 400,
        json: { error: -14002, error_name: 'Invalid parameter', error_description: 'form-urlencoded body required' },
      };
    }
    if (request.headers.secret_key !== app.secretKey) {
      return { status: 200, json: { error: -14003, error_name: 'Invalid secret key' } };
    }
    const { refresh_token: given, app_id: appId, grant_type: grant } = request.body as Record<string, string>;
    if (appId !== app.appId || grant !== 'refresh_token') {
      return {
        status: 200,
        json: { error: -14002, error_name: 'Invalid parameter', error_description: 'app_id or grant_type' },
      };
    }
    if (refreshTokens.get(given ?? '') !== 'unused') {
      return {
        status: 200,
        json: {
          error: -14014,
          error_name: 'Invalid refresh token',
          error_description: 'Refresh token is invalid or used',
        },
      };
    }
    refreshTokens.set(given as string, 'used');
    const pair = issuePair();
    return {
      status: 200,
      json: { access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: '90000' },
    };
  }

  const server = await startHttpFake((request) => {
    if (request.path === '/v4/oa/access_token') return refresh(request);
    if (outage && outage.remaining > 0) {
      outage.remaining -= 1;
      return outage.reply;
    }
    const denied = checkAccess(request);
    if (request.method === 'POST' && request.body === null) {
      return { status: 400, json: { error: -201, message: 'Body must be JSON (content-type application/json)' } };
    }
    if (denied) return denied;
    const body = request.body ?? {};
    if (request.method === 'POST' && request.path === '/v2.0/article/create') {
      const problem = checkArticle(body);
      if (problem) return fail(-201, `Parameter is invalid: ${problem}`);
      const verifyToken = token();
      const { title, author, description } = body as Record<string, string>;
      created.set(verifyToken, {
        article: {
          title: title as string,
          author: author as string,
          description: description as string,
          body: body.body as unknown[],
        },
        id: null,
        processing: processingVerifies,
      });
      return ok({ token: verifyToken });
    }
    if (request.method === 'POST' && request.path === '/v2.0/article/verify') {
      const entry = typeof body.token === 'string' ? created.get(body.token) : undefined;
      if (!entry) return fail(-201, 'Parameter is invalid: unknown token');
      if (entry.processing > 0) {
        entry.processing -= 1;
        return fail(-214, 'Article is being processed');
      }
      if (!entry.id) {
        entry.id = String(nextId++);
        articles.push({ id: entry.id, token: body.token as string, ...entry.article });
      }
      return ok({ id: entry.id });
    }
    if (request.method === 'GET' && request.path === '/v2.0/article/getslice') {
      return ok({ medias: articles.slice(-1).map((a) => ({ id: a.id, title: a.title })), total: articles.length });
    }
    return { status: 404, json: { error: -404, message: 'Unknown endpoint' } };
  });

  return {
    apiUrl: server.url,
    oauthUrl: server.url,
    app,
    requests: server.requests,
    /** Articles Zalo has (verified ones). */
    articles,
    issuePair,
    /** The next `times` API calls answer this (e.g. HTTP 503, or error -32). */
    failNext(times: number, reply: { status: number } | { error: number }) {
      outage = {
        remaining: times,
        reply:
          'status' in reply
            ? { status: reply.status, json: { message: 'Service Unavailable' } }
            : fail(reply.error, `Error ${reply.error}`),
      };
    },
    recover() {
      outage = null;
    },
    expire(accessToken: string) {
      accessTokens.set(accessToken, 'expired');
    },
    /** Articles created from now on answer -214 to this many verify calls first. */
    processFor(verifies: number) {
      processingVerifies = verifies;
    },
    refreshTokenState: (refreshToken: string) => refreshTokens.get(refreshToken),
    calls: (path: string) => server.requests.filter((r) => r.path === path),
    close: server.close,
  };
}
export type ZaloFake = Awaited<ReturnType<typeof startZaloFake>>;
