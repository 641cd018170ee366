import type { AssignmentSummary } from '@lan-toa/contracts';
import { Badge, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconClock, IconPlus, IconSchool } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate, formatVnDateTime, vnToday } from '../../app/format';
import { useMe } from '../../app/session';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { assignmentsQuery, LIBRARY_PAGE_SIZE } from './library-api';
import type { StudySearch } from './library-search';

interface StudyPageProps {
  search: StudySearch;
  onSearchChange: (patch: Partial<StudySearch>) => void;
}

function AssignmentCard({ item, mine }: { item: AssignmentSummary; mine: boolean }) {
  const { t } = useTranslation();
  const late = !item.confirmedAt && item.deadline < vnToday();
  return (
    <Card withBorder padding="sm" radius="md" data-testid="assignment-card">
      <Stack gap={4}>
        <Group gap={6}>
          {mine ? (
            item.confirmedAt ? (
              <Badge color="green" variant="light" leftSection={<IconCircleCheck size={12} />}>
                {t('library.study.confirmedOn', { time: formatVnDateTime(item.confirmedAt) })}
              </Badge>
            ) : (
              <Badge color={late ? 'red' : 'orange'} variant="light">
                {late ? t('library.study.overdue') : t('library.study.toDo')}
              </Badge>
            )
          ) : null}
          {item.hasQuiz ? <Badge variant="outline">{t('library.study.hasQuiz')}</Badge> : null}
          {item.countsAsStudy ? (
            <Badge variant="outline" color="grape">
              {t('library.study.countsShort')}
            </Badge>
          ) : null}
        </Group>
        <AnchorLink
          to="/study/$assignmentId"
          params={{ assignmentId: String(item.id) }}
          fw={600}
          c="dark"
          lh={1.35}
          data-testid="assignment-title"
        >
          {item.title}
        </AnchorLink>
        <Text size="sm" c="dimmed">
          {item.documents.map((d) => (d.number ? `${t(`library.types.${d.type}`)} ${d.number}` : d.title)).join(' · ')}
        </Text>
        <Group gap={4} c="dimmed" wrap="nowrap" align="flex-start">
          <IconClock size={14} style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="xs">
            {t('library.study.deadlineBy', { date: formatDate(item.deadline), unit: item.unitName })}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

/** "Tài liệu cần học" for members; the assignments a manager gave or follows. */
export function StudyPage({ search, onSearchChange }: StudyPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const manager = me.abilities.manageMembers;
  const tab = search.tab ?? (manager && me.account.memberId === null ? 'managed' : 'mine');
  const page = search.page ?? 1;
  const list = useQuery(assignmentsQuery(tab, page));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          {/* A member's page is the menu's "Tài liệu cần học"; a manager's also holds the assignments given. */}
          <PageTitle>{manager ? t('library.study.title') : t('library.study.nav')}</PageTitle>
          <Text size="sm" c="dimmed">
            {manager ? t('library.study.subtitle') : t('library.study.subtitleMember')}
          </Text>
        </Stack>
        {manager ? (
          <ButtonLink to="/study/new" leftSection={<IconPlus size={16} />} data-testid="assignment-create">
            {t('library.study.create')}
          </ButtonLink>
        ) : null}
      </Group>
      {manager ? (
        <SegmentedControl
          value={tab}
          onChange={(value) => onSearchChange({ tab: value as 'mine' | 'managed', page: undefined })}
          data={[
            { value: 'mine', label: t('library.study.mine') },
            { value: 'managed', label: t('library.study.managed') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      ) : null}
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError || !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyBlock
          icon={<IconSchool size={28} />}
          title={tab === 'mine' ? t('library.study.emptyMine') : t('library.study.emptyManaged')}
          description={tab === 'managed' ? t('library.study.emptyManagedHint') : undefined}
        />
      ) : (
        <Stack gap="sm" opacity={list.isPlaceholderData ? 0.6 : 1}>
          {list.data.items.map((item) => (
            <AssignmentCard key={item.id} item={item} mine={tab === 'mine'} />
          ))}
          {list.data.total > LIBRARY_PAGE_SIZE ? (
            <PaginationBar
              page={page}
              pageSize={LIBRARY_PAGE_SIZE}
              total={list.data.total}
              onPageChange={(next) => onSearchChange({ page: next === 1 ? undefined : next })}
            />
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}
