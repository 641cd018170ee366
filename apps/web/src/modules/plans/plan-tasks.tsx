import { ActionIcon, Card, Group, Spoiler, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanTask } from '../../app/types';
import { ChangeBadge, InheritedBadge } from './plan-targets';

export interface TaskRow {
  key: string;
  task: Omit<PlanTask, 'id'> & { id: number | null };
  change?: 'added' | 'changed' | 'removed';
}

interface PlanTasksProps {
  rows: TaskRow[];
  onEdit?: (row: TaskRow) => void;
  onRemove?: (row: TaskRow) => void;
  onRestore?: (row: TaskRow) => void;
}

/** The plan's tasks (section III), each with its description folded after a few lines. */
export function PlanTasks({ rows, onEdit, onRemove, onRestore }: PlanTasksProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="plan-tasks">
      {rows.map((row) => {
        const removed = row.change === 'removed';
        const locked = row.task.inherited;
        return (
          <Card key={row.key} withBorder padding="sm" opacity={removed ? 0.55 : 1}>
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Group gap={6} wrap="wrap">
                  <Text fw={700} size="sm" td={removed ? 'line-through' : undefined}>
                    {row.task.code}. {row.task.title}
                  </Text>
                  {locked ? <InheritedBadge /> : null}
                  <ChangeBadge change={row.change} />
                </Group>
                <Group gap={4} wrap="nowrap">
                  {removed && onRestore ? (
                    <ActionIcon variant="subtle" onClick={() => onRestore(row)} aria-label={t('plans.restore')}>
                      <IconArrowBackUp size={16} />
                    </ActionIcon>
                  ) : null}
                  {!removed && !locked && onEdit ? (
                    <ActionIcon
                      variant="subtle"
                      onClick={() => onEdit(row)}
                      aria-label={t('plans.editTaskOf', { code: row.task.code })}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  ) : null}
                  {!removed && !locked && onRemove ? (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => onRemove(row)}
                      aria-label={t('plans.removeTaskOf', { code: row.task.code })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  ) : null}
                </Group>
              </Group>
              {row.task.description ? (
                <Spoiler maxHeight={66} showLabel={t('plans.showMore')} hideLabel={t('plans.showLess')}>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                    {row.task.description}
                  </Text>
                </Spoiler>
              ) : null}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

export function taskRows(tasks: PlanTask[]): TaskRow[] {
  return tasks.map((task) => ({ key: `k${task.id}`, task }));
}
