import type { AssignmentInput, DocumentType } from '@lan-toa/contracts';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { vnToday } from '../../app/format';
import { useMe } from '../../app/session';
import { DateField } from '../../components/date-input';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { UnitMultiPicker } from '../../components/unit-multi-picker';
import { UnitPicker } from '../../components/unit-picker';
import { documentQuery, documentsQuery, useCreateAssignment } from './library-api';

interface QuestionDraft {
  key: number;
  text: string;
  options: string[];
  correct: string;
}

const OPTION_IDS = ['a', 'b', 'c', 'd', 'e', 'f'];
let nextKey = 1;
const emptyQuestion = (): QuestionDraft => ({ key: nextKey++, text: '', options: ['', '', ''], correct: 'a' });

/** Giving documents to study (/study/new): deadline, audience, optional quiz, "counts as briefing". */
export function AssignmentFormPage({ documentId }: { documentId?: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateAssignment();
  const preset = useQuery({ ...documentQuery(documentId ?? 0), enabled: documentId !== undefined });
  const [unitId, setUnitId] = useState<number | null>(me.homeUnitIds[0] ?? null);
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [deadline, setDeadline] = useState('');
  const [documentIds, setDocumentIds] = useState<string[]>(documentId ? [String(documentId)] : []);
  const [audience, setAudience] = useState<number[]>([]);
  const [countsAsStudy, setCountsAsStudy] = useState(true);
  const [questions, setQuestions] = useState<QuestionDraft[]>([]);
  const [passMark, setPassMark] = useState<number | string>('');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = useQuery(documentsQuery({ q: debounced || undefined }, 50));
  const [known, setKnown] = useState<Record<string, string>>({});
  const errors = fieldErrors(create.error);

  const label = (d: { number: string; title: string; type: DocumentType }) =>
    `${t(`library.types.${d.type}`)}${d.number ? ` ${d.number}` : ''} — ${d.title}`;
  const entries = new Map<string, string>(Object.entries(known));
  if (preset.data) entries.set(String(preset.data.id), label(preset.data));
  for (const d of found.data?.items ?? []) entries.set(String(d.id), label(d));
  const options = [...entries.entries()].map(([value, text]) => ({ value, label: text }));

  const setQuestion = (index: number, patch: Partial<QuestionDraft>) =>
    setQuestions((prev) => prev.map((q, i) => (i === index ? { ...q, ...patch } : q)));

  const submit = () => {
    const body: AssignmentInput = {
      unitId: unitId ?? 0,
      title,
      note,
      deadline,
      documentIds: documentIds.map(Number),
      audienceUnitIds: audience,
      countsAsStudy,
      questions: questions.map((q) => {
        const filled = q.options.map((text, i) => ({ id: OPTION_IDS[i] as string, text })).filter((o) => o.text.trim());
        return { text: q.text, options: filled, correct: q.correct };
      }),
      passMark: questions.length > 0 && passMark !== '' ? Number(passMark) : null,
    };
    create.mutate(body, {
      onSuccess: (created) =>
        void navigate({ to: '/study/$assignmentId', params: { assignmentId: String(created.id) } }),
    });
  };

  return (
    <Stack gap="md" maw={860}>
      <AnchorLink to="/study" size="sm">
        {t('library.study.back')}
      </AnchorLink>
      <PageTitle>{t('library.study.createTitle')}</PageTitle>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <UnitPicker
            label={t('library.study.fields.unit')}
            value={unitId}
            onChange={setUnitId}
            required
            error={errors.unitId}
          />
          <TextInput
            label={t('library.study.fields.title')}
            placeholder={t('library.study.titlePlaceholder')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            required
            error={errors.title}
            data-testid="assignment-title-input"
          />
          <MultiSelect
            label={t('library.study.fields.documents')}
            placeholder={t('library.study.documentsPlaceholder')}
            data={options}
            value={documentIds}
            onChange={(ids) => {
              setDocumentIds(ids);
              setKnown(Object.fromEntries(options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.label])));
            }}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            required
            error={errors.documentIds ?? errors['documentIds.0']}
          />
          <DateField
            label={t('library.study.fields.deadline')}
            value={deadline}
            onChange={setDeadline}
            minDate={vnToday()}
            required
            error={errors.deadline}
          />
          <UnitMultiPicker
            label={t('library.study.fields.audience')}
            description={t('library.study.audienceHint')}
            value={audience}
            onChange={setAudience}
            error={errors.audienceUnitIds ?? errors['audienceUnitIds.0']}
          />
          <Textarea
            label={t('library.study.fields.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
            error={errors.note}
          />
          <Checkbox
            checked={countsAsStudy}
            onChange={(event) => setCountsAsStudy(event.currentTarget.checked)}
            label={t('library.study.fields.countsAsStudy')}
            description={t('library.study.countsHint')}
          />
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('library.study.quiz')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('library.study.quizOptional')}
            </Text>
            {questions.map((question, index) => (
              <Card key={question.key} withBorder padding="sm" radius="md">
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Textarea
                      label={t('library.study.questionLabel', { n: index + 1 })}
                      value={question.text}
                      onChange={(event) => setQuestion(index, { text: event.currentTarget.value })}
                      autosize
                      style={{ flex: 1 }}
                      error={errors[`questions.${index}.text`]}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={24}
                      aria-label={t('library.study.removeQuestion', { n: index + 1 })}
                      onClick={() => setQuestions((prev) => prev.filter((_, i) => i !== index))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                  <Radio.Group
                    label={t('library.study.optionsLabel')}
                    value={question.correct}
                    onChange={(value) => setQuestion(index, { correct: value })}
                    error={errors[`questions.${index}.correct`] ?? errors[`questions.${index}.options`]}
                  >
                    <Stack gap={6} mt={4}>
                      {question.options.map((option, i) => (
                        <Group key={OPTION_IDS[i]} gap="xs" wrap="nowrap">
                          <Radio value={OPTION_IDS[i] as string} aria-label={t('library.study.markCorrect')} />
                          <TextInput
                            value={option}
                            onChange={(event) => {
                              const next = [...question.options];
                              next[i] = event.currentTarget.value;
                              setQuestion(index, { options: next });
                            }}
                            placeholder={t('library.study.optionPlaceholder', {
                              letter: (OPTION_IDS[i] as string).toUpperCase(),
                            })}
                            style={{ flex: 1 }}
                          />
                        </Group>
                      ))}
                    </Stack>
                  </Radio.Group>
                  {question.options.length < OPTION_IDS.length ? (
                    <Button
                      variant="subtle"
                      size="xs"
                      style={{ alignSelf: 'flex-start' }}
                      onClick={() => setQuestion(index, { options: [...question.options, ''] })}
                    >
                      {t('library.study.addOption')}
                    </Button>
                  ) : null}
                </Stack>
              </Card>
            ))}
            <Group gap="sm" align="flex-end">
              <Button
                variant="light"
                leftSection={<IconPlus size={16} />}
                onClick={() => setQuestions((prev) => [...prev, emptyQuestion()])}
                disabled={questions.length >= 10}
              >
                {t('library.study.addQuestion')}
              </Button>
              {questions.length > 0 ? (
                <NumberInput
                  label={t('library.study.fields.passMark')}
                  description={t('library.study.passMarkHint', { total: questions.length })}
                  value={passMark}
                  onChange={setPassMark}
                  min={1}
                  max={questions.length}
                  w={200}
                  error={errors.passMark}
                />
              ) : null}
            </Group>
          </Stack>
          {create.isError && Object.keys(errors).length === 0 ? (
            <Alert color="red">{errorMessage(create.error, t)}</Alert>
          ) : create.isError ? (
            <Alert color="red">{t('library.study.fixErrors')}</Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} data-testid="assignment-save">
              {t('library.study.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
