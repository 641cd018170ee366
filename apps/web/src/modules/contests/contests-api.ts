import type { QuestionInput, RoundInput } from '@lan-toa/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl, uploadFile } from '../../app/api';
import type {
  AttemptAdminList,
  AttemptResult,
  ContestList,
  ContestView,
  MyContestStatus,
  ParticipationTable,
  QuestionDeleteResult,
  QuestionImportResult,
  QuestionPage,
  QuestionView,
  RankingPage,
  RoundView,
} from './contest-types';

/** What the contest set-up form sends (POST /contests; PATCH leaves out the organising unit). */
export interface ContestBody {
  unitId?: number;
  title: string;
  rules: string;
  prizes: string;
  audience: 'subtree' | 'public';
  audienceUnitId?: number;
  activityCategory: string | null;
}

export type RoundBody = Omit<RoundInput, 'quotas' | 'prizes'> & {
  quotas: { topic: string | null; difficulty: number | null; count: number }[];
  prizes: { name: string; count: number }[];
};

export const contestKeys = {
  all: ['contests'] as const,
  list: (page: number) => ['contests', 'list', page] as const,
  detail: (id: number) => ['contests', 'detail', id] as const,
  me: (id: number) => ['contests', 'me', id] as const,
  questions: (id: number, params?: QuestionListParams) => ['contests', 'questions', id, params ?? {}] as const,
  ranking: (contestId: number, roundId: number | null, page: number, pageSize: number) =>
    ['contests', 'ranking', contestId, roundId, page, pageSize] as const,
  participation: (contestId: number, roundId: number | null, unitId: number | null) =>
    ['contests', 'participation', contestId, roundId, unitId] as const,
  attempts: (roundId: number, flagged: boolean, page: number) =>
    ['contests', 'attempts', roundId, flagged, page] as const,
  attempt: (attemptId: number) => ['contests', 'attempt', attemptId] as const,
};

export const CONTEST_PAGE_SIZE = 25;
export const RANKING_PAGE_SIZE = 50;
export const ATTEMPTS_PAGE_SIZE = 50;

export const contestListQuery = (page: number) =>
  queryOptions({
    queryKey: contestKeys.list(page),
    queryFn: ({ signal }) => api.get<ContestList>('/api/contests', { page, pageSize: CONTEST_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

export const contestQuery = (id: number) =>
  queryOptions({
    queryKey: contestKeys.detail(id),
    queryFn: ({ signal }) => api.get<ContestView>(`/api/contests/${id}`, undefined, signal),
  });

export const myStatusQuery = (id: number) =>
  queryOptions({
    queryKey: contestKeys.me(id),
    queryFn: ({ signal }) => api.get<MyContestStatus>(`/api/contests/${id}/me`, undefined, signal),
    staleTime: 0,
  });

export interface QuestionListParams {
  q?: string;
  topic?: string;
  difficulty?: number;
  active?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

export const QUESTION_PAGE_SIZE = 25;

/** A page of the bank (filtered on the server), with every topic of the bank. */
export const questionsQuery = (id: number, params: QuestionListParams = {}) =>
  queryOptions({
    queryKey: contestKeys.questions(id, params),
    queryFn: ({ signal }) =>
      api.get<QuestionPage>(`/api/contests/${id}/questions`, { pageSize: QUESTION_PAGE_SIZE, ...params }, signal),
    placeholderData: keepPreviousData,
  });

/** A round's ranking, or the overall ranking of the contest when `roundId` is null. */
export const rankingQuery = (contestId: number, roundId: number | null, page: number, pageSize = RANKING_PAGE_SIZE) =>
  queryOptions({
    queryKey: contestKeys.ranking(contestId, roundId, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<RankingPage>(
        roundId === null ? `/api/contests/${contestId}/ranking` : `/api/contests/rounds/${roundId}/ranking`,
        { page, pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const participationQuery = (contestId: number, roundId: number | null, unitId: number | null) =>
  queryOptions({
    queryKey: contestKeys.participation(contestId, roundId, unitId),
    queryFn: ({ signal }) =>
      api.get<ParticipationTable>(`/api/contests/${contestId}/participation`, { roundId, unitId }, signal),
    placeholderData: keepPreviousData,
  });

export const adminAttemptsQuery = (roundId: number, flagged: boolean, page: number) =>
  queryOptions({
    queryKey: contestKeys.attempts(roundId, flagged, page),
    queryFn: ({ signal }) =>
      api.get<AttemptAdminList>(
        `/api/contests/rounds/${roundId}/attempts`,
        { flagged: flagged ? 'true' : undefined, page, pageSize: ATTEMPTS_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const attemptResultQuery = (attemptId: number) =>
  queryOptions({
    queryKey: contestKeys.attempt(attemptId),
    queryFn: ({ signal }) => api.get<AttemptResult>(`/api/contests/attempts/${attemptId}`, undefined, signal),
  });

export const questionFileUrls = (contestId: number, filters: Omit<QuestionListParams, 'page' | 'pageSize'> = {}) => ({
  template: `/api/contests/${contestId}/questions/template.xlsx`,
  export: buildUrl(`/api/contests/${contestId}/questions/export.xlsx`, { ...filters }),
});
export const rankingXlsxUrl = (contestId: number, roundId: number | null) =>
  buildUrl(`/api/contests/${contestId}/ranking.xlsx`, { roundId });
export const participationXlsxUrl = (contestId: number, roundId: number | null, unitId: number | null) =>
  buildUrl(`/api/contests/${contestId}/participation.xlsx`, { roundId, unitId });

function useInvalidateContest() {
  const client = useQueryClient();
  return (id?: number) =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['contests', 'list'] }),
      id === undefined ? null : client.invalidateQueries({ queryKey: contestKeys.detail(id) }),
    ]);
}

export function useSaveContest(id: number | null) {
  const client = useQueryClient();
  const invalidate = useInvalidateContest();
  return useMutation({
    mutationFn: (body: ContestBody) =>
      id === null ? api.post<ContestView>('/api/contests', body) : api.patch<ContestView>(`/api/contests/${id}`, body),
    onSuccess: async (contest) => {
      client.setQueryData(contestKeys.detail(contest.id), contest);
      await invalidate();
    },
  });
}

export function usePublishContest(id: number) {
  const client = useQueryClient();
  const invalidate = useInvalidateContest();
  return useMutation({
    mutationFn: () => api.post<ContestView>(`/api/contests/${id}/publish`),
    onSuccess: async (contest) => {
      if (contest && typeof contest === 'object' && 'id' in contest)
        client.setQueryData(contestKeys.detail(id), contest);
      await invalidate(id);
    },
  });
}

export function useDeleteContest(id: number) {
  const client = useQueryClient();
  const invalidate = useInvalidateContest();
  return useMutation({
    mutationFn: () => api.request<null>('DELETE', `/api/contests/${id}`),
    onSuccess: async () => {
      client.removeQueries({ queryKey: contestKeys.detail(id) });
      await invalidate();
    },
  });
}

export function useSaveRound(contestId: number, roundId: number | null) {
  const invalidate = useInvalidateContest();
  return useMutation({
    mutationFn: (body: RoundBody) =>
      roundId === null
        ? api.post<RoundView>(`/api/contests/${contestId}/rounds`, body)
        : api.patch<RoundView>(`/api/contests/rounds/${roundId}`, body),
    onSuccess: () => invalidate(contestId),
  });
}

export function useDeleteRound(contestId: number) {
  const invalidate = useInvalidateContest();
  return useMutation({
    mutationFn: (roundId: number) => api.request<null>('DELETE', `/api/contests/rounds/${roundId}`),
    onSuccess: () => invalidate(contestId),
  });
}

function useInvalidateQuestions(contestId: number) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['contests', 'questions', contestId] }),
      client.invalidateQueries({ queryKey: contestKeys.detail(contestId) }),
    ]);
}

export function useSaveQuestion(contestId: number, questionId: number | null) {
  const invalidate = useInvalidateQuestions(contestId);
  return useMutation({
    mutationFn: (body: QuestionInput | (Partial<QuestionInput> & { active?: boolean })) =>
      questionId === null
        ? api.post<QuestionView>(`/api/contests/${contestId}/questions`, body)
        : api.patch<QuestionView>(`/api/contests/questions/${questionId}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteQuestion(contestId: number) {
  const invalidate = useInvalidateQuestions(contestId);
  return useMutation({
    mutationFn: (questionId: number) =>
      api.request<QuestionDeleteResult>('DELETE', `/api/contests/questions/${questionId}`),
    onSuccess: invalidate,
  });
}

export function useImportQuestions(contestId: number) {
  const invalidate = useInvalidateQuestions(contestId);
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<QuestionImportResult>(`/api/contests/${contestId}/questions/import`, 'file', file),
    onSuccess: invalidate,
  });
}

function useInvalidateResults() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['contests', 'attempts'] }),
      client.invalidateQueries({ queryKey: ['contests', 'ranking'] }),
      client.invalidateQueries({ queryKey: ['contests', 'participation'] }),
    ]);
}

export function useVoidAttempt() {
  const invalidate = useInvalidateResults();
  return useMutation({
    mutationFn: ({ attemptId, reason }: { attemptId: number; reason: string }) =>
      api.post<unknown>(`/api/contests/attempts/${attemptId}/void`, { reason }),
    onSuccess: invalidate,
  });
}

export function useEssayScore() {
  const invalidate = useInvalidateResults();
  return useMutation({
    mutationFn: ({ attemptId, score }: { attemptId: number; score: number }) =>
      api.request<unknown>('PUT', `/api/contests/attempts/${attemptId}/essay-score`, { body: { score } }),
    onSuccess: invalidate,
  });
}
