import { Breadcrumbs, Button, Group, Paper, SimpleGrid, Spoiler, Stack, Tabs, Text, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCalendarEvent,
  IconClipboardCheck,
  IconFileImport,
  IconMapPin,
  IconPencil,
  IconQrcode,
  IconTrash,
  IconUserPlus,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatNumber, formatPercent, formatVnRange } from '../../app/format';
import type { ActivityView, AttendanceView } from '../../app/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { activityQuery, attendanceQuery, useDeleteActivity } from './activities-api';
import { CategoryBadge } from './activity-badges';
import { ActivityFiles } from './activity-files';
import { AttendanceImport } from './attendance-import';
import { AttendanceLists } from './attendance-lists';
import { AttendanceRoster } from './attendance-roster';
import { CheckinPanel } from './checkin-panel';
import { GuestsPanel } from './guests-panel';
import { TopicDocumentsList } from './topic-documents';

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" size="md" color="gray">
        {icon}
      </ThemeIcon>
      <Stack gap={0} miw={0}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="sm" component="div">
          {children}
        </Text>
      </Stack>
    </Group>
  );
}

function Counts({ view }: { view: AttendanceView }) {
  const { t } = useTranslation();
  const { counts } = view;
  const share = counts.expected > 0 ? (counts.attendedExpected / counts.expected) * 100 : null;
  const items = [
    { key: 'expected', value: formatNumber(counts.expected) },
    {
      key: 'attended',
      value: `${formatNumber(counts.attendedExpected)}${share === null ? '' : ` (${formatPercent(share)})`}`,
    },
    { key: 'absent', value: formatNumber(counts.absent) },
    {
      key: 'keyOfficials',
      value: `${formatNumber(counts.keyOfficialsAttended)}/${formatNumber(counts.keyOfficialsExpected)}`,
    },
    { key: 'guests', value: formatNumber(counts.guests) },
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" data-testid="attendance-counts">
      {items.map((item) => (
        <Paper key={item.key} withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed">
            {t(`activities.counts.${item.key}`)}
          </Text>
          <Text fw={700} fz="lg" data-testid={`attendance-count-${item.key}`}>
            {item.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Changes when the recorded attendance does (a save, an import), not when guests change. */
function rosterKey(view: AttendanceView): string {
  return `${view.attended.length}-${view.attended.reduce((sum, row) => sum + row.memberId, 0)}`;
}

export function ActivityPage({ activityId }: { activityId: number }) {
  const activity = useQuery(activityQuery(activityId));
  if (activity.isLoading) return <LoadingState />;
  if (activity.isError || !activity.data) {
    return <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />;
  }
  return <ActivityDetail activity={activity.data} />;
}

function ActivityDetail({ activity }: { activity: ActivityView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const attendance = useQuery(attendanceQuery(activity.id));
  const remove = useDeleteActivity(activity.id);
  const [deleting, setDeleting] = useState(false);
  const { abilities } = activity;
  const [tab, setTab] = useState<string | null>(abilities.manageAttendance ? 'roster' : 'lists');

  return (
    <Stack gap="md">
      <Breadcrumbs separatorMargin={6}>
        <AnchorLink to="/activities" size="sm">
          {t('nav.activities')}
        </AnchorLink>
        <Text size="sm" c="dimmed" aria-current="page" lineClamp={1}>
          {activity.title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} miw={0} flex="1 1 320px">
          <Group gap="xs">
            <CategoryBadge category={activity.category} />
            <Text size="sm" c="dimmed">
              {t(`enums.activityCategory.${activity.category}`)}
            </Text>
          </Group>
          <PageTitle>{activity.title}</PageTitle>
        </Stack>
        {abilities.edit ? (
          <Group gap="xs">
            <ButtonLink
              to="/activities/$activityId/edit"
              params={{ activityId: String(activity.id) }}
              variant="default"
              leftSection={<IconPencil size={16} />}
            >
              {t('activities.edit')}
            </ButtonLink>
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => setDeleting(true)}
            >
              {t('activities.delete')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Fact icon={<IconCalendarEvent size={16} />} label={t('activities.fields.time')}>
              {formatVnRange(activity.startsAt, activity.endsAt)}
            </Fact>
            <Fact icon={<IconMapPin size={16} />} label={t('activities.fields.place')}>
              {activity.place || '—'}
            </Fact>
            <Fact icon={<IconUsersGroup size={16} />} label={t('activities.fields.organiser')}>
              {activity.organisingUnit.name}
            </Fact>
            <Fact icon={<IconUsers size={16} />} label={t('activities.fields.participants')}>
              <Spoiler maxHeight={48} showLabel={t('plans.showMore')} hideLabel={t('plans.showLess')}>
                {activity.participatingUnits.map((unit) => unit.name).join('; ')}
              </Spoiler>
              <Text size="xs" c="dimmed">
                {t(`activities.audience.${activity.audience}`)}
              </Text>
            </Fact>
          </SimpleGrid>
          {activity.description ? (
            <Spoiler maxHeight={96} showLabel={t('plans.showMore')} hideLabel={t('plans.showLess')}>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {activity.description}
              </Text>
            </Spoiler>
          ) : null}
          <TopicDocumentsList documents={activity.topicDocuments} />
          {activity.targets.length > 0 || activity.tasks.length > 0 ? (
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {t('activities.linked')}
              </Text>
              {[
                ...activity.targets.map((item) => ({ ...item, kind: 'target' as const })),
                ...activity.tasks.map((item) => ({ ...item, kind: 'task' as const })),
              ].map((item) => (
                <Text key={`${item.kind}-${item.id}`} size="sm">
                  <AnchorLink
                    to="/plans/$planId"
                    params={{ planId: String(item.planId) }}
                    search={{ tab: item.kind === 'target' ? 'targets' : 'tasks' }}
                    size="sm"
                  >
                    {item.kind === 'target'
                      ? t('activities.linkedTarget', { code: item.code })
                      : t('activities.linkedTask', { code: item.code })}
                  </AnchorLink>{' '}
                  {item.title}
                </Text>
              ))}
            </Stack>
          ) : null}
        </Stack>
      </Paper>

      <ActivityFiles activityId={activity.id} canEdit={abilities.edit} />

      {attendance.isLoading ? (
        <LoadingState />
      ) : attendance.isError || !attendance.data ? (
        <ErrorState error={attendance.error} onRetry={() => void attendance.refetch()} />
      ) : (
        <Stack gap="sm">
          <Counts view={attendance.data} />
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
              {abilities.manageAttendance ? (
                <Tabs.Tab value="roster" leftSection={<IconClipboardCheck size={16} />}>
                  {t('activities.tabs.roster')}
                </Tabs.Tab>
              ) : null}
              <Tabs.Tab value="lists" leftSection={<IconUsers size={16} />}>
                {t('activities.tabs.lists')}
              </Tabs.Tab>
              <Tabs.Tab value="guests" leftSection={<IconUserPlus size={16} />}>
                {t('activities.tabs.guests', { formatted: formatNumber(attendance.data.guests.length) })}
              </Tabs.Tab>
              {abilities.edit ? (
                <Tabs.Tab value="checkin" leftSection={<IconQrcode size={16} />}>
                  {t('activities.tabs.checkin')}
                </Tabs.Tab>
              ) : null}
              {abilities.manageAttendance ? (
                <Tabs.Tab value="import" leftSection={<IconFileImport size={16} />}>
                  {t('activities.tabs.import')}
                </Tabs.Tab>
              ) : null}
            </Tabs.List>
            <Paper withBorder p={{ base: 'xs', sm: 'md' }} mt="sm">
              <Tabs.Panel value="roster">
                <AttendanceRoster
                  key={rosterKey(attendance.data)}
                  activityId={activity.id}
                  day={activity.day}
                  view={attendance.data}
                />
              </Tabs.Panel>
              <Tabs.Panel value="lists">
                <AttendanceLists view={attendance.data} />
              </Tabs.Panel>
              <Tabs.Panel value="guests">
                <GuestsPanel activityId={activity.id} guests={attendance.data.guests} canEdit={abilities.edit} />
              </Tabs.Panel>
              <Tabs.Panel value="checkin">
                <CheckinPanel activity={activity} />
              </Tabs.Panel>
              <Tabs.Panel value="import">
                <AttendanceImport activityId={activity.id} />
              </Tabs.Panel>
            </Paper>
          </Tabs>
        </Stack>
      )}
      <Text size="xs" c="dimmed">
        {activity.createdBy ? t('activities.createdBy', { name: activity.createdBy.name }) : null}{' '}
        <AnchorLink to="/calendar" size="xs">
          {t('activities.openCalendar')}
        </AnchorLink>
      </Text>
      <ConfirmDialog
        opened={deleting}
        title={t('activities.deleteTitle')}
        message={t('activities.deleteConfirm', { title: activity.title })}
        confirmLabel={t('activities.delete')}
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('activities.deleted') });
              void navigate({ to: '/activities' });
            },
            onError: (error) => {
              setDeleting(false);
              notifications.show({ color: 'red', message: errorMessage(error, t) });
            },
          })
        }
      />
    </Stack>
  );
}
