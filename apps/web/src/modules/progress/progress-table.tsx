import { Group, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { type KeyboardEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import type { ProgressTable as ProgressTableData, TargetFigure } from '../../app/types';
import classes from './progress-table.module.css';
import { figureValueText } from './target-card';

type SortKey = 'lagging' | 'unit' | number;
interface Sort {
  key: SortKey;
  desc: boolean;
}

interface ProgressTableProps {
  table: ProgressTableData;
  /** The coverage targets whose cells open the "not yet covered" list (managers only). */
  canListUncovered: boolean;
  onDrillDown: (unitId: number) => void;
  onShowUncovered: (unitId: number, unitName: string, figure: TargetFigure) => void;
}

const collator = new Intl.Collator('vi');

/**
 * The unit × target table: lagging units first (the server's order), any column sortable here,
 * each cell coloured by status. A row opens that unit's dashboard.
 */
export function ProgressTable({ table, canListUncovered, onDrillDown, onShowUncovered }: ProgressTableProps) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort | null>(null);

  const rows = useMemo(() => {
    if (!sort) return table.rows;
    const value = (row: ProgressTableData['rows'][number]): number | null =>
      typeof sort.key === 'number'
        ? (row.figures.find((figure) => figure.targetId === sort.key)?.value ?? null)
        : row.lagging;
    const sorted = [...table.rows].sort((a, b) => {
      if (sort.key === 'unit') return collator.compare(a.unitName, b.unitName);
      const va = value(a);
      const vb = value(b);
      // Units without a figure go last whatever the direction.
      if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1;
      return va - vb;
    });
    if (sort.desc) sorted.reverse();
    if (typeof sort.key === 'number') {
      // Keep "no figure" rows at the end after reversing.
      return [...sorted.filter((row) => value(row) !== null), ...sorted.filter((row) => value(row) === null)];
    }
    return sorted;
  }, [table.rows, sort]);

  const toggle = (key: SortKey) =>
    setSort((current) => {
      if (current?.key !== key) return { key, desc: key === 'lagging' };
      if (current.desc === (key === 'lagging')) return { key, desc: !current.desc };
      return null; // third click: back to the server's order
    });

  const header = (key: SortKey, label: ReactNode, title?: string) => {
    const active = sort?.key === key;
    const Icon = active ? (sort.desc ? IconArrowDown : IconArrowUp) : IconArrowsSort;
    return (
      <UnstyledButton
        className={classes.sortButton}
        onClick={() => toggle(key)}
        title={title}
        aria-label={t('dashboard.table.sortBy', { column: title ?? String(label) })}
      >
        {label}
        <Icon size={14} stroke={1.5} opacity={active ? 1 : 0.4} />
      </UnstyledButton>
    );
  };
  const ariaSort = (key: SortKey): 'ascending' | 'descending' | undefined =>
    sort?.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined;

  const cell = (targetId: number, figures: TargetFigure[], unitId: number | null, unitName: string) => {
    const figure = figures.find((entry) => entry.targetId === targetId);
    if (!figure) {
      return (
        <Table.Td key={targetId} className={classes.cell}>
          —
        </Table.Td>
      );
    }
    const text = figureValueText(figure);
    const detail =
      figure.denominator === null
        ? t('dashboard.table.cellCount', {
            status: t(`enums.targetStatus.${figure.status}`),
            numerator: formatNumber(figure.numerator),
          })
        : t('dashboard.table.cellFraction', {
            status: t(`enums.targetStatus.${figure.status}`),
            numerator: formatNumber(figure.numerator),
            denominator: formatNumber(figure.denominator),
          });
    const missing = figure.denominator !== null ? figure.denominator - figure.numerator : 0;
    const link = canListUncovered && unitId !== null && figure.measure === 'coverage' && missing > 0;
    return (
      <Table.Td key={figure.targetId} className={classes.cell} data-status={figure.status}>
        <Tooltip label={detail} withArrow openDelay={200}>
          {link ? (
            <UnstyledButton
              className={classes.cellButton}
              onClick={(event) => {
                event.stopPropagation();
                onShowUncovered(unitId, unitName, figure);
              }}
              aria-label={t('dashboard.table.openUncovered', { code: figure.code, unit: unitName, value: text })}
            >
              {text}
            </UnstyledButton>
          ) : (
            <Text span size="sm" fw={500}>
              {text}
            </Text>
          )}
        </Tooltip>
      </Table.Td>
    );
  };

  const onRowKey = (event: KeyboardEvent, unitId: number) => {
    if (event.key === 'Enter') onDrillDown(unitId);
  };

  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={260 + table.targets.length * 84}>
        <Table className={classes.table} highlightOnHover withTableBorder data-testid="progress-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th className={classes.sticky} aria-sort={ariaSort('unit')}>
                {header('unit', t('dashboard.table.unit'))}
              </Table.Th>
              <Table.Th ta="center" aria-sort={ariaSort('lagging')}>
                {header('lagging', t('dashboard.table.lagging'), t('dashboard.table.laggingHint'))}
              </Table.Th>
              {table.targets.map((target) => (
                <Table.Th key={target.targetId} ta="center" aria-sort={ariaSort(target.targetId)}>
                  {header(target.targetId, target.code, `${target.code} — ${target.title}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr className={classes.total}>
              <Table.Td className={classes.sticky}>{t('dashboard.table.total')}</Table.Td>
              <Table.Td ta="center">
                {formatNumber(table.unit.filter((f) => f.status === 'at_risk' || f.status === 'missed').length)}
              </Table.Td>
              {table.targets.map((target) => cell(target.targetId, table.unit, null, ''))}
            </Table.Tr>
            {rows.map((row) => (
              <Table.Tr
                key={row.unitId}
                className={classes.row}
                onClick={() => onDrillDown(row.unitId)}
                onKeyDown={(event) => onRowKey(event, row.unitId)}
                tabIndex={0}
                data-testid="progress-row"
                aria-label={t('dashboard.table.openUnit', { unit: row.unitName })}
              >
                <Table.Td className={classes.sticky}>
                  <Text size="sm" fw={500} lineClamp={2}>
                    {row.unitName}
                  </Text>
                </Table.Td>
                <Table.Td ta="center">
                  <Text size="sm" fw={600} c={row.lagging > 0 ? 'red.8' : 'dimmed'}>
                    {formatNumber(row.lagging)}
                  </Text>
                </Table.Td>
                {table.targets.map((target) => cell(target.targetId, row.figures, row.unitId, row.unitName))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="md" wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('dashboard.table.hint')}
        </Text>
      </Group>
    </Stack>
  );
}
