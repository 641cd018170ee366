import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { attemptTokenOf } from './attempt-memory';
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
      client.setQueryData<MyContestStatus>(contestKeys.me(contestId), (old) =>
        old ? { ...old, entered: true, fullName: answer.fullName, unitName: body.unitName } : old,
      );
      await client.invalidateQueries({ queryKey: contestKeys.me(contestId) });
    },
  });
}

/**
 * One attempt's result on a public contest's pages: by the attempt's token when this page
 * submitted it (kept in memory); after a reload, by this browser's registration cookie (or the
 * session of a signed-in member) — the server recognises both.
 */
export const publicAttemptQuery = (attemptId: number) =>
  queryOptions({
    queryKey: contestKeys.attempt(attemptId),
    // Asked again on every visit: a judge's essay score, a void or the review may have come since.
    staleTime: 0,
    queryFn: ({ signal }): Promise<AttemptResult> => fetchAttemptResult(attemptId, attemptTokenOf(attemptId), signal),
  });
