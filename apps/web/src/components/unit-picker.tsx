import { type ComboboxItem, Group, Select, type SelectProps, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { today } from '../app/format';
import type { UnitTreeNode } from '../app/types';
import { type FlatUnit, flattenTree, unitTreeQuery } from '../modules/units/units-api';
import { foldFilter } from './fold-filter';

interface UnitPickerProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: number | null;
  onChange: (unitId: number | null) => void;
  /** Leaves out a unit (and, with `excludeSubtree`, everything below it). */
  excludeId?: number;
  excludeSubtree?: boolean;
  /** Keeps only the units this accepts (e.g. those below a plan's issuing unit). */
  acceptUnit?: (entry: FlatUnit) => boolean;
}

function isActive(unit: UnitTreeNode): boolean {
  return unit.validTo === null || unit.validTo > today();
}

/** Chooses a unit from the actor's part of the tree (today's tree, active units only). */
export function UnitPicker({ value, onChange, excludeId, excludeSubtree, acceptUnit, ...props }: UnitPickerProps) {
  const { t } = useTranslation();
  const tree = useQuery(unitTreeQuery());

  const flat = useMemo<FlatUnit[]>(() => {
    const all = flattenTree(tree.data ?? []);
    return all.filter((entry) => {
      const { unit, path } = entry;
      if (!isActive(unit)) return false;
      if (acceptUnit && !acceptUnit(entry)) return false;
      if (excludeId === undefined) return true;
      return excludeSubtree ? !path.includes(excludeId) : unit.id !== excludeId;
    });
  }, [tree.data, excludeId, excludeSubtree, acceptUnit]);

  const byId = useMemo(() => new Map(flat.map((entry) => [String(entry.unit.id), entry])), [flat]);
  const data = useMemo<ComboboxItem[]>(
    () => flat.map(({ unit }) => ({ value: String(unit.id), label: unit.name })),
    [flat],
  );

  return (
    <Select
      searchable
      clearable
      limit={500}
      placeholder={tree.isLoading ? t('common.loading') : t('unitPicker.placeholder')}
      nothingFoundMessage={t('unitPicker.nothingFound')}
      {...props}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : null)}
      filter={foldFilter}
      disabled={props.disabled || tree.isLoading}
      error={props.error ?? (tree.isError ? t('unitPicker.loadFailed') : undefined)}
      renderOption={({ option }) => {
        const entry = byId.get(option.value);
        return (
          <Group gap={6} wrap="nowrap" pl={(entry?.depth ?? 0) * 12}>
            <Text size="sm">{option.label}</Text>
            {entry ? (
              <Text size="xs" c="dimmed">
                {entry.unit.kindName}
              </Text>
            ) : null}
          </Group>
        );
      }}
    />
  );
}
