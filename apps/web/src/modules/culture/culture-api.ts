import type { CultureEvaluationBody } from '@lan-toa/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { CultureEvaluationList, CultureEvaluationView } from '../../app/types';

export const cultureKeys = {
  all: ['culture'] as const,
  list: (unitId: number, year: number) => ['culture', unitId, year] as const,
};

export const cultureListQuery = (unitId: number, year: number) =>
  queryOptions({
    queryKey: cultureKeys.list(unitId, year),
    queryFn: ({ signal }) =>
      api.get<CultureEvaluationList>(`/api/units/${unitId}/culture-evaluations`, { year }, signal),
    placeholderData: keepPreviousData,
  });

/** Entering or confirming a unit's year: the lists and target 2.3's figures are stale afterwards. */
export function useCultureCommand() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      command:
        | { type: 'enter'; unitId: number; year: number; body: CultureEvaluationBody }
        | { type: 'confirm'; unitId: number; year: number },
    ) =>
      command.type === 'enter'
        ? api.request<CultureEvaluationView>(
            'PUT',
            `/api/units/${command.unitId}/culture-evaluations/${command.year}`,
            {
              body: command.body,
            },
          )
        : api.post<CultureEvaluationView>(`/api/units/${command.unitId}/culture-evaluations/${command.year}/confirm`),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: cultureKeys.all }),
        client.invalidateQueries({ queryKey: ['progress'] }),
      ]);
    },
  });
}
