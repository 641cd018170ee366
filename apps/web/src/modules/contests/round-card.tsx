import { Alert, Badge, Button, Collapse, Group, List, Modal, Paper, Stack, Text } from '@mantine/core';
import {
  IconChevronDown,
  IconChevronUp,
  IconClock,
  IconInfoCircle,
  IconListNumbers,
  IconPlayerPlay,
  IconRepeat,
  IconTrophy,
} from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { AnchorLink, ButtonLink } from '../../components/links';
import { RoundStateBadge } from './contest-badges';
import { formatDuration, formatScore, formatVnMoment, timeLeft } from './contest-format';
import type { ContestView, MyRoundStatus, RoundView } from './contest-types';
import { RankingTable } from './ranking-table';

interface RoundCardProps {
  contest: ContestView;
  round: RoundView;
  mine: MyRoundStatus | undefined;
  /** On a public contest's own pages (/thi/…): the player and results open there. */
  visitor?: boolean;
  /** Whether the viewer may start (a registered visitor); defaults to the contest's `canEnter`. */
  canPlay?: boolean;
}

function Fact({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text component="span" c="dimmed" lh={0} mt={2} style={{ flexShrink: 0 }} aria-hidden>
        {icon}
      </Text>
      <Text size="sm">{children}</Text>
    </Group>
  );
}

/** A round as a member sees it: when, how long, attempts left, the big start button, their results. */
export function RoundCard({ contest, round, mine, visitor = false, canPlay }: RoundCardProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [showRanking, setShowRanking] = useState(false);
  const used = mine?.attemptsUsed ?? 0;
  const allowed = mine?.attemptsAllowed ?? round.attemptsAllowed;
  const running = mine?.openAttemptId ?? null;
  const open = round.state === 'open' && contest.status === 'published';
  const canEnter = canPlay ?? contest.canEnter;
  const canStart = open && canEnter && (running !== null || used < allowed);
  const left = round.state === 'open' ? timeLeft(round.closesAt, t) : null;
  const play = () =>
    visitor
      ? void navigate({
          to: '/thi/$contestId/vong/$roundId',
          params: { contestId: String(contest.id), roundId: String(round.id) },
        })
      : void navigate({
          to: '/contests/rounds/$roundId/play',
          params: { roundId: String(round.id) },
          // The way back, and the round's times should it have closed meanwhile.
          search: { contestId: contest.id },
        });

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="round-card" data-round-id={round.id}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
          <Stack gap={0} miw={0}>
            <Text size="xs" c="dimmed">
              {t('contests.round.number', { number: round.number })}
            </Text>
            <Text fw={700} fz="lg" lh={1.3}>
              {round.title}
            </Text>
          </Stack>
          <RoundStateBadge state={round.state} style={{ flexShrink: 0 }} />
        </Group>
        <Stack gap={4}>
          <Fact icon={<IconClock size={16} />}>
            {t('contests.round.window', {
              opens: formatVnMoment(round.opensAt),
              closes: formatVnMoment(round.closesAt),
            })}
            {left ? (
              <Text span c="orange.8" fw={500}>
                {` (${left})`}
              </Text>
            ) : null}
          </Fact>
          <Fact icon={<IconListNumbers size={16} />}>
            {t('contests.round.shape', {
              questions: formatNumber(round.questionCount),
              minutes: formatNumber(round.timeLimitMinutes),
            })}
          </Fact>
          <Fact icon={<IconRepeat size={16} />}>
            {canEnter && round.state === 'open'
              ? t('contests.round.attemptsUsed', { used: formatNumber(used), allowed: formatNumber(allowed) })
              : t('contests.round.attemptsAllowed', { allowed: formatNumber(allowed) })}
            {allowed > 1 ? ` · ${t(`contests.bestOf.${round.bestOf}`)}` : ''}
          </Fact>
          {round.prizes.length > 0 ? (
            <Fact icon={<IconTrophy size={16} />}>
              {round.prizes
                .map((prize) => t('contests.round.prize', { name: prize.name, count: prize.count }))
                .join('; ')}
            </Fact>
          ) : null}
        </Stack>
        {round.predictionQuestion !== null || round.essayQuestion !== null ? (
          <Group gap={6}>
            {round.predictionQuestion !== null ? (
              <Badge variant="outline" color="gray" size="sm">
                {t('contests.round.hasPrediction')}
              </Badge>
            ) : null}
            {round.essayQuestion !== null ? (
              <Badge variant="outline" color="gray" size="sm">
                {t('contests.round.hasEssay')}
              </Badge>
            ) : null}
          </Group>
        ) : null}

        {canStart ? (
          <Button
            size="lg"
            fullWidth
            color={running !== null ? 'orange' : 'blue'}
            leftSection={<IconPlayerPlay size={20} />}
            onClick={() => (running !== null ? play() : setConfirming(true))}
            data-testid="round-start"
          >
            {running !== null ? t('contests.round.resume') : t('contests.round.start')}
          </Button>
        ) : open && canEnter ? (
          <Alert color="gray" icon={<IconInfoCircle size={18} />} p="xs">
            {t('contests.round.noAttemptsLeft')}
          </Alert>
        ) : open && visitor ? (
          <Alert color="blue" icon={<IconInfoCircle size={18} />} p="xs" data-testid="round-register-first">
            {t('contests.round.registerFirst')}
          </Alert>
        ) : open && contest.audience === 'public' && !contest.canManage ? (
          <Alert color="blue" icon={<IconInfoCircle size={18} />} p="xs">
            <Stack gap={6} align="flex-start">
              <Text size="sm">{t('contests.round.publicRegister')}</Text>
              <ButtonLink to="/thi/$contestId" params={{ contestId: String(contest.id) }} size="xs">
                {t('contests.round.publicRegisterLink')}
              </ButtonLink>
            </Stack>
          </Alert>
        ) : open && !contest.canEnter && !contest.canManage ? (
          <Alert color="gray" icon={<IconInfoCircle size={18} />} p="xs">
            {t('contests.round.notInAudience')}
          </Alert>
        ) : round.state === 'upcoming' ? (
          <Text size="sm" c="blue.8" fw={500}>
            {t('contests.round.opensLater', { time: formatVnMoment(round.opensAt) })}
          </Text>
        ) : null}

        {mine && mine.attempts.length > 0 ? (
          <Stack gap={4} data-testid="round-my-attempts">
            <Text size="sm" fw={600}>
              {t('contests.round.myAttempts')}
            </Text>
            <List size="sm" spacing={4} listStyleType="none" ml={0} pl={0}>
              {mine.attempts.map((attempt) => (
                <List.Item key={attempt.attemptId}>
                  {visitor ? (
                    <AnchorLink
                      to="/thi/$contestId/luot/$attemptId"
                      params={{ contestId: String(contest.id), attemptId: String(attempt.attemptId) }}
                      size="sm"
                    >
                      {t('contests.round.attemptLine', { number: attempt.attemptNo })}
                    </AnchorLink>
                  ) : (
                    <AnchorLink
                      to="/contests/attempts/$attemptId"
                      params={{ attemptId: String(attempt.attemptId) }}
                      search={{ contestId: contest.id }}
                      size="sm"
                    >
                      {t('contests.round.attemptLine', { number: attempt.attemptNo })}
                    </AnchorLink>
                  )}
                  {' · '}
                  {attempt.status === 'open'
                    ? t('contests.attemptStatus.open')
                    : `${t('contests.round.correctOf', { score: formatScore(attempt.correct, attempt.questionCount) })} · ${formatDuration(attempt.timeUsedSeconds, t)}`}
                  {attempt.status === 'expired' || attempt.status === 'voided' ? (
                    <Text span size="xs" c={attempt.status === 'voided' ? 'red.8' : 'orange.8'}>
                      {` · ${t(`contests.attemptStatus.${attempt.status}`)}`}
                    </Text>
                  ) : null}
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}

        {round.resultsPublished ? (
          <Stack gap="xs">
            <Button
              variant="subtle"
              w="fit-content"
              px={0}
              leftSection={<IconTrophy size={16} />}
              rightSection={showRanking ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
              onClick={() => setShowRanking((value) => !value)}
              aria-expanded={showRanking}
            >
              {t('contests.round.ranking')}
            </Button>
            <Collapse expanded={showRanking}>
              {showRanking ? <RankingTable contestId={contest.id} roundId={round.id} pageSize={10} compact /> : null}
            </Collapse>
          </Stack>
        ) : round.state === 'closed' ? (
          <Text size="sm" c="dimmed">
            {t('contests.round.resultsPending')}
          </Text>
        ) : null}
      </Stack>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('contests.round.startTitle')} size="sm">
        <Stack gap="sm">
          <Text size="sm">
            {t('contests.round.startMessage', {
              number: used + 1,
              allowed,
              questions: round.questionCount,
              minutes: round.timeLimitMinutes,
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('contests.round.startHint')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button leftSection={<IconPlayerPlay size={16} />} onClick={play} data-testid="round-start-confirm">
              {t('contests.round.startConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
