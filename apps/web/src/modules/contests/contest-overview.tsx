import { Alert, Paper, SimpleGrid, Spoiler, Stack, Text, Title } from '@mantine/core';
import { IconCalendarOff, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../components/states';
import type { ContestView } from './contest-types';
import { myStatusQuery } from './contests-api';
import { RankingTable } from './ranking-table';
import { RoundCard } from './round-card';

function TextBlock({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Spoiler maxHeight={160} showLabel={t('plans.showMore')} hideLabel={t('plans.showLess')}>
          <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {text}
          </Text>
        </Spoiler>
      </Stack>
    </Paper>
  );
}

interface ContestOverviewProps {
  contest: ContestView;
  /** On a public contest's own pages (/thi/…), for a visitor who may have no account. */
  visitor?: boolean;
  /** Between the heading and the rounds: the registration form of a public contest. */
  beforeRounds?: ReactNode;
}

/** What every viewer sees: the rounds with one's own attempts, the rules, the prizes, the results. */
export function ContestOverview({ contest, visitor = false, beforeRounds }: ContestOverviewProps) {
  const { t } = useTranslation();
  const me = useQuery({ ...myStatusQuery(contest.id), enabled: contest.status === 'published' });
  // A public contest: whoever registered in this browser plays too, account or not.
  const canPlay = contest.canEnter || (contest.audience === 'public' && me.data?.entered === true);
  const published = contest.rounds.some((round) => round.resultsPublished);
  // The round one can enter now first, then the next ones, then the past ones (latest first).
  const order = { open: 0, upcoming: 1, closed: 2 } as const;
  const rounds = [...contest.rounds].sort(
    (a, b) => order[a.state] - order[b.state] || (a.state === 'closed' ? b.number - a.number : a.number - b.number),
  );

  return (
    <Stack gap="md">
      {contest.status === 'draft' ? (
        <Alert color="yellow" icon={<IconInfoCircle size={20} />}>
          {t('contests.overview.draftNote')}
        </Alert>
      ) : null}
      {beforeRounds}
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('contests.overview.rounds')}
        </Title>
        {me.isError ? (
          <Alert color="orange" icon={<IconInfoCircle size={20} />}>
            {t('contests.overview.statusFailed')}
          </Alert>
        ) : null}
        {rounds.length === 0 ? (
          <EmptyBlock
            icon={<IconCalendarOff size={28} />}
            title={t('contests.overview.noRounds')}
            description={
              contest.canManage ? t('contests.overview.noRoundsManager') : t('contests.overview.noRoundsHint')
            }
          />
        ) : (
          <SimpleGrid cols={{ base: 1, lg: rounds.length > 1 ? 2 : 1 }} spacing="sm" style={{ alignItems: 'start' }}>
            {rounds.map((round) => (
              <RoundCard
                key={round.id}
                contest={contest}
                round={round}
                mine={me.data?.rounds.find((r) => r.roundId === round.id)}
                visitor={visitor}
                canPlay={canPlay}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      {contest.rules ? <TextBlock title={t('contests.fields.rules')} text={contest.rules} /> : null}
      {contest.prizes ? <TextBlock title={t('contests.fields.prizes')} text={contest.prizes} /> : null}
      {published && rounds.length > 1 ? (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('contests.overview.overallRanking')}
          </Title>
          <RankingTable contestId={contest.id} roundId={null} pageSize={10} />
        </Stack>
      ) : null}
    </Stack>
  );
}
