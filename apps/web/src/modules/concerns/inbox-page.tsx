import type { ConcernStatus } from '@lan-toa/contracts';
import { Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { ConcernCards } from './concern-list';
import { inboxQuery } from './concerns-api';

const FILTERS = ['waiting', 'new', 'received', 'in_progress', 'escalated', 'resolved', 'closed'] as const;
type Filter = (typeof FILTERS)[number];
const WAITING: ConcernStatus[] = ['new', 'escalated', 'received', 'in_progress'];

/** The handler's inbox: items of the units one manages, by status, soonest deadline first. */
export function ConcernInboxPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('waiting');
  const query = useQuery(inboxQuery(filter === 'waiting' ? null : filter));
  const items = (query.data?.items ?? []).filter((item) => filter !== 'waiting' || WAITING.includes(item.status));
  const overdue = items.filter((item) => item.overdue).length;
  const filters = FILTERS.map((f) => ({
    value: f,
    label: t(f === 'waiting' ? 'concerns.inbox.waiting' : `concerns.status.${f}`),
  }));
  return (
    <Stack gap="md" maw={860}>
      <Group justify="space-between" wrap="wrap">
        <PageTitle>{t('concerns.inbox.title')}</PageTitle>
        <ButtonLink to="/y-kien/so-lieu" variant="light" size="xs">
          {t('concerns.inbox.figures')}
        </ButtonLink>
      </Group>
      {/* Seven statuses do not fit a phone's width: a list there, the segmented control from tablets up. */}
      <NativeSelect
        hiddenFrom="sm"
        aria-label={t('concerns.inbox.statusFilter')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value as Filter)}
        data={filters}
      />
      <SegmentedControl
        visibleFrom="sm"
        value={filter}
        onChange={(value) => setFilter(value as Filter)}
        data={filters}
        style={{ overflowX: 'auto', maxWidth: '100%' }}
        size="xs"
      />
      {overdue > 0 ? (
        <Text c="red" fw={600}>
          {t('concerns.inbox.overdueCount', { count: overdue })}
        </Text>
      ) : null}
      {query.isPending ? <LoadingState /> : null}
      {query.error ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.data && items.length === 0 ? (
        <EmptyBlock
          title={t('concerns.inbox.empty')}
          description={t('concerns.inbox.emptyHint')}
          icon={<IconInbox size={28} />}
        />
      ) : null}
      {items.length > 0 ? <ConcernCards items={items} handler /> : null}
    </Stack>
  );
}
