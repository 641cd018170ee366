import type { ConcernFigureRow, ConcernFigures } from '@lan-toa/contracts';
import { Box, Card, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../app/api';
import { formatNumber, formatPercent, vnToday } from '../../app/format';
import { useMe } from '../../app/session';
import { DateField } from '../../components/date-input';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { UnitPicker } from '../../components/unit-picker';

const DASH = '—';
const pct = (share: number | null) => (share === null ? DASH : formatPercent(share * 100, 0));
const hours = (value: number | null, t: TFunction) => {
  if (value === null) return DASH;
  return value >= 48
    ? t('voiceFigures.days', { n: formatNumber(Math.round(value / 2.4) / 10) })
    : t('voiceFigures.hours', { n: formatNumber(value) });
};

function yearStart(): string {
  return `${vnToday().slice(0, 4)}-01-01`;
}

/** How well members' concerns are answered: by unit (subtree totals) and category, for a period. */
export function ConcernFiguresPage() {
  const { t } = useTranslation();
  const me = useMe();
  // The first unit one manages (a school's chair: the school; the province's staff: the province).
  const firstUnit =
    me.roles.find((g) => g.unitId !== null && (g.role === 'unit_admin' || g.role === 'unit_editor'))?.unitId ??
    me.homeUnitIds[0] ??
    null;
  const [unitId, setUnitId] = useState<number | null>(firstUnit);
  const [from, setFrom] = useState(yearStart());
  const [to, setTo] = useState(vnToday());
  const query = useQuery({
    queryKey: ['concerns', 'figures', unitId, from, to],
    queryFn: () => api.get<ConcernFigures>('/api/concerns/figures', { unitId, from, to }),
    enabled: unitId !== null && /^\d{4}-\d{2}-\d{2}$/u.test(from) && /^\d{4}-\d{2}-\d{2}$/u.test(to),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const chart = (data?.byUnit ?? [])
    .filter((r) => r.count > 0)
    .map((r) => ({
      name: r.label,
      [t('voiceFigures.withinDeadline')]:
        r.withinDeadlineShare === null ? null : Math.round(r.withinDeadlineShare * 100),
      [t('voiceFigures.escalated')]: r.escalatedShare === null ? null : Math.round(r.escalatedShare * 100),
    }));

  return (
    <Stack gap="md">
      <AnchorLink to="/y-kien/xu-ly" size="sm">
        ← {t('concerns.inbox.title')}
      </AnchorLink>
      <PageTitle>{t('voiceFigures.title')}</PageTitle>
      <Text size="sm" c="dimmed">
        {t('voiceFigures.intro')}
      </Text>
      <Group gap="sm" wrap="wrap" align="flex-end">
        {/* Unit names from the tree, as on the channels and communication pages ("Đơn vị số 1" before). */}
        <UnitPicker
          label={t('voiceFigures.unit')}
          value={unitId}
          onChange={(next) => {
            if (next !== null) setUnitId(next);
          }}
          allowDeselect={false}
          clearable={false}
          w={{ base: '100%', sm: 320 }}
        />
        {/* dd/mm/yyyy like every other date in the app (a native date field follows the device's language). */}
        <DateField label={t('voiceFigures.from')} value={from} onChange={setFrom} clearable={false} w={160} />
        <DateField label={t('voiceFigures.to')} value={to} onChange={setTo} clearable={false} w={160} />
      </Group>
      {query.isPending && unitId ? <LoadingState /> : null}
      {query.error ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {data ? (
        <>
          <Group gap="sm" wrap="wrap">
            <Stat label={t('voiceFigures.count')} value={formatNumber(data.total.count)} />
            <Stat label={t('voiceFigures.firstAnswer')} value={hours(data.total.medianFirstAnswerHours, t)} />
            <Stat label={t('voiceFigures.resolution')} value={hours(data.total.medianResolutionHours, t)} />
            <Stat label={t('voiceFigures.withinDeadline')} value={pct(data.total.withinDeadlineShare)} />
            <Stat label={t('voiceFigures.escalated')} value={pct(data.total.escalatedShare)} />
            <Stat
              label={t('voiceFigures.satisfaction')}
              value={data.total.meanRating === null ? DASH : `${formatNumber(data.total.meanRating)}/5`}
              hint={t('voiceFigures.ratings', { count: data.total.ratingCount })}
            />
          </Group>
          {chart.length > 0 ? (
            <Card withBorder padding="sm">
              <Title order={2} size="h4" mb="xs">
                {t('voiceFigures.chartTitle')}
              </Title>
              <Box h={260}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={chart} margin={{ left: -20, right: 8 }}>
                    <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} height={50} />
                    <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} />
                    <Tooltip />
                    <Legend />
                    <Bar dataKey={t('voiceFigures.withinDeadline')} fill="#2f9e44" />
                    <Bar dataKey={t('voiceFigures.escalated')} fill="#9c36b5" />
                  </BarChart>
                </ResponsiveContainer>
              </Box>
            </Card>
          ) : null}
          <FigureTable
            title={t('voiceFigures.byUnit')}
            column={t('voiceFigures.unit')}
            rows={data.byUnit}
            total={data.total}
          />
          <FigureTable
            title={t('voiceFigures.byCategory')}
            column={t('voiceFigures.category')}
            rows={data.byCategory}
            total={data.total}
          />
          <Text size="xs" c="dimmed">
            {t('voiceFigures.notes')}
          </Text>
        </>
      ) : null}
    </Stack>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder padding="xs" miw={140} style={{ flex: '1 1 140px' }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Card>
  );
}

function FigureTable({
  title,
  column,
  rows,
  total,
}: {
  title: string;
  column: string;
  rows: ConcernFigureRow[];
  total: ConcernFigureRow;
}) {
  const { t } = useTranslation();
  const line = (r: ConcernFigureRow, bold = false) => (
    <Table.Tr key={r.key} fw={bold ? 700 : undefined}>
      <Table.Td>{r.label}</Table.Td>
      <Table.Td ta="right">{formatNumber(r.count)}</Table.Td>
      <Table.Td ta="right">{hours(r.medianFirstAnswerHours, t)}</Table.Td>
      <Table.Td ta="right">{hours(r.medianResolutionHours, t)}</Table.Td>
      <Table.Td ta="right">
        {pct(r.withinDeadlineShare)}{' '}
        <Text span size="xs" c="dimmed">
          ({r.withinDeadline}/{r.deadlineKnown})
        </Text>
      </Table.Td>
      <Table.Td ta="right">{pct(r.escalatedShare)}</Table.Td>
      <Table.Td ta="right">
        {r.meanRating === null ? DASH : formatNumber(r.meanRating)}{' '}
        <Text span size="xs" c="dimmed">
          ({r.ratingCount})
        </Text>
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap={4}>
      <Title order={2} size="h4">
        {title}
      </Title>
      <ScrollArea type="auto">
        <Table striped withTableBorder miw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{column}</Table.Th>
              <Table.Th ta="right">{t('voiceFigures.count')}</Table.Th>
              <Table.Th ta="right">{t('voiceFigures.firstAnswer')}</Table.Th>
              <Table.Th ta="right">{t('voiceFigures.resolution')}</Table.Th>
              <Table.Th ta="right">{t('voiceFigures.withinDeadline')}</Table.Th>
              <Table.Th ta="right">{t('voiceFigures.escalated')}</Table.Th>
              <Table.Th ta="right">{t('voiceFigures.satisfaction')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => line(r))}
            {line({ ...total, label: t('voiceFigures.total') }, true)}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
