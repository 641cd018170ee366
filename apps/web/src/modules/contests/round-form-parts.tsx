import { ActionIcon, Autocomplete, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { DIFFICULTY_VALUES } from './contest-types';

export interface QuotaRow {
  key: number;
  topic: string;
  difficulty: string | null;
  count: number | '';
}

export interface PrizeRow {
  key: number;
  name: string;
  count: number | '';
}

let nextKey = 1;
export const rowKey = () => nextKey++;

interface QuotaEditorProps {
  rows: QuotaRow[];
  topics: string[];
  questionCount: number | '';
  error?: string;
  onChange: (rows: QuotaRow[]) => void;
}

/** Questions drawn per topic and difficulty; the counts must add up to the round's question count. */
export function QuotaEditor({ rows, topics, questionCount, error, onChange }: QuotaEditorProps) {
  const { t } = useTranslation();
  const sum = rows.reduce((total, row) => total + (row.count === '' ? 0 : row.count), 0);
  const update = (key: number, patch: Partial<QuotaRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('contests.roundForm.quotas')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('contests.roundForm.quotasHint')}
      </Text>
      {rows.map((row, index) => (
        <Group key={row.key} gap="xs" align="flex-end" wrap="wrap">
          <Autocomplete
            flex="2 1 180px"
            label={index === 0 ? t('contests.fields.topic') : undefined}
            aria-label={t('contests.fields.topic')}
            placeholder={t('contests.roundForm.anyTopic')}
            data={topics}
            value={row.topic}
            onChange={(value) => update(row.key, { topic: value })}
          />
          <Select
            flex="1 1 120px"
            label={index === 0 ? t('contests.fields.difficulty') : undefined}
            aria-label={t('contests.fields.difficulty')}
            placeholder={t('contests.roundForm.anyDifficulty')}
            data={DIFFICULTY_VALUES.map((value) => ({
              value: String(value),
              label: t(`contests.difficulty.${value}`),
            }))}
            value={row.difficulty}
            onChange={(value) => update(row.key, { difficulty: value })}
            clearable
          />
          <NumberInput
            w={90}
            label={index === 0 ? t('contests.roundForm.count') : undefined}
            aria-label={t('contests.roundForm.count')}
            min={1}
            max={200}
            allowDecimal={false}
            value={row.count}
            onChange={(value) => update(row.key, { count: typeof value === 'number' ? value : '' })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mb={2}
            aria-label={t('contests.roundForm.removeQuota', { index: index + 1 })}
            onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group justify="space-between" gap="xs">
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...rows, { key: rowKey(), topic: '', difficulty: null, count: 1 }])}
        >
          {t('contests.roundForm.addQuota')}
        </Button>
        {rows.length > 0 ? (
          <Text size="xs" c={sum === questionCount ? 'green.8' : 'orange.8'}>
            {t('contests.roundForm.quotaSum', {
              sum: formatNumber(sum),
              total: questionCount === '' ? '—' : formatNumber(questionCount),
            })}
          </Text>
        ) : null}
      </Group>
      {error ? (
        <Text size="xs" c="red">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}

interface PrizeEditorProps {
  rows: PrizeRow[];
  error?: string;
  onChange: (rows: PrizeRow[]) => void;
}

/** Prizes in rank order: "Giải Nhất" × 1, "Giải Nhì" × 2… */
export function PrizeEditor({ rows, error, onChange }: PrizeEditorProps) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<PrizeRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('contests.roundForm.prizes')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('contests.roundForm.prizesHint')}
      </Text>
      {rows.map((row, index) => (
        <Group key={row.key} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            flex={1}
            label={index === 0 ? t('contests.roundForm.prizeName') : undefined}
            aria-label={t('contests.roundForm.prizeName')}
            placeholder={t('contests.roundForm.prizePlaceholder')}
            value={row.name}
            maxLength={100}
            onChange={(event) => update(row.key, { name: event.currentTarget.value })}
          />
          <NumberInput
            w={90}
            label={index === 0 ? t('contests.roundForm.prizeCount') : undefined}
            aria-label={t('contests.roundForm.prizeCount')}
            min={1}
            max={1000}
            allowDecimal={false}
            value={row.count}
            onChange={(value) => update(row.key, { count: typeof value === 'number' ? value : '' })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mb={2}
            aria-label={t('contests.roundForm.removePrize', { index: index + 1 })}
            onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...rows, { key: rowKey(), name: '', count: 1 }])}
      >
        {t('contests.roundForm.addPrize')}
      </Button>
      {error ? (
        <Text size="xs" c="red">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
