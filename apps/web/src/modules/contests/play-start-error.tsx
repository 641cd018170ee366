import { Button, Card, Center, Container, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconClockPause,
  IconLock,
  IconRefresh,
  IconTrophy,
  IconUserPlus,
  IconWifiOff,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { ButtonLink } from '../../components/links';
import { isTransient } from './play-api';
import type { PlayPlace } from './play-page';

interface PlayStartErrorProps {
  error: unknown;
  place: PlayPlace;
  onRetry: () => void;
}

/** Why the attempt could not start, in the server's words, and what to do next. */
export function PlayStartError({ error, place, onRetry }: PlayStartErrorProps) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : null;
  const shapes: Record<string, { icon: ReactNode; color: string; hint: string }> = {
    ROUND_NOT_OPEN: { icon: <IconClockPause size={36} />, color: 'orange', hint: t('contests.play.notOpenHint') },
    ATTEMPTS_EXHAUSTED: { icon: <IconTrophy size={36} />, color: 'blue', hint: t('contests.play.exhaustedHint') },
    NOT_IN_AUDIENCE: { icon: <IconLock size={36} />, color: 'red', hint: t('contests.play.notInAudienceHint') },
    // A public contest opened without registering (or from another browser).
    UNAUTHENTICATED: { icon: <IconUserPlus size={36} />, color: 'blue', hint: t('contests.play.registerHint') },
    NOT_FOUND: { icon: <IconAlertTriangle size={36} />, color: 'red', hint: t('errors.hintNotFound') },
    NETWORK: { icon: <IconWifiOff size={36} />, color: 'orange', hint: t('errors.hintNetwork') },
  };
  const shape = (code && shapes[code]) || {
    icon: <IconAlertTriangle size={36} />,
    color: 'red',
    hint: t('errors.hintRetry'),
  };
  return (
    <Container size={480} px="sm" py="xl">
      <Card withBorder padding="lg" radius="md" data-testid="play-start-error" data-code={code ?? ''}>
        <Stack align="center" gap="sm" ta="center" role="alert">
          <ThemeIcon color={shape.color} variant="light" size={72} radius="xl">
            {shape.icon}
          </ThemeIcon>
          <Title order={1} size="h3">
            {errorMessage(error, t)}
          </Title>
          <Text size="sm" c="dimmed">
            {shape.hint}
          </Text>
          <Center>
            <Group gap="sm" justify="center">
              {place.kind === 'public' ? (
                <ButtonLink
                  to="/thi/$contestId"
                  params={{ contestId: String(place.contestId) }}
                  variant={code === 'UNAUTHENTICATED' ? 'filled' : 'light'}
                  leftSection={<IconArrowLeft size={16} />}
                  data-testid="play-back"
                >
                  {t('contests.play.backToContest')}
                </ButtonLink>
              ) : place.contestId !== undefined ? (
                <ButtonLink
                  to="/contests/$contestId"
                  params={{ contestId: String(place.contestId) }}
                  variant="light"
                  leftSection={<IconArrowLeft size={16} />}
                >
                  {t('contests.play.backToContest')}
                </ButtonLink>
              ) : (
                <ButtonLink to="/contests" variant="light" leftSection={<IconArrowLeft size={16} />}>
                  {t('contests.play.backToList')}
                </ButtonLink>
              )}
              {isTransient(error) ? (
                <Button leftSection={<IconRefresh size={16} />} onClick={onRetry}>
                  {t('common.retry')}
                </Button>
              ) : null}
            </Group>
          </Center>
        </Stack>
      </Card>
    </Container>
  );
}
