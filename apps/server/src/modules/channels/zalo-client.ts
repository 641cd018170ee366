import { ChannelError, jsonOf, send } from './channel-error.js';

/**
 * Zalo Official Account Open API, as its public documentation gives it: header `access_token`
 * (not Bearer), envelope `{error, message, data}` with error 0 on success (HTTP 200 either
 * way), asynchronous article creation (create → token → verify → article id), and OAuth v4
 * refresh with the app's `secret_key` header and a form-urlencoded body.
 */

export interface ZaloUrls {
  zaloApiUrl: string;
  zaloOauthUrl: string;
}

export interface ZaloArticle {
  title: string;
  author: string;
  description: string;
  coverUrl: string | null;
  paragraphs: string[];
}

function zaloError(code: number, message: string): ChannelError {
  const said = message ? ` (${message})` : '';
  if (code === -32)
    return new ChannelError('transient', 'Zalo đang giới hạn số lượt gọi (mã -32); sẽ thử lại sau.', code);
  if (code === -211)
    return new ChannelError('transient', 'OA đã hết hạn mức gọi API của Zalo (mã -211); sẽ thử lại sau.', code);
  if (code === -214)
    return new ChannelError('processing', 'Zalo đang xử lý ảnh của bài (mã -214); sẽ xác nhận lại sau.', code);
  if (code === -216 || code === -220)
    return new ChannelError('auth', `Mã truy cập Zalo không hợp lệ hoặc đã hết hạn (mã ${code}).`, code);
  if (code === -201)
    return new ChannelError('rejected', `Zalo từ chối nội dung bài: tham số không hợp lệ (mã -201)${said}.`, code);
  if (code === -242)
    return new ChannelError(
      'rejected',
      'Zalo từ chối khóa bí mật của ứng dụng (mã -242); hãy kiểm tra lại kết nối.',
      code,
    );
  return new ChannelError('transient', `Zalo báo lỗi mã ${code}${said}; sẽ thử lại sau.`, code);
}

async function call(
  urls: ZaloUrls,
  accessToken: string,
  path: string,
  body?: object,
): Promise<Record<string, unknown>> {
  const response = await send('Zalo', `${urls.zaloApiUrl}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { access_token: accessToken, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await jsonOf(response);
  if (!json || typeof json.error !== 'number') {
    throw new ChannelError('transient', `Zalo không trả lời đúng dạng (HTTP ${response.status}); sẽ thử lại sau.`);
  }
  if (json.error !== 0) throw zaloError(json.error, typeof json.message === 'string' ? json.message : '');
  return (json.data && typeof json.data === 'object' ? json.data : {}) as Record<string, unknown>;
}

/** Starts creating the article; Zalo answers with a token to verify it by. */
export async function zaloCreateArticle(urls: ZaloUrls, accessToken: string, article: ZaloArticle): Promise<string> {
  const body = [...article.paragraphs.map((content) => ({ type: 'text', content }))];
  const data = await call(urls, accessToken, '/v2.0/article/create', {
    type: 'normal',
    title: article.title,
    author: article.author,
    ...(article.coverUrl ? { cover: { cover_type: 'photo', photo_url: article.coverUrl, status: 'show' } } : {}),
    description: article.description,
    body,
    status: 'show',
    comment: 'show',
  });
  if (typeof data.token !== 'string' || !data.token) {
    throw new ChannelError('transient', 'Zalo không trả về mã xác nhận bài viết; sẽ thử lại sau.');
  }
  return data.token;
}

/** The article id once Zalo has finished creating it (-214 while its media is processed). */
export async function zaloVerifyArticle(urls: ZaloUrls, accessToken: string, token: string): Promise<string> {
  const data = await call(urls, accessToken, '/v2.0/article/verify', { token });
  const id = data.id ?? data.article_id;
  if ((typeof id !== 'string' && typeof id !== 'number') || id === '') {
    throw new ChannelError('processing', 'Zalo chưa trả về mã bài viết; sẽ xác nhận lại sau.');
  }
  return String(id);
}

/** A cheap authenticated read: the OA's latest article (tests the access token). */
export async function zaloCheck(urls: ZaloUrls, accessToken: string): Promise<void> {
  await call(urls, accessToken, '/v2.0/article/getslice?offset=0&limit=1&type=normal');
}

export interface ZaloTokenPair {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

/**
 * Exchanges the refresh token for a new pair. The old refresh token is spent by this call,
 * whatever happens next: the caller stores the new pair in the same breath (see zalo-tokens.ts).
 */
export async function zaloRefresh(
  urls: ZaloUrls,
  app: { appId: string; secretKey: string; refreshToken: string },
): Promise<ZaloTokenPair> {
  const response = await send('Zalo', `${urls.zaloOauthUrl}/v4/oa/access_token`, {
    method: 'POST',
    headers: { secret_key: app.secretKey, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      refresh_token: app.refreshToken,
      app_id: app.appId,
      grant_type: 'refresh_token',
    }).toString(),
  });
  const json = await jsonOf(response);
  if (response.status >= 500 || !json) {
    throw new ChannelError('transient', `Máy chủ cấp mã của Zalo đang lỗi (HTTP ${response.status}); sẽ thử lại sau.`);
  }
  const { access_token: access, refresh_token: refresh, expires_in: expires } = json;
  if (typeof access !== 'string' || typeof refresh !== 'string' || !access || !refresh) {
    const code = typeof json.error === 'number' ? json.error : null;
    throw new ChannelError(
      'auth',
      `Zalo không làm mới được mã truy cập${code === null ? '' : ` (mã ${code})`}; hãy kết nối lại OA.`,
      code,
    );
  }
  const seconds = Number(expires);
  return {
    accessToken: access,
    refreshToken: refresh,
    expiresInSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 90_000,
  };
}
