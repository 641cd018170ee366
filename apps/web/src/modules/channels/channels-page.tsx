import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { UnitPicker } from '../../components/unit-picker';
import { unitChannelsQuery } from './channels-api';
import { ConnectionCard } from './connection-card';
import { DeliveriesTable } from './deliveries-table';

/** A unit's "Kênh truyền thông": its Zalo OA and Facebook Page, and what was posted to them. */
export function ChannelsPage({
  unitId,
  onUnitChange,
}: {
  unitId: number | null;
  onUnitChange: (unitId: number) => void;
}) {
  const { t } = useTranslation();
  const query = useQuery({ ...unitChannelsQuery(unitId ?? 0), enabled: unitId !== null });
  return (
    <Stack gap="md">
      <PageTitle>{t('channels.title')}</PageTitle>
      <UnitPicker
        label={t('channels.unit')}
        value={unitId}
        onChange={(next) => {
          if (next !== null) onUnitChange(next);
        }}
        maw={480}
        allowDeselect={false}
      />
      {unitId === null ? <Text c="dimmed">{t('channels.pickUnit')}</Text> : null}
      {unitId !== null && query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && unitId !== null ? (
        <>
          <Text c="dimmed">{t('channels.subtitle', { unit: query.data.unitName })}</Text>
          {query.data.canManage ? null : <Alert color="blue">{t('channels.readOnly')}</Alert>}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {query.data.connections.map((connection) => (
              <ConnectionCard
                key={connection.channel}
                unitId={unitId}
                connection={connection}
                canManage={query.data.canManage}
              />
            ))}
          </SimpleGrid>
          <DeliveriesTable unitId={unitId} />
        </>
      ) : null}
    </Stack>
  );
}
