import { ChannelError, jsonOf, send } from './channel-error.js';

/**
 * Facebook Graph API for Pages: `POST /{page-id}/feed` with `message`, `link` and the Page
 * access token (form-encoded), answering `{"id": "{page_id}_{post_id}"}`; errors as
 * `{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}`.
 */

export interface FacebookUrls {
  facebookGraphUrl: string;
}

const TRANSIENT = new Set([1, 2, 4, 17, 32, 341, 368, 613]);

function facebookError(code: number, message: string): ChannelError {
  if (code === 190)
    return new ChannelError(
      'auth',
      'Mã truy cập Trang Facebook đã hết hạn hoặc bị thu hồi (mã 190); hãy kết nối lại Trang.',
      code,
    );
  if (code === 10 || (code >= 200 && code <= 299)) {
    return new ChannelError(
      'permission',
      `Trang Facebook chưa cấp quyền đăng bài (mã ${code}); cần quyền pages_manage_posts, hãy kết nối lại.`,
      code,
    );
  }
  if (code === 506) return new ChannelError('duplicate', 'Facebook báo bài đăng trùng (mã 506).', code);
  if (code === 4 || code === 17 || code === 32 || code === 613) {
    return new ChannelError('transient', `Facebook đang giới hạn số lượt gọi (mã ${code}); sẽ thử lại sau.`, code);
  }
  if (code === 368)
    return new ChannelError('transient', 'Facebook tạm chặn việc đăng bài của Trang (mã 368); sẽ thử lại sau.', code);
  if (TRANSIENT.has(code))
    return new ChannelError('transient', `Facebook đang tạm thời lỗi (mã ${code}); sẽ thử lại sau.`, code);
  return new ChannelError('rejected', `Facebook từ chối bài đăng (mã ${code}${message ? `: ${message}` : ''}).`, code);
}

async function answer(response: Response): Promise<Record<string, unknown>> {
  const json = await jsonOf(response);
  const error = json?.error as { code?: unknown; message?: unknown } | undefined;
  if (error && typeof error.code === 'number') {
    throw facebookError(error.code, typeof error.message === 'string' ? error.message : '');
  }
  if (!response.ok || !json) {
    throw new ChannelError('transient', `Facebook không trả lời đúng dạng (HTTP ${response.status}); sẽ thử lại sau.`);
  }
  return json;
}

/** Posts to the Page's feed; the post id ("{page_id}_{post_id}"). */
export async function facebookPost(
  urls: FacebookUrls,
  page: { pageId: string; accessToken: string },
  post: { message: string; link: string },
): Promise<string> {
  const response = await send('Facebook', `${urls.facebookGraphUrl}/${encodeURIComponent(page.pageId)}/feed`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ message: post.message, link: post.link, access_token: page.accessToken }).toString(),
  });
  const json = await answer(response);
  if (typeof json.id !== 'string' || !json.id) {
    throw new ChannelError('transient', 'Facebook không trả về mã bài đăng; sẽ thử lại sau.');
  }
  return json.id;
}

/** Reads the Page with its token: its name when the token works. */
export async function facebookCheck(
  urls: FacebookUrls,
  page: { pageId: string; accessToken: string },
): Promise<string> {
  const query = new URLSearchParams({ fields: 'id,name', access_token: page.accessToken });
  const response = await send('Facebook', `${urls.facebookGraphUrl}/${encodeURIComponent(page.pageId)}?${query}`, {
    method: 'GET',
  });
  const json = await answer(response);
  return typeof json.name === 'string' ? json.name : page.pageId;
}

/** A post's address on Facebook ("{page_id}_{post_id}" opens the post). */
export const facebookPostUrl = (postId: string) => `https://www.facebook.com/${postId}`;
