import { Card, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { labelOrRaw } from '../../app/i18n-dynamic';
import { AnchorLink } from '../../components/links';
import { ErrorState, LoadingState } from '../../components/states';
import { StatusBadge } from './member-badges';
import { memberHistoryQuery } from './members-api';

/** Where the member has belonged and which statuses they have had, newest first. */
export function MemberHistorySection({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const history = useQuery(memberHistoryQuery(memberId));
  if (history.isLoading) return <LoadingState />;
  if (history.isError || !history.data)
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;

  const memberships = [...history.data.memberships].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const statuses = [...history.data.statuses].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const reason = (value: string | null) => (value ? labelOrRaw(t, 'members.endReasons', value) : '—');

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('members.historyMemberships')}
        </Title>
        {memberships.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('members.historyEmpty')}
          </Text>
        ) : phone ? (
          <Stack gap="xs">
            {memberships.map((entry) => (
              <Card key={`${entry.unitId}-${entry.validFrom}`} withBorder padding="xs">
                <AnchorLink to="/units/$unitId" params={{ unitId: String(entry.unitId) }} fw={500}>
                  {entry.unitName}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {entry.validTo
                    ? t('units.periodClosed', { from: formatDate(entry.validFrom), to: formatDate(entry.validTo) })
                    : t('units.periodOpen', { from: formatDate(entry.validFrom) })}
                  {entry.endReason ? ` · ${reason(entry.endReason)}` : ''}
                </Text>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.fields.unit')}</Table.Th>
                <Table.Th>{t('common.from')}</Table.Th>
                <Table.Th>{t('common.to')}</Table.Th>
                <Table.Th>{t('members.endReason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {memberships.map((entry) => (
                <Table.Tr key={`${entry.unitId}-${entry.validFrom}`}>
                  <Table.Td>
                    <AnchorLink to="/units/$unitId" params={{ unitId: String(entry.unitId) }}>
                      {entry.unitName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{formatDate(entry.validFrom)}</Table.Td>
                  <Table.Td>{entry.validTo ? formatDate(entry.validTo) : t('common.present')}</Table.Td>
                  <Table.Td>{reason(entry.endReason)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('members.historyStatuses')}
        </Title>
        {statuses.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('members.historyEmpty')}
          </Text>
        ) : (
          <Timeline active={0} bulletSize={14} lineWidth={2}>
            {statuses.map((entry) => (
              <Timeline.Item
                key={`${entry.status}-${entry.validFrom}`}
                title={
                  <Group gap="xs">
                    <StatusBadge status={entry.status} />
                    <Text size="sm" c="dimmed">
                      {t('members.since', { date: formatDate(entry.validFrom) })}
                    </Text>
                  </Group>
                }
              >
                {entry.note ? (
                  <Text size="sm" mt={4}>
                    {entry.note}
                  </Text>
                ) : null}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Stack>
  );
}
