import { Breadcrumbs, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconChartBar, IconHelpCircle, IconInfoCircle, IconListNumbers, IconSettings } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { ContestStateBadges } from './contest-badges';
import { ContestOverview } from './contest-overview';
import type { ContestSearch, ContestTab } from './contest-search';
import { ContestSetupTab } from './contest-setup-tab';
import type { ContestView } from './contest-types';
import { contestQuery } from './contests-api';
import { PublicLinkBox } from './public-link';
import { QuestionsTab } from './questions-tab';
import { ResultsTab } from './results-tab';
import { RoundsTab } from './rounds-tab';

interface ContestPageProps {
  contestId: number;
  search: ContestSearch;
  onSearchChange: (patch: Partial<ContestSearch>) => void;
}

export function ContestPage({ contestId, search, onSearchChange }: ContestPageProps) {
  const contest = useQuery(contestQuery(contestId));
  if (contest.isLoading) return <LoadingState />;
  if (contest.isError || !contest.data) {
    return <ErrorState error={contest.error} onRetry={() => void contest.refetch()} />;
  }
  return <ContestDetail contest={contest.data} search={search} onSearchChange={onSearchChange} />;
}

function ContestDetail({
  contest,
  search,
  onSearchChange,
}: {
  contest: ContestView;
  search: ContestSearch;
  onSearchChange: (patch: Partial<ContestSearch>) => void;
}) {
  const { t } = useTranslation();
  const now = Date.now();
  const openRound = contest.rounds.find((round) => round.state === 'open') ?? null;
  const nextRound =
    contest.rounds.filter((round) => round.state === 'upcoming' && Date.parse(round.opensAt) > now)[0] ?? null;
  const tab: ContestTab = contest.canManage ? (search.tab ?? 'overview') : 'overview';

  return (
    <Stack gap="md">
      <Breadcrumbs separatorMargin={6}>
        <AnchorLink to="/contests" size="sm">
          {t('nav.contests')}
        </AnchorLink>
        <Text size="sm" c="dimmed" aria-current="page" lineClamp={1}>
          {contest.title}
        </Text>
      </Breadcrumbs>
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
        <PageTitle data-testid="contest-page-title">{contest.title}</PageTitle>
        <Text size="sm" c="dimmed">
          {t('contests.list.organiser', { unit: contest.unitName })}
          {' · '}
          {contest.audience === 'public'
            ? t('contests.audience.public')
            : t('contests.overview.audienceOf', { unit: contest.audienceUnitName })}
        </Text>
      </Stack>
      {contest.canManage && contest.audience === 'public' ? <PublicLinkBox contest={contest} /> : null}
      {contest.canManage ? (
        <Tabs
          value={tab}
          onChange={(value) => onSearchChange({ tab: value === 'overview' ? undefined : (value as ContestTab) })}
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} />}>
              {t('contests.tabs.overview')}
            </Tabs.Tab>
            <Tabs.Tab value="setup" leftSection={<IconSettings size={16} />}>
              {t('contests.tabs.setup')}
            </Tabs.Tab>
            <Tabs.Tab value="rounds" leftSection={<IconListNumbers size={16} />}>
              {t('contests.tabs.rounds', { formatted: formatNumber(contest.rounds.length) })}
            </Tabs.Tab>
            <Tabs.Tab value="questions" leftSection={<IconHelpCircle size={16} />}>
              {t('contests.tabs.questions', { formatted: formatNumber(contest.questionCount) })}
            </Tabs.Tab>
            <Tabs.Tab value="results" leftSection={<IconChartBar size={16} />}>
              {t('contests.tabs.results')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <ContestOverview contest={contest} />
          </Tabs.Panel>
          <Tabs.Panel value="setup" pt="md">
            <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
              <ContestSetupTab contest={contest} />
            </Paper>
          </Tabs.Panel>
          <Tabs.Panel value="rounds" pt="md">
            <RoundsTab contest={contest} />
          </Tabs.Panel>
          <Tabs.Panel value="questions" pt="md">
            <QuestionsTab contest={contest} />
          </Tabs.Panel>
          <Tabs.Panel value="results" pt="md">
            <ResultsTab contest={contest} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <ContestOverview contest={contest} />
      )}
    </Stack>
  );
}
