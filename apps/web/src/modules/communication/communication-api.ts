import type { DeliveriesView, DocumentReach, NewsReachView } from '@lan-toa/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api';

/** The three figures of the communication dashboard, each read from its own module's API. */

export const newsReachQuery = (unitId: number, from: string, to: string) =>
  queryOptions({
    queryKey: ['communication', 'news', unitId, from, to],
    queryFn: ({ signal }) => api.get<NewsReachView>('/api/news/reach', { unitId, from, to }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });

export const documentReachQuery = (unitId: number, year: number) =>
  queryOptions({
    queryKey: ['communication', 'library', unitId, year],
    queryFn: ({ signal }) => api.get<DocumentReach>('/api/library/reach', { unitId, year }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });

export const deliveriesQuery = (unitId: number) =>
  queryOptions({
    queryKey: ['communication', 'channels', unitId],
    queryFn: ({ signal }) => api.get<DeliveriesView>(`/api/units/${unitId}/channel-deliveries`, { months: 12 }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
