import { ActionIcon, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { ButtonLink } from '../../components/links';
import { NotificationItem } from './notification-item';
import { notificationsQuery, unreadCountQuery, useMarkAllRead } from './notifications-api';

/** The bell in the header: unread badge, the latest notices on click, a link to all of them. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const count = useQuery(unreadCountQuery).data?.unread ?? 0;
  const latest = useQuery({ ...notificationsQuery(1, false, 6), enabled: opened });
  const markAll = useMarkAllRead();
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');
  return (
    <Popover width={340} position="bottom-end" shadow="md" opened={opened} onChange={setOpened} withinPortal>
      <Popover.Target>
        <Indicator
          label={count > 99 ? '99+' : formatNumber(count)}
          size={18}
          color="red"
          disabled={count === 0}
          offset={4}
          data-testid="notification-badge"
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={label}
            title={label}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <IconBell size={22} stroke={1.6} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" maw="calc(100vw - 16px)">
        <Group justify="space-between" px="xs" pb={4} wrap="nowrap">
          <Text fw={600} size="sm">
            {t('notifications.latest')}
          </Text>
          {count > 0 ? (
            <ActionIcon
              variant="subtle"
              size="md"
              onClick={() => markAll.mutate()}
              loading={markAll.isPending}
              aria-label={t('notifications.markAllRead')}
              title={t('notifications.markAllRead')}
            >
              <IconChecks size={18} />
            </ActionIcon>
          ) : null}
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={360} type="auto">
          <Stack gap={2} py={4}>
            {latest.data?.items.length === 0 ? (
              <Text size="sm" c="dimmed" p="sm">
                {t('notifications.empty')}
              </Text>
            ) : (
              latest.data?.items.map((n) => (
                <NotificationItem key={n.id} notification={n} compact onOpen={() => setOpened(false)} />
              ))
            )}
          </Stack>
        </ScrollArea.Autosize>
        <Divider />
        <ButtonLink to="/notifications" variant="subtle" fullWidth mt={4} onClick={() => setOpened(false)}>
          {t('notifications.seeAll')}
        </ButtonLink>
      </Popover.Dropdown>
    </Popover>
  );
}
