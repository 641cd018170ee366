import type { ArticleStatus } from '@lan-toa/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ArticleStatus, string> = {
  draft: 'gray',
  submitted: 'orange',
  approved: 'blue',
  published: 'green',
  rejected: 'red',
  archived: 'dark',
};

export function ArticleStatusBadge({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="article-status">
      {t(`news.status.${status}`)}
    </Badge>
  );
}
