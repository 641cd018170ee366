import { ACTIVITY_CATEGORIES, type ActivityCategory } from '@lan-toa/contracts';
import { Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconCalendarEvent, IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatVnRange } from '../../app/format';
import { useMe } from '../../app/session';
import type { ActivitySummary } from '../../app/types';
import { DateField } from '../../components/date-input';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { UnitPicker } from '../../components/unit-picker';
import { activityListQuery } from './activities-api';
import type { ActivitiesSearch } from './activities-search';
import { CategoryBadge } from './activity-badges';

interface ActivitiesPageProps {
  search: ActivitiesSearch;
  onSearchChange: (patch: Partial<ActivitiesSearch>) => void;
}

function Title({ activity }: { activity: ActivitySummary }) {
  return (
    <AnchorLink to="/activities/$activityId" params={{ activityId: String(activity.id) }} fw={600} size="sm">
      {activity.title}
    </AnchorLink>
  );
}

export function ActivitiesPage({ search, onSearchChange }: ActivitiesPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [q, setQ] = useState(search.q ?? '');
  const pushQ = useDebouncedCallback(
    (value: string) => onSearchChange({ q: value || undefined, page: undefined }),
    300,
  );
  const list = useQuery(activityListQuery({ ...search, page: search.page ?? 1, pageSize: 25 }));
  const filtered = Boolean(search.unitId || search.from || search.to || search.category || search.q);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <PageTitle>{t('activities.title')}</PageTitle>
          <Text size="sm" c="dimmed">
            {t('activities.subtitle')}
          </Text>
        </Stack>
        <Group gap="xs">
          <ButtonLink to="/calendar" variant="light" leftSection={<IconCalendarEvent size={16} />}>
            {t('nav.calendar')}
          </ButtonLink>
          {me.abilities.manageMembers ? (
            <ButtonLink
              to="/activities/new"
              search={search.unitId ? { unitId: search.unitId } : {}}
              leftSection={<IconPlus size={16} />}
              data-testid="activity-create"
            >
              {t('activities.create')}
            </ButtonLink>
          ) : null}
        </Group>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          flex="2 1 220px"
          leftSection={<IconSearch size={16} />}
          label={t('activities.search')}
          placeholder={t('activities.searchPlaceholder')}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            pushQ(event.currentTarget.value.trim());
          }}
        />
        <UnitPicker
          flex="2 1 220px"
          label={t('activities.fields.unit')}
          value={search.unitId ?? null}
          onChange={(unitId) => onSearchChange({ unitId: unitId ?? undefined, page: undefined })}
          placeholder={t('activities.allUnits')}
        />
        <Select
          flex="1 1 180px"
          label={t('activities.fields.category')}
          data={ACTIVITY_CATEGORIES.map((category) => ({
            value: category,
            label: t(`enums.activityCategory.${category}`),
          }))}
          value={search.category ?? null}
          onChange={(value) => onSearchChange({ category: (value as ActivityCategory) ?? undefined, page: undefined })}
          placeholder={t('common.all')}
          clearable
          comboboxProps={{ width: 320, position: 'bottom-start' }}
        />
        <DateField
          flex="1 1 140px"
          label={t('common.from')}
          value={search.from ?? ''}
          onChange={(value) => onSearchChange({ from: value || undefined, page: undefined })}
        />
        <DateField
          flex="1 1 140px"
          label={t('common.to')}
          value={search.to ?? ''}
          minDate={search.from}
          onChange={(value) => onSearchChange({ to: value || undefined, page: undefined })}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError || !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyBlock
          icon={<IconCalendarEvent size={28} />}
          title={filtered ? t('activities.noMatch') : t('activities.empty')}
          description={filtered ? t('activities.noMatchHint') : t('activities.emptyHint')}
        />
      ) : (
        <Stack gap="sm" opacity={list.isPlaceholderData ? 0.6 : 1}>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('activities.total', { formatted: formatNumber(list.data.total) })}
          </Text>
          {phone ? (
            <Stack gap="xs">
              {list.data.items.map((activity) => (
                <Card key={activity.id} withBorder padding="sm" data-testid="activity-row">
                  <Stack gap={4}>
                    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                      <Text size="xs" c="dimmed">
                        {formatVnRange(activity.startsAt, activity.endsAt)}
                      </Text>
                      <CategoryBadge category={activity.category} size="sm" />
                    </Group>
                    <Title activity={activity} />
                    <Text size="xs" c="dimmed">
                      {activity.organisingUnit.name}
                      {activity.place ? ` · ${activity.place}` : ''}
                    </Text>
                    <Group gap={4}>
                      <IconUsers size={14} />
                      <Text size="xs">
                        {t('activities.attendedCount', { formatted: formatNumber(activity.attendanceCount) })}
                      </Text>
                    </Group>
                  </Stack>
                </Card>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={170}>{t('activities.fields.time')}</Table.Th>
                    <Table.Th>{t('activities.fields.title')}</Table.Th>
                    <Table.Th w={170}>{t('activities.fields.category')}</Table.Th>
                    <Table.Th w={220}>{t('activities.fields.organiser')}</Table.Th>
                    <Table.Th w={110} ta="right">
                      {t('activities.fields.attended')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((activity) => (
                    <Table.Tr key={activity.id} data-testid="activity-row">
                      <Table.Td>
                        <Text size="sm">{formatVnRange(activity.startsAt, activity.endsAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={0}>
                          <Title activity={activity} />
                          {activity.place ? (
                            <Text size="xs" c="dimmed">
                              {activity.place}
                            </Text>
                          ) : null}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <CategoryBadge category={activity.category} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{activity.organisingUnit.name}</Text>
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(activity.attendanceCount)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <PaginationBar
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPageChange={(page) => onSearchChange({ page: page === 1 ? undefined : page })}
          />
        </Stack>
      )}
    </Stack>
  );
}
