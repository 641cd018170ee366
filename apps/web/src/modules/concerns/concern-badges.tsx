import type { ConcernStatus } from '@lan-toa/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ConcernStatus, string> = {
  new: 'blue',
  received: 'cyan',
  in_progress: 'yellow',
  resolved: 'green',
  escalated: 'grape',
  closed: 'gray',
};

export function ConcernStatusBadge({ status }: { status: ConcernStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`concerns.status.${status}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled">
      {t('concerns.overdue')}
    </Badge>
  );
}
