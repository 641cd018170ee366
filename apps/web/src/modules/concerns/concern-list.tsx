import type { ConcernSummary } from '@lan-toa/contracts';
import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { AnchorLink } from '../../components/links';
import { ConcernStatusBadge, OverdueBadge } from './concern-badges';

/** Items as cards (they read well at 360 px): title, status, deadline; overdue in red. */
export function ConcernCards({ items, handler }: { items: ConcernSummary[]; handler: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {items.map((item) => (
        <Card
          key={item.id}
          withBorder
          padding="sm"
          style={item.overdue ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
        >
          <Stack gap={4}>
            <AnchorLink
              fw={600}
              to={handler ? '/y-kien/xu-ly/$concernId' : '/y-kien/cua-toi/$concernId'}
              params={{ concernId: item.id }}
              style={{ overflowWrap: 'anywhere' }}
            >
              {item.title}
            </AnchorLink>
            <Group gap={6} wrap="wrap">
              <ConcernStatusBadge status={item.status} />
              {item.overdue ? <OverdueBadge /> : null}
              {item.escalations > 0 ? (
                <Text size="xs" c="grape">
                  {t('concerns.escalatedTimes', { count: item.escalations })}
                </Text>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed">
              {item.categoryName} · {item.unitName}
              {handler ? ` · ${item.anonymous ? t('concerns.anonymousItem') : (item.authorName ?? '')}` : ''}
            </Text>
            <Text size="xs" c={item.overdue ? 'red' : 'dimmed'}>
              {t('concerns.sentAndDue', { sent: formatDate(item.submittedOn), due: formatDate(item.dueOn) })}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
