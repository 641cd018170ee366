import { Alert, Breadcrumbs, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconBan, IconClockExclamation, IconInfoCircle, IconTrophy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { AnchorLink, ButtonLink } from '../../components/links';
import { ErrorState, LoadingState } from '../../components/states';
import { AttemptReview } from './attempt-review';
import { formatDuration, formatScore, formatVnMoment } from './contest-format';
import type { AttemptResult } from './contest-types';
import { attemptResultQuery } from './contests-api';

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

/** One of my attempts: the score at once, the answers once the round's results are published. */
export function AttemptResultPage({ attemptId, contestId: linked }: { attemptId: number; contestId?: number }) {
  const { t } = useTranslation();
  const result = useQuery(attemptResultQuery(attemptId));
  if (result.isLoading) return <LoadingState />;
  if (result.isError || !result.data) return <ErrorState error={result.error} onRetry={() => void result.refetch()} />;
  // The result names its contest and round; the link's ?contestId is only a fallback.
  const contestId = result.data.contestId ?? linked;
  return (
    <ResultView
      result={result.data}
      crumbs={
        <Breadcrumbs separatorMargin={6}>
          <AnchorLink to="/contests" size="sm">
            {t('nav.contests')}
          </AnchorLink>
          {contestId !== undefined ? (
            <AnchorLink to="/contests/$contestId" params={{ contestId: String(contestId) }} size="sm" lineClamp={1}>
              {result.data.contestTitle ?? t('contests.result.contest')}
            </AnchorLink>
          ) : null}
          <Text size="sm" c="dimmed" aria-current="page">
            {t('contests.result.title', { number: result.data.attemptNo })}
          </Text>
        </Breadcrumbs>
      }
      back={
        contestId !== undefined ? (
          <ButtonLink
            to="/contests/$contestId"
            params={{ contestId: String(contestId) }}
            variant="light"
            leftSection={<IconArrowLeft size={16} />}
            data-testid="attempt-back"
          >
            {t('contests.play.backToContest')}
          </ButtonLink>
        ) : (
          <ButtonLink to="/contests" variant="light" leftSection={<IconArrowLeft size={16} />}>
            {t('contests.play.backToList')}
          </ButtonLink>
        )
      }
    />
  );
}

interface ResultViewProps {
  result: AttemptResult;
  /** Above the result: the breadcrumbs of the app, or the public page's way back. */
  crumbs?: ReactNode;
  /** Below it: the way back to the contest. */
  back: ReactNode;
  /** What to say instead of "the answers come when the round closes" (a page that cannot fetch them). */
  noReviewText?: string;
}

/** The result of one attempt, wherever it is read: in the app or on a public contest's pages. */
export function ResultView({ result, crumbs, back, noReviewText }: ResultViewProps) {
  const { t } = useTranslation();
  const voided = result.status === 'voided';
  const expired = result.status === 'expired';
  const heading = voided
    ? t('contests.result.voidedTitle')
    : expired
      ? t('contests.result.expiredTitle')
      : t('contests.result.submittedTitle');
  const icon = voided ? <IconBan size={40} /> : expired ? <IconClockExclamation size={40} /> : <IconTrophy size={40} />;

  return (
    <Stack gap="md" maw={760} mx="auto" data-testid="attempt-result">
      {crumbs}
      <Card withBorder padding="lg" radius="md">
        <Stack align="center" gap="xs" ta="center">
          <ThemeIcon size={72} radius="xl" variant="light" color={voided ? 'red' : expired ? 'orange' : 'green'}>
            {icon}
          </ThemeIcon>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {heading}
          </Title>
          {result.contestTitle ? (
            <Text size="sm" c="dimmed" data-testid="attempt-contest">
              {result.contestTitle}
            </Text>
          ) : null}
          {result.roundTitle ? (
            <Text size="sm" fw={500} data-testid="attempt-round">
              {t('contests.result.roundLine', { round: result.roundTitle, number: result.attemptNo })}
            </Text>
          ) : null}
          {result.alreadyClosed ? (
            <Text size="sm" c="dimmed">
              {t('contests.result.alreadyClosed')}
            </Text>
          ) : null}
          {result.closedAt ? (
            <Text size="sm" c="dimmed">
              {t('contests.result.closedAt', { time: formatVnMoment(result.closedAt) })}
            </Text>
          ) : null}
        </Stack>
      </Card>
      {voided ? (
        <Alert color="red" icon={<IconBan size={20} />} title={t('contests.result.voidReason')}>
          {result.voidReason || '—'}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure
          label={t('contests.result.correct')}
          value={formatScore(result.correct, result.questionCount)}
          testId="attempt-correct"
        />
        <Figure
          label={t('contests.result.timeUsed')}
          value={formatDuration(result.timeUsedSeconds, t)}
          testId="attempt-time"
        />
        {result.prediction !== null ? (
          <Figure label={t('contests.result.prediction')} value={formatNumber(result.prediction)} />
        ) : null}
        {result.essayScore !== null ? (
          <Figure label={t('contests.result.essayScore')} value={formatNumber(result.essayScore)} />
        ) : null}
      </SimpleGrid>
      {result.review ? (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('contests.result.reviewTitle')}
          </Title>
          <AttemptReview review={result.review} />
        </Stack>
      ) : (
        <Alert color="blue" icon={<IconInfoCircle size={20} />} data-testid="attempt-review-later">
          {noReviewText ?? t('contests.result.reviewLater')}
        </Alert>
      )}
      <Group>{back}</Group>
    </Stack>
  );
}
