import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatDateTime, formatNumber, formatPercent } from '../../app/format';
import type { CultureEvaluationView, UnitDetail } from '../../app/types';
import { ErrorState, LoadingState } from '../../components/states';
import { cultureListQuery, useCultureCommand } from './culture-api';
import { CultureFormModal } from './culture-form-modal';

const STATUS_COLORS = { not_entered: 'gray', entered: 'blue', confirmed: 'green' } as const;

function StatusBadge({ row }: { row: CultureEvaluationView }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[row.status]} variant="light">
      {t(`culture.status.${row.status}`)}
    </Badge>
  );
}

function unitResult(t: TFunction, row: CultureEvaluationView): string {
  if (row.unitRegistered === null) return '—';
  if (!row.unitRegistered) return t('culture.result.notRegistered');
  if (row.unitAchieved === null) return t('culture.result.pending');
  return row.unitAchieved ? t('culture.result.achieved') : t('culture.result.notAchieved');
}

function families(row: CultureEvaluationView): string {
  if (row.familiesTotal === null) return '—';
  return `${formatNumber(row.familiesAchieved ?? 0)}/${formatNumber(row.familiesTotal)}`;
}

/**
 * "Văn hóa": each unit's yearly result (đơn vị đạt chuẩn văn hóa, gia đình văn hóa), entered by
 * the unit and confirmed by the level above. These figures feed target 2.3.
 */
export function CultureTab({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const list = useQuery(cultureListQuery(unit.id, year));
  const command = useCultureCommand();
  const [editing, setEditing] = useState<CultureEvaluationView | null>(null);

  const confirm = (row: CultureEvaluationView) =>
    command.mutate(
      { type: 'confirm', unitId: row.unitId, year: row.year },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', message: t('culture.confirmed', { unit: row.unitName }) }),
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
      },
    );

  const actions = (row: CultureEvaluationView) => (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      {row.abilities.edit ? (
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconPencil size={14} />}
          onClick={() => setEditing(row)}
        >
          {row.status === 'not_entered' ? t('culture.enter') : t('culture.edit')}
        </Button>
      ) : null}
      {row.abilities.confirm && row.status === 'entered' ? (
        <Button
          size="compact-sm"
          color="green"
          leftSection={<IconCheck size={14} />}
          onClick={() => confirm(row)}
          loading={command.isPending && command.variables?.unitId === row.unitId}
          data-testid="culture-confirm"
        >
          {t('culture.confirm')}
        </Button>
      ) : null}
    </Group>
  );

  // The unit's own row first, then what awaits this level's confirmation, then what is missing.
  const rank = (row: CultureEvaluationView) =>
    row.unitId === unit.id ? 0 : row.status === 'entered' ? 1 : row.status === 'not_entered' ? 2 : 3;
  const rows = [...(list.data?.items ?? [])].sort((a, b) => rank(a) - rank(b));

  const years = Array.from({ length: 8 }, (_, index) => String(thisYear - 6 + index)).filter(
    (value) => Number(value) <= thisYear + 1,
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" flex="1 1 300px">
          {t('culture.intro')}
        </Text>
        <Select
          w={120}
          label={t('dashboard.filters.year')}
          data={years}
          value={String(year)}
          onChange={(value) => value && setYear(Number(value))}
          allowDeselect={false}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError || !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="md" opacity={list.isPlaceholderData ? 0.6 : 1}>
          {list.data.items.length > 1 ? (
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              {[
                {
                  label: t('culture.totals.entered'),
                  value: `${formatNumber(list.data.totals.entered)}/${formatNumber(list.data.totals.units)}`,
                },
                { label: t('culture.totals.confirmed'), value: formatNumber(list.data.totals.confirmed) },
                {
                  label: t('culture.totals.unitsAchieved'),
                  value: `${formatNumber(list.data.totals.unitsAchieved)}/${formatNumber(list.data.totals.unitsRegistered)}`,
                },
                {
                  label: t('culture.totals.families'),
                  value:
                    list.data.totals.familiesTotal > 0
                      ? formatPercent((list.data.totals.familiesAchieved / list.data.totals.familiesTotal) * 100)
                      : '—',
                },
              ].map((item) => (
                <Card key={item.label} withBorder padding="sm">
                  <Text size="xs" c="dimmed">
                    {item.label}
                  </Text>
                  <Text fw={700} fz="lg">
                    {item.value}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
          ) : null}
          {phone ? (
            <Stack gap="xs">
              {rows.map((row) => (
                <Card key={row.unitId} withBorder padding="sm" data-testid="culture-row">
                  <Stack gap={4}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                      <Text size="sm" fw={600}>
                        {row.unitName}
                      </Text>
                      <StatusBadge row={row} />
                    </Group>
                    <Text size="sm">
                      {t('culture.fields.unitResult')}: {unitResult(t, row)}
                    </Text>
                    <Text size="sm">
                      {t('culture.fields.familiesShort')}: {families(row)}
                    </Text>
                    {actions(row)}
                  </Stack>
                </Card>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={1000}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th miw={240}>{t('members.fields.unit')}</Table.Th>
                    <Table.Th miw={120}>{t('culture.fields.unitResult')}</Table.Th>
                    <Table.Th miw={110}>{t('culture.fields.familiesShort')}</Table.Th>
                    <Table.Th miw={150}>{t('culture.fields.status')}</Table.Th>
                    <Table.Th miw={180}>{t('culture.fields.by')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.unitId} data-testid="culture-row" fw={row.unitId === unit.id ? 600 : undefined}>
                      <Table.Td>
                        <Stack gap={0}>
                          <Text size="sm" fw="inherit">
                            {row.unitName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {row.kindName}
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td>{unitResult(t, row)}</Table.Td>
                      <Table.Td>{families(row)}</Table.Td>
                      <Table.Td>
                        <StatusBadge row={row} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {row.confirmedBy
                            ? t('culture.confirmedBy', { name: row.confirmedBy, date: formatDateTime(row.confirmedAt) })
                            : row.enteredBy
                              ? t('culture.enteredBy', { name: row.enteredBy, date: formatDateTime(row.enteredAt) })
                              : '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>{actions(row)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
      <CultureFormModal row={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
