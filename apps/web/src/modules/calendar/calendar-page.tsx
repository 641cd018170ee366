import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconFlag } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate, formatVnTime, vnParts, vnToday } from '../../app/format';
import { useMe } from '../../app/session';
import type { CalendarItem } from '../../app/types';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { UnitPicker } from '../../components/unit-picker';
import { CategoryBadge } from '../activities/activity-badges';
import { CATEGORY_COLORS } from '../activities/activity-labels';
import { calendarQuery } from './calendar-api';
import { addDays, addMonths, monthGrid, monthRange, weekday } from './calendar-dates';
import classes from './calendar-page.module.css';
import type { CalendarSearch } from './calendar-search';

interface CalendarPageProps {
  search: CalendarSearch;
  onSearchChange: (patch: Partial<CalendarSearch>) => void;
}

const MOMENT_COLOR = 'red';

/** The day an item starts and ends on ("YYYY-MM-DD"), whether all-day or timed. */
function span(item: CalendarItem): { start: string; end: string } {
  if (item.allDay) return { start: item.start, end: item.end };
  return { start: vnParts(item.start).date, end: vnParts(item.end).date };
}

function itemColor(item: CalendarItem): string {
  return item.kind === 'activity' && item.category ? CATEGORY_COLORS[item.category] : MOMENT_COLOR;
}

function EventChip({ item }: { item: CalendarItem }) {
  const color = itemColor(item);
  const style = {
    backgroundColor: `var(--mantine-color-${color}-light)`,
    color: `var(--mantine-color-${color}-9)`,
  };
  const label = item.allDay ? item.title : `${formatVnTime(item.start)} ${item.title}`;
  if (item.activityId !== undefined) {
    return (
      <Tooltip label={`${label}${item.unitName ? ` — ${item.unitName}` : ''}`} openDelay={300} multiline maw={280}>
        <AnchorLink
          to="/activities/$activityId"
          params={{ activityId: String(item.activityId) }}
          className={classes.event}
          style={style}
          underline="never"
          data-testid="calendar-event"
        >
          {label}
        </AnchorLink>
      </Tooltip>
    );
  }
  return (
    <Text className={classes.event} style={style} fw={600} title={item.title}>
      {label}
    </Text>
  );
}

export function CalendarPage({ search, onSearchChange }: CalendarPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const today = vnToday();
  const month = search.month ?? today.slice(0, 7);
  const view = search.view ?? (phone ? 'list' : 'month');
  const unitId = search.unitId ?? me.homeUnitIds[0];
  const weeks = monthGrid(month);
  const { first, last } = monthRange(month);
  const from = view === 'month' ? (weeks[0]?.[0] ?? first) : first;
  const to = view === 'month' ? (weeks.at(-1)?.[6] ?? last) : last;
  const calendar = useQuery({ ...calendarQuery(unitId ?? 0, from, to), enabled: unitId !== undefined });
  const [year, mon] = month.split('-');

  if (unitId === undefined) return <EmptyBlock title={t('dashboard.noUnit')} description={t('dashboard.noUnitHint')} />;

  const items = calendar.data?.items ?? [];
  // Month-long moments (Tháng Công nhân…) go in a strip above the grid instead of every cell.
  const long = items.filter((item) => item.allDay && item.start !== item.end);
  const perDay = items.filter((item) => !(item.allDay && item.start !== item.end));
  const onDay = (day: string) =>
    perDay.filter((item) => {
      const { start, end } = span(item);
      return start <= day && day <= end;
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <PageTitle>{t('calendar.title')}</PageTitle>
        <UnitPicker
          w={{ base: '100%', xs: 320 }}
          aria-label={t('dashboard.filters.unit')}
          value={unitId}
          onChange={(value) => value && onSearchChange({ unitId: value })}
          clearable={false}
        />
      </Group>
      <Group justify="space-between" gap="sm">
        <Group gap="xs" wrap="nowrap">
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => onSearchChange({ month: addMonths(month, -1) })}
            aria-label={t('calendar.previous')}
          >
            <IconChevronLeft size={18} />
          </ActionIcon>
          <Title order={2} size="h4" miw={140} ta="center" aria-live="polite">
            {t('calendar.monthTitle', { month: Number(mon), year })}
          </Title>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => onSearchChange({ month: addMonths(month, 1) })}
            aria-label={t('calendar.next')}
          >
            <IconChevronRight size={18} />
          </ActionIcon>
          <Button variant="subtle" size="compact-sm" onClick={() => onSearchChange({ month: undefined })}>
            {t('calendar.today')}
          </Button>
        </Group>
        <SegmentedControl
          value={view}
          onChange={(value) => onSearchChange({ view: value as CalendarSearch['view'] })}
          data={[
            { value: 'month', label: t('calendar.monthView') },
            { value: 'list', label: t('calendar.listView') },
          ]}
        />
      </Group>
      {long.length > 0 ? (
        <Stack gap={4}>
          {long.map((item) => (
            <Group key={`${item.kind}-${item.start}`} gap="xs" wrap="nowrap">
              <IconFlag size={16} color={`var(--mantine-color-${MOMENT_COLOR}-7)`} />
              <Text size="sm" fw={600}>
                {item.title}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDate(item.start)} – {formatDate(item.end)}
              </Text>
            </Group>
          ))}
        </Stack>
      ) : null}
      {calendar.isLoading ? (
        <LoadingState />
      ) : calendar.isError ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : view === 'month' ? (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <div className={classes.grid} style={{ minWidth: 640 }} data-testid="calendar-month">
            {[0, 1, 2, 3, 4, 5, 6].map((index) => (
              <div key={index} className={classes.head}>
                {t(`calendar.weekdays.${index}` as 'calendar.weekdays.0')}
              </div>
            ))}
            {weeks.flat().map((day) => {
              const events = onDay(day);
              return (
                <div
                  key={day}
                  className={classes.cell}
                  data-outside={day.slice(0, 7) !== month || undefined}
                  data-weekend={weekday(day) >= 5 || undefined}
                  data-today={day === today || undefined}
                >
                  <span className={classes.dayNumber}>{Number(day.slice(8))}</span>
                  {events.slice(0, 4).map((item) => (
                    <EventChip key={`${item.kind}-${item.activityId ?? item.start}`} item={item} />
                  ))}
                  {events.length > 4 ? (
                    <Text size="xs" c="dimmed">
                      {t('calendar.more', { count: events.length - 4 })}
                    </Text>
                  ) : null}
                </div>
              );
            })}
          </div>
        </Paper>
      ) : (
        <CalendarList items={perDay} from={from} to={to} />
      )}
    </Stack>
  );
}

/** Phones: the month as a list of days that have something. */
function CalendarList({ items, from, to }: { items: CalendarItem[]; from: string; to: string }) {
  const { t } = useTranslation();
  const today = vnToday();
  const days: { day: string; items: CalendarItem[] }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const on = items.filter((item) => {
      const { start, end } = span(item);
      return start <= day && day <= end;
    });
    if (on.length > 0) days.push({ day, items: on });
  }
  if (days.length === 0) {
    return <EmptyBlock title={t('calendar.empty')} description={t('calendar.emptyHint')} />;
  }
  return (
    <Stack gap="sm" data-testid="calendar-list">
      {days.map(({ day, items: on }) => (
        <Stack key={day} gap={6}>
          <Group gap="xs">
            <Text fw={700} size="sm">
              {t(`calendar.weekdaysLong.${weekday(day)}` as 'calendar.weekdaysLong.0')}, {formatDate(day)}
            </Text>
            {day === today ? (
              <Badge size="xs" variant="filled">
                {t('calendar.today')}
              </Badge>
            ) : null}
          </Group>
          {on.map((item) => (
            <Card key={`${item.kind}-${item.activityId ?? item.start}`} withBorder padding="sm">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} w={48} c="dimmed">
                  {item.allDay ? t('calendar.allDay') : formatVnTime(item.start)}
                </Text>
                <Stack gap={2} miw={0} flex={1}>
                  {item.activityId !== undefined ? (
                    <AnchorLink
                      to="/activities/$activityId"
                      params={{ activityId: String(item.activityId) }}
                      fw={600}
                      size="sm"
                      data-testid="calendar-event"
                    >
                      {item.title}
                    </AnchorLink>
                  ) : (
                    <Text size="sm" fw={600} c={`${MOMENT_COLOR}.8`}>
                      {item.title}
                    </Text>
                  )}
                  <Group gap={6}>
                    {item.category ? <CategoryBadge category={item.category} size="xs" /> : null}
                    {item.unitName ? (
                      <Text size="xs" c="dimmed">
                        {item.unitName}
                      </Text>
                    ) : null}
                  </Group>
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
