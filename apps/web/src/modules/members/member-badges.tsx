import type { MemberStatus } from '@lan-toa/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<MemberStatus, string> = {
  active: 'green',
  transferred: 'blue',
  retired: 'gray',
  left: 'orange',
};

export function StatusBadge({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size="sm" style={{ flexShrink: 0 }}>
      {t(`enums.status.${status}`)}
    </Badge>
  );
}

export function KeyOfficialBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="grape" variant="light" size="sm">
      {t('members.keyOfficialBadge')}
    </Badge>
  );
}
