import { Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { unitHistoryQuery } from './units-api';

/** The unit's versions over time: each name and parent with the period it held. */
export function UnitHistoryTab({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const history = useQuery(unitHistoryQuery(unitId));
  if (history.isLoading) return <LoadingState />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const entries = [...(history.data ?? [])].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  if (entries.length === 0) {
    return (
      <EmptyBlock
        icon={<IconHistory size={28} />}
        title={t('units.noHistory')}
        description={t('units.noHistoryHint')}
      />
    );
  }
  return (
    <Timeline active={0} bulletSize={14} lineWidth={2} mt="sm">
      {entries.map((entry) => (
        <Timeline.Item key={`${entry.validFrom}-${entry.name}-${entry.parentId ?? 0}`} title={entry.name}>
          <Text size="sm" c="dimmed">
            {entry.validTo
              ? t('units.periodClosed', { from: formatDate(entry.validFrom), to: formatDate(entry.validTo) })
              : t('units.periodOpen', { from: formatDate(entry.validFrom) })}
          </Text>
          <Text size="sm">
            {entry.parentName ? t('units.parentIs', { name: entry.parentName }) : t('units.noParent')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
