import { ApiError, api, toApiError } from '../../app/api';
import type { AttemptResult, AttemptView } from './contest-types';

/**
 * Calls of the player page. Starting needs the session, or for a public contest the registration
 * cookie; saving and submitting are authorised by the attempt's token (header `x-attempt-token`),
 * which lives only in the page's memory.
 */

/**
 * Starts (or resumes) an attempt. `visitor`: from a public contest's pages, where a 401 means
 * "not registered yet" and must not send anyone to the sign-in page.
 */
export function startAttempt(roundId: number, visitor = false): Promise<AttemptView> {
  return api.post<AttemptView>(`/api/contests/rounds/${roundId}/attempts`, undefined, { skipAuthRedirect: visitor });
}

async function withToken<T>(
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  token: string | null,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['x-attempt-token'] = token;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '');
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

export function saveAnswer(attemptId: number, token: string, questionId: number, optionIds: string[]) {
  return withToken<{ saved: true; savedAt: string }>('PUT', `/api/contests/attempts/${attemptId}/answers`, token, {
    questionId,
    optionIds,
  });
}

export function saveExtras(
  attemptId: number,
  token: string,
  extras: { prediction?: number | null; essay?: string | null },
) {
  return withToken<{ saved: true; savedAt: string }>(
    'PUT',
    `/api/contests/attempts/${attemptId}/extras`,
    token,
    extras,
  );
}

export interface SubmitBody {
  answers?: Record<string, string[]>;
  prediction?: number | null;
  essay?: string | null;
}

export function submitAttempt(attemptId: number, token: string, body: SubmitBody) {
  return withToken<AttemptResult>('POST', `/api/contests/attempts/${attemptId}/submit`, token, body);
}

/**
 * One attempt's result, by its token (a visitor without an account) or else by the session.
 * Never redirects to the sign-in page: a 401 is for the caller to handle.
 */
export function fetchAttemptResult(attemptId: number, token: string | null, signal?: AbortSignal) {
  return withToken<AttemptResult>('GET', `/api/contests/attempts/${attemptId}`, token, undefined, signal);
}

/** Whether a failed call is worth repeating later (the network, a busy or restarting server). */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.code === 'NETWORK' || error.code === 'RATE_LIMITED' || error.status >= 500 || error.status === 0;
}
