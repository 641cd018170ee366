/**
 * What went wrong when talking to Zalo or Facebook, sorted by what the outbox does about it:
 *
 * - `transient` (outage, 5xx, rate limits, Zalo -32/-211, Facebook 1/2/4/17/32/368/613): the
 *   job throws and pg-boss retries with back-off;
 * - `processing` (Zalo -214, media still processing): verify again later, same article;
 * - `auth` (Facebook 190, Zalo -216/-220 once a refresh did not help) and `permission`
 *   (Facebook 10, 200–299): the connection is marked disconnected, no blind retry;
 * - `duplicate` (Facebook 506): the same post is already on the Page;
 * - `rejected` (anything else the platform refuses, e.g. an invalid parameter): no automatic
 *   retry — retrying the same request would fail the same way; people retry by hand.
 *
 * `message` is Vietnamese: it is what the unit reads in the status panel.
 */
export type ChannelErrorKind = 'transient' | 'processing' | 'auth' | 'permission' | 'duplicate' | 'rejected';

export class ChannelError extends Error {
  readonly kind: ChannelErrorKind;
  readonly code: number | null;

  constructor(kind: ChannelErrorKind, message: string, code: number | null = null) {
    super(message);
    this.kind = kind;
    this.code = code;
  }
}

const TIMEOUT_MS = 20_000;

/** fetch with a timeout; a network failure is a transient ChannelError naming the platform. */
export async function send(platform: string, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw new ChannelError('transient', `Không kết nối được tới ${platform}; sẽ thử lại sau.`);
  }
}

/** The JSON body, or null when the answer was not JSON (a proxy's error page, an outage). */
export async function jsonOf(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await response.json();
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Cuts text to a platform's limit (counted in characters, as the platforms count them). */
export function clip(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
