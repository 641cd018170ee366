import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese, formatDate, today } from '../../app/format';
import type { UnitTreeNode } from '../../app/types';
import { DateField } from '../../components/date-input';
import { PageTitle } from '../../components/page-title';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { UnitTree } from './unit-tree';
import { flattenTree, unitTreeQuery } from './units-api';

interface UnitsTreePageProps {
  at: string | undefined;
  onAtChange: (at: string | undefined) => void;
}

/** Ids of units whose name matches, plus all their ancestors (so the match stays reachable). */
function matchingIds(nodes: UnitTreeNode[], needle: string): Set<number> {
  const ids = new Set<number>();
  for (const { unit, path } of flattenTree(nodes)) {
    if (foldVietnamese(unit.name).includes(needle)) for (const id of path) ids.add(id);
  }
  return ids;
}

export function UnitsTreePage({ at, onAtChange }: UnitsTreePageProps) {
  const { t } = useTranslation();
  const tree = useQuery(unitTreeQuery(at));
  const [filter, setFilter] = useState('');
  const [debounced] = useDebouncedValue(filter, 200);
  const [expanded, setExpanded] = useState<Set<number> | null>(null);

  const nodes = tree.data ?? [];
  const allIds = useMemo(() => flattenTree(tree.data ?? []).map(({ unit }) => unit.id), [tree.data]);
  // Roots start open so the first level is visible.
  const openIds = expanded ?? new Set(nodes.map((node) => node.id));
  const needle = foldVietnamese(debounced);
  const visible = useMemo(() => (needle ? matchingIds(tree.data ?? [], needle) : null), [tree.data, needle]);

  const toggle = (id: number) => {
    const next = new Set(openIds);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <PageTitle>{t('units.treeTitle')}</PageTitle>
        <Text c="dimmed" size="sm">
          {at ? t('units.treeAt', { date: formatDate(at) }) : t('units.treeToday')}
        </Text>
      </Stack>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <DateField
            label={t('units.viewAt')}
            value={at ?? ''}
            onChange={(value) => onAtChange(value || undefined)}
            w={{ base: '100%', xs: 200 }}
            maxDate={today()}
          />
          {at ? (
            <Button variant="subtle" onClick={() => onAtChange(undefined)}>
              {t('units.backToToday')}
            </Button>
          ) : null}
          <TextInput
            label={t('units.filter')}
            placeholder={t('units.filterPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
            flex={1}
            miw={200}
          />
        </Group>
      </Paper>
      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        {tree.isLoading ? (
          <LoadingState />
        ) : tree.isError ? (
          <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />
        ) : nodes.length === 0 ? (
          <EmptyBlock
            title={t('units.treeEmpty')}
            description={at ? t('units.treeEmptyAtHint') : t('units.treeEmptyHint')}
          />
        ) : visible && visible.size === 0 ? (
          <EmptyBlock title={t('units.filterEmpty')} description={t('units.filterEmptyHint')} />
        ) : (
          <Stack gap="xs">
            <Group gap="xs" justify="flex-end" display={allIds.length > nodes.length ? undefined : 'none'}>
              <Button size="compact-sm" variant="subtle" onClick={() => setExpanded(new Set(allIds))}>
                {t('units.expandAll')}
              </Button>
              <Button size="compact-sm" variant="subtle" onClick={() => setExpanded(new Set())}>
                {t('units.collapseAll')}
              </Button>
            </Group>
            <UnitTree nodes={nodes} expanded={openIds} onToggle={toggle} visible={visible} />
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
