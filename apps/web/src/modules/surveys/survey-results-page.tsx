import type { SurveyQuestionResult, SurveyQuestionUnitRow, SurveyResults } from '@lan-toa/contracts';
import { Alert, Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconShieldLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatNumber, formatPercent } from '../../app/format';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { resultsQuery } from './surveys-api';

const COLORS = [
  '#1c7ed6',
  '#37b24d',
  '#f59f00',
  '#e03131',
  '#7048e8',
  '#0ca678',
  '#d6336c',
  '#495057',
  '#74c0fc',
  '#a9e34b',
];

function keysOf(item: SurveyQuestionResult, t: (k: string, o?: Record<string, unknown>) => string) {
  const q = item.question;
  return q.kind === 'scale'
    ? Array.from({ length: q.scaleMax ?? 5 }, (_, i) => ({
        id: String(i + 1),
        text: t('surveys.res.points', { n: i + 1 }),
      }))
    : q.options;
}

function SuppressedCell({ row, span }: { row: SurveyQuestionUnitRow; span: number }) {
  const { t } = useTranslation();
  return (
    <Table.Td colSpan={span}>
      <Group gap={4} wrap="nowrap" c="dimmed">
        <IconShieldLock size={14} style={{ flexShrink: 0 }} />
        <Text size="xs" data-testid="suppressed">
          {row.suppressedReason === 'small' ? t('surveys.res.suppressed') : t('surveys.res.complement')}
        </Text>
      </Group>
    </Table.Td>
  );
}

function QuestionBlock({ item, index }: { item: SurveyQuestionResult; index: number }) {
  const { t } = useTranslation();
  const q = item.question;
  const keys = keysOf(item, t as never);
  const rows = [item.total, ...item.units];
  const shown = rows.filter((r) => !r.suppressed && r.counts);
  const chart = shown.map((r) => ({
    name: r.unitId === item.total.unitId ? t('surveys.res.total') : r.unitName,
    ...Object.fromEntries(keys.map((k) => [k.text, r.counts?.[k.id] ?? 0])),
  }));
  const span = q.kind === 'text' ? 1 : keys.length + 1 + (q.kind === 'scale' ? 1 : 0);
  return (
    <Card withBorder padding="sm" radius="md" data-testid="question-result">
      <Stack gap="sm">
        <Title order={3} fz="md">
          {index + 1}. {q.text}
        </Title>
        {q.kind !== 'text' && chart.length > 0 ? (
          <ResponsiveContainer width="100%" height={Math.max(120, chart.length * 44 + 60)}>
            <BarChart data={chart} layout="vertical" margin={{ left: 8, right: 8 }}>
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 11 }} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {keys.map((k, i) => (
                <Bar key={k.id} dataKey={k.text} stackId="a" fill={COLORS[i % COLORS.length]} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : null}
        {/* Wide enough that a phone scrolls the table sideways instead of crushing unit names to a word a line. */}
        <Table.ScrollContainer minWidth={Math.max(360, 180 + 64 * (q.kind === 'text' ? 1 : span))}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.res.unit')}</Table.Th>
                <Table.Th ta="right">{t('surveys.res.answers')}</Table.Th>
                {q.kind === 'text'
                  ? null
                  : keys.map((k) => (
                      <Table.Th key={k.id} ta="right">
                        {k.text}
                      </Table.Th>
                    ))}
                {q.kind === 'scale' ? <Table.Th ta="right">{t('surveys.res.mean')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.unitId} data-testid="result-row">
                  <Table.Td style={{ paddingLeft: 8 + r.depth * 14 }} fw={r.depth === 0 ? 600 : 400}>
                    {r.depth === 0 ? `${t('surveys.res.total')} — ${r.unitName}` : r.unitName}
                  </Table.Td>
                  {r.suppressed ? (
                    <SuppressedCell row={r} span={span} />
                  ) : (
                    <>
                      <Table.Td ta="right">{formatNumber(r.answers ?? 0)}</Table.Td>
                      {q.kind === 'text'
                        ? null
                        : keys.map((k) => (
                            <Table.Td key={k.id} ta="right">
                              {formatNumber(r.counts?.[k.id] ?? 0)}
                            </Table.Td>
                          ))}
                      {q.kind === 'scale' ? (
                        <Table.Td ta="right">{r.mean === null ? '—' : formatNumber(r.mean)}</Table.Td>
                      ) : null}
                    </>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {q.kind === 'text' ? (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('surveys.res.texts')}
            </Text>
            {item.texts.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('surveys.res.noTexts')}
              </Text>
            ) : (
              item.texts.map((x, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: texts have no id on purpose (anonymity)
                <Text key={i} size="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)', paddingLeft: 8 }}>
                  {x.text}
                  {x.unitName ? (
                    <Text span c="dimmed" size="xs">
                      {' '}
                      — {x.unitName}
                    </Text>
                  ) : null}
                </Text>
              ))
            )}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

function RateBlock({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const r = results.responseRate;
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
  return (
    <Card withBorder padding="sm" radius="md">
      <Stack gap="xs">
        <Title order={2} fz="lg">
          {t('surveys.res.rate')}
        </Title>
        <Text fw={600} data-testid="response-rate">
          {t('surveys.res.rateLine', {
            responded: formatNumber(r.responded),
            audience: formatNumber(r.audience),
            rate: pct(r.rate),
          })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('surveys.res.rateDay', { date: formatDate(results.day) })}
        </Text>
        <Table.ScrollContainer minWidth={320}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.res.unit')}</Table.Th>
                <Table.Th ta="right">{t('surveys.res.audience')}</Table.Th>
                <Table.Th ta="right">{t('surveys.res.responded')}</Table.Th>
                <Table.Th ta="right">{t('surveys.res.percent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.units.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>{u.unitName}</Table.Td>
                  <Table.Td ta="right">{formatNumber(u.audience)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(u.responded)}</Table.Td>
                  <Table.Td ta="right">{pct(u.rate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}

/** Results for the organising unit: response rate, then each question's chart and table by unit. */
export function SurveyResultsPage({ surveyId }: { surveyId: number }) {
  const { t } = useTranslation();
  const query = useQuery(resultsQuery(surveyId));
  if (query.isLoading) return <LoadingState />;
  if (query.isError || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const results = query.data;
  return (
    <Stack gap="md">
      <AnchorLink to="/surveys" size="sm">
        ← {t('surveys.title')}
      </AnchorLink>
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t('surveys.res.title', { title: results.title })}</PageTitle>
        <Anchor href={`/api/surveys/${surveyId}/results.xlsx`} download>
          <Group gap={4}>
            <IconDownload size={16} />
            {t('surveys.res.export')}
          </Group>
        </Anchor>
      </Group>
      <Alert variant="light" icon={<IconShieldLock size={18} />}>
        {t('surveys.res.rule', { min: results.minGroup })}
      </Alert>
      <RateBlock results={results} />
      {results.questions.map((item, i) => (
        <QuestionBlock key={item.question.id} item={item} index={i} />
      ))}
    </Stack>
  );
}
