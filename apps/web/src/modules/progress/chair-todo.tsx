import { Anchor, Badge, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconCalendarEvent,
  IconChecklist,
  IconClipboardCheck,
  IconFlag,
  IconHomeHeart,
  IconUsers,
} from '@tabler/icons-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatVnDateTime, vnToday } from '../../app/format';
import type { TargetFigure, UnitDetail } from '../../app/types';
import { AnchorLink } from '../../components/links';
import { activityListQuery } from '../activities/activities-api';
import { cultureListQuery } from '../culture/culture-api';
import { uncoveredQuery } from './progress-api';
import { isRunning, lastDay } from './target-card';

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How many more people (or activities) reach the threshold. */
function stillNeeded(figure: TargetFigure): number {
  if (figure.denominator === null) return Math.max(0, Math.ceil(figure.threshold - figure.numerator));
  return Math.max(0, Math.ceil((figure.threshold / 100) * figure.denominator - 1e-9) - figure.numerator);
}

interface ChairTodoProps {
  planId: number;
  unit: UnitDetail;
  year: number;
  figures: TargetFigure[];
  onShowUncovered: (figure: TargetFigure) => void;
}

function Section({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" size="md">
            {icon}
          </ThemeIcon>
          <Title order={3} size="h5">
            {title}
          </Title>
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/**
 * A grassroots chair's to-do list: who has not yet taken part in each coverage target, what is
 * coming up, activities whose attendance is missing, targets still short and the year's culture
 * figures.
 */
export function ChairTodo({ planId, unit, year, figures, onShowUncovered }: ChairTodoProps) {
  const { t } = useTranslation();
  const today = vnToday();
  const manager = unit.abilities.manageMembers;
  const coverage = figures.filter((figure) => figure.measure === 'coverage');
  const uncovered = useQueries({
    queries: coverage.map((figure) => ({
      ...uncoveredQuery(planId, figure.targetId, unit.id, year),
      enabled: manager,
    })),
  });
  const upcoming = useQuery(activityListQuery({ unitId: unit.id, from: today, to: addDays(today, 90), pageSize: 50 }));
  const recent = useQuery(activityListQuery({ unitId: unit.id, from: addDays(today, -60), to: today, pageSize: 50 }));
  const culture = useQuery({ ...cultureListQuery(unit.id, year), enabled: manager });

  const next = [...(upcoming.data?.items ?? [])]
    .filter((activity) => activity.day >= today)
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1))
    .slice(0, 5);
  const noAttendance = (recent.data?.items ?? []).filter(
    (activity) => activity.day <= today && activity.attendanceCount === 0 && activity.organisingUnit.id === unit.id,
  );
  const due = figures.filter(
    (figure) =>
      isRunning(figure.period) && (figure.status === 'at_risk' || figure.status === 'on_track') && !figure.manual,
  );
  const ownCulture = culture.data?.items.find((item) => item.unitId === unit.id);

  return (
    <Stack gap="md" data-testid="chair-todo">
      <Title order={2} size="h4">
        {t('dashboard.todo.title')}
      </Title>
      {manager && coverage.length > 0 ? (
        <Section icon={<IconUsers size={18} />} title={t('dashboard.todo.uncoveredTitle')}>
          <Stack gap="sm">
            {coverage.map((figure, index) => {
              const list = uncovered[index]?.data;
              return (
                <Stack key={figure.targetId} gap={4}>
                  <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                    <Text size="sm" fw={600}>
                      {figure.code} —{' '}
                      {t('dashboard.todo.uncoveredCount', { formatted: formatNumber(list?.total ?? 0) })}
                    </Text>
                    {list && list.total > 0 ? (
                      <Anchor component="button" type="button" size="sm" onClick={() => onShowUncovered(figure)}>
                        {t('dashboard.todo.seeAll')}
                      </Anchor>
                    ) : null}
                  </Group>
                  {list && list.total > 0 ? (
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {list.items
                        .slice(0, 8)
                        .map((item) => item.fullName)
                        .join(', ')}
                      {list.total > 8 ? t('dashboard.todo.andMore', { formatted: formatNumber(list.total - 8) }) : ''}
                    </Text>
                  ) : list ? (
                    <Text size="sm" c="green.8">
                      {t('dashboard.todo.allCovered')}
                    </Text>
                  ) : null}
                </Stack>
              );
            })}
          </Stack>
        </Section>
      ) : null}
      <Section icon={<IconCalendarEvent size={18} />} title={t('dashboard.todo.upcomingTitle')}>
        {next.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dashboard.todo.noUpcoming')}
          </Text>
        ) : (
          <List spacing={6} size="sm">
            {next.map((activity) => (
              <List.Item key={activity.id}>
                <AnchorLink to="/activities/$activityId" params={{ activityId: String(activity.id) }} size="sm">
                  {activity.title}
                </AnchorLink>{' '}
                <Text span size="sm" c="dimmed">
                  · {formatVnDateTime(activity.startsAt)}
                  {activity.place ? ` · ${activity.place}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      {manager && noAttendance.length > 0 ? (
        <Section icon={<IconClipboardCheck size={18} />} title={t('dashboard.todo.noAttendanceTitle')}>
          <List spacing={6} size="sm">
            {noAttendance.map((activity) => (
              <List.Item key={activity.id}>
                <AnchorLink to="/activities/$activityId" params={{ activityId: String(activity.id) }} size="sm">
                  {activity.title}
                </AnchorLink>{' '}
                <Text span size="sm" c="dimmed">
                  · {formatDate(activity.day)}
                </Text>
              </List.Item>
            ))}
          </List>
        </Section>
      ) : null}
      <Section icon={<IconFlag size={18} />} title={t('dashboard.todo.dueTitle')}>
        {due.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dashboard.todo.nothingDue')}
          </Text>
        ) : (
          <List spacing={6} size="sm">
            {due.map((figure) => {
              const end = lastDay(figure.period.end);
              const needed = stillNeeded(figure);
              return (
                <List.Item key={figure.targetId}>
                  <Group gap={6} wrap="wrap">
                    <Text span size="sm" fw={600}>
                      {figure.code}
                    </Text>
                    <Text span size="sm">
                      {figure.measure === 'count'
                        ? t('dashboard.todo.needActivities', { formatted: formatNumber(needed) })
                        : t('dashboard.todo.needPeople', { formatted: formatNumber(needed) })}
                    </Text>
                    <Badge size="sm" variant="light" color={figure.status === 'at_risk' ? 'orange' : 'blue'}>
                      {t('dashboard.todo.daysLeft', {
                        formatted: formatNumber(Math.max(0, daysBetween(today, end))),
                        date: formatDate(end),
                      })}
                    </Badge>
                  </Group>
                </List.Item>
              );
            })}
          </List>
        )}
      </Section>
      {manager && ownCulture && ownCulture.status === 'not_entered' ? (
        <Section icon={<IconHomeHeart size={18} />} title={t('dashboard.todo.cultureTitle')}>
          <Text size="sm">
            {t('dashboard.todo.cultureMissing', { year })}{' '}
            <AnchorLink to="/units/$unitId" params={{ unitId: String(unit.id) }} search={{ tab: 'culture' }} size="sm">
              {t('dashboard.todo.cultureEnter')}
            </AnchorLink>
          </Text>
        </Section>
      ) : null}
      <Group gap={6}>
        <IconChecklist size={16} />
        <AnchorLink to="/activities/new" search={{ unitId: unit.id }} size="sm">
          {t('dashboard.todo.recordActivity')}
        </AnchorLink>
      </Group>
    </Stack>
  );
}
