import { ActionIcon, Badge, Card, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowBackUp, IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanTarget } from '../../app/types';
import { capitalize, measureText, periodText, thresholdText } from './plan-labels';

/** A target as shown in a list, possibly with a pending change of an amendment. */
export interface TargetRow {
  key: string;
  target: Omit<PlanTarget, 'id' | 'parentThreshold'> & { id: number | null; parentThreshold?: number | null };
  change?: 'added' | 'changed' | 'removed';
}

interface PlanTargetsProps {
  rows: TargetRow[];
  onEdit?: (row: TargetRow) => void;
  onRemove?: (row: TargetRow) => void;
  onRestore?: (row: TargetRow) => void;
}

export function ChangeBadge({ change }: { change?: TargetRow['change'] }) {
  const { t } = useTranslation();
  if (!change) return null;
  const color = change === 'added' ? 'green' : change === 'changed' ? 'blue' : 'red';
  return (
    <Badge size="xs" color={color} variant="light">
      {t(`plans.change.${change}`)}
    </Badge>
  );
}

export function InheritedBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('plans.inheritedHint')} withArrow multiline w={260}>
      <Badge size="xs" color="gray" variant="light" leftSection={<IconLock size={10} />} tabIndex={0}>
        {t('plans.inherited')}
      </Badge>
    </Tooltip>
  );
}

function RowActions({ row, onEdit, onRemove, onRestore }: { row: TargetRow } & Omit<PlanTargetsProps, 'rows'>) {
  const { t } = useTranslation();
  if (row.change === 'removed') {
    return onRestore ? (
      <Tooltip label={t('plans.restore')}>
        <ActionIcon variant="subtle" onClick={() => onRestore(row)} aria-label={t('plans.restore')}>
          <IconArrowBackUp size={16} />
        </ActionIcon>
      </Tooltip>
    ) : null;
  }
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {onEdit ? (
        <ActionIcon
          variant="subtle"
          onClick={() => onEdit(row)}
          aria-label={t('plans.editTargetOf', { code: row.target.code })}
        >
          <IconPencil size={16} />
        </ActionIcon>
      ) : null}
      {onRemove && !row.target.inherited ? (
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={() => onRemove(row)}
          aria-label={t('plans.removeTargetOf', { code: row.target.code })}
        >
          <IconTrash size={16} />
        </ActionIcon>
      ) : null}
    </Group>
  );
}

/** The plan's targets: code, what is measured, period and threshold, all in words. */
export function PlanTargets({ rows, onEdit, onRemove, onRestore }: PlanTargetsProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const editing = Boolean(onEdit || onRemove || onRestore);
  const threshold = (row: TargetRow): ReactNode => (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {capitalize(thresholdText(t, row.target))}
      </Text>
      {row.target.inherited &&
      row.target.parentThreshold != null &&
      row.target.parentThreshold !== row.target.threshold ? (
        <Text size="xs" c="dimmed">
          {t('plans.raisedFrom', {
            threshold: thresholdText(t, { ...row.target, threshold: row.target.parentThreshold }),
          })}
        </Text>
      ) : null}
    </Stack>
  );

  if (phone) {
    return (
      <Stack gap="xs" data-testid="plan-targets">
        {rows.map((row) => (
          <Card key={row.key} withBorder padding="sm" opacity={row.change === 'removed' ? 0.55 : 1}>
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Group gap={6}>
                  <Badge variant="filled" color="dark" radius="sm">
                    {row.target.code}
                  </Badge>
                  {row.target.inherited ? <InheritedBadge /> : null}
                  <ChangeBadge change={row.change} />
                </Group>
                {editing ? <RowActions row={row} onEdit={onEdit} onRemove={onRemove} onRestore={onRestore} /> : null}
              </Group>
              <Text size="sm" td={row.change === 'removed' ? 'line-through' : undefined}>
                {row.target.title}
              </Text>
              <Text size="xs" c="dimmed">
                {measureText(t, row.target)}
              </Text>
              <Group gap="md">
                <Text size="sm">{periodText(t, row.target.period)}</Text>
                {threshold(row)}
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped verticalSpacing="sm" data-testid="plan-targets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={100}>{t('plans.targetFields.code')}</Table.Th>
            <Table.Th>{t('plans.targetFields.title')}</Table.Th>
            <Table.Th w={150}>{t('plans.targetFields.period')}</Table.Th>
            <Table.Th w={170}>{t('plans.targetFields.threshold')}</Table.Th>
            {editing ? <Table.Th w={90} /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} opacity={row.change === 'removed' ? 0.55 : 1}>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Text fw={700}>{row.target.code}</Text>
                  {row.target.inherited ? <InheritedBadge /> : null}
                  <ChangeBadge change={row.change} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" td={row.change === 'removed' ? 'line-through' : undefined}>
                    {row.target.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {measureText(t, row.target)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{periodText(t, row.target.period)}</Text>
              </Table.Td>
              <Table.Td>{threshold(row)}</Table.Td>
              {editing ? (
                <Table.Td>
                  <RowActions row={row} onEdit={onEdit} onRemove={onRemove} onRestore={onRestore} />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Rows for a plan as it stands (no pending changes). */
export function targetRows(targets: PlanTarget[]): TargetRow[] {
  return targets.map((target) => ({ key: `t${target.id}`, target }));
}
