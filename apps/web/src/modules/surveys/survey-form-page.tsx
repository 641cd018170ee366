import type { SurveyInput, SurveyQuestionInput, SurveyQuestionKind, SurveyView } from '@lan-toa/contracts';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { vnToday } from '../../app/format';
import { useMe } from '../../app/session';
import { DateField } from '../../components/date-input';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { UnitMultiPicker } from '../../components/unit-multi-picker';
import { UnitPicker } from '../../components/unit-picker';
import { surveyQuery, useSaveSurvey } from './surveys-api';

/** The runtime contracts stand-in carries no survey values; the kinds are few and fixed. */
const QUESTION_KINDS: SurveyQuestionKind[] = ['single', 'multiple', 'scale', 'text'];

interface QuestionDraft extends Omit<SurveyQuestionInput, 'options'> {
  key: number;
  optionsText: string;
}

let nextKey = 1;
const blankQuestion = (kind: SurveyQuestionKind = 'single'): QuestionDraft => ({
  key: nextKey++,
  kind,
  text: '',
  required: true,
  optionsText: '',
  scaleMax: kind === 'scale' ? 5 : null,
  scaleMinLabel: '',
  scaleMaxLabel: '',
});

function fromView(view: SurveyView) {
  return {
    unitId: view.unitId as number | null,
    kind: view.kind,
    title: view.title,
    description: view.description,
    anonymous: view.anonymous,
    opensOn: view.opensOn,
    closesOn: view.closesOn,
    audienceUnitIds: view.audience.filter((a) => a.id !== view.unitId).map((a) => a.id),
    questions: view.questions.map((q) => ({
      key: nextKey++,
      kind: q.kind,
      text: q.text,
      required: q.required,
      optionsText: q.options.map((o) => o.text).join('\n'),
      scaleMax: q.scaleMax as 5 | 10 | null,
      scaleMinLabel: q.scaleMinLabel,
      scaleMaxLabel: q.scaleMaxLabel,
    })),
  };
}

type FormState = ReturnType<typeof fromView>;

function SurveyForm({ initial, surveyId }: { initial: FormState; surveyId: number | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveSurvey(surveyId);
  const [form, setForm] = useState<FormState>(initial);
  const errors = fieldErrors(save.error);
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const setQuestion = (i: number, patch: Partial<QuestionDraft>) =>
    set({ questions: form.questions.map((q, k) => (k === i ? { ...q, ...patch } : q)) });
  const move = (i: number, by: number) => {
    const list = [...form.questions];
    const [q] = list.splice(i, 1);
    if (q) list.splice(i + by, 0, q);
    set({ questions: list });
  };
  const submit = () => {
    const body = {
      ...(surveyId === null ? { unitId: form.unitId ?? 0 } : {}),
      kind: form.kind,
      title: form.title,
      description: form.description,
      anonymous: form.anonymous,
      opensOn: form.opensOn,
      closesOn: form.closesOn,
      audienceUnitIds: form.audienceUnitIds,
      questions: form.questions.map(({ key: _key, optionsText, ...q }) => ({
        ...q,
        options: optionsText
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean),
      })),
    };
    save.mutate(body as SurveyInput, {
      onSuccess: (view) => void navigate({ to: '/surveys/$surveyId', params: { surveyId: String(view.id) } }),
    });
  };
  return (
    <Stack gap="md" maw={760}>
      <PageTitle>{surveyId === null ? t('surveys.form.titleNew') : t('surveys.form.titleEdit')}</PageTitle>
      {surveyId === null ? (
        <UnitPicker
          label={t('surveys.form.unit')}
          value={form.unitId}
          onChange={(unitId) => set({ unitId })}
          error={errors.unitId}
          required
        />
      ) : null}
      <TextInput
        label={t('surveys.form.title')}
        value={form.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={errors.title}
        required
        data-testid="survey-title"
      />
      <Select
        label={t('surveys.form.kind')}
        value={form.kind}
        onChange={(v) => set({ kind: (v ?? 'pulse') as FormState['kind'] })}
        data={[
          { value: 'pulse', label: t('surveys.kinds.pulse') },
          { value: 'questionnaire', label: t('surveys.kinds.questionnaire') },
        ]}
        allowDeselect={false}
      />
      <Textarea
        label={t('surveys.form.description')}
        autosize
        minRows={2}
        value={form.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        error={errors.description}
      />
      <Switch
        label={t('surveys.form.anonymous')}
        checked={form.anonymous}
        onChange={(e) => set({ anonymous: e.currentTarget.checked })}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <DateField
          label={t('surveys.form.opensOn')}
          value={form.opensOn}
          onChange={(v) => set({ opensOn: v ?? form.opensOn })}
          error={errors.opensOn}
        />
        <DateField
          label={t('surveys.form.closesOn')}
          value={form.closesOn}
          onChange={(v) => set({ closesOn: v ?? form.closesOn })}
          error={errors.closesOn}
        />
      </SimpleGrid>
      <UnitMultiPicker
        label={t('surveys.form.audience')}
        description={t('surveys.form.audienceHint')}
        value={form.audienceUnitIds}
        onChange={(audienceUnitIds) => set({ audienceUnitIds })}
        error={errors.audienceUnitIds ?? errors['audienceUnitIds.0']}
      />
      {form.questions.map((q, i) => (
        <Card key={q.key} withBorder padding="sm" radius="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <strong>{t('surveys.form.question', { n: i + 1 })}</strong>
              <Group gap={4}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('surveys.form.up')}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('surveys.form.down')}
                  disabled={i === form.questions.length - 1}
                  onClick={() => move(i, 1)}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('surveys.form.remove')}
                  disabled={form.questions.length === 1}
                  onClick={() => set({ questions: form.questions.filter((_, k) => k !== i) })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Group>
            <Select
              label={t('surveys.form.questionKind')}
              value={q.kind}
              allowDeselect={false}
              onChange={(v) =>
                setQuestion(i, {
                  kind: (v ?? 'single') as SurveyQuestionKind,
                  scaleMax: v === 'scale' ? (q.scaleMax ?? 5) : null,
                })
              }
              data={QUESTION_KINDS.map((k) => ({ value: k, label: t(`surveys.form.kinds.${k}`) }))}
            />
            <Textarea
              label={t('surveys.form.questionText')}
              autosize
              value={q.text}
              onChange={(e) => setQuestion(i, { text: e.currentTarget.value })}
              error={errors[`questions.${i}.text`]}
            />
            {q.kind === 'single' || q.kind === 'multiple' ? (
              <Textarea
                label={t('surveys.form.options')}
                autosize
                minRows={3}
                value={q.optionsText}
                onChange={(e) => setQuestion(i, { optionsText: e.currentTarget.value })}
                error={errors[`questions.${i}.options`] ?? errors[`questions.${i}.options.0`]}
              />
            ) : null}
            {q.kind === 'scale' ? (
              <SimpleGrid cols={{ base: 1, xs: 3 }}>
                <Select
                  label={t('surveys.form.scaleMax')}
                  value={String(q.scaleMax ?? 5)}
                  allowDeselect={false}
                  onChange={(v) => setQuestion(i, { scaleMax: v === '10' ? 10 : 5 })}
                  data={[
                    { value: '5', label: '1–5' },
                    { value: '10', label: '1–10' },
                  ]}
                />
                <TextInput
                  label={t('surveys.form.scaleMinLabel')}
                  value={q.scaleMinLabel}
                  onChange={(e) => setQuestion(i, { scaleMinLabel: e.currentTarget.value })}
                />
                <TextInput
                  label={t('surveys.form.scaleMaxLabel')}
                  value={q.scaleMaxLabel}
                  onChange={(e) => setQuestion(i, { scaleMaxLabel: e.currentTarget.value })}
                />
              </SimpleGrid>
            ) : null}
            <Switch
              label={t('surveys.form.required')}
              checked={q.required}
              onChange={(e) => setQuestion(i, { required: e.currentTarget.checked })}
            />
          </Stack>
        </Card>
      ))}
      <Button
        variant="default"
        leftSection={<IconPlus size={16} />}
        onClick={() => set({ questions: [...form.questions, blankQuestion()] })}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('surveys.form.addQuestion')}
      </Button>
      {save.error ? <Alert color="red">{errorMessage(save.error, t)}</Alert> : null}
      <Group>
        <Button onClick={submit} loading={save.isPending} data-testid="survey-save">
          {t('surveys.form.save')}
        </Button>
        <Button variant="subtle" onClick={() => window.history.back()}>
          {t('surveys.form.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Create a survey, or edit one while it is a draft. */
export function SurveyFormPage({ surveyId }: { surveyId: number | null }) {
  const me = useMe();
  const existing = useQuery({ ...surveyQuery(surveyId ?? 0), enabled: surveyId !== null });
  if (surveyId !== null) {
    if (existing.isLoading) return <LoadingState />;
    if (existing.isError || !existing.data)
      return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
    return <SurveyForm surveyId={surveyId} initial={fromView(existing.data)} />;
  }
  const today = vnToday();
  const initial: FormState = {
    unitId: me.homeUnitIds[0] ?? null,
    kind: 'pulse',
    title: '',
    description: '',
    anonymous: true,
    opensOn: today,
    closesOn: today,
    audienceUnitIds: [],
    questions: [blankQuestion()],
  };
  return <SurveyForm surveyId={null} initial={initial} />;
}
