import type { InfoReportStatus } from '@lan-toa/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<InfoReportStatus, string> = {
  new: 'blue',
  verifying: 'yellow',
  verified: 'red',
  false_alarm: 'gray',
  handed_over: 'grape',
};

export function StatusBadge({ status }: { status: InfoReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" style={{ whiteSpace: 'normal', height: 'auto' }}>
      {t(`infoReports.statuses.${status}`)}
    </Badge>
  );
}
