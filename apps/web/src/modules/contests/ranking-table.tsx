import { Alert, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconInfoCircle, IconTrophy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { formatDuration } from './contest-format';
import type { RankingRow } from './contest-types';
import { RANKING_PAGE_SIZE, rankingQuery } from './contests-api';

interface RankingTableProps {
  contestId: number;
  /** A round's ranking; the overall ranking when null. */
  roundId: number | null;
  /** Organisers see the ranking before it is published. */
  manager?: boolean;
  pageSize?: number;
  /** The list of cards even on a wide screen (inside a narrow card). */
  compact?: boolean;
}

function PrizeBadge({ prize }: { prize: string | null }) {
  if (!prize) return null;
  return (
    <Badge color="yellow" variant="light" leftSection={<IconTrophy size={12} />}>
      {prize}
    </Badge>
  );
}

function distance(row: RankingRow): string {
  return row.predictionDistance === null ? '—' : formatNumber(row.predictionDistance);
}

/** Ranking by score, then prediction distance, then time used; prizes as the round's rules give them. */
export function RankingTable({
  contestId,
  roundId,
  manager,
  compact,
  pageSize = RANKING_PAGE_SIZE,
}: RankingTableProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [page, setPage] = useState(1);
  const ranking = useQuery(rankingQuery(contestId, roundId, page, pageSize));

  if (ranking.isLoading) return <LoadingState />;
  if (ranking.isError || !ranking.data) {
    return <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} />;
  }
  const data = ranking.data;
  if (!data.published && !manager) {
    return (
      <Alert color="blue" icon={<IconInfoCircle size={20} />}>
        {t('contests.ranking.notPublished')}
      </Alert>
    );
  }
  if (data.items.length === 0) {
    return (
      <EmptyBlock
        icon={<IconTrophy size={28} />}
        title={t('contests.ranking.empty')}
        description={t('contests.ranking.emptyHint')}
      />
    );
  }
  const withPrediction = data.items.some((row) => row.predictionDistance !== null);

  return (
    <Stack gap="sm" opacity={ranking.isPlaceholderData ? 0.6 : 1} data-testid="ranking">
      {!data.published ? (
        <Alert color="yellow" icon={<IconInfoCircle size={20} />}>
          {t('contests.ranking.previewOnly')}
        </Alert>
      ) : null}
      {data.predictionAnswer !== null ? (
        <Text size="sm" c="dimmed">
          {t('contests.ranking.predictionAnswer', { value: formatNumber(data.predictionAnswer) })}
        </Text>
      ) : null}
      {phone || compact ? (
        <Stack gap="xs">
          {data.items.map((row) => (
            <Card key={row.entryId} withBorder padding="sm">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Text fw={700} fz="lg" w={36} ta="center">
                  {formatNumber(row.rank)}
                </Text>
                <Stack gap={2} miw={0} flex={1}>
                  <Text fw={600} size="sm">
                    {row.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {row.unitName}
                  </Text>
                  <Text size="xs">
                    {t('contests.ranking.summary', {
                      score: formatNumber(row.score),
                      correct: formatNumber(row.correct),
                      time: formatDuration(row.timeUsedSeconds, t),
                    })}
                    {withPrediction ? ` · ${t('contests.ranking.distanceShort', { value: distance(row) })}` : ''}
                  </Text>
                  <PrizeBadge prize={row.prize} />
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={64} ta="right">
                  {t('contests.ranking.rank')}
                </Table.Th>
                <Table.Th>{t('contests.ranking.name')}</Table.Th>
                <Table.Th>{t('contests.ranking.unit')}</Table.Th>
                <Table.Th ta="right">{t('contests.ranking.score')}</Table.Th>
                <Table.Th ta="right">{t('contests.ranking.correct')}</Table.Th>
                <Table.Th ta="right">{t('contests.ranking.time')}</Table.Th>
                {withPrediction ? <Table.Th ta="right">{t('contests.ranking.distance')}</Table.Th> : null}
                <Table.Th ta="right">{t('contests.ranking.attempts')}</Table.Th>
                <Table.Th>{t('contests.ranking.prize')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((row) => (
                <Table.Tr key={row.entryId}>
                  <Table.Td ta="right" fw={700}>
                    {formatNumber(row.rank)}
                  </Table.Td>
                  <Table.Td>{row.fullName}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.unitName}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(row.score)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(row.correct)}</Table.Td>
                  <Table.Td ta="right">{formatDuration(row.timeUsedSeconds, t)}</Table.Td>
                  {withPrediction ? <Table.Td ta="right">{distance(row)}</Table.Td> : null}
                  <Table.Td ta="right">{formatNumber(row.attempts)}</Table.Td>
                  <Table.Td>
                    <PrizeBadge prize={row.prize} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PaginationBar page={page} pageSize={pageSize} total={data.total} onPageChange={setPage} />
    </Stack>
  );
}
