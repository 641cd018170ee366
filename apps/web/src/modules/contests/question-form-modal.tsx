import {
  ActionIcon,
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors, otherDetails } from '../../app/errors';
import {
  DIFFICULTY_VALUES,
  OPTION_LETTERS,
  QUESTION_KIND_VALUES,
  type QuestionKind,
  type QuestionView,
} from './contest-types';
import { useSaveQuestion } from './contests-api';

interface OptionRow {
  id: string;
  text: string;
  correct: boolean;
}

interface Values {
  kind: QuestionKind;
  text: string;
  options: OptionRow[];
  topic: string;
  difficulty: number;
  active: boolean;
}

const FIELDS = ['kind', 'text', 'options', 'correct', 'topic', 'difficulty'];

function initial(question: QuestionView | null): Values {
  if (!question) {
    return {
      kind: 'single',
      text: '',
      options: OPTION_LETTERS.slice(0, 4).map((id) => ({ id, text: '', correct: false })),
      topic: '',
      difficulty: 2,
      active: true,
    };
  }
  return {
    kind: question.kind,
    text: question.text,
    options: question.options.map((o) => ({ ...o, correct: question.correct.includes(o.id) })),
    topic: question.topic,
    difficulty: question.difficulty,
    active: question.active,
  };
}

interface QuestionFormModalProps {
  contestId: number;
  question: QuestionView | null;
  topics: string[];
  opened: boolean;
  onClose: () => void;
}

export function QuestionFormModal(props: QuestionFormModalProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return (
    <Modal
      fullScreen={phone}
      opened={props.opened}
      onClose={props.onClose}
      title={props.question ? t('contests.questionForm.editTitle') : t('contests.questionForm.createTitle')}
      size="lg"
    >
      {props.opened ? <QuestionForm {...props} /> : null}
    </Modal>
  );
}

function QuestionForm({ contestId, question, topics, onClose }: QuestionFormModalProps) {
  const { t } = useTranslation();
  const save = useSaveQuestion(contestId, question?.id ?? null);
  const [values, setValues] = useState<Values>(() => initial(question));
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(save.error);
  const err = (name: string) => local[name] ?? server[name];
  const others = otherDetails(save.error, FIELDS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const setOption = (id: string, patch: Partial<OptionRow>) =>
    setValues((current) => ({
      ...current,
      options: current.options.map((o) =>
        o.id === id ? { ...o, ...patch } : patch.correct && current.kind === 'single' ? { ...o, correct: false } : o,
      ),
    }));
  const changeKind = (kind: QuestionKind) =>
    setValues((current) => {
      if (kind === 'multiple') return { ...current, kind };
      // One answer only: keep the first one marked.
      const first = current.options.find((o) => o.correct)?.id;
      return { ...current, kind, options: current.options.map((o) => ({ ...o, correct: o.id === first })) };
    });
  const addOption = () =>
    setValues((current) => {
      const used = new Set(current.options.map((o) => o.id));
      const id = OPTION_LETTERS.find((letter) => !used.has(letter));
      return id ? { ...current, options: [...current.options, { id, text: '', correct: false }] } : current;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const options = values.options.filter((o) => o.text.trim());
    const problems: Record<string, string> = {};
    if (!values.text.trim()) problems.text = t('contests.questionForm.textRequired');
    if (options.length < 2) problems.options = t('contests.questionForm.twoOptions');
    if (!options.some((o) => o.correct)) problems.correct = t('contests.questionForm.markCorrect');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate(
      {
        kind: values.kind,
        text: values.text.trim(),
        options: options.map((o) => ({ id: o.id, text: o.text.trim() })),
        correct: options.filter((o) => o.correct).map((o) => o.id),
        topic: values.topic.trim(),
        difficulty: values.difficulty,
        ...(question ? { active: values.active } : {}),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('contests.questionForm.saved') });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {save.isError && Object.keys(server).length === 0 ? (
          <Alert color="red" icon={<IconAlertTriangle size={20} />} role="alert">
            {errorMessage(save.error, t)}
          </Alert>
        ) : null}
        {others.length > 0 ? (
          <Alert color="red" icon={<IconAlertTriangle size={20} />}>
            {others.join(' ')}
          </Alert>
        ) : null}
        <SegmentedControl
          fullWidth
          value={values.kind}
          onChange={(value) => changeKind(value as QuestionKind)}
          data={QUESTION_KIND_VALUES.map((kind) => ({ value: kind, label: t(`contests.kind.${kind}`) }))}
        />
        <Textarea
          label={t('contests.questionForm.text')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          value={values.text}
          onChange={(event) => set('text', event.currentTarget.value)}
          error={err('text')}
          required
          data-testid="question-form-text"
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('contests.questionForm.options')}
          </Text>
          <Text size="xs" c="dimmed">
            {values.kind === 'single' ? t('contests.questionForm.markOne') : t('contests.questionForm.markMany')}
          </Text>
          {values.options.map((option, index) => (
            <Group key={option.id} gap="xs" wrap="nowrap" align="flex-start">
              {values.kind === 'single' ? (
                <Radio
                  mt={8}
                  checked={option.correct}
                  onChange={() => setOption(option.id, { correct: true })}
                  aria-label={t('contests.questionForm.correctOption', { index: index + 1 })}
                />
              ) : (
                <Checkbox
                  mt={8}
                  checked={option.correct}
                  onChange={(event) => setOption(option.id, { correct: event.currentTarget.checked })}
                  aria-label={t('contests.questionForm.correctOption', { index: index + 1 })}
                />
              )}
              <Textarea
                flex={1}
                autosize
                minRows={1}
                maxRows={4}
                maxLength={1000}
                placeholder={t('contests.questionForm.optionPlaceholder', { index: index + 1 })}
                aria-label={t('contests.questionForm.optionPlaceholder', { index: index + 1 })}
                value={option.text}
                onChange={(event) => setOption(option.id, { text: event.currentTarget.value })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={4}
                size="lg"
                disabled={values.options.length <= 2}
                aria-label={t('contests.questionForm.removeOption', { index: index + 1 })}
                onClick={() =>
                  set(
                    'options',
                    values.options.filter((o) => o.id !== option.id),
                  )
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          {err('options') || err('correct') ? (
            <Text size="xs" c="red">
              {err('options') ?? err('correct')}
            </Text>
          ) : null}
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            leftSection={<IconPlus size={14} />}
            onClick={addOption}
            disabled={values.options.length >= OPTION_LETTERS.length}
          >
            {t('contests.questionForm.addOption')}
          </Button>
        </Stack>
        <Autocomplete
          label={t('contests.fields.topic')}
          placeholder={t('contests.questionForm.topicPlaceholder')}
          data={topics}
          value={values.topic}
          onChange={(value) => set('topic', value)}
          maxLength={200}
          error={err('topic')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('contests.fields.difficulty')}
          </Text>
          <SegmentedControl
            value={String(values.difficulty)}
            onChange={(value) => set('difficulty', Number(value))}
            data={DIFFICULTY_VALUES.map((value) => ({
              value: String(value),
              label: t(`contests.difficulty.${value}`),
            }))}
          />
        </Stack>
        {question ? (
          <Switch
            label={t('contests.questionForm.active')}
            description={t('contests.questionForm.activeHint')}
            checked={values.active}
            onChange={(event) => set('active', event.currentTarget.checked)}
          />
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="question-form-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
