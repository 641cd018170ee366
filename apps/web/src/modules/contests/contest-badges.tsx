import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContestSummary, RoundState } from './contest-types';

const ROUND_COLORS: Record<RoundState, string> = { upcoming: 'blue', open: 'green', closed: 'gray' };

export function RoundStateBadge({ state, ...props }: { state: RoundState } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={ROUND_COLORS[state]} variant="light" {...props}>
      {t(`contests.roundState.${state}`)}
    </Badge>
  );
}

/** Where a contest stands: running a round, about to, over — or still a draft. */
export function ContestStateBadges({
  contest,
}: {
  contest: Pick<ContestSummary, 'status' | 'openRound' | 'nextRound'>;
}) {
  const { t } = useTranslation();
  return (
    <>
      {contest.status === 'draft' ? (
        <Badge color="yellow" variant="light">
          {t('contests.status.draft')}
        </Badge>
      ) : null}
      {contest.openRound ? (
        <RoundStateBadge state="open" />
      ) : contest.nextRound ? (
        <RoundStateBadge state="upcoming" />
      ) : contest.status === 'published' ? (
        <Badge color="gray" variant="light">
          {t('contests.list.ended')}
        </Badge>
      ) : null}
    </>
  );
}
