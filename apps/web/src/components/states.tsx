import { Button, Center, EmptyState, Loader, Stack } from '@mantine/core';
import { IconAlertTriangle, IconHome, IconLock, IconMoodEmpty, IconRefresh, IconWifiOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { errorMessage } from '../app/errors';
import { ButtonLink } from './links';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-label={label ?? t('common.loading')} />
      </Stack>
    </Center>
  );
}

interface EmptyBlockProps {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
}

/** An empty list: says what is missing and what to do next. */
export function EmptyBlock({ title, description, icon, action }: EmptyBlockProps) {
  return (
    <EmptyState
      py="xl"
      title={title}
      description={description}
      icon={icon ?? <IconMoodEmpty size={28} />}
      withIndicatorBackground
    >
      {action ? <EmptyState.Actions>{action}</EmptyState.Actions> : null}
    </EmptyState>
  );
}

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load: the server's message, what to do about it, and a retry button when useful. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const forbidden = apiError?.status === 403;
  const notFound = apiError?.status === 404;
  const offline = apiError?.code === 'NETWORK';
  const hint = forbidden
    ? t('errors.hintForbidden')
    : notFound
      ? t('errors.hintNotFound')
      : offline
        ? t('errors.hintNetwork')
        : t('errors.hintRetry');
  const icon = forbidden ? (
    <IconLock size={28} />
  ) : offline ? (
    <IconWifiOff size={28} />
  ) : (
    <IconAlertTriangle size={28} />
  );
  return (
    <EmptyState
      py="xl"
      color="red"
      variant="light"
      icon={icon}
      title={errorMessage(error, t)}
      description={hint}
      role="alert"
    >
      {forbidden || notFound ? (
        <EmptyState.Actions>
          <ButtonLink to="/" variant="light" leftSection={<IconHome size={16} />}>
            {t('nav.home')}
          </ButtonLink>
        </EmptyState.Actions>
      ) : onRetry ? (
        <EmptyState.Actions>
          <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </EmptyState.Actions>
      ) : null}
    </EmptyState>
  );
}
