import type {
  ArticleChannelPostsView,
  ChannelName,
  ChannelTestResult,
  DeliveriesView,
  FacebookConnectInput,
  UnitChannelsView,
  ZaloConnectInput,
} from '@lan-toa/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

export const channelKeys = {
  unit: (unitId: number) => ['channels', 'unit', unitId] as const,
  deliveries: (unitId: number, months: number) => ['channels', 'deliveries', unitId, months] as const,
  article: (articleId: number) => ['channels', 'article', articleId] as const,
};

export const unitChannelsQuery = (unitId: number) =>
  queryOptions({
    queryKey: channelKeys.unit(unitId),
    queryFn: ({ signal }) => api.get<UnitChannelsView>(`/api/units/${unitId}/channels`, undefined, signal),
  });

export const deliveriesQuery = (unitId: number, months: number) =>
  queryOptions({
    queryKey: channelKeys.deliveries(unitId, months),
    queryFn: ({ signal }) => api.get<DeliveriesView>(`/api/units/${unitId}/channel-deliveries`, { months }, signal),
  });

/** Refreshes while a delivery is still on its way, so the panel follows the queue without a reload. */
export const articleChannelPostsQuery = (articleId: number) =>
  queryOptions({
    queryKey: channelKeys.article(articleId),
    queryFn: ({ signal }) =>
      api.get<ArticleChannelPostsView>(`/api/articles/${articleId}/channel-posts`, undefined, signal),
    refetchInterval: (query) =>
      query.state.data?.posts.some((p) => p.status === 'pending' || p.status === 'publishing' || p.willRetry)
        ? 5_000
        : false,
  });

export function useConnectChannel(unitId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input: { channel: 'zalo'; body: ZaloConnectInput } | { channel: 'facebook'; body: FacebookConnectInput },
    ) => api.request<UnitChannelsView>('PUT', `/api/units/${unitId}/channels/${input.channel}`, { body: input.body }),
    onSuccess: (view) => client.setQueryData(channelKeys.unit(unitId), view),
  });
}

export function useDisconnectChannel(unitId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (channel: ChannelName) =>
      api.request<UnitChannelsView>('DELETE', `/api/units/${unitId}/channels/${channel}`),
    onSuccess: (view) => client.setQueryData(channelKeys.unit(unitId), view),
  });
}

export function useTestChannel(unitId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (channel: ChannelName) => api.post<ChannelTestResult>(`/api/units/${unitId}/channels/${channel}/test`),
    onSettled: () => client.invalidateQueries({ queryKey: channelKeys.unit(unitId) }),
  });
}

export function useRetryPost(articleId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (channel: ChannelName) =>
      api.post<ArticleChannelPostsView>(`/api/articles/${articleId}/channel-posts/${channel}/retry`),
    onSuccess: (view) => client.setQueryData(channelKeys.article(articleId), view),
  });
}
