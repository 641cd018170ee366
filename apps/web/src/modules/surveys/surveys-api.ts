import type {
  SurveyAnswer,
  SurveyInput,
  SurveyPatch,
  SurveyResults,
  SurveySummary,
  SurveyView,
} from '@lan-toa/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

/** Server calls of surveys, with their query keys. */

export const surveyKeys = {
  all: ['surveys'] as const,
  list: (scope: 'mine' | 'managed') => ['surveys', 'list', scope] as const,
  one: (id: number) => ['surveys', 'one', id] as const,
  results: (id: number) => ['surveys', 'results', id] as const,
};

export const surveysQuery = (scope: 'mine' | 'managed') =>
  queryOptions({
    queryKey: surveyKeys.list(scope),
    queryFn: ({ signal }) => api.get<{ items: SurveySummary[] }>('/api/surveys', { scope }, signal),
  });

export const surveyQuery = (id: number) =>
  queryOptions({
    queryKey: surveyKeys.one(id),
    queryFn: ({ signal }) => api.get<SurveyView>(`/api/surveys/${id}`, undefined, signal),
  });

export const resultsQuery = (id: number) =>
  queryOptions({
    queryKey: surveyKeys.results(id),
    queryFn: ({ signal }) => api.get<SurveyResults>(`/api/surveys/${id}/results`, undefined, signal),
  });

export function useSaveSurvey(id: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyInput | SurveyPatch) =>
      id === null
        ? api.post<SurveyView>('/api/surveys', body)
        : api.request<SurveyView>('PUT', `/api/surveys/${id}`, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

export function usePublishSurvey(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SurveyView & { notified: number }>(`/api/surveys/${id}/publish`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

export function useDeleteSurvey(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.request<null>('DELETE', `/api/surveys/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

export function useAnswerSurvey(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: SurveyAnswer[]) =>
      api.post<{ saved: boolean; replaced: boolean }>(`/api/surveys/${id}/response`, { answers }),
    onSuccess: () => client.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}
