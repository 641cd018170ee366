import { Group, Input, Pill, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type FlatUnit, flattenTree, unitTreeQuery } from '../modules/units/units-api';
import { UnitPicker } from './unit-picker';

interface UnitMultiPickerProps {
  label: string;
  description?: string;
  value: number[];
  onChange: (ids: number[]) => void;
  /** Names of chosen units the tree may not hold (e.g. units above the actor's part). */
  knownNames?: Record<number, string>;
  error?: string;
}

/** Several units: the usual unit picker adds one at a time, each shown as a removable pill. */
export function UnitMultiPicker({ label, description, value, onChange, knownNames, error }: UnitMultiPickerProps) {
  const { t } = useTranslation();
  const tree = useQuery(unitTreeQuery());
  const names = useMemo(() => {
    const map = new Map<number, string>(Object.entries(knownNames ?? {}).map(([id, name]) => [Number(id), name]));
    for (const { unit } of flattenTree(tree.data ?? [])) map.set(unit.id, unit.name);
    return map;
  }, [tree.data, knownNames]);
  const notChosen = useCallback((entry: FlatUnit) => !value.includes(entry.unit.id), [value]);

  return (
    <Input.Wrapper label={label} description={description} error={error}>
      <Stack gap={6} mt={4}>
        {value.length > 0 ? (
          <Group gap={6}>
            {value.map((id) => (
              <Pill
                key={id}
                size="md"
                withRemoveButton
                onRemove={() => onChange(value.filter((entry) => entry !== id))}
                removeButtonProps={{ 'aria-label': t('unitPicker.remove', { name: names.get(id) ?? String(id) }) }}
              >
                {names.get(id) ?? `#${id}`}
              </Pill>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('unitPicker.noneChosen')}
          </Text>
        )}
        <UnitPicker
          value={null}
          onChange={(id) => {
            if (id !== null && !value.includes(id)) onChange([...value, id]);
          }}
          placeholder={t('unitPicker.add')}
          aria-label={t('unitPicker.add')}
          acceptUnit={notChosen}
        />
      </Stack>
    </Input.Wrapper>
  );
}
