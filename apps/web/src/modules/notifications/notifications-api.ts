import type { EmailMode, NotificationPage, NotificationPreferences, NotificationView } from '@lan-toa/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

export const NOTIFICATIONS_PAGE_SIZE = 20;

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (page: number, unread: boolean) => ['notifications', 'list', page, unread] as const,
  unread: ['notifications', 'unread'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export const notificationsQuery = (page: number, unread: boolean, pageSize = NOTIFICATIONS_PAGE_SIZE) =>
  queryOptions({
    queryKey: [...notificationKeys.list(page, unread), pageSize],
    queryFn: ({ signal }) =>
      api.get<NotificationPage>('/api/notifications', { page, pageSize, unread: unread ? 'true' : undefined }, signal),
    placeholderData: keepPreviousData,
  });

/** The bell's number: asked again every minute and when the tab comes back. */
export const unreadCountQuery = queryOptions({
  queryKey: notificationKeys.unread,
  queryFn: ({ signal }) => api.get<{ unread: number }>('/api/notifications/unread-count', undefined, signal),
  refetchInterval: 60_000,
  refetchOnWindowFocus: true,
});

export const preferencesQuery = queryOptions({
  queryKey: notificationKeys.preferences,
  queryFn: ({ signal }) => api.get<NotificationPreferences>('/api/notifications/preferences', undefined, signal),
});

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<NotificationView>(`/api/notifications/${id}/read`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>('/api/notifications/read-all', {}),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: { kind: string; email: EmailMode }[]) =>
      api.patch<NotificationPreferences>('/api/notifications/preferences', { items }),
    onSuccess: (data) => client.setQueryData(notificationKeys.preferences, data),
  });
}
