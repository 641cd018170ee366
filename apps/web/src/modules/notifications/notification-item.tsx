import type { NotificationView } from '@lan-toa/contracts';
import { Badge, Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import classes from './notifications.module.css';
import { useMarkRead } from './notifications-api';

const KIND_COLORS: Record<string, string> = {
  study_assignment: 'blue',
  deadline_reminder: 'orange',
  contest_round_open: 'grape',
  article_workflow: 'teal',
  concern_answered: 'cyan',
  survey_open: 'lime',
};

/** One notice: opening it marks it read and goes to what it is about. */
export function NotificationItem({
  notification,
  compact = false,
  onOpen,
}: {
  notification: NotificationView;
  compact?: boolean;
  onOpen?: () => void;
}) {
  const { t } = useTranslation();
  const router = useRouter();
  const markRead = useMarkRead();
  const unread = notification.readAt === null;
  const open = () => {
    if (unread) markRead.mutate(notification.id);
    onOpen?.();
    if (notification.link) router.history.push(notification.link);
  };
  return (
    <UnstyledButton
      onClick={open}
      className={classes.item}
      data-unread={unread || undefined}
      data-testid="notification-item"
      aria-label={unread ? `${t('notifications.unreadDot')}: ${notification.title}` : notification.title}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box className={classes.dot} data-unread={unread || undefined} aria-hidden />
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="wrap">
            <Badge size="xs" variant="light" color={KIND_COLORS[notification.kind] ?? 'gray'}>
              {t(`notifications.kinds.${notification.kind}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {formatDateTime(notification.createdAt)}
            </Text>
          </Group>
          <Text size="sm" fw={unread ? 600 : 400} className={classes.title}>
            {notification.title}
          </Text>
          {notification.body && !compact ? (
            <Text size="sm" c="dimmed" className={classes.title}>
              {notification.body}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
