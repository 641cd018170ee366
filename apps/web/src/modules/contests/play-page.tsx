import { ActionIcon, Alert, Button, Center, Group, Loader, Overlay, Progress, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconChevronLeft,
  IconChevronRight,
  IconRefresh,
  IconSend,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { rememberAttemptToken } from './attempt-memory';
import type { AttemptResult, AttemptView } from './contest-types';
import { contestKeys } from './contests-api';
import { isTransient, startAttempt } from './play-api';
import { PlayClock, PlayNavigator, SaveIndicator } from './play-navigator';
import classes from './play-page.module.css';
import { ExtrasCard, extrasLabels, QuestionCard } from './play-question';
import { PlayStartError } from './play-start-error';
import { SubmitDialog } from './play-submit-dialog';
import { useAttemptSession } from './use-attempt-session';

/** Where the player was opened from: the app (signed in), or a public contest's own pages. */
export type PlayPlace = { kind: 'app'; contestId?: number } | { kind: 'public'; contestId: number };

interface PlayPageProps {
  roundId: number;
  place: PlayPlace;
}

/**
 * The player, phone first. Opening it starts the next attempt or resumes the running one (so a
 * reload continues where one was); the attempt's token stays in memory only.
 */
export function PlayPage({ roundId, place }: PlayPageProps) {
  const { t } = useTranslation();
  const start = useQuery({
    // Outside the 'contests' keys: no invalidation of contest data may ever start an attempt again.
    queryKey: ['contest-play', roundId],
    queryFn: () => startAttempt(roundId, place.kind === 'public'),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnReconnect: false,
    retry: (failures, error) => isTransient(error) && failures < 3,
  });

  if (start.isLoading) {
    return (
      <Center mih="100dvh">
        <Stack align="center" gap="sm">
          <Loader aria-label={t('contests.play.preparing')} />
          <Text c="dimmed">{t('contests.play.preparing')}</Text>
        </Stack>
      </Center>
    );
  }
  if (start.isError || !start.data) {
    return <PlayStartError error={start.error} roundId={roundId} place={place} onRetry={() => void start.refetch()} />;
  }
  return <AttemptPlayer key={start.data.attemptId} view={start.data} visitor={place.kind === 'public'} />;
}

interface PlayerProps {
  view: AttemptView;
  /** Opened from a public contest's pages: results and the way back stay there. */
  visitor: boolean;
}

function AttemptPlayer({ view, visitor }: PlayerProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const contestId = String(view.contestId);
  const done = (result: AttemptResult) => {
    // A visitor without an account reads the result with this token (kept in memory only).
    rememberAttemptToken(result.attemptId, view.token);
    // The submission's answer leaves out where the attempt belongs; the player knows it.
    client.setQueryData(contestKeys.attempt(result.attemptId), {
      ...result,
      contestId: result.contestId ?? view.contestId,
      contestTitle: result.contestTitle ?? view.contestTitle,
      roundTitle: result.roundTitle ?? view.roundTitle,
    });
    void client.invalidateQueries({ queryKey: contestKeys.me(view.contestId) });
    const attemptId = String(result.attemptId);
    if (visitor)
      void navigate({ to: '/thi/$contestId/luot/$attemptId', params: { contestId, attemptId }, replace: true });
    else
      void navigate({
        to: '/contests/attempts/$attemptId',
        params: { attemptId },
        search: { contestId: view.contestId },
        replace: true,
      });
  };
  const session = useAttemptSession(view, done);
  const [current, setCurrent] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [leaving, setLeaving] = useState(false);

  const hasExtras = view.predictionQuestion !== null || view.essayQuestion !== null;
  const extrasIndex = hasExtras ? view.questions.length : null;
  const last = view.questions.length - (hasExtras ? 0 : 1);
  const playing = session.phase === 'playing';
  const question = view.questions[current];
  const unanswered = view.questions
    .map((q, index) => ((session.answers[String(q.id)] ?? []).length > 0 ? null : index + 1))
    .filter((n): n is number => n !== null);
  const missingPrediction = view.predictionQuestion !== null && session.prediction === '';
  const missingEssay = view.essayQuestion !== null && session.essay.trim() === '';
  const answered = view.questions.length - unanswered.length;

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll to the top on every question change
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [current]);

  const go = (index: number) => {
    setConfirming(false);
    setCurrent(Math.max(0, Math.min(last, index)));
  };
  const timeUp = session.remainingMs <= 0;

  return (
    <div className={classes.page}>
      <header className={classes.header}>
        <Group justify="space-between" gap="xs" wrap="nowrap" maw={760} mx="auto">
          <Group gap={6} wrap="nowrap" miw={0}>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={t('contests.play.leave')}
              onClick={() => setLeaving(true)}
            >
              <IconArrowLeft size={20} />
            </ActionIcon>
            <Stack gap={0} miw={0}>
              <Text size="sm" fw={700} lineClamp={1}>
                {view.contestTitle}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {`${view.roundTitle} · `}
                {t('contests.play.attemptOf', { number: view.attemptNo, total: view.attemptsAllowed })}
              </Text>
            </Stack>
          </Group>
          <PlayClock remainingMs={session.remainingMs} />
        </Group>
        <Group gap="sm" wrap="nowrap" maw={760} mx="auto" mt={6}>
          <Progress
            value={view.questions.length === 0 ? 0 : (answered / view.questions.length) * 100}
            flex={1}
            size="sm"
            aria-label={t('contests.play.answeredOf', { answered, total: view.questions.length })}
          />
          <SaveIndicator status={session.overall} />
        </Group>
      </header>

      <main className={classes.body}>
        <Stack gap="md">
          {session.phase === 'submitFailed' ? (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={20} />}
              title={t('contests.play.submitFailed')}
              role="alert"
            >
              <Stack gap="xs">
                <Text size="sm">{errorMessage(session.submitError, t)}</Text>
                <Text size="sm">{t('contests.play.submitFailedHint')}</Text>
                <Button
                  leftSection={<IconRefresh size={16} />}
                  onClick={session.submit}
                  w="fit-content"
                  data-testid="play-submit-retry"
                >
                  {t('contests.play.submitAgain')}
                </Button>
              </Stack>
            </Alert>
          ) : null}
          {question ? (
            <QuestionCard
              key={question.id}
              question={question}
              index={current}
              total={view.questions.length}
              chosen={session.answers[String(question.id)] ?? []}
              disabled={!playing}
              onChoose={(optionIds) => session.choose(question.id, optionIds)}
            />
          ) : (
            <ExtrasCard
              predictionQuestion={view.predictionQuestion}
              essayQuestion={view.essayQuestion}
              prediction={session.prediction}
              essay={session.essay}
              disabled={!playing}
              onPrediction={session.setPrediction}
              onEssay={session.setEssay}
            />
          )}
          <PlayNavigator
            questions={view.questions}
            answers={session.answers}
            status={session.status}
            current={current}
            extrasIndex={extrasIndex}
            extrasLabels={extrasLabels(t, view.predictionQuestion, view.essayQuestion)}
            extrasFilled={!missingPrediction && !missingEssay}
            onGo={go}
          />
        </Stack>
      </main>

      <footer className={classes.actions}>
        <Group gap="xs" wrap="nowrap" className={classes.actionsInner}>
          <ActionIcon
            variant="default"
            size={44}
            onClick={() => go(current - 1)}
            disabled={current === 0}
            aria-label={t('contests.play.previous')}
            data-testid="play-previous"
          >
            <IconChevronLeft size={22} />
          </ActionIcon>
          <Button
            variant={current < last ? 'light' : 'default'}
            size="md"
            flex={1}
            px="xs"
            rightSection={<IconChevronRight size={18} />}
            onClick={() => go(current + 1)}
            disabled={current >= last}
            data-testid="play-next"
          >
            {t('contests.play.next')}
          </Button>
          <Button
            size="md"
            flex={1}
            px="xs"
            color={current >= last ? 'green' : 'blue'}
            variant={current >= last ? 'filled' : 'outline'}
            leftSection={<IconSend size={16} />}
            onClick={() => setConfirming(true)}
            disabled={!playing && session.phase !== 'submitFailed'}
            data-testid="play-submit"
          >
            {t('contests.play.submit')}
          </Button>
        </Group>
      </footer>

      {session.phase === 'submitting' && !confirming ? (
        <Overlay fixed backgroundOpacity={0.55} blur={2} zIndex={300}>
          <Center h="100%">
            <Stack align="center" gap="sm" bg="white" p="lg" style={{ borderRadius: 12 }} role="status">
              <Loader />
              <Text fw={600}>{timeUp ? t('contests.play.timeUpSubmitting') : t('contests.play.submitting')}</Text>
            </Stack>
          </Center>
        </Overlay>
      ) : null}

      <SubmitDialog
        opened={confirming}
        unanswered={unanswered}
        missingPrediction={missingPrediction}
        missingEssay={missingEssay}
        submitting={session.phase === 'submitting'}
        onGo={go}
        onConfirm={session.submit}
        onCancel={() => setConfirming(false)}
      />
      <ConfirmDialog
        opened={leaving}
        title={t('contests.play.leaveTitle')}
        message={t('contests.play.leaveMessage')}
        confirmLabel={t('contests.play.leaveConfirm')}
        onCancel={() => setLeaving(false)}
        onConfirm={() => {
          setLeaving(false);
          if (visitor) void navigate({ to: '/thi/$contestId', params: { contestId } });
          else void navigate({ to: '/contests/$contestId', params: { contestId } });
        }}
      />
    </div>
  );
}
