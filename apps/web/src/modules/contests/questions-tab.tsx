import {
  ActionIcon,
  Badge,
  Button,
  Collapse,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconCheck,
  IconDownload,
  IconFileImport,
  IconHelpCircle,
  IconPencil,
  IconPlus,
  IconSearch,
  IconTrash,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { type ContestView, DIFFICULTY_VALUES, type QuestionView } from './contest-types';
import {
  QUESTION_PAGE_SIZE,
  type QuestionListParams,
  questionFileUrls,
  questionsQuery,
  useDeleteQuestion,
} from './contests-api';
import { QuestionFormModal } from './question-form-modal';
import { QuestionImport } from './question-import';

function QuestionItem({
  question,
  onEdit,
  onDelete,
}: {
  question: QuestionView;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="bank-question" opacity={question.active ? 1 : 0.6}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {question.text}
          </Text>
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="subtle" aria-label={t('contests.questions.edit')} onClick={onEdit}>
              <IconPencil size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={t('contests.questions.delete')} onClick={onDelete}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
        <Stack gap={2}>
          {question.options.map((option) => {
            const correct = question.correct.includes(option.id);
            return (
              <Group key={option.id} gap={6} wrap="nowrap" align="flex-start">
                <ThemeIcon
                  size={18}
                  radius="xl"
                  variant={correct ? 'filled' : 'light'}
                  color={correct ? 'green' : 'gray'}
                  aria-hidden
                >
                  {correct ? <IconCheck size={12} /> : null}
                </ThemeIcon>
                <Text size="sm" fw={correct ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
                  {option.text}
                  {correct ? <VisuallyHidden> ({t('contests.result.correctAnswer')})</VisuallyHidden> : null}
                </Text>
              </Group>
            );
          })}
        </Stack>
        <Group gap={4}>
          {question.topic ? (
            <Badge variant="light" color="blue" tt="none">
              {question.topic}
            </Badge>
          ) : null}
          <Badge variant="light" color="gray" tt="none">
            {t(`contests.difficulty.${question.difficulty as 1 | 2 | 3}`)}
          </Badge>
          <Badge variant="light" color={question.kind === 'single' ? 'gray' : 'grape'} tt="none">
            {t(`contests.kind.${question.kind}`)}
          </Badge>
          {question.active ? null : (
            <Badge variant="outline" color="orange" tt="none">
              {t('contests.questions.inactive')}
            </Badge>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** The contest's question bank: filter, add, edit, import from and export to .xlsx. */
export function QuestionsTab({ contest }: { contest: ContestView }) {
  const { t } = useTranslation();
  const remove = useDeleteQuestion(contest.id);
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<Omit<QuestionListParams, 'pageSize'>>({});
  const pushQ = useDebouncedCallback(
    (value: string) => setFilters((f) => ({ ...f, q: value || undefined, page: undefined })),
    300,
  );
  const questions = useQuery(questionsQuery(contest.id, filters));
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<QuestionView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<QuestionView | null>(null);
  const data = questions.data;
  const topics = data?.topics ?? [];
  const filtered = Boolean(filters.q || filters.topic || filters.difficulty || filters.active);
  const { page, ...exportFilters } = filters;
  const urls = questionFileUrls(contest.id, exportFilters);
  const filter = (patch: Partial<QuestionListParams>) => setFilters((f) => ({ ...f, ...patch, page: undefined }));

  return (
    <Stack gap="sm">
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="question-create">
            {t('contests.questions.add')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconFileImport size={16} />}
            onClick={() => setImporting((v) => !v)}
            aria-expanded={importing}
          >
            {t('contests.questions.import')}
          </Button>
        </Group>
        <Button
          component="a"
          href={urls.export}
          download
          variant="default"
          leftSection={<IconDownload size={16} />}
          disabled={!data || data.total === 0}
        >
          {t('contests.questions.export')}
        </Button>
      </Group>
      <Collapse expanded={importing}>
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <QuestionImport contestId={contest.id} />
        </Paper>
      </Collapse>
      {contest.questionCount > 0 || filtered ? (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            flex="2 1 220px"
            leftSection={<IconSearch size={16} />}
            label={t('contests.questions.search')}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              pushQ(event.currentTarget.value.trim());
            }}
          />
          <Select
            flex="1 1 160px"
            label={t('contests.fields.topic')}
            data={topics}
            value={filters.topic ?? null}
            onChange={(value) => filter({ topic: value ?? undefined })}
            placeholder={t('common.all')}
            clearable
            searchable
          />
          <Select
            flex="1 1 120px"
            label={t('contests.fields.difficulty')}
            data={DIFFICULTY_VALUES.map((value) => ({
              value: String(value),
              label: t(`contests.difficulty.${value}`),
            }))}
            value={filters.difficulty ? String(filters.difficulty) : null}
            onChange={(value) => filter({ difficulty: value ? Number(value) : undefined })}
            placeholder={t('common.all')}
            clearable
          />
          <Select
            flex="1 1 140px"
            label={t('contests.questions.state')}
            data={[
              { value: 'true', label: t('contests.questions.activeOnly') },
              { value: 'false', label: t('contests.questions.inactive') },
            ]}
            value={filters.active ?? null}
            onChange={(value) => filter({ active: (value as 'true' | 'false' | null) ?? undefined })}
            placeholder={t('common.all')}
            clearable
          />
        </Group>
      ) : null}
      {questions.isLoading ? (
        <LoadingState />
      ) : questions.isError || !data ? (
        <ErrorState error={questions.error} onRetry={() => void questions.refetch()} />
      ) : data.items.length === 0 ? (
        filtered ? (
          <EmptyBlock
            icon={<IconSearch size={28} />}
            title={t('contests.questions.noMatch')}
            description={t('contests.questions.noMatchHint')}
          />
        ) : (
          <EmptyBlock
            icon={<IconHelpCircle size={28} />}
            title={t('contests.questions.empty')}
            description={t('contests.questions.emptyHint')}
          />
        )
      ) : (
        <Stack gap="xs" opacity={questions.isPlaceholderData ? 0.6 : 1}>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('contests.questions.total', { formatted: formatNumber(data.total) })}
          </Text>
          {data.items.map((item) => (
            <QuestionItem
              key={item.id}
              question={item}
              onEdit={() => setEditing(item)}
              onDelete={() => setDeleting(item)}
            />
          ))}
          <PaginationBar
            page={page ?? 1}
            pageSize={QUESTION_PAGE_SIZE}
            total={data.total}
            onPageChange={(next) => setFilters((f) => ({ ...f, page: next === 1 ? undefined : next }))}
          />
        </Stack>
      )}
      <QuestionFormModal
        contestId={contest.id}
        question={editing === 'new' ? null : editing}
        topics={topics}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('contests.questions.delete')}
        message={t('contests.questions.deleteConfirm')}
        confirmLabel={t('contests.questions.delete')}
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: (result) => {
              setDeleting(null);
              notifications.show({ color: 'green', message: result?.message || t('contests.questions.deleted') });
            },
            onError: (error) => {
              setDeleting(null);
              notifications.show({ color: 'red', message: errorMessage(error, t), autoClose: 10_000 });
            },
          })
        }
      />
    </Stack>
  );
}
