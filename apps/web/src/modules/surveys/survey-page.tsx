import type { SurveyAnswer, SurveyQuestion, SurveyView } from '@lan-toa/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconChartBar, IconEdit, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { formatDate } from '../../app/format';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { SurveyStatusBadge } from './survey-list-page';
import { surveyQuery, useAnswerSurvey, useDeleteSurvey, usePublishSurvey } from './surveys-api';

type Draft = Record<number, SurveyAnswer>;

function QuestionField({
  question,
  index,
  value,
  onChange,
  error,
  disabled,
}: {
  question: SurveyQuestion;
  index: number;
  value: SurveyAnswer | undefined;
  onChange: (answer: SurveyAnswer) => void;
  error?: string;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const label = (
    <Text fw={600} size="sm">
      {index + 1}. {question.text}{' '}
      <Text span c={question.required ? 'red' : 'dimmed'} size="xs" fw={400}>
        ({question.required ? t('surveys.required') : t('surveys.optional')})
      </Text>
    </Text>
  );
  let field: React.ReactNode = null;
  if (question.kind === 'single') {
    field = (
      <Radio.Group
        value={value?.optionIds?.[0] ?? null}
        onChange={(id) => onChange({ questionId: question.id, optionIds: [id] })}
        error={error}
      >
        <Stack gap={8} mt={6}>
          {question.options.map((o) => (
            <Radio key={o.id} value={o.id} label={o.text} disabled={disabled} />
          ))}
        </Stack>
      </Radio.Group>
    );
  } else if (question.kind === 'multiple') {
    field = (
      <Checkbox.Group
        value={value?.optionIds ?? []}
        onChange={(ids) => onChange({ questionId: question.id, optionIds: ids })}
        error={error}
      >
        <Stack gap={8} mt={6}>
          {question.options.map((o) => (
            <Checkbox key={o.id} value={o.id} label={o.text} disabled={disabled} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  } else if (question.kind === 'scale') {
    const max = question.scaleMax ?? 5;
    field = (
      <Stack gap={4} mt={6}>
        <SegmentedControl
          fullWidth
          size={max > 5 ? 'xs' : 'sm'}
          disabled={disabled}
          value={value?.value ? String(value.value) : ''}
          onChange={(v) => onChange({ questionId: question.id, value: Number(v) })}
          data={Array.from({ length: max }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
          data-testid={`scale-${question.id}`}
        />
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {question.scaleMinLabel}
          </Text>
          <Text size="xs" c="dimmed" ta="right">
            {question.scaleMaxLabel}
          </Text>
        </Group>
        {error ? (
          <Text size="xs" c="red">
            {error}
          </Text>
        ) : null}
      </Stack>
    );
  } else {
    field = (
      <Textarea
        mt={6}
        autosize
        minRows={2}
        maxLength={5000}
        disabled={disabled}
        placeholder={t('surveys.textPlaceholder')}
        value={value?.text ?? ''}
        onChange={(e) => onChange({ questionId: question.id, text: e.currentTarget.value })}
        error={error}
      />
    );
  }
  return (
    <Card withBorder padding="sm" radius="md" data-testid="survey-question">
      {label}
      {field}
    </Card>
  );
}

function ManageBar({ survey }: { survey: SurveyView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const publish = usePublishSurvey(survey.id);
  const remove = useDeleteSurvey(survey.id);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {survey.status === 'draft' ? (
          <>
            <ButtonLink
              to="/surveys/$surveyId/edit"
              params={{ surveyId: String(survey.id) }}
              variant="default"
              leftSection={<IconEdit size={16} />}
            >
              {t('surveys.edit')}
            </ButtonLink>
            <Button
              loading={publish.isPending}
              onClick={() => {
                if (!window.confirm(t('surveys.publishConfirm'))) return;
                publish.mutate(undefined, {
                  onSuccess: (r) => setNotice(t('surveys.published', { count: r.notified })),
                });
              }}
              data-testid="survey-publish"
            >
              {t('surveys.publish')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => {
                if (!window.confirm(t('surveys.deleteConfirm'))) return;
                remove.mutate(undefined, { onSuccess: () => void navigate({ to: '/surveys' }) });
              }}
            >
              {t('surveys.delete')}
            </Button>
          </>
        ) : (
          <ButtonLink
            to="/surveys/$surveyId/results"
            params={{ surveyId: String(survey.id) }}
            leftSection={<IconChartBar size={16} />}
            data-testid="survey-results-link"
          >
            {t('surveys.results')}
          </ButtonLink>
        )}
      </Group>
      {notice ? <Alert color="green">{notice}</Alert> : null}
      {publish.error ? <Alert color="red">{errorMessage(publish.error, t)}</Alert> : null}
    </Stack>
  );
}

/** A survey: the answer form for members (phone first), management actions for its unit. */
export function SurveyPage({ surveyId }: { surveyId: number }) {
  const { t } = useTranslation();
  const query = useQuery(surveyQuery(surveyId));
  const answer = useAnswerSurvey(surveyId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [done, setDone] = useState(false);
  if (query.isLoading) return <LoadingState />;
  if (query.isError || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const survey = query.data;
  const current: Draft = draft ?? Object.fromEntries((survey.myAnswers ?? []).map((a) => [a.questionId, a] as const));
  const errors = fieldErrors(answer.error);
  const editable = survey.canAnswer;
  const submit = () => {
    answer.mutate(Object.values(current), { onSuccess: () => setDone(true) });
  };
  return (
    <Stack gap="md" maw={720}>
      <AnchorLink to="/surveys" size="sm">
        ← {t('surveys.title')}
      </AnchorLink>
      <Stack gap={4}>
        <Group gap={6}>
          <SurveyStatusBadge status={survey.status} />
          <Badge variant="outline" color={survey.anonymous ? 'grape' : 'blue'}>
            {survey.anonymous ? t('surveys.anonymous') : t('surveys.named')}
          </Badge>
        </Group>
        <PageTitle>{survey.title}</PageTitle>
        <Text size="sm" c="dimmed">
          {t(`surveys.kinds.${survey.kind}`)} ·{' '}
          {t('surveys.dates', {
            from: formatDate(survey.opensOn),
            to: formatDate(survey.closesOn),
            unit: survey.unitName,
          })}
        </Text>
        {survey.description ? <Text style={{ whiteSpace: 'pre-line' }}>{survey.description}</Text> : null}
      </Stack>
      {survey.canManage ? <ManageBar survey={survey} /> : null}
      <Alert variant="light" icon={<IconInfoCircle size={18} />} color={survey.anonymous ? 'grape' : 'blue'}>
        {survey.anonymous ? t('surveys.anonymousNote') : t('surveys.namedNote')}
      </Alert>
      {done ? (
        <Alert color="green" data-testid="survey-thanks">
          {survey.anonymous ? t('surveys.thanksAnonymous') : t('surveys.thanks')}
        </Alert>
      ) : survey.anonymous && survey.responded ? (
        <Alert color="green">{t('surveys.alreadyAnonymous')}</Alert>
      ) : survey.status === 'closed' ? (
        <Alert color="gray">{t('surveys.closedNote')}</Alert>
      ) : survey.status === 'scheduled' ? (
        <Alert color="yellow">{t('surveys.notYetOpen', { date: formatDate(survey.opensOn) })}</Alert>
      ) : survey.status === 'open' && !survey.canAnswer && !survey.canManage ? (
        <Alert color="gray">{t('surveys.notInAudience')}</Alert>
      ) : null}
      {survey.anonymous && (survey.responded || done) ? null : (
        <Stack gap="sm">
          {survey.questions.map((q, i) => (
            <QuestionField
              key={q.id}
              question={q}
              index={i}
              value={current[q.id]}
              onChange={(a) => setDraft({ ...current, [q.id]: a })}
              error={errors[`answers.${q.id}`]}
              disabled={!editable}
            />
          ))}
          {editable ? (
            <>
              {answer.error && Object.keys(errors).length === 0 ? (
                <Alert color="red">{errorMessage(answer.error, t)}</Alert>
              ) : null}
              <Button
                size="md"
                leftSection={<IconSend size={18} />}
                loading={answer.isPending}
                onClick={submit}
                data-testid="survey-submit"
              >
                {survey.responded ? t('surveys.update') : t('surveys.submit')}
              </Button>
            </>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}
