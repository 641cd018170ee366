import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyBlock } from '../../components/states';
import { RoundStateBadge } from './contest-badges';
import { formatVnMoment } from './contest-format';
import type { ContestView, RoundView } from './contest-types';
import { questionsQuery, useDeleteRound } from './contests-api';
import { RoundFormModal } from './round-form-modal';

function difficultyLabel(value: number | null, t: TFunction): string {
  return value === null ? t('contests.roundForm.anyDifficulty') : t(`contests.difficulty.${value as 1 | 2 | 3}`);
}

/** The rounds of a contest: times, rules of each, quotas, prizes; add, edit, delete. */
export function RoundsTab({ contest }: { contest: ContestView }) {
  const { t } = useTranslation();
  const questions = useQuery(questionsQuery(contest.id, { pageSize: 1 }));
  const remove = useDeleteRound(contest.id);
  const [editing, setEditing] = useState<RoundView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RoundView | null>(null);
  const topics = questions.data?.topics ?? [];
  const rounds = [...contest.rounds].sort((a, b) => a.number - b.number);
  const nextNumber = Math.max(0, ...rounds.map((r) => r.number)) + 1;

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" maw={560}>
          {t('contests.rounds.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="round-create">
          {t('contests.rounds.add')}
        </Button>
      </Group>
      {rounds.length === 0 ? (
        <EmptyBlock
          icon={<IconCalendarPlus size={28} />}
          title={t('contests.overview.noRounds')}
          description={t('contests.rounds.emptyHint')}
        />
      ) : (
        rounds.map((round) => (
          <Paper key={round.id} withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="admin-round">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={0} miw={0}>
                  <Text size="xs" c="dimmed">
                    {t('contests.round.number', { number: round.number })}
                  </Text>
                  <Text fw={700}>{round.title}</Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <RoundStateBadge state={round.state} />
                  {/* Only what the server would accept: a closed round is read-only, one with attempts stays. */}
                  {round.canEdit ? (
                    <Tooltip label={t('contests.rounds.edit')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('contests.rounds.edit')}
                        onClick={() => setEditing(round)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                  ) : null}
                  {round.canDelete ? (
                    <Tooltip label={t('contests.rounds.delete')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('contests.rounds.delete')}
                        onClick={() => setDeleting(round)}
                        data-testid="round-delete"
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  ) : null}
                </Group>
              </Group>
              <Text size="sm">
                {t('contests.round.window', {
                  opens: formatVnMoment(round.opensAt),
                  closes: formatVnMoment(round.closesAt),
                })}
              </Text>
              <Text size="sm">
                {t('contests.round.shape', {
                  questions: formatNumber(round.questionCount),
                  minutes: formatNumber(round.timeLimitMinutes),
                })}
                {' · '}
                {t('contests.round.attemptsAllowed', { allowed: formatNumber(round.attemptsAllowed) })}
                {' · '}
                {t(`contests.bestOf.${round.bestOf}`)}
                {round.shuffleOptions ? ` · ${t('contests.rounds.shuffled')}` : ''}
              </Text>
              {round.quotas.length > 0 ? (
                <Group gap={4}>
                  {round.quotas.map((quota) => (
                    <Badge
                      key={`${quota.topic ?? ''}|${quota.difficulty ?? ''}`}
                      variant="outline"
                      color="gray"
                      tt="none"
                    >
                      {`${quota.topic || t('contests.roundForm.anyTopic')} · ${difficultyLabel(quota.difficulty, t)}: ${formatNumber(quota.count)}`}
                    </Badge>
                  ))}
                </Group>
              ) : null}
              {round.prizes.length > 0 ? (
                <Text size="sm" c="dimmed">
                  {round.prizes.map((p) => t('contests.round.prize', { name: p.name, count: p.count })).join('; ')}
                </Text>
              ) : null}
              {round.predictionQuestion ? (
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {t('contests.rounds.predictionLine', { text: round.predictionQuestion })}
                </Text>
              ) : null}
              {round.essayQuestion ? (
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {t('contests.rounds.essayLine', { text: round.essayQuestion })}
                </Text>
              ) : null}
            </Stack>
          </Paper>
        ))
      )}
      <RoundFormModal
        contestId={contest.id}
        round={editing === 'new' ? null : editing}
        nextNumber={nextNumber}
        topics={topics}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('contests.rounds.delete')}
        message={t('contests.rounds.deleteConfirm', { title: deleting?.title ?? '' })}
        confirmLabel={t('contests.rounds.delete')}
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              notifications.show({ color: 'green', message: t('contests.rounds.deleted') });
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
