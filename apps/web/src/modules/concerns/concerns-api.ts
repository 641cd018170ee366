import type {
  ConcernCategory,
  ConcernDetail,
  ConcernStatus,
  ConcernSummary,
  ConcernTransitionBody,
} from '@lan-toa/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

export interface NewConcern {
  category: string;
  title: string;
  body: string;
  anonymous: boolean;
  files: File[];
}

const keys = {
  all: ['concerns'] as const,
  categories: ['concerns', 'categories'] as const,
  mine: ['concerns', 'mine'] as const,
  inbox: (status: ConcernStatus | null) => ['concerns', 'inbox', status] as const,
  detail: (id: string) => ['concerns', 'detail', id] as const,
};

export const categoriesQuery = queryOptions({
  queryKey: keys.categories,
  queryFn: () => api.get<{ items: ConcernCategory[] }>('/api/concerns/categories'),
  staleTime: 5 * 60_000,
});

export const myConcernsQuery = queryOptions({
  queryKey: keys.mine,
  queryFn: () => api.get<{ items: ConcernSummary[] }>('/api/concerns/mine'),
});

export const inboxQuery = (status: ConcernStatus | null) =>
  queryOptions({
    queryKey: keys.inbox(status),
    queryFn: () => api.get<{ items: ConcernSummary[] }>('/api/concerns/inbox', { status }),
  });

export const concernQuery = (id: string) =>
  queryOptions({ queryKey: keys.detail(id), queryFn: () => api.get<ConcernDetail>(`/api/concerns/${id}`) });

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function useSendConcern() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: NewConcern) => {
      const attachments = await Promise.all(
        input.files.map(async (file) => ({ name: file.name, dataBase64: await toBase64(file) })),
      );
      const { files: _files, ...rest } = input;
      return api.post<{ id: string; trackingCode: string | null; unitName: string }>('/api/concerns', {
        ...rest,
        attachments,
      });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: keys.mine }),
  });
}

/** A handler's or a named owner's step; the answer is the item as it is now (null: out of reach). */
export function useTransition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConcernTransitionBody) =>
      api.post<ConcernDetail | null>(`/api/concerns/${id}/transitions`, body),
    onSuccess: (detail) => {
      if (detail) client.setQueryData(keys.detail(id), detail);
      return client.invalidateQueries({ queryKey: keys.all });
    },
  });
}

/** The public tracking page: the code travels in the body, never in the address. */
export const trackConcern = (code: string) => api.post<ConcernDetail>('/api/concerns/track', { code });
export const trackTransition = (code: string, body: ConcernTransitionBody) =>
  api.post<ConcernDetail>('/api/concerns/track/transitions', { code, ...body });
