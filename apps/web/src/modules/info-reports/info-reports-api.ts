import type { clarificationArticleList, InfoReportView, InfoTrend, infoReportDetail } from '@lan-toa/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../app/api';

/** Output type of a contracts zod schema, without importing zod into the web workspace. */
type Out<T> = T extends { _zod: { output: infer O } } ? O : never;
export type InfoReportDetail = Out<typeof infoReportDetail>;
export interface InfoReportPage {
  items: InfoReportView[];
  total: number;
  counts: Record<string, number>;
}

export interface ReportBody {
  url: string;
  description: string;
  platform: string;
  anonymous: boolean;
}

const keys = {
  all: ['info-reports'] as const,
  mine: () => ['info-reports', 'mine'] as const,
  inbox: (status: string | null, page: number) => ['info-reports', 'inbox', status, page] as const,
  detail: (id: string) => ['info-reports', 'detail', id] as const,
  trend: (from: string, to: string, bucket: string) => ['info-reports', 'trend', from, to, bucket] as const,
  articles: (q: string) => ['info-reports', 'articles', q] as const,
};

export const myReportsQuery = () =>
  queryOptions({
    queryKey: keys.mine(),
    queryFn: () => api.get<InfoReportPage>('/api/info-reports/mine', { pageSize: 50 }),
  });

/** Reports per page of the province's inbox. */
export const INBOX_PAGE_SIZE = 20;

export const inboxQuery = (status: string | null, page: number) =>
  queryOptions({
    queryKey: keys.inbox(status, page),
    queryFn: () => api.get<InfoReportPage>('/api/info-reports', { status, page, pageSize: INBOX_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

export const reportQuery = (id: string) =>
  queryOptions({ queryKey: keys.detail(id), queryFn: () => api.get<InfoReportDetail>(`/api/info-reports/${id}`) });

export const trendQuery = (from: string, to: string, bucket: 'week' | 'month') =>
  queryOptions({
    queryKey: keys.trend(from, to, bucket),
    queryFn: () => api.get<InfoTrend>('/api/info-reports/trend', { from, to, bucket }),
    placeholderData: keepPreviousData,
  });

export const articlesQuery = (q: string) =>
  queryOptions({
    queryKey: keys.articles(q),
    queryFn: () => api.get<Out<typeof clarificationArticleList>>('/api/info-reports/clarification-articles', { q }),
  });

/** Sends a report: JSON, or multipart when a screenshot is attached. */
export function useSendReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, file }: { body: ReportBody; file: File | null }) =>
      file
        ? uploadFile<InfoReportView>('/api/info-reports', 'file', file, {
            fields: {
              url: body.url,
              description: body.description,
              platform: body.platform,
              anonymous: String(body.anonymous),
            },
          })
        : api.post<InfoReportView>('/api/info-reports', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useTransition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { to: string; note?: string }) =>
      api.post<InfoReportView>(`/api/info-reports/${id}/transition`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export interface ResponseBody {
  clarificationArticleId: number | null;
  letterRecipient: string | null;
  letterSentOn: string | null;
  letterNumber: string | null;
  notes: string | null;
}

export function useRespond(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ResponseBody) => api.patch<InfoReportView>(`/api/info-reports/${id}/response`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
