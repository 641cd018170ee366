import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../app/api';
import type { ProgressResponse, ProgressTable, TrendResponse, UncoveredResponse } from '../../app/types';

export const progressKeys = {
  all: ['progress'] as const,
  unit: (planId: number, unitId: number, year: number) => ['progress', 'unit', planId, unitId, year] as const,
  table: (planId: number, unitId: number, year: number) => ['progress', 'table', planId, unitId, year] as const,
  trend: (planId: number, unitId: number) => ['progress', 'trend', planId, unitId] as const,
  uncovered: (planId: number, targetId: number, unitId: number, year: number) =>
    ['progress', 'uncovered', planId, targetId, unitId, year] as const,
};

export const progressQuery = (planId: number, unitId: number, year: number) =>
  queryOptions({
    queryKey: progressKeys.unit(planId, unitId, year),
    queryFn: ({ signal }) => api.get<ProgressResponse>(`/api/plans/${planId}/progress`, { unitId, year }, signal),
    placeholderData: keepPreviousData,
  });

export const progressTableQuery = (planId: number, unitId: number, year: number) =>
  queryOptions({
    queryKey: progressKeys.table(planId, unitId, year),
    queryFn: ({ signal }) => api.get<ProgressTable>(`/api/plans/${planId}/progress/units`, { unitId, year }, signal),
    placeholderData: keepPreviousData,
  });

export const trendQuery = (planId: number, unitId: number) =>
  queryOptions({
    queryKey: progressKeys.trend(planId, unitId),
    queryFn: ({ signal }) => api.get<TrendResponse>(`/api/plans/${planId}/progress/trend`, { unitId }, signal),
  });

export const uncoveredQuery = (planId: number, targetId: number, unitId: number, year: number) =>
  queryOptions({
    queryKey: progressKeys.uncovered(planId, targetId, unitId, year),
    queryFn: ({ signal }) =>
      api.get<UncoveredResponse>(`/api/plans/${planId}/targets/${targetId}/uncovered`, { unitId, year }, signal),
  });

export function progressExportUrl(planId: number, unitId: number, year: number): string {
  return buildUrl(`/api/plans/${planId}/progress/units/export`, { unitId, year });
}

export interface ManualFigureInput {
  targetId: number;
  unitId: number;
  year: number;
  numerator: number;
  denominator: number | null;
  evidence: string;
}

export function useManualFigure(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ targetId, ...body }: ManualFigureInput) =>
      api.post<ProgressResponse>(`/api/plans/${planId}/targets/${targetId}/manual-figures`, body),
    onSuccess: async (result) => {
      client.setQueryData(progressKeys.unit(planId, result.unitId, result.year), result);
      await client.invalidateQueries({ queryKey: progressKeys.all });
    },
  });
}
