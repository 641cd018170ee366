import { Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBellOff, IconChecks, IconSettings } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { NotificationItem } from './notification-item';
import { NOTIFICATIONS_PAGE_SIZE, notificationsQuery, useMarkAllRead } from './notifications-api';
import type { NotificationsSearch } from './notifications-search';

interface NotificationsPageProps {
  search: NotificationsSearch;
  onSearchChange: (patch: Partial<NotificationsSearch>) => void;
}

/** Everything one has been told, newest first; unread ones stand out and can be filtered. */
export function NotificationsPage({ search, onSearchChange }: NotificationsPageProps) {
  const { t } = useTranslation();
  const page = search.page ?? 1;
  const unreadOnly = search.unread ?? false;
  const list = useQuery(notificationsQuery(page, unreadOnly));
  const markAll = useMarkAllRead();

  const markAllRead = () =>
    markAll.mutate(undefined, {
      onSuccess: ({ marked }) =>
        notifications.show({ color: 'green', message: t('notifications.markedAll', { count: marked }) }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
    });

  return (
    <Stack gap="md" maw={760}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <PageTitle>{t('notifications.title')}</PageTitle>
          {list.data ? (
            <Text size="sm" c="dimmed" data-testid="unread-summary">
              {t('notifications.unreadSummary', { count: list.data.unread, formatted: formatNumber(list.data.unread) })}
            </Text>
          ) : null}
        </Stack>
        <ButtonLink
          to="/notifications/settings"
          variant="subtle"
          size="compact-sm"
          leftSection={<IconSettings size={16} />}
        >
          {t('notifications.settings')}
        </ButtonLink>
      </Group>
      <Group justify="space-between" gap="sm">
        <SegmentedControl
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(value) => onSearchChange({ unread: value === 'unread' ? true : undefined, page: undefined })}
          data={[
            { value: 'all', label: t('notifications.filterAll') },
            { value: 'unread', label: t('notifications.filterUnread') },
          ]}
        />
        <Button
          variant="light"
          size="compact-sm"
          leftSection={<IconChecks size={16} />}
          onClick={markAllRead}
          loading={markAll.isPending}
          disabled={!list.data || list.data.unread === 0}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyBlock
          icon={<IconBellOff size={28} />}
          title={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}
          description={unreadOnly ? t('notifications.emptyUnreadHint') : t('notifications.emptyHint')}
        />
      ) : (
        <>
          <Paper withBorder p={4}>
            <Stack gap={2} data-testid="notification-list">
              {list.data.items.map((n) => (
                <NotificationItem key={n.id} notification={n} />
              ))}
            </Stack>
          </Paper>
          {list.data.total > NOTIFICATIONS_PAGE_SIZE ? (
            <PaginationBar
              page={page}
              pageSize={NOTIFICATIONS_PAGE_SIZE}
              total={list.data.total}
              onPageChange={(next) => onSearchChange({ page: next > 1 ? next : undefined })}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}
