import type {
  ArticleCommentView,
  ArticleImageView,
  ArticlePage,
  ArticlePatch,
  ArticleStatus,
  ArticleView,
  NewsMeta,
} from '@lan-toa/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../app/api';

export const NEWS_PAGE_SIZE = 20;

export interface NewsListParams {
  status?: ArticleStatus;
  category?: string;
  q?: string;
  page: number;
}

export const newsKeys = {
  all: ['news'] as const,
  meta: ['news', 'meta'] as const,
  list: (params: NewsListParams) => ['news', 'list', params] as const,
  detail: (id: number) => ['news', 'detail', id] as const,
  comments: (id: number) => ['news', 'comments', id] as const,
};

export const newsMetaQuery = queryOptions({
  queryKey: newsKeys.meta,
  queryFn: ({ signal }) => api.get<NewsMeta>('/api/news/meta', undefined, signal),
  staleTime: 5 * 60_000,
});

export const articleListQuery = (params: NewsListParams) =>
  queryOptions({
    queryKey: newsKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<ArticlePage>('/api/news/articles', { ...params, pageSize: NEWS_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

export const articleQuery = (id: number) =>
  queryOptions({
    queryKey: newsKeys.detail(id),
    queryFn: ({ signal }) => api.get<ArticleView>(`/api/news/articles/${id}`, undefined, signal),
  });

export const commentsQuery = (id: number) =>
  queryOptions({
    queryKey: newsKeys.comments(id),
    queryFn: ({ signal }) =>
      api.get<{ items: ArticleCommentView[] }>(`/api/news/articles/${id}/comments`, undefined, signal),
  });

function useArticleWrite<V>(id: number, call: (vars: V) => Promise<ArticleView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (article) => {
      client.setQueryData(newsKeys.detail(id), article);
      void client.invalidateQueries({ queryKey: ['news', 'list'] });
      void client.invalidateQueries({ queryKey: newsKeys.comments(id) });
    },
  });
}

export function useCreateArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { unitId: number; title: string; category: string }) =>
      api.post<ArticleView>('/api/news/articles', body),
    onSuccess: (article) => {
      client.setQueryData(newsKeys.detail(article.id), article);
      void client.invalidateQueries({ queryKey: ['news', 'list'] });
    },
  });
}

export function useUpdateArticle(id: number) {
  return useArticleWrite(id, (patch: ArticlePatch) => api.patch<ArticleView>(`/api/news/articles/${id}`, patch));
}

export type TransitionVars =
  | { action: 'submit' | 'approve' | 'archive' }
  | { action: 'reject'; reason: string }
  | { action: 'publish'; publishAt: string | null };

export function useTransition(id: number) {
  return useArticleWrite(id, ({ action, ...body }: TransitionVars) =>
    api.post<ArticleView>(`/api/news/articles/${id}/${action}`, body),
  );
}

export function useAddComment(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<ArticleCommentView>(`/api/news/articles/${id}/comments`, { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: newsKeys.comments(id) }),
  });
}

export function uploadArticleImage(id: number, file: File, cover: boolean) {
  return uploadFile<ArticleImageView>(`/api/news/articles/${id}/images${cover ? '?cover=true' : ''}`, 'file', file);
}
