import { Alert, Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { foldVietnamese, formatDate, formatNumber, vnToday } from '../../app/format';
import type { AttendanceView } from '../../app/types';
import { useSetAttendance } from './activities-api';
import classes from './attendance-roster.module.css';

interface Person {
  memberId: number;
  fullName: string;
  unitId: number;
  unitName: string;
  unionRole: string;
  isKeyOfficial: boolean;
  invited: boolean;
  folded: string;
}

/** Rows drawn at once; the rest are reached by searching (select-all still takes every match). */
const MAX_ROWS = 400;

/**
 * Ticking attendance: every member of the participating units the viewer manages, searchable
 * without diacritics, with select-all over what the filter shows. Saving replaces the list.
 */
export function AttendanceRoster({ activityId, day, view }: { activityId: number; day: string; view: AttendanceView }) {
  const { t } = useTranslation();
  const save = useSetAttendance(activityId);
  const people = useMemo<Person[]>(() => {
    const all = [
      ...view.attended.map((row) => ({ ...row, invited: row.invited })),
      ...view.absent.map((row) => ({ ...row, invited: true })),
    ];
    return all
      .map((row) => ({ ...row, folded: foldVietnamese(`${row.fullName} ${row.unitName}`) }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || a.fullName.localeCompare(b.fullName, 'vi'));
  }, [view]);
  const initial = useMemo(() => new Set(view.attended.map((row) => row.memberId)), [view]);
  const [selected, setSelected] = useState<Set<number>>(initial);
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const units = useMemo(
    () => [...new Map(people.map((person) => [String(person.unitId), person.unitName])).entries()],
    [people],
  );
  const shown = useMemo(() => {
    const needle = foldVietnamese(q);
    return people.filter(
      (person) => (!needle || person.folded.includes(needle)) && (unitId === null || String(person.unitId) === unitId),
    );
  }, [people, q, unitId]);
  const notYet = day > vnToday();
  const changed = selected.size !== initial.size || [...selected].some((id) => !initial.has(id));
  const allShownSelected = shown.length > 0 && shown.every((person) => selected.has(person.memberId));

  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const setShown = (on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const person of shown) {
        if (on) next.add(person.memberId);
        else next.delete(person.memberId);
      }
      return next;
    });

  const submit = () =>
    save.mutate([...selected], {
      onSuccess: (result) =>
        notifications.show({
          color: 'green',
          message: t('activities.attendance.saved', { formatted: formatNumber(result.counts.attended) }),
        }),
    });

  const details = save.error instanceof ApiError ? save.error.details.filter((detail) => detail.message) : [];

  return (
    <Stack gap="sm">
      {notYet ? (
        <Alert color="blue" variant="light">
          {t('activities.attendance.notYet', { date: formatDate(day) })}
        </Alert>
      ) : null}
      {save.isError ? (
        <Alert color="red" role="alert">
          <Stack gap={4}>
            <Text size="sm">{errorMessage(save.error, t)}</Text>
            {details.slice(0, 10).map((detail) => (
              <Text key={`${detail.field}-${detail.message}`} size="sm">
                • {detail.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      <Group gap="sm" wrap="wrap" align="flex-end">
        <TextInput
          flex="2 1 220px"
          leftSection={<IconSearch size={16} />}
          placeholder={t('activities.attendance.searchPlaceholder')}
          aria-label={t('activities.attendance.search')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          data-testid="attendance-search"
        />
        {units.length > 1 ? (
          <Select
            flex="1 1 200px"
            aria-label={t('activities.fields.unit')}
            placeholder={t('activities.allUnits')}
            data={units.map(([value, label]) => ({ value, label }))}
            value={unitId}
            onChange={setUnitId}
            clearable
            searchable
          />
        ) : null}
      </Group>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Checkbox
          label={t('activities.attendance.selectShown', { formatted: formatNumber(shown.length) })}
          checked={allShownSelected}
          indeterminate={!allShownSelected && shown.some((person) => selected.has(person.memberId))}
          onChange={(event) => setShown(event.currentTarget.checked)}
          data-testid="attendance-select-all"
        />
        <Text size="sm" fw={600} aria-live="polite">
          {t('activities.attendance.selectedCount', {
            selected: formatNumber(selected.size),
            total: formatNumber(people.length),
          })}
        </Text>
      </Group>
      <fieldset className={classes.list}>
        <VisuallyHidden component="legend">{t('activities.attendance.rosterLabel')}</VisuallyHidden>
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {people.length === 0 ? t('activities.attendance.nobody') : t('activities.attendance.noMatch')}
          </Text>
        ) : (
          shown.slice(0, MAX_ROWS).map((person) => {
            const checked = selected.has(person.memberId);
            return (
              <label
                key={person.memberId}
                htmlFor={`attendance-${activityId}-${person.memberId}`}
                className={classes.row}
                data-checked={checked || undefined}
                data-testid="attendance-member"
                data-member-id={person.memberId}
              >
                <Checkbox
                  id={`attendance-${activityId}-${person.memberId}`}
                  checked={checked}
                  onChange={() => toggle(person.memberId)}
                  aria-label={person.fullName}
                  size="md"
                />
                <Stack gap={0} flex={1} miw={0}>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm" fw={500}>
                      {person.fullName}
                    </Text>
                    {person.isKeyOfficial ? (
                      <Badge size="xs" variant="light" color="violet">
                        {t('members.keyOfficialBadge')}
                      </Badge>
                    ) : null}
                    {!person.invited ? (
                      <Badge size="xs" variant="light" color="orange">
                        {t('activities.attendance.notInvited')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed" truncate>
                    {person.unitName}
                  </Text>
                </Stack>
              </label>
            );
          })
        )}
        {shown.length > MAX_ROWS ? (
          <Text size="xs" c="dimmed" p="sm">
            {t('activities.attendance.moreRows', { shown: formatNumber(MAX_ROWS), total: formatNumber(shown.length) })}
          </Text>
        ) : null}
      </fieldset>
      {view.partial ? (
        <Text size="xs" c="dimmed">
          {t('activities.attendance.partial')}
        </Text>
      ) : null}
      <Group justify="flex-end" gap="sm">
        {changed ? (
          <Button variant="default" onClick={() => setSelected(new Set(initial))} disabled={save.isPending}>
            {t('activities.attendance.undo')}
          </Button>
        ) : null}
        <Button
          leftSection={<IconDeviceFloppy size={16} />}
          onClick={submit}
          loading={save.isPending}
          disabled={!changed || notYet}
          data-testid="attendance-save"
        >
          {t('activities.attendance.save')}
        </Button>
      </Group>
    </Stack>
  );
}
