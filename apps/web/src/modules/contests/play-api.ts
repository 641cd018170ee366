import { ApiError, api, toApiError } from '../../app/api';
import type { AttemptResult, AttemptView } from './contest-types';

/**
 * Calls of the player page. Starting needs the session; saving and submitting are authorised by
 * the attempt's token (header `x-attempt-token`), which lives only in the page's memory.
 */

export function startAttempt(roundId: number): Promise<AttemptView> {
  return api.post<AttemptView>(`/api/contests/rounds/${roundId}/attempts`);
}

async function withToken<T>(method: 'PUT' | 'POST', path: string, token: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-attempt-token': token },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
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

/** Whether a failed call is worth repeating later (the network, a busy or restarting server). */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.code === 'NETWORK' || error.code === 'RATE_LIMITED' || error.status >= 500 || error.status === 0;
}
