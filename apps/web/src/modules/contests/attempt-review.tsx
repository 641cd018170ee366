import { Badge, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttemptResult } from './contest-types';

type Review = NonNullable<AttemptResult['review']>;

const same = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();

/** Each question after the round's results are out: what was chosen, what was right. */
export function AttemptReview({ review }: { review: Review }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="attempt-review">
      {review.map((item, index) => {
        const right = same(item.chosen, item.correct);
        return (
          <Paper key={item.questionId} withBorder p="sm" radius="md">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  {index + 1}. {item.text}
                </Text>
                <Badge color={right ? 'green' : 'red'} variant="light" style={{ flexShrink: 0 }}>
                  {right ? t('contests.result.right') : t('contests.result.wrong')}
                </Badge>
              </Group>
              {item.options.map((option) => {
                const correct = item.correct.includes(option.id);
                const chosen = item.chosen.includes(option.id);
                return (
                  <Group key={option.id} gap="xs" wrap="nowrap" align="flex-start">
                    <ThemeIcon
                      size="sm"
                      radius="xl"
                      variant={correct || chosen ? 'filled' : 'light'}
                      color={correct ? 'green' : chosen ? 'red' : 'gray'}
                      aria-hidden
                    >
                      {correct ? <IconCheck size={12} /> : chosen ? <IconX size={12} /> : null}
                    </ThemeIcon>
                    <Text size="sm" fw={correct ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
                      {option.text}
                      {chosen ? (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({t('contests.result.yourChoice')})
                        </Text>
                      ) : null}
                      {correct ? (
                        <Text span size="xs" c="green.8">
                          {' '}
                          ({t('contests.result.correctAnswer')})
                        </Text>
                      ) : null}
                    </Text>
                  </Group>
                );
              })}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
