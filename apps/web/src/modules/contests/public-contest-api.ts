import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api';
import { attemptTokenOf, rememberEntrant } from './attempt-memory';
import type { AttemptResult, MyContestStatus } from './contest-types';
import { contestKeys } from './contests-api';
import { fetchAttemptResult } from './play-api';

/**
 * Calls of a public contest's own pages (/thi/…), made for visitors without an account: a 401
 * there never sends anyone to the sign-in page, and writes need no CSRF token (there is no
 * session; a signed-in member's token is set by the session probe of those pages).
 */

export interface EntryBody {
  fullName: string;
  unitName: string;
  phone: string;
}

export interface EntryAnswer {
  entryId: number;
  fullName: string;
  alreadyRegistered: boolean;
}

/** Registers for a public contest; the answer sets the HttpOnly cookie that holds the entry. */
export function useRegisterEntry(contestId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EntryBody) =>
      api.post<EntryAnswer>(`/api/contests/${contestId}/entries`, body, { skipAuthRedirect: true }),
    onSuccess: async (answer, body) => {
      rememberEntrant(contestId, { fullName: answer.fullName, unitName: body.unitName });
      client.setQueryData<MyContestStatus>(contestKeys.me(contestId), (old) => (old ? { ...old, entered: true } : old));
      await client.invalidateQueries({ queryKey: contestKeys.me(contestId) });
    },
  });
}

/**
 * One attempt's result on a public contest's pages: by the attempt's token when this page
 * submitted it (kept in memory), else by the session; after a reload a visitor has neither, so
 * the attempt is found among their own (the registration cookie), without the per-question review.
 */
export const publicAttemptQuery = (contestId: number, attemptId: number) =>
  queryOptions({
    queryKey: contestKeys.attempt(attemptId),
    // Asked again on every visit: a judge's essay score, a void or the review may have come since.
    staleTime: 0,
    queryFn: async ({ signal }): Promise<AttemptResult> => {
      try {
        return await fetchAttemptResult(attemptId, attemptTokenOf(attemptId), signal);
      } catch (error) {
        if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 404)) throw error;
        const status = await api.request<MyContestStatus>('GET', `/api/contests/${contestId}/me`, {
          skipAuthRedirect: true,
          signal,
        });
        const found = status.rounds.flatMap((round) => round.attempts).find((a) => a.attemptId === attemptId);
        if (!found) throw error;
        return found;
      }
    },
  });
