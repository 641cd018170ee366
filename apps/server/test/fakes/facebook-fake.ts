import { randomBytes } from 'node:crypto';
import { type RecordedRequest, type Reply, startHttpFake } from './http-fake.js';

/**
 * A fake Facebook Graph API for Pages, checking requests as the public documentation gives
 * them: a version in the path (`/v26.0/…`), `POST /{page-id}/feed` with `message` and/or `link`
 * as form or JSON parameters and the Page's `access_token` (parameter or `Authorization: Bearer`),
 * `{"id": "{page_id}_{post_id}"}` on success, and the error envelope
 * `{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}` with the documented codes:
 * 100 invalid parameter, 190 invalid token, 506 duplicate post, 1/2/4/32 transient or rate limits.
 */

export interface FacebookFakePost {
  id: string;
  pageId: string;
  message: string;
  link: string;
}

const VERSION = 'v26.0';

function graphError(status: number, code: number, message: string, type = 'OAuthException', subcode?: number): Reply {
  return {
    status,
    json: {
      error: {
        message,
        type,
        code,
        ...(subcode ? { error_subcode: subcode } : {}),
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    },
  };
}

export async function startFacebookFake() {
  const pages = new Map<string, { name: string; tokens: Map<string, 'valid' | 'revoked'> }>();
  const posts: FacebookFakePost[] = [];
  let outage: { reply: Reply; remaining: number } | null = null;
  let nextPost = 1;

  function tokenOf(request: RecordedRequest): string | null {
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7);
    const fromBody = request.body?.access_token;
    if (typeof fromBody === 'string') return fromBody;
    return request.query.get('access_token');
  }

  function checkPageToken(request: RecordedRequest, pageId: string): Reply | null {
    const given = tokenOf(request);
    if (!given)
      return graphError(400, 2500, 'An active access token must be used to query information about the current user.');
    const page = pages.get(pageId);
    const state = page?.tokens.get(given);
    if (state === undefined) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    if (state === 'revoked')
      return graphError(
        400,
        190,
        'Error validating access token: The session has been invalidated.',
        'OAuthException',
        460,
      );
    return null;
  }

  const server = await startHttpFake((request) => {
    const match = /^\/(v\d+\.\d+)\/([^/]+)(\/feed)?$/u.exec(request.path);
    if (!match || match[1] !== VERSION) return graphError(400, 2500, 'Unknown path components', 'OAuthException');
    if (outage && outage.remaining > 0) {
      outage.remaining -= 1;
      return outage.reply;
    }
    const pageId = match[2] as string;
    if (request.method === 'POST' && request.raw && request.body === null) {
      return graphError(400, 100, 'Invalid parameter: body must be form-urlencoded or JSON', 'GraphMethodException');
    }
    const denied = checkPageToken(request, pageId);
    if (denied) return denied;
    const page = pages.get(pageId);
    if (!page) return graphError(400, 100, 'Unsupported request: object does not exist', 'GraphMethodException');
    if (match[3] && request.method === 'POST') {
      const message = typeof request.body?.message === 'string' ? request.body.message : '';
      const link = typeof request.body?.link === 'string' ? request.body.link : '';
      if (!message && !link) return graphError(400, 100, '(#100) Missing message or attachment', 'OAuthException');
      if (link && !/^https?:\/\//u.test(link))
        return graphError(400, 100, '(#100) The link is not a valid URL', 'OAuthException');
      if (posts.some((p) => p.pageId === pageId && p.message === message && p.link === link)) {
        return graphError(400, 506, 'Duplicate status message', 'OAuthException');
      }
      const post = { id: `${pageId}_${nextPost++}`, pageId, message, link };
      posts.push(post);
      return { status: 200, json: { id: post.id } };
    }
    if (!match[3] && request.method === 'GET') return { status: 200, json: { id: pageId, name: page.name } };
    return graphError(400, 100, 'Unsupported request', 'GraphMethodException');
  });

  return {
    /** The base URL with its version, as FACEBOOK_GRAPH_URL. */
    graphUrl: `${server.url}/${VERSION}`,
    requests: server.requests,
    posts,
    /** A Page with a working Page access token. */
    addPage(pageId: string, name: string) {
      const pageToken = `EAAG${randomBytes(24).toString('base64url')}`;
      pages.set(pageId, { name, tokens: new Map([[pageToken, 'valid']]) });
      return pageToken;
    },
    revoke(pageId: string, pageToken: string) {
      pages.get(pageId)?.tokens.set(pageToken, 'revoked');
    },
    /** The next `times` calls answer a Graph error with this code (1, 2, 4, 32…) or a bare HTTP status. */
    failNext(times: number, reply: { code: number; status?: number } | { status: number }) {
      outage = {
        remaining: times,
        reply:
          'code' in reply
            ? graphError(reply.status ?? (reply.code <= 2 ? 500 : 400), reply.code, `Error ${reply.code}`)
            : { status: reply.status, json: { message: 'Service Unavailable' } },
      };
    },
    recover() {
      outage = null;
    },
    feedCalls: () => server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/feed')),
    close: server.close,
  };
}
export type FacebookFake = Awaited<ReturnType<typeof startFacebookFake>>;
