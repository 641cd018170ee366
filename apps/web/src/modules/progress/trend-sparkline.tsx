import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber, formatPercent } from '../../app/format';
import type { TrendResponse } from '../../app/types';

interface TrendSparklineProps {
  points: TrendResponse['targets'][number]['points'];
  threshold: number;
  percent: boolean;
  /** The year on show, marked on the line. */
  year: number;
}

/** A small line over the term's years, with the threshold as a dashed line. */
export function TrendSparkline({ points, threshold, percent, year }: TrendSparklineProps) {
  const { t } = useTranslation();
  const data = points.map((point) => ({ year: point.year, value: point.value }));
  if (data.every((point) => point.value === null)) return null;
  const format = (value: number) => (percent ? formatPercent(value) : formatNumber(value));
  const max = Math.max(threshold, ...data.map((point) => point.value ?? 0));
  const label = t('dashboard.trendLabel', {
    points: data.map((point) => `${point.year}: ${point.value === null ? '—' : format(point.value)}`).join('; '),
  });
  return (
    <Box role="img" aria-label={label} h={70} mx={-4}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 2, left: 8 }}>
          <XAxis
            dataKey="year"
            tick={{ fontSize: 10 }}
            tickLine={false}
            axisLine={false}
            height={18}
            interval={0}
            padding={{ left: 14, right: 14 }}
          />
          <YAxis hide domain={[0, percent ? 100 : Math.ceil(max * 1.1)]} />
          <ReferenceLine y={threshold} stroke="var(--mantine-color-gray-5)" strokeDasharray="4 3" />
          <Tooltip
            formatter={(value) => (typeof value === 'number' ? format(value) : '—')}
            labelFormatter={(value) => t('dashboard.yearLabel', { year: value })}
            contentStyle={{ fontSize: 12, padding: '2px 8px' }}
          />
          <Line
            type="monotone"
            dataKey="value"
            stroke="var(--mantine-color-blue-6)"
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
            dot={(props: { cx?: number; cy?: number; payload?: { year: number }; index?: number }) => (
              <circle
                key={props.index}
                cx={props.cx}
                cy={props.cy}
                r={props.payload?.year === year ? 4 : 2}
                fill={props.payload?.year === year ? 'var(--mantine-color-blue-8)' : 'var(--mantine-color-blue-6)'}
              />
            )}
          />
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}
