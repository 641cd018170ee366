import { Alert, Button, Group, Modal, NumberInput, ScrollArea, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { formatNumber } from '../../app/format';
import type { AttemptAdminRow } from './contest-types';
import { useEssayScore, useVoidAttempt } from './contests-api';

/** "Hủy kết quả": an organiser voids an attempt, with the reason kept in the audit trail. */
export function VoidAttemptModal({ row, onClose }: { row: AttemptAdminRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const voidAttempt = useVoidAttempt();
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const close = () => {
    setReason('');
    setLocal(undefined);
    voidAttempt.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!row) return;
    if (!reason.trim()) return setLocal(t('contests.attempts.reasonRequired'));
    voidAttempt.mutate(
      { attemptId: row.attemptId, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('contests.attempts.voided') });
          close();
        },
      },
    );
  };
  return (
    <Modal opened={row !== null} onClose={close} title={t('contests.attempts.void')} size="md">
      {row ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('contests.attempts.voidIntro', { name: row.fullName, number: row.attemptNo })}</Text>
            {voidAttempt.isError && !fieldErrors(voidAttempt.error).reason ? (
              <Alert color="red" icon={<IconAlertTriangle size={20} />}>
                {errorMessage(voidAttempt.error, t)}
              </Alert>
            ) : null}
            <Textarea
              label={t('contests.attempts.reason')}
              placeholder={t('contests.attempts.reasonPlaceholder')}
              autosize
              minRows={3}
              maxLength={1000}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setLocal(undefined);
              }}
              error={local ?? fieldErrors(voidAttempt.error).reason}
              required
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={voidAttempt.isPending}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={voidAttempt.isPending} data-testid="attempt-void-confirm">
                {t('contests.attempts.void')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}

/** A judge reads the essay and gives it a score (0–100), added to the attempt's score. */
export function EssayScoreModal({
  row,
  essayQuestion,
  onClose,
}: {
  row: AttemptAdminRow | null;
  essayQuestion: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={row !== null} onClose={onClose} title={t('contests.attempts.scoreEssay')} size="lg">
      {row ? <EssayScoreForm key={row.attemptId} row={row} essayQuestion={essayQuestion} onClose={onClose} /> : null}
    </Modal>
  );
}

function EssayScoreForm({
  row,
  essayQuestion,
  onClose,
}: {
  row: AttemptAdminRow;
  essayQuestion: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const score = useEssayScore();
  // Starts from the score already given, so a judge can correct it.
  const [value, setValue] = useState<number | ''>(row.essayScore ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value === '') return;
    score.mutate(
      { attemptId: row.attemptId, score: value },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('contests.attempts.scored') });
          onClose();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {row.fullName} · {row.unitName}
        </Text>
        {essayQuestion ? (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
            {essayQuestion}
          </Text>
        ) : null}
        <ScrollArea.Autosize mah={320} type="auto">
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere', borderRadius: 6 }}
            p="xs"
            bg="gray.0"
            c={row.essay ? undefined : 'dimmed'}
            data-testid="essay-text"
          >
            {row.essay || t('contests.attempts.noEssay')}
          </Text>
        </ScrollArea.Autosize>
        <Text size="sm" data-testid="essay-current-score">
          {row.essayScore === null
            ? t('contests.attempts.notScored')
            : t('contests.attempts.currentScore', { score: formatNumber(row.essayScore) })}
        </Text>
        {score.isError ? (
          <Alert color="red" icon={<IconAlertTriangle size={20} />}>
            {fieldErrors(score.error).score ?? errorMessage(score.error, t)}
          </Alert>
        ) : null}
        <NumberInput
          label={t('contests.attempts.score')}
          description={t('contests.attempts.scoreHint')}
          min={0}
          max={100}
          decimalScale={2}
          decimalSeparator=","
          value={value}
          onChange={(next) => setValue(typeof next === 'number' ? next : '')}
          w={200}
          required
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={score.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={score.isPending} disabled={value === ''}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
