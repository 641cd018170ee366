import type { ActivityCategory } from '@lan-toa/contracts';
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CATEGORY_COLORS } from './activity-labels';

export function CategoryBadge({ category, ...props }: { category: ActivityCategory } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={CATEGORY_COLORS[category]} variant="light" {...props}>
      {t(`enums.activityCategoryShort.${category}`)}
    </Badge>
  );
}
