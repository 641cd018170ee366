import { Alert, Button, Card, Center, Group, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconLogin, IconUserCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { ButtonLink } from '../../components/links';
import { LoadingState } from '../../components/states';
import { ContestStateBadges } from './contest-badges';
import { ContestOverview } from './contest-overview';
import type { ContestView } from './contest-types';
import { contestQuery, myStatusQuery } from './contests-api';
import { PublicEntryForm } from './public-entry-form';
import { PublicShell, useOptionalMe } from './public-shell';

/**
 * A public contest's landing page (/thi/:contestId), for anyone with the link: what the contest
 * is, its rounds, rules and prizes, and a registration form (name, unit, phone) for visitors
 * without an account. A signed-in member plays with their account instead.
 */
export function PublicContestPage({ contestId }: { contestId: number }) {
  const contest = useQuery(contestQuery(contestId));
  return (
    <PublicShell>
      {contest.isLoading ? (
        <LoadingState />
      ) : contest.isError || !contest.data ? (
        <Unavailable error={contest.error} contestId={contestId} onRetry={() => void contest.refetch()} />
      ) : contest.data.audience !== 'public' ? (
        <MembersOnly contest={contest.data} />
      ) : (
        <Landing contest={contest.data} />
      )}
    </PublicShell>
  );
}

function Landing({ contest }: { contest: ContestView }) {
  const { t } = useTranslation();
  const now = Date.now();
  const openRound = contest.rounds.find((round) => round.state === 'open') ?? null;
  const nextRound =
    contest.rounds.filter((round) => round.state === 'upcoming' && Date.parse(round.opensAt) > now)[0] ?? null;

  return (
    <Stack gap="md" data-testid="public-contest">
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap={6}>
          <Group gap={6}>
            <ContestStateBadges
              contest={{
                status: contest.status,
                openRound: openRound && { id: openRound.id, title: openRound.title, closesAt: openRound.closesAt },
                nextRound: nextRound && { id: nextRound.id, title: nextRound.title, opensAt: nextRound.opensAt },
              }}
            />
          </Group>
          <Title
            order={1}
            fz={{ base: 'h3', sm: 'h2' }}
            style={{ overflowWrap: 'anywhere' }}
            data-testid="public-title"
          >
            {contest.title}
          </Title>
          <Text size="sm" c="dimmed">
            {t('contests.list.organiser', { unit: contest.unitName })}
          </Text>
          <Text size="sm">{t('contests.public.whoCanEnter')}</Text>
        </Stack>
      </Paper>
      <ContestOverview contest={contest} visitor beforeRounds={<EntryCard contest={contest} />} />
    </Stack>
  );
}

/** Who plays here: the signed-in member, the visitor registered in this browser, or the form. */
function EntryCard({ contest }: { contest: ContestView }) {
  const { t } = useTranslation();
  const me = useOptionalMe();
  const status = useQuery({ ...myStatusQuery(contest.id), enabled: contest.status === 'published' });
  const over = contest.rounds.length > 0 && contest.rounds.every((round) => round.state === 'closed');

  if (contest.status !== 'published') {
    return (
      <Alert color="yellow" icon={<IconInfoCircle size={20} />}>
        {t('contests.public.draftPreview')}
      </Alert>
    );
  }
  if (contest.canEnter && me) {
    return (
      <Alert color="blue" icon={<IconUserCheck size={20} />} data-testid="public-member">
        {t('contests.public.memberPlays', { name: me.account.displayName })}
      </Alert>
    );
  }
  if (status.isLoading) {
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (status.data?.entered) {
    return (
      <Alert
        color="green"
        icon={<IconCircleCheck size={20} />}
        title={t('contests.public.registered')}
        data-testid="public-registered"
      >
        <Stack gap={2}>
          {status.data.fullName ? (
            <Text size="sm" fw={600}>
              {t('contests.public.registeredAs', { name: status.data.fullName, unit: status.data.unitName ?? '' })}
            </Text>
          ) : (
            <Text size="sm">{t('contests.public.registeredHere')}</Text>
          )}
          {over ? null : <Text size="sm">{t('contests.public.startBelow')}</Text>}
        </Stack>
      </Alert>
    );
  }
  if (over) {
    return (
      <Alert color="gray" icon={<IconInfoCircle size={20} />}>
        {t('contests.public.ended')}
      </Alert>
    );
  }
  return <PublicEntryForm contestId={contest.id} signedIn={me !== null} />;
}

function Unavailable({ error, contestId, onRetry }: { error: unknown; contestId: number; onRetry: () => void }) {
  const { t } = useTranslation();
  const me = useOptionalMe();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Card withBorder padding="lg" radius="md" maw={560} mx="auto">
      <Stack align="center" gap="sm" ta="center" role="alert">
        <ThemeIcon color="red" variant="light" size={64} radius="xl">
          <IconAlertTriangle size={32} />
        </ThemeIcon>
        <Title order={1} size="h3">
          {notFound ? t('contests.public.notFoundTitle') : errorMessage(error, t)}
        </Title>
        <Text size="sm" c="dimmed">
          {notFound ? t('contests.public.notFoundHint') : t('errors.hintRetry')}
        </Text>
        {notFound && !me ? (
          <ButtonLink
            to="/login"
            search={{ redirect: `/contests/${contestId}` }}
            leftSection={<IconLogin size={16} />}
            variant="light"
          >
            {t('contests.public.signInMember')}
          </ButtonLink>
        ) : notFound ? null : (
          <Button variant="light" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

/** A contest for members of some units only: its page is in the app. */
function MembersOnly({ contest }: { contest: ContestView }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" radius="md" maw={560} mx="auto">
      <Stack align="center" gap="sm" ta="center">
        <Title order={1} size="h3">
          {contest.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t('contests.public.membersOnly')}
        </Text>
        <ButtonLink to="/contests/$contestId" params={{ contestId: String(contest.id) }}>
          {t('contests.public.openInApp')}
        </ButtonLink>
      </Stack>
    </Card>
  );
}
