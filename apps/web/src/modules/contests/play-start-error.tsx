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
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { formatDate } from '../../app/format';
import { ButtonLink } from '../../components/links';
import { toVnParts } from './contest-format';
import type { ContestView } from './contest-types';
import { contestQuery } from './contests-api';
import { isTransient } from './play-api';
import type { PlayPlace } from './play-page';

interface PlayStartErrorProps {
  error: unknown;
  roundId: number;
  place: PlayPlace;
  onRetry: () => void;
}

/** A round that is not open, said with its own times: closed at …, opens at …, or a contest not yet published. */
function notOpenWords(contest: ContestView | undefined, roundId: number, t: TFunction, now = Date.now()) {
  const round = contest?.rounds.find((r) => r.id === roundId);
  if (!contest || !round) return null;
  const at = (value: string) => {
    const { date, time } = toVnParts(value);
    return { time, date: formatDate(date) };
  };
  if (contest.status !== 'published') {
    return { title: t('contests.play.contestDraft'), hint: t('contests.play.notOpenHint') };
  }
  if (now >= Date.parse(round.closesAt)) {
    return {
      title: t('contests.play.roundClosedAt', { round: round.title, ...at(round.closesAt) }),
      hint: t('contests.play.roundClosedHint'),
    };
  }
  if (now < Date.parse(round.opensAt)) {
    return {
      title: t('contests.play.roundOpensAt', { round: round.title, ...at(round.opensAt) }),
      hint: t('contests.play.roundOpensHint'),
    };
  }
  return null;
}

/** Why the attempt could not start, in the server's words (or the round's times), and what to do next. */
export function PlayStartError({ error, roundId, place, onRetry }: PlayStartErrorProps) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : null;
  // "Not open" alone is vague: the contest's rounds tell when it closed or when it opens.
  const contest = useQuery({
    ...contestQuery(place.contestId ?? 0),
    enabled: code === 'ROUND_NOT_OPEN' && place.contestId !== undefined,
    retry: false,
  });
  const notOpen = code === 'ROUND_NOT_OPEN' ? notOpenWords(contest.data, roundId, t) : null;
  const shapes: Record<string, { icon: ReactNode; color: string; hint: string }> = {
    ROUND_NOT_OPEN: {
      icon: <IconClockPause size={36} />,
      color: 'orange',
      hint: notOpen?.hint ?? t('contests.play.notOpenHint'),
    },
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
          <Title order={1} size="h3" data-testid="play-start-error-title">
            {notOpen?.title ?? errorMessage(error, t)}
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
