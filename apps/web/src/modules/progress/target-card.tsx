import { Badge, Button, Card, Group, HoverCard, Progress, Stack, Text } from '@mantine/core';
import { IconEdit, IconHandFinger, IconUsers } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber, formatPercent, vnToday } from '../../app/format';
import type { PlanTarget, TargetFigure, TrendResponse } from '../../app/types';
import { thresholdText } from '../plans/plan-labels';
import { STATUS_COLORS } from './status';
import { TrendSparkline } from './trend-sparkline';

export function figureValueText(figure: Pick<TargetFigure, 'measure' | 'value'>): string {
  if (figure.value === null) return '—';
  return figure.measure === 'count' ? formatNumber(figure.value) : formatPercent(figure.value);
}

/** What the denominator counts: "đoàn viên", "cán bộ chủ chốt", "đơn vị", "gia đình", "hoạt động". */
export function countedNoun(t: TFunction, figure: Pick<TargetFigure, 'measure'>, target?: PlanTarget): string {
  if (figure.measure === 'count') return t('dashboard.nouns.activities');
  return t(`dashboard.nouns.${target?.population ?? 'all_members'}`);
}

/** "Năm 2026", "Nhiệm kỳ 2023–2028", "Chu kỳ 2025–2026". */
export function periodLabel(t: TFunction, period: TargetFigure['period']): string {
  if (period.kind === 'year') return t('dashboard.period.year', { year: period.startYear });
  return t(`dashboard.period.${period.kind}`, { start: period.startYear, end: period.endYear });
}

export function isRunning(period: TargetFigure['period']): boolean {
  const today = vnToday();
  return period.start <= today && today < period.end;
}

export function StatusBadge({ status, size = 'sm' }: { status: TargetFigure['status']; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} data-status={status}>
      {t(`enums.targetStatus.${status}`)}
    </Badge>
  );
}

export function ManualBadge({ manual }: { manual: NonNullable<TargetFigure['manual']> }) {
  const { t } = useTranslation();
  return (
    <HoverCard width={280} shadow="md" withArrow openDelay={100}>
      <HoverCard.Target>
        <Badge
          color="grape"
          variant="outline"
          size="sm"
          leftSection={<IconHandFinger size={12} />}
          tabIndex={0}
          style={{ cursor: 'help' }}
        >
          {t('dashboard.manual')}
        </Badge>
      </HoverCard.Target>
      <HoverCard.Dropdown>
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('dashboard.manualEvidence', { date: formatDateTime(manual.enteredAt) })}
          </Text>
          <Text size="sm">{manual.evidence}</Text>
        </Stack>
      </HoverCard.Dropdown>
    </HoverCard>
  );
}

interface TargetCardProps {
  figure: TargetFigure;
  target: PlanTarget | undefined;
  trend: TrendResponse['targets'][number] | undefined;
  year: number;
  onShowUncovered?: () => void;
  onEnterFigure?: () => void;
}

/** One target: value against threshold, status, numerator/denominator, forecast and trend. */
export function TargetCard({ figure, target, trend, year, onShowUncovered, onEnterFigure }: TargetCardProps) {
  const { t } = useTranslation();
  const percent = figure.measure !== 'count';
  const color = STATUS_COLORS[figure.status];
  const progress =
    figure.value === null ? 0 : Math.min(100, figure.threshold > 0 ? (figure.value / figure.threshold) * 100 : 100);
  const running = isRunning(figure.period);
  const noun = countedNoun(t, figure, target);
  const missing =
    figure.denominator !== null && figure.measure === 'coverage' ? figure.denominator - figure.numerator : 0;

  return (
    <Card withBorder padding="md" radius="md" data-testid="dashboard-target" data-code={figure.code} h="100%">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Badge variant="filled" color="dark" size="lg" radius="sm">
            {figure.code}
          </Badge>
          <Group gap={6} justify="flex-end">
            {figure.manual ? <ManualBadge manual={figure.manual} /> : null}
            <StatusBadge status={figure.status} />
          </Group>
        </Group>
        <Text size="sm" lineClamp={3} title={figure.title}>
          {figure.title}
        </Text>
        <Group gap="xs" align="baseline" wrap="wrap">
          <Text
            fz={28}
            fw={700}
            c={`${color}.8`}
            lh={1.1}
            data-testid="dashboard-value"
            data-value={figure.value ?? ''}
          >
            {figureValueText(figure)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('dashboard.against', { threshold: thresholdText(t, figure) })}
          </Text>
        </Group>
        <Progress
          value={progress}
          color={color}
          size="sm"
          aria-label={t('dashboard.progressOf', { code: figure.code })}
        />
        <Text size="sm" c={figure.status === 'not_applicable' ? 'dimmed' : undefined}>
          {figure.status === 'not_applicable'
            ? t('dashboard.notApplicable')
            : figure.denominator === null
              ? t('dashboard.countOf', {
                  numerator: formatNumber(figure.numerator),
                  threshold: formatNumber(figure.threshold),
                  noun,
                })
              : t('dashboard.fraction', {
                  numerator: formatNumber(figure.numerator),
                  denominator: formatNumber(figure.denominator),
                  noun,
                })}
        </Text>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {periodLabel(t, figure.period)}
          </Text>
          {running && figure.forecast !== null ? (
            <Text size="xs" c="dimmed">
              {t('dashboard.forecast', {
                value: percent ? formatPercent(figure.forecast) : formatNumber(Math.round(figure.forecast * 10) / 10),
                date: formatDate(lastDay(figure.period.end)),
              })}
            </Text>
          ) : null}
        </Stack>
        {trend ? (
          <TrendSparkline points={trend.points} threshold={figure.threshold} percent={percent} year={year} />
        ) : null}
        {onShowUncovered || onEnterFigure ? (
          <Group gap="xs" mt="auto" pt={4}>
            {onShowUncovered && missing > 0 ? (
              <Button size="compact-sm" variant="light" leftSection={<IconUsers size={14} />} onClick={onShowUncovered}>
                {t('dashboard.uncoveredButton', { formatted: formatNumber(missing) })}
              </Button>
            ) : null}
            {onEnterFigure ? (
              <Button size="compact-sm" variant="subtle" leftSection={<IconEdit size={14} />} onClick={onEnterFigure}>
                {t('dashboard.enterFigure')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Periods end exclusive ("2027-01-01"); people read the last day ("31/12/2026"). */
export function lastDay(end: string): string {
  const date = new Date(`${end}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
