import { Box, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatNumber, formatPercent, today } from '../../app/format';
import { DateField } from '../../components/date-input';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { trendQuery } from './info-reports-api';

function monthsBefore(iso: string, months: number): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(y, m - 1 - months, 1));
  return date.toISOString().slice(0, 10);
}

/** "Xu hướng tin xấu, độc": counts per week or month, by platform and status, median time to triage. */
export function TrendPage() {
  const { t } = useTranslation();
  const [to, setTo] = useState(today());
  const [from, setFrom] = useState(monthsBefore(today(), 5));
  const [bucket, setBucket] = useState<'week' | 'month'>('month');
  const query = useQuery(trendQuery(from, to, bucket));
  const data = query.data;
  const label = (period: string) =>
    bucket === 'month' ? `${period.slice(5, 7)}/${period.slice(0, 4)}` : formatDate(period);
  return (
    <Stack gap="md">
      <AnchorLink to="/info-reports/inbox" size="sm">
        ← {t('infoReports.inbox.title')}
      </AnchorLink>
      <PageTitle>{t('infoReports.trend.title')}</PageTitle>
      <Group align="flex-end" gap="sm">
        <DateField label={t('infoReports.trend.from')} value={from} onChange={setFrom} w={150} />
        <DateField label={t('infoReports.trend.to')} value={to} onChange={setTo} w={150} />
        <SegmentedControl
          value={bucket}
          onChange={(value) => setBucket(value as 'week' | 'month')}
          data={[
            { value: 'month', label: t('infoReports.trend.month') },
            { value: 'week', label: t('infoReports.trend.week') },
          ]}
        />
      </Group>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError || !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {data.total === 0 ? <Text c="dimmed">{t('infoReports.trend.empty')}</Text> : null}
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Figure label={t('infoReports.trend.total')} value={formatNumber(data.total)} />
            <Figure
              label={t('infoReports.trend.verifiedShare')}
              value={
                data.verifiedShare === null ? t('infoReports.trend.none') : formatPercent(data.verifiedShare * 100)
              }
              hint={t('infoReports.trend.verifiedShareHint', {
                verified: formatNumber(Math.round((data.verifiedShare ?? 0) * data.concluded)),
                concluded: formatNumber(data.concluded),
              })}
            />
            <Figure
              label={t('infoReports.trend.median')}
              value={
                data.medianTriageDays === null
                  ? t('infoReports.trend.none')
                  : t('infoReports.trend.medianValue', { days: formatNumber(data.medianTriageDays) })
              }
            />
            <Figure
              label={t('infoReports.trend.responses')}
              value={t('infoReports.trend.responsesValue', {
                articles: formatNumber(data.withClarification),
                letters: formatNumber(data.withLetter),
              })}
            />
          </SimpleGrid>
          <Card withBorder padding="sm">
            <Title order={2} size="h5" mb="xs">
              {t('infoReports.trend.byPeriod')}
            </Title>
            <Box
              h={220}
              role="img"
              aria-label={t('infoReports.trend.chartLabel', {
                points: data.series.map((p) => `${label(p.period)}: ${p.count}`).join('; '),
              })}
            >
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data.series.map((p) => ({ period: label(p.period), count: p.count }))}>
                  <XAxis dataKey="period" tick={{ fontSize: 11 }} />
                  <YAxis allowDecimals={false} width={28} tick={{ fontSize: 11 }} />
                  <Tooltip />
                  <Bar dataKey="count" name={t('infoReports.trend.total')} fill="var(--mantine-color-red-6)" />
                </BarChart>
              </ResponsiveContainer>
            </Box>
          </Card>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <CountTable
              title={t('infoReports.trend.byPlatform')}
              rows={data.byPlatform.map((r) => [t(`infoReports.platforms.${r.platform}`), r.count])}
            />
            <CountTable
              title={t('infoReports.trend.byStatus')}
              rows={data.byStatus.map((r) => [t(`infoReports.statuses.${r.status}`), r.count])}
            />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder padding="sm">
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

function CountTable({ title, rows }: { title: string; rows: [string, number][] }) {
  return (
    <Card withBorder padding="sm">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      <Table>
        <Table.Tbody>
          {rows.map(([name, count]) => (
            <Table.Tr key={name}>
              <Table.Td>{name}</Table.Td>
              <Table.Td ta="right">{formatNumber(count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
