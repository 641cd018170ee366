import { Badge, Checkbox, Group, Paper, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import type { AttemptQuestion } from './contest-types';
import classes from './play-page.module.css';

interface QuestionCardProps {
  question: AttemptQuestion;
  index: number;
  total: number;
  chosen: string[];
  disabled: boolean;
  onChoose: (optionIds: string[]) => void;
}

/** One question with big options: radios for one answer, check boxes for several. */
export function QuestionCard({ question, index, total, chosen, disabled, onChoose }: QuestionCardProps) {
  const { t } = useTranslation();
  const labelId = `question-${question.id}-text`;
  const single = question.kind === 'single';
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'lg' }}
      data-testid="play-question"
      data-question-id={question.id}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" fw={700} c="blue.8" data-testid="play-question-number">
            {t('contests.play.questionOf', { number: formatNumber(index + 1), total: formatNumber(total) })}
          </Text>
          <Badge variant="light" color={single ? 'gray' : 'grape'} size="sm" style={{ flexShrink: 0 }}>
            {single ? t('contests.play.chooseOne') : t('contests.play.chooseMany')}
          </Badge>
        </Group>
        <Text id={labelId} fz={{ base: 'md', sm: 'lg' }} fw={600} className={classes.questionText}>
          {question.text}
        </Text>
        {single ? (
          <Radio.Group
            value={chosen[0] ?? null}
            onChange={(value) => onChoose(value ? [value] : [])}
            aria-labelledby={labelId}
          >
            <Stack gap="xs">
              {question.options.map((option) => (
                <Radio.Card
                  key={option.id}
                  value={option.id}
                  className={classes.option}
                  disabled={disabled}
                  data-testid="play-option"
                >
                  <Group gap="sm" wrap="nowrap" align="center">
                    <Radio.Indicator size="md" />
                    <Text className={classes.optionText}>{option.text}</Text>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          <Checkbox.Group value={chosen} onChange={onChoose} aria-labelledby={labelId}>
            <Stack gap="xs">
              {question.options.map((option) => (
                <Checkbox.Card
                  key={option.id}
                  value={option.id}
                  className={classes.option}
                  disabled={disabled}
                  data-testid="play-option"
                >
                  <Group gap="sm" wrap="nowrap" align="center">
                    <Checkbox.Indicator size="md" />
                    <Text className={classes.optionText}>{option.text}</Text>
                  </Group>
                </Checkbox.Card>
              ))}
            </Stack>
          </Checkbox.Group>
        )}
      </Stack>
    </Paper>
  );
}

interface ExtrasCardProps {
  predictionQuestion: string | null;
  essayQuestion: string | null;
  prediction: string;
  essay: string;
  disabled: boolean;
  onPrediction: (text: string) => void;
  onEssay: (text: string) => void;
}

/** The page after the multiple-choice questions, named by what it holds: a prediction, an essay, or both. */
export function extrasLabels(
  t: TFunction,
  predictionQuestion: string | null,
  essayQuestion: string | null,
): { title: string; short: string } {
  if (essayQuestion === null) {
    return { title: t('contests.play.extrasTitlePrediction'), short: t('contests.play.extrasShort') };
  }
  if (predictionQuestion === null) {
    return { title: t('contests.play.extrasTitleEssay'), short: t('contests.play.extrasShortEssay') };
  }
  return { title: t('contests.play.extrasTitle'), short: t('contests.play.extrasShort') };
}

/** The prediction (tie-break) and essay questions of a round, after the multiple-choice ones. */
export function ExtrasCard(props: ExtrasCardProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} data-testid="play-extras">
      <Stack gap="md">
        <Text size="sm" fw={700} c="blue.8" data-testid="play-extras-title">
          {extrasLabels(t, props.predictionQuestion, props.essayQuestion).title}
        </Text>
        {props.predictionQuestion !== null ? (
          <TextInput
            label={<span className={classes.questionText}>{props.predictionQuestion}</span>}
            description={t('contests.play.predictionHint')}
            inputMode="numeric"
            autoComplete="off"
            size="md"
            value={props.prediction}
            onChange={(event) => props.onPrediction(event.currentTarget.value)}
            disabled={props.disabled}
            placeholder={t('contests.play.predictionPlaceholder')}
            data-testid="play-prediction"
          />
        ) : null}
        {props.essayQuestion !== null ? (
          <Textarea
            label={<span className={classes.questionText}>{props.essayQuestion}</span>}
            description={t('contests.play.essayHint')}
            autosize
            minRows={5}
            maxRows={16}
            maxLength={20_000}
            size="md"
            value={props.essay}
            onChange={(event) => props.onEssay(event.currentTarget.value)}
            disabled={props.disabled}
            data-testid="play-essay"
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
