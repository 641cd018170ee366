import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../app/types';

export function PlanStatusBadge({ plan }: { plan: Pick<PlanSummary, 'status' | 'version'> }) {
  const { t } = useTranslation();
  if (plan.status === 'draft') {
    return (
      <Badge color="yellow" variant="light">
        {t('plans.status.draft')}
      </Badge>
    );
  }
  return (
    <Badge color="green" variant="light">
      {plan.version > 1 ? t('plans.status.issuedVersion', { version: plan.version }) : t('plans.status.issued')}
    </Badge>
  );
}
