import { Alert, Badge, Card, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconInfoCircle, IconTrophy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { formatClock } from './contest-format';
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
    <Badge color="yellow" variant="light" leftSection={<IconTrophy size={12} />} miw="max-content">
      {prize}
    </Badge>
  );
}

/** Figures stay on one line; the name and unit columns take the wrapping. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const CLOCK = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

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

  // Organisers' preview of a ranking players cannot see yet: said once, here.
  const preview = (
    <Alert color="yellow" icon={<IconInfoCircle size={20} />} data-testid="ranking-preview">
      {t('contests.ranking.previewOnly')}
    </Alert>
  );

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
      <Stack gap="sm">
        {!data.published ? preview : null}
        <EmptyBlock
          icon={<IconTrophy size={28} />}
          title={t('contests.ranking.empty')}
          description={t('contests.ranking.emptyHint')}
        />
      </Stack>
    );
  }
  const withPrediction = data.items.some((row) => row.predictionDistance !== null);
  // The overall ranking has no prizes (they are a round's); a column nobody is in is left out.
  const withPrize = data.items.some((row) => row.prize !== null);
  const overall = roundId === null;
  const timeHint = t(overall ? 'contests.ranking.timeHintOverall' : 'contests.ranking.timeHint');
  const distanceHint = t(overall ? 'contests.ranking.distanceHintOverall' : 'contests.ranking.distanceHint');

  return (
    <Stack gap="sm" opacity={ranking.isPlaceholderData ? 0.6 : 1} data-testid="ranking">
      {!data.published ? preview : null}
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
                    {[
                      t('contests.ranking.points', { score: formatNumber(row.score) }),
                      t('contests.ranking.correctCount', { correct: formatNumber(row.correct) }),
                      formatClock(row.timeUsedSeconds),
                      ...(withPrediction ? [t('contests.ranking.distanceShort', { value: distance(row) })] : []),
                    ].map((part, index) => (
                      // Each figure stays whole on a narrow phone; the line breaks between them.
                      // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of parts
                      <Fragment key={index}>
                        {index > 0 ? ' · ' : ''}
                        <Text span inherit style={NOWRAP}>
                          {part}
                        </Text>
                      </Fragment>
                    ))}
                  </Text>
                  <PrizeBadge prize={row.prize} />
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={withPrize ? 720 : 620}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56} ta="right" style={NOWRAP}>
                  {t('contests.ranking.rank')}
                </Table.Th>
                <Table.Th>{t('contests.ranking.name')}</Table.Th>
                <Table.Th>{t('contests.ranking.unit')}</Table.Th>
                <Table.Th ta="right" style={NOWRAP}>
                  {t('contests.ranking.score')}
                </Table.Th>
                <Table.Th ta="right" style={NOWRAP}>
                  {t('contests.ranking.correct')}
                </Table.Th>
                <Table.Th ta="right" style={NOWRAP}>
                  <Tooltip label={timeHint} multiline w={260}>
                    <span>{t('contests.ranking.time')}</span>
                  </Tooltip>
                </Table.Th>
                {withPrediction ? (
                  <Table.Th ta="right" style={NOWRAP}>
                    <Tooltip label={distanceHint} multiline w={260}>
                      <span data-testid="ranking-distance-header">{t('contests.ranking.distance')}</span>
                    </Tooltip>
                  </Table.Th>
                ) : null}
                <Table.Th ta="right" style={NOWRAP}>
                  {t('contests.ranking.attempts')}
                </Table.Th>
                {withPrize ? <Table.Th style={NOWRAP}>{t('contests.ranking.prize')}</Table.Th> : null}
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
                  <Table.Td ta="right" style={CLOCK} data-testid="ranking-time">
                    {formatClock(row.timeUsedSeconds)}
                  </Table.Td>
                  {withPrediction ? <Table.Td ta="right">{distance(row)}</Table.Td> : null}
                  <Table.Td ta="right">{formatNumber(row.attempts)}</Table.Td>
                  {withPrize ? (
                    <Table.Td style={NOWRAP}>
                      <PrizeBadge prize={row.prize} />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {timeHint}
        </Text>
        {withPrediction ? (
          <Text size="xs" c="dimmed" data-testid="ranking-distance-hint">
            {distanceHint}
          </Text>
        ) : null}
      </Stack>
      <PaginationBar page={page} pageSize={pageSize} total={data.total} onPageChange={setPage} />
    </Stack>
  );
}
