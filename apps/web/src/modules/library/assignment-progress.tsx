import type { AssignmentView } from '@lan-toa/contracts';
import { Alert, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconBell, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatDate, formatNumber, formatPercent, formatVnDateTime } from '../../app/format';
import { AnchorLink } from '../../components/links';
import { ErrorState, LoadingState } from '../../components/states';
import { pendingQuery, progressQuery, useRemind } from './library-api';

const roleKey = (role: string) => `library.study.roles.${role}` as const;

/** The assigning unit's part: confirmed / assigned per unit, who has not, reminders, export. */
export function AssignmentProgressPanel({ assignment }: { assignment: AssignmentView }) {
  const { t } = useTranslation();
  const progress = useQuery(progressQuery(assignment.id));
  const pending = useQuery(pendingQuery(assignment.id));
  const remind = useRemind(assignment.id);

  if (progress.isLoading) return <LoadingState />;
  if (progress.isError || !progress.data) {
    return <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;
  }
  const { total, units, lastReminder, day } = progress.data;
  return (
    <Stack gap="md" data-testid="assignment-progress">
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('library.study.progressTitle', { date: formatDate(day) })}
        </Title>
        <Text size="sm" data-testid="progress-total">
          {t('library.study.progressTotal', {
            confirmed: formatNumber(total.confirmed),
            assigned: formatNumber(total.assigned),
            rate: total.rate === null ? '—' : formatPercent(total.rate),
          })}
        </Text>
        <Progress value={total.rate ?? 0} size="lg" aria-label={t('library.study.rate')} />
        <Text size="xs" c="dimmed">
          {t('library.study.progressHint')}
        </Text>
      </Stack>
      <Table.ScrollContainer minWidth={320}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('library.study.unit')}</Table.Th>
              <Table.Th ta="right">{t('library.study.confirmedCount')}</Table.Th>
              <Table.Th ta="right">{t('library.study.rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((row) => (
              <Table.Tr key={row.unitId}>
                <Table.Td>{row.unitName}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatNumber(row.confirmed)}/{formatNumber(row.assigned)}
                </Table.Td>
                <Table.Td ta="right">{row.rate === null ? '—' : formatPercent(row.rate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5">
            {t('library.study.pendingTitle', { count: pending.data?.total ?? 0 })}
          </Title>
          <Group gap="xs">
            <Button
              size="xs"
              leftSection={<IconBell size={14} />}
              onClick={() => remind.mutate()}
              loading={remind.isPending}
              disabled={(pending.data?.total ?? 0) === 0}
              data-testid="study-remind"
            >
              {t('library.study.remind')}
            </Button>
            <Button
              size="xs"
              variant="light"
              component="a"
              href={`/api/study/assignments/${assignment.id}/pending.xlsx`}
              leftSection={<IconFileSpreadsheet size={14} />}
            >
              {t('library.study.export')}
            </Button>
          </Group>
        </Group>
        {remind.isSuccess ? (
          <Alert color="green">
            {t('library.study.reminded', { reminded: remind.data.reminded, notified: remind.data.notified })}
          </Alert>
        ) : null}
        {remind.isError ? <Alert color="red">{errorMessage(remind.error, t)}</Alert> : null}
        {lastReminder ? (
          <Text size="xs" c="dimmed">
            {t('library.study.lastReminder', { time: formatVnDateTime(lastReminder.at), count: lastReminder.count })}
          </Text>
        ) : null}
        {pending.isLoading ? (
          <LoadingState />
        ) : pending.data && pending.data.items.length === 0 ? (
          <Text size="sm" c="green.8">
            {t('library.study.allConfirmed')}
          </Text>
        ) : (
          <Stack gap={6} data-testid="pending-list">
            {(pending.data?.items ?? []).slice(0, 200).map((person) => (
              <Stack key={person.memberId} gap={0}>
                <AnchorLink to="/members/$memberId" params={{ memberId: String(person.memberId) }} size="sm">
                  {person.fullName}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {person.unitName} · {t(roleKey(person.unionRole), { defaultValue: person.unionRole })}
                </Text>
              </Stack>
            ))}
            {(pending.data?.total ?? 0) > 200 ? (
              <Text size="xs" c="dimmed">
                {t('library.study.moreInExport', { count: (pending.data?.total ?? 0) - 200 })}
              </Text>
            ) : null}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
