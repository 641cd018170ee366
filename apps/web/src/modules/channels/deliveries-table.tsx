import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { ErrorState, LoadingState } from '../../components/states';
import { deliveriesQuery } from './channels-api';

/** "2025-03" → "03/2025". */
const monthLabel = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;

/** Published and failed posts per channel and month, for the unit and the units below it. */
export function DeliveriesTable({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const query = useQuery(deliveriesQuery(unitId, 12));
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const rows = query.data.months;
  const total = rows.reduce(
    (sum, row) => ({
      published: sum.published + row.published,
      failed: sum.failed + row.failed,
      pending: sum.pending + row.pending,
    }),
    { published: 0, failed: 0, pending: 0 },
  );
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('channels.deliveries.title')}
        </Title>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('channels.deliveries.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={240}>
            <Table striped horizontalSpacing={6} fz="sm" data-testid="channel-deliveries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('channels.deliveries.month')}</Table.Th>
                  <Table.Th>{t('channels.deliveries.channel')}</Table.Th>
                  <Table.Th ta="right">{t('channels.deliveries.published')}</Table.Th>
                  <Table.Th ta="right">{t('channels.deliveries.failed')}</Table.Th>
                  <Table.Th ta="right">{t('channels.deliveries.pending')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={`${row.month}-${row.channel}`}>
                    <Table.Td>{monthLabel(row.month)}</Table.Td>
                    <Table.Td>{t(`channels.short.${row.channel}`)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.published)}</Table.Td>
                    <Table.Td ta="right" c={row.failed > 0 ? 'red' : undefined}>
                      {formatNumber(row.failed)}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(row.pending)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={2}>{t('channels.deliveries.total')}</Table.Th>
                  <Table.Th ta="right">{formatNumber(total.published)}</Table.Th>
                  <Table.Th ta="right">{formatNumber(total.failed)}</Table.Th>
                  <Table.Th ta="right">{formatNumber(total.pending)}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
