import { Group, Loader, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconWifiOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { formatCountdown } from './contest-format';
import type { AttemptQuestion } from './contest-types';
import classes from './play-page.module.css';
import type { SaveStatus } from './use-attempt-session';

const SOON_MS = 5 * 60_000;
const NOW_MS = 60_000;

/** Time left by the server's clock; announced to screen readers at five and one minute. */
export function PlayClock({ remainingMs }: { remainingMs: number }) {
  const { t } = useTranslation();
  const urgency = remainingMs <= NOW_MS ? 'now' : remainingMs <= SOON_MS ? 'soon' : 'calm';
  const [announce, setAnnounce] = useState('');
  const said = useRef(new Set<string>());
  useEffect(() => {
    if (urgency !== 'calm' && !said.current.has(urgency)) {
      said.current.add(urgency);
      setAnnounce(urgency === 'now' ? t('contests.play.oneMinuteLeft') : t('contests.play.fiveMinutesLeft'));
    }
  }, [urgency, t]);
  return (
    <>
      <span
        className={classes.clock}
        data-urgency={urgency}
        role="timer"
        aria-label={t('contests.play.timeLeft', { time: formatCountdown(remainingMs) })}
        data-testid="play-clock"
      >
        {formatCountdown(remainingMs)}
      </span>
      <VisuallyHidden aria-live="assertive">{announce}</VisuallyHidden>
    </>
  );
}

/** "Đã lưu" / "Đang lưu…" / "Chưa lưu — đang thử lại": the state of every choice together. */
export function SaveIndicator({ status }: { status: SaveStatus | 'idle' }) {
  const { t } = useTranslation();
  if (status === 'idle') return null;
  const view = {
    saved: { icon: <IconCircleCheck size={16} />, color: 'green.8', text: t('contests.play.saved') },
    saving: { icon: <Loader size={12} />, color: 'dimmed', text: t('contests.play.saving') },
    unsaved: { icon: <IconWifiOff size={16} />, color: 'orange.8', text: t('contests.play.unsaved') },
    refused: { icon: <IconAlertTriangle size={16} />, color: 'red.8', text: t('contests.play.refused') },
  }[status];
  return (
    <Group gap={4} wrap="nowrap" aria-live="polite" data-testid="play-save-status" data-status={status}>
      <Text component="span" c={view.color} lh={0} aria-hidden>
        {view.icon}
      </Text>
      <Text size="xs" c={view.color} fw={500}>
        {view.text}
      </Text>
    </Group>
  );
}

interface NavigatorProps {
  questions: AttemptQuestion[];
  answers: Record<string, string[]>;
  status: Record<string, SaveStatus>;
  current: number;
  /** Index of the prediction/essay page, when the round has one. */
  extrasIndex: number | null;
  /** What that page is called: in full (for screen readers) and on its square. */
  extrasLabels: { title: string; short: string };
  extrasFilled: boolean;
  onGo: (index: number) => void;
}

/** Every question as a numbered square: filled when answered, a dot when not saved yet. */
export function PlayNavigator({
  questions,
  answers,
  status,
  current,
  extrasIndex,
  extrasLabels,
  extrasFilled,
  onGo,
}: NavigatorProps) {
  const { t } = useTranslation();
  const answered = questions.filter((q) => (answers[String(q.id)] ?? []).length > 0).length;
  return (
    <nav aria-label={t('contests.play.navigator')}>
      <Group justify="space-between" mb={6} gap="xs">
        <Text size="sm" fw={600}>
          {t('contests.play.navigator')}
        </Text>
        <Text size="sm" c="dimmed" data-testid="play-answered-count">
          {t('contests.play.answeredOf', {
            answered: formatNumber(answered),
            total: formatNumber(questions.length),
          })}
        </Text>
      </Group>
      <div className={classes.navigator}>
        {questions.map((question, index) => {
          const key = String(question.id);
          const isAnswered = (answers[key] ?? []).length > 0;
          const unsaved = status[key] === 'unsaved' || status[key] === 'refused';
          return (
            <button
              key={question.id}
              type="button"
              className={classes.navItem}
              data-answered={isAnswered || undefined}
              data-current={index === current || undefined}
              data-unsaved={unsaved || undefined}
              aria-current={index === current ? 'step' : undefined}
              aria-label={t(isAnswered ? 'contests.play.navAnswered' : 'contests.play.navUnanswered', {
                number: index + 1,
              })}
              onClick={() => onGo(index)}
              data-testid="play-nav-item"
            >
              {index + 1}
            </button>
          );
        })}
        {extrasIndex !== null ? (
          <button
            type="button"
            className={classes.navItem}
            data-answered={extrasFilled || undefined}
            data-current={current === extrasIndex || undefined}
            aria-current={current === extrasIndex ? 'step' : undefined}
            aria-label={extrasLabels.title}
            onClick={() => onGo(extrasIndex)}
            style={{ gridColumn: 'span 2' }}
          >
            {extrasLabels.short}
          </button>
        ) : null}
      </div>
    </nav>
  );
}
