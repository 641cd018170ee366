import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { CalendarResponse } from '../../app/types';

export const calendarQuery = (unitId: number, from: string, to: string) =>
  queryOptions({
    queryKey: ['calendar', unitId, from, to] as const,
    queryFn: ({ signal }) => api.get<CalendarResponse>('/api/calendar', { unitId, from, to }, signal),
    placeholderData: keepPreviousData,
  });
