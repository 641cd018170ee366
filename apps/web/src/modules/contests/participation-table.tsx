import { Anchor, Breadcrumbs, Button, Card, Group, Progress, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronRight, IconDownload, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatPercent } from '../../app/format';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import type { ParticipationRow } from './contest-types';
import { participationQuery, participationXlsxUrl } from './contests-api';

interface ParticipationProps {
  contestId: number;
  roundId: number | null;
}

function Rate({ row }: { row: ParticipationRow }) {
  if (row.rate === null) return <Text size="sm">—</Text>;
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      <Progress
        value={Math.min(100, row.rate)}
        w={60}
        size="sm"
        color={row.rate >= 80 ? 'green' : row.rate >= 50 ? 'yellow' : 'red'}
        aria-hidden
      />
      <Text size="sm" fw={600} w={56} ta="right">
        {formatPercent(row.rate, 1, 1)}
      </Text>
    </Group>
  );
}

/** Members who took part / members in the audience, per child unit, ranked; a unit opens its own children. */
export function ParticipationTable({ contestId, roundId }: ParticipationProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [trail, setTrail] = useState<{ unitId: number; name: string }[]>([]);
  const unitId = trail.at(-1)?.unitId ?? null;
  const table = useQuery(participationQuery(contestId, roundId, unitId));

  if (table.isLoading) return <LoadingState />;
  if (table.isError || !table.data) return <ErrorState error={table.error} onRetry={() => void table.refetch()} />;
  const data = table.data;
  const open = (row: ParticipationRow) =>
    setTrail((current) => [...current, { unitId: row.unitId, name: row.unitName }]);
  const rows = [...data.rows].sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));

  return (
    <Stack gap="sm" opacity={table.isPlaceholderData ? 0.6 : 1} data-testid="participation">
      <Group justify="space-between" gap="xs" align="flex-start">
        <Breadcrumbs separatorMargin={6}>
          <Anchor component="button" type="button" size="sm" onClick={() => setTrail([])} disabled={trail.length === 0}>
            {t('contests.participation.top')}
          </Anchor>
          {trail.map((step, index) =>
            index === trail.length - 1 ? (
              <Text key={step.unitId} size="sm" c="dimmed" aria-current="page">
                {step.name}
              </Text>
            ) : (
              <Anchor
                key={step.unitId}
                component="button"
                type="button"
                size="sm"
                onClick={() => setTrail(trail.slice(0, index + 1))}
              >
                {step.name}
              </Anchor>
            ),
          )}
        </Breadcrumbs>
        <Button
          component="a"
          href={participationXlsxUrl(contestId, roundId, unitId)}
          download
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} />}
        >
          {t('contests.results.exportXlsx')}
        </Button>
      </Group>
      <Card withBorder padding="sm" radius="md">
        <Group justify="space-between" gap="xs">
          <Stack gap={0}>
            <Text fw={700}>{data.total.unitName}</Text>
            <Text size="xs" c="dimmed">
              {t('contests.participation.reference', { day: formatDate(data.referenceDay) })}
            </Text>
          </Stack>
          <Stack gap={0} align="flex-end">
            <Text fw={700} fz="xl" data-testid="participation-total-rate">
              {data.total.rate === null ? '—' : formatPercent(data.total.rate, 1, 1)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('contests.participation.counts', {
                participants: formatNumber(data.total.participants),
                members: formatNumber(data.total.members),
              })}
            </Text>
          </Stack>
        </Group>
        {data.guests > 0 ? (
          <Text size="xs" c="dimmed" mt={4}>
            {t('contests.participation.guests', { formatted: formatNumber(data.guests) })}
          </Text>
        ) : null}
      </Card>
      {rows.length === 0 ? (
        <EmptyBlock
          icon={<IconUsersGroup size={28} />}
          title={t('contests.participation.noChildren')}
          description={t('contests.participation.noChildrenHint')}
        />
      ) : phone ? (
        <Stack gap="xs">
          {rows.map((row) => (
            <UnstyledButton
              key={row.unitId}
              onClick={() => open(row)}
              aria-label={t('contests.participation.open', { unit: row.unitName })}
            >
              <Card withBorder padding="sm">
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Group gap="xs" wrap="nowrap" miw={0}>
                    <Text fw={700} w={28} ta="center" style={{ flexShrink: 0 }}>
                      {row.rank ?? '—'}
                    </Text>
                    <Stack gap={0} miw={0}>
                      <Text size="sm" fw={600}>
                        {row.unitName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('contests.participation.counts', {
                          participants: formatNumber(row.participants),
                          members: formatNumber(row.members),
                        })}
                      </Text>
                    </Stack>
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" fw={700}>
                      {row.rate === null ? '—' : formatPercent(row.rate, 1, 1)}
                    </Text>
                    <IconChevronRight size={16} />
                  </Group>
                </Group>
              </Card>
            </UnstyledButton>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={64} ta="right">
                  {t('contests.ranking.rank')}
                </Table.Th>
                <Table.Th>{t('contests.ranking.unit')}</Table.Th>
                <Table.Th ta="right">{t('contests.participation.members')}</Table.Th>
                <Table.Th ta="right">{t('contests.participation.participants')}</Table.Th>
                <Table.Th ta="right" w={150}>
                  {t('contests.participation.rate')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.unitId}>
                  <Table.Td ta="right" fw={700}>
                    {row.rank ?? '—'}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" onClick={() => open(row)} ta="left">
                      {row.unitName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(row.members)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(row.participants)}</Table.Td>
                  <Table.Td>
                    <Rate row={row} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
