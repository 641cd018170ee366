import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconClock, IconPlayerPlay, IconPlus, IconTrophy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { useMe } from '../../app/session';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { ContestStateBadges } from './contest-badges';
import { ContestCreateModal } from './contest-create-modal';
import { formatVnMoment, timeLeft } from './contest-format';
import type { ContestsSearch } from './contest-search';
import type { ContestSummary } from './contest-types';
import { CONTEST_PAGE_SIZE, contestListQuery } from './contests-api';

interface ContestsPageProps {
  search: ContestsSearch;
  onSearchChange: (patch: Partial<ContestsSearch>) => void;
}

/** Open rounds first (soonest to close), then upcoming, then drafts, then finished. */
function rank(contest: ContestSummary): [number, number] {
  if (contest.openRound) return [0, Date.parse(contest.openRound.closesAt)];
  if (contest.nextRound) return [1, Date.parse(contest.nextRound.opensAt)];
  if (contest.status === 'draft') return [2, -contest.id];
  return [3, -contest.id];
}

function ContestCard({ contest }: { contest: ContestSummary }) {
  const { t } = useTranslation();
  const left = contest.openRound ? timeLeft(contest.openRound.closesAt, t) : null;
  return (
    <Card withBorder padding="md" radius="md" data-testid="contest-card" data-contest-id={contest.id}>
      <Stack gap="xs" h="100%">
        <Group gap={6}>
          <ContestStateBadges contest={contest} />
        </Group>
        <AnchorLink
          to="/contests/$contestId"
          params={{ contestId: String(contest.id) }}
          fw={700}
          fz="lg"
          lh={1.3}
          c="dark"
          data-testid="contest-title"
        >
          {contest.title}
        </AnchorLink>
        <Text size="sm" c="dimmed">
          {t('contests.list.organiser', { unit: contest.unitName })}
        </Text>
        {contest.openRound ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconClock size={16} style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm">
              <Text span fw={600}>
                {contest.openRound.title}
              </Text>
              {' · '}
              {t('contests.list.closesAt', { time: formatVnMoment(contest.openRound.closesAt) })}
              {left ? (
                <Text span c="orange.8" fw={500}>
                  {` (${left})`}
                </Text>
              ) : null}
            </Text>
          </Group>
        ) : contest.nextRound ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconClock size={16} style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm">
              <Text span fw={600}>
                {contest.nextRound.title}
              </Text>
              {' · '}
              {t('contests.list.opensAt', { time: formatVnMoment(contest.nextRound.opensAt) })}
            </Text>
          </Group>
        ) : null}
        {contest.canManage ? (
          <Text size="xs" c="dimmed">
            {t('contests.list.bankSize', { formatted: formatNumber(contest.questionCount) })}
          </Text>
        ) : null}
        <Group gap="xs" mt="auto" pt={4}>
          {contest.openRound && contest.canEnter ? (
            <ButtonLink
              to="/contests/$contestId"
              params={{ contestId: String(contest.id) }}
              leftSection={<IconPlayerPlay size={16} />}
              data-testid="contest-enter"
            >
              {t('contests.list.enter')}
            </ButtonLink>
          ) : (
            <ButtonLink to="/contests/$contestId" params={{ contestId: String(contest.id) }} variant="light">
              {contest.canManage ? t('contests.list.manage') : t('contests.list.view')}
            </ButtonLink>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

export function ContestsPage({ search, onSearchChange }: ContestsPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const page = search.page ?? 1;
  const list = useQuery(contestListQuery(page));
  const canCreate = me.abilities.manageMembers;
  const items = [...(list.data?.items ?? [])].sort((a, b) => {
    const [ga, ka] = rank(a);
    const [gb, kb] = rank(b);
    return ga - gb || ka - kb;
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <PageTitle>{t('contests.title')}</PageTitle>
          <Text size="sm" c="dimmed">
            {t('contests.subtitle')}
          </Text>
        </Stack>
        {canCreate ? (
          <Button onClick={() => setCreating(true)} leftSection={<IconPlus size={16} />} data-testid="contest-create">
            {t('contests.create')}
          </Button>
        ) : null}
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError || !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconTrophy size={28} />}
          title={t('contests.list.empty')}
          description={canCreate ? t('contests.list.emptyManagerHint') : t('contests.list.emptyHint')}
        />
      ) : (
        <Stack gap="sm" opacity={list.isPlaceholderData ? 0.6 : 1}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {items.map((contest) => (
              <ContestCard key={contest.id} contest={contest} />
            ))}
          </SimpleGrid>
          {list.data.total > CONTEST_PAGE_SIZE ? (
            <PaginationBar
              page={page}
              pageSize={CONTEST_PAGE_SIZE}
              total={list.data.total}
              onPageChange={(next) => onSearchChange({ page: next === 1 ? undefined : next })}
            />
          ) : null}
        </Stack>
      )}
      {canCreate ? <ContestCreateModal opened={creating} onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}
