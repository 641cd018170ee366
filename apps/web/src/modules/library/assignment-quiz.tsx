import type { AssignmentView, StudyConfirmResult } from '@lan-toa/contracts';
import { Alert, Button, Card, Checkbox, Radio, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { formatVnDateTime } from '../../app/format';
import { useConfirmStudy } from './library-api';

/** The member's part: the quiz if there is one, and "Tôi đã đọc và nắm nội dung". */
export function ConfirmPanel({ assignment }: { assignment: AssignmentView }) {
  const { t } = useTranslation();
  const confirm = useConfirmStudy(assignment.id);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [read, setRead] = useState(false);
  const [result, setResult] = useState<StudyConfirmResult | null>(null);
  const errors = fieldErrors(confirm.error);

  if (assignment.confirmedAt) {
    return (
      <Alert color="green" icon={<IconCircleCheck />} data-testid="study-confirmed">
        {t('library.study.youConfirmed', { time: formatVnDateTime(assignment.confirmedAt) })}
      </Alert>
    );
  }
  if (!assignment.canConfirm) return null;
  const hasQuiz = assignment.questions.length > 0;

  return (
    <Card withBorder radius="md" padding="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          confirm.mutate(answers, { onSuccess: setResult });
        }}
      >
        <Stack gap="md">
          {hasQuiz ? (
            <>
              <Stack gap={2}>
                <Title order={2} size="h4">
                  {t('library.study.quizTitle')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('library.study.quizHint', { passMark: assignment.passMark, total: assignment.questions.length })}
                </Text>
              </Stack>
              {assignment.questions.map((question, index) => (
                <Radio.Group
                  key={question.id}
                  label={`${index + 1}. ${question.text}`}
                  value={answers[String(question.id)] ?? null}
                  onChange={(value) => setAnswers((prev) => ({ ...prev, [String(question.id)]: value }))}
                  error={errors[`answers.${question.id}`]}
                  data-testid="quiz-question"
                >
                  <Stack gap={6} mt={6}>
                    {question.options.map((option) => (
                      <Radio key={option.id} value={option.id} label={option.text} />
                    ))}
                  </Stack>
                </Radio.Group>
              ))}
            </>
          ) : null}
          {result && !result.confirmed ? (
            <Alert color="orange" data-testid="quiz-failed">
              {t('library.study.failed', {
                correct: result.correct ?? 0,
                total: result.total,
                passMark: result.passMark,
              })}
            </Alert>
          ) : null}
          {confirm.isError && !Object.keys(errors).some((key) => key.startsWith('answers')) ? (
            <Alert color="red">{errorMessage(confirm.error, t)}</Alert>
          ) : null}
          <Checkbox
            checked={read}
            onChange={(event) => setRead(event.currentTarget.checked)}
            label={t('library.study.readStatement')}
            data-testid="study-read"
          />
          <Button type="submit" disabled={!read} loading={confirm.isPending} data-testid="study-confirm">
            {hasQuiz ? t('library.study.submitAndConfirm') : t('library.study.confirm')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
