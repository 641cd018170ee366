import { ACTIVITY_CATEGORIES, type ActivityAudience, type ActivityCategory } from '@lan-toa/contracts';
import {
  Alert,
  Breadcrumbs,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconClock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { toVnIso, vnParts, vnToday } from '../../app/format';
import { useMe } from '../../app/session';
import type { ActivityView } from '../../app/types';
import { DateField } from '../../components/date-input';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { UnitMultiPicker } from '../../components/unit-multi-picker';
import { UnitPicker } from '../../components/unit-picker';
import { useApplicablePlan } from '../plans/applicable-plan';
import { planQuery } from '../plans/plans-api';
import { activityQuery, useSaveActivity } from './activities-api';
import { ACTIVITY_AUDIENCES } from './activity-labels';
import {
  type TopicDocumentRow,
  TopicDocumentsField,
  topicBody,
  topicErrors,
  topicRows,
  withoutBlankRows,
} from './topic-documents';

interface ActivityFormValues {
  category: ActivityCategory;
  title: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  place: string;
  organisingUnitId: number | null;
  participatingUnitIds: number[];
  audience: ActivityAudience;
  description: string;
  targetIds: number[];
  taskIds: number[];
  topicDocuments: TopicDocumentRow[];
}

function fromActivity(activity: ActivityView): ActivityFormValues {
  const start = vnParts(activity.startsAt);
  const end = vnParts(activity.endsAt);
  return {
    category: activity.category,
    title: activity.title,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    place: activity.place,
    organisingUnitId: activity.organisingUnit.id,
    participatingUnitIds: activity.participatingUnits.map((unit) => unit.id),
    audience: activity.audience,
    description: activity.description,
    targetIds: activity.targets.map((target) => target.id),
    taskIds: activity.tasks.map((task) => task.id),
    topicDocuments: topicRows(activity.topicDocuments),
  };
}

function blank(unitId: number | null): ActivityFormValues {
  const day = vnToday();
  return {
    category: 'study',
    title: '',
    startDate: day,
    startTime: '08:00',
    endDate: day,
    endTime: '11:00',
    place: '',
    organisingUnitId: unitId,
    participatingUnitIds: [],
    audience: 'all_members',
    description: '',
    targetIds: [],
    taskIds: [],
    topicDocuments: [],
  };
}

/** Create (no id) or edit an activity. */
export function ActivityFormPage({ activityId, unitId }: { activityId?: number; unitId?: number }) {
  const me = useMe();
  const activity = useQuery({ ...activityQuery(activityId ?? 0), enabled: activityId !== undefined });
  if (activityId !== undefined) {
    if (activity.isLoading) return <LoadingState />;
    if (activity.isError || !activity.data) {
      return <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />;
    }
    return <ActivityForm activity={activity.data} initial={fromActivity(activity.data)} />;
  }
  return <ActivityForm activity={null} initial={blank(unitId ?? me.homeUnitIds[0] ?? null)} />;
}

function ActivityForm({ activity, initial }: { activity: ActivityView | null; initial: ActivityFormValues }) {
  // On a phone the two audiences do not fit side by side: stacked instead.
  const narrow = useMediaQuery('(max-width: 30em)');
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveActivity(activity?.id ?? null);
  const [values, setValues] = useState<ActivityFormValues>(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(save.error);
  const set = <K extends keyof ActivityFormValues>(key: K, value: ActivityFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const err = (key: string) => local[key] ?? server[key];

  const planSummary = useApplicablePlan(values.organisingUnitId);
  const plan = useQuery({ ...planQuery(planSummary?.id ?? 0), enabled: planSummary !== undefined });
  const targetData = [
    ...(plan.data?.targets ?? []).map((target) => ({
      value: String(target.id),
      label: `${target.code} — ${target.title}`,
    })),
    ...(activity?.targets ?? [])
      .filter((target) => !plan.data?.targets.some((entry) => entry.id === target.id))
      .map((target) => ({ value: String(target.id), label: `${target.code} — ${target.title}` })),
  ];
  const taskData = [
    ...(plan.data?.tasks ?? []).map((task) => ({ value: String(task.id), label: `${task.code}. ${task.title}` })),
    ...(activity?.tasks ?? [])
      .filter((task) => !plan.data?.tasks.some((entry) => entry.id === task.id))
      .map((task) => ({ value: String(task.id), label: `${task.code}. ${task.title}` })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (values.title.trim().length < 3) errors.title = t('activities.form.titleRequired');
    if (!values.startDate) errors.startsAt = t('activities.form.startRequired');
    if (!values.endDate) errors.endsAt = t('activities.form.endRequired');
    if (values.organisingUnitId === null) errors.organisingUnitId = t('activities.form.organiserRequired');
    const startsAt = toVnIso(values.startDate, values.startTime);
    const endsAt = toVnIso(values.endDate || values.startDate, values.endTime);
    if (values.startDate && values.endDate && endsAt < startsAt) errors.endsAt = t('activities.form.endBeforeStart');
    const topics = withoutBlankRows(values.topicDocuments);
    if (topics.length !== values.topicDocuments.length) set('topicDocuments', topics);
    Object.assign(errors, topicErrors(topics, t));
    setLocal(errors);
    if (Object.keys(errors).length > 0 || values.organisingUnitId === null) return;
    save.mutate(
      {
        category: values.category,
        title: values.title.trim(),
        startsAt,
        endsAt,
        place: values.place.trim(),
        organisingUnitId: values.organisingUnitId,
        ...(values.participatingUnitIds.length > 0 || activity
          ? {
              participatingUnitIds:
                values.participatingUnitIds.length > 0 ? values.participatingUnitIds : [values.organisingUnitId],
            }
          : {}),
        audience: values.audience,
        description: values.description.trim(),
        targetIds: values.targetIds,
        taskIds: values.taskIds,
        topicDocuments: topicBody(topics),
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: activity ? t('activities.form.saved') : t('activities.form.created'),
          });
          void navigate({ to: '/activities/$activityId', params: { activityId: String(saved.id) } });
        },
      },
    );
  };

  const knownNames = Object.fromEntries((activity?.participatingUnits ?? []).map((unit) => [unit.id, unit.name]));
  const fieldNames = [
    'category',
    'title',
    'startsAt',
    'endsAt',
    'place',
    'organisingUnitId',
    'participatingUnitIds',
    'audience',
    'description',
    'taskIds',
    'targetIds',
  ];

  return (
    <Stack gap="md">
      <Breadcrumbs separatorMargin={6}>
        <AnchorLink to="/activities" size="sm">
          {t('nav.activities')}
        </AnchorLink>
        {activity ? (
          <AnchorLink
            to="/activities/$activityId"
            params={{ activityId: String(activity.id) }}
            size="sm"
            lineClamp={1}
            style={{ maxWidth: 'min(420px, 45vw)' }}
          >
            {activity.title}
          </AnchorLink>
        ) : null}
        <Text size="sm" c="dimmed" aria-current="page">
          {activity ? t('activities.edit') : t('activities.create')}
        </Text>
      </Breadcrumbs>
      <PageTitle>{activity ? t('activities.editTitle') : t('activities.createTitle')}</PageTitle>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} maw={900}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {save.isError ? (
              <Alert color="red" role="alert">
                {Object.keys(server).some((key) => fieldNames.includes(key) || key.startsWith('topicDocuments'))
                  ? t('activities.form.fixErrors')
                  : errorMessage(save.error, t)}
              </Alert>
            ) : null}
            <Select
              label={t('activities.fields.category')}
              data={ACTIVITY_CATEGORIES.map((category) => ({
                value: category,
                label: t(`enums.activityCategory.${category}`),
              }))}
              value={values.category}
              onChange={(value) => value && set('category', value as ActivityCategory)}
              allowDeselect={false}
              error={err('category')}
              required
              data-testid="activity-category"
            />
            <TextInput
              label={t('activities.fields.title')}
              placeholder={t('activities.form.titlePlaceholder')}
              value={values.title}
              onChange={(event) => set('title', event.currentTarget.value)}
              error={err('title')}
              required
              data-testid="activity-title"
            />
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              <DateField
                label={t('activities.fields.startDate')}
                value={values.startDate}
                onChange={(value) =>
                  setValues((current) => ({
                    ...current,
                    startDate: value,
                    endDate: !current.endDate || current.endDate === current.startDate ? value : current.endDate,
                  }))
                }
                error={err('startsAt')}
                required
                data-testid="activity-start-date"
              />
              <TimePicker
                label={t('activities.fields.startTime')}
                format="24h"
                value={values.startTime}
                onChange={(value) => set('startTime', value.slice(0, 5))}
                leftSection={<IconClock size={16} />}
                hoursInputLabel={t('activities.form.hours')}
                minutesInputLabel={t('activities.form.minutes')}
                required
                data-testid="activity-start-time"
              />
              <DateField
                label={t('activities.fields.endDate')}
                value={values.endDate}
                minDate={values.startDate || undefined}
                onChange={(value) => set('endDate', value)}
                error={err('endsAt')}
                required
              />
              <TimePicker
                label={t('activities.fields.endTime')}
                format="24h"
                value={values.endTime}
                onChange={(value) => set('endTime', value.slice(0, 5))}
                leftSection={<IconClock size={16} />}
                hoursInputLabel={t('activities.form.hours')}
                minutesInputLabel={t('activities.form.minutes')}
                required
                data-testid="activity-end-time"
              />
            </SimpleGrid>
            <TextInput
              label={t('activities.fields.place')}
              placeholder={t('activities.form.placePlaceholder')}
              value={values.place}
              onChange={(event) => set('place', event.currentTarget.value)}
              error={err('place')}
            />
            <UnitPicker
              label={t('activities.fields.organiser')}
              value={values.organisingUnitId}
              onChange={(value) => set('organisingUnitId', value)}
              error={err('organisingUnitId')}
              clearable={false}
              required
            />
            <UnitMultiPicker
              label={t('activities.fields.participants')}
              description={t('activities.form.participantsHint')}
              value={values.participatingUnitIds}
              onChange={(ids) => set('participatingUnitIds', ids)}
              knownNames={knownNames}
              error={err('participatingUnitIds')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('activities.fields.audience')}
              </Text>
              <SegmentedControl
                value={values.audience}
                onChange={(value) => set('audience', value as ActivityAudience)}
                data={ACTIVITY_AUDIENCES.map((audience) => ({
                  value: audience,
                  label: t(`activities.audience.${audience}`),
                }))}
                fullWidth
                orientation={narrow ? 'vertical' : 'horizontal'}
                style={{ maxWidth: 520 }}
              />
            </Stack>
            <Textarea
              label={t('activities.fields.description')}
              value={values.description}
              onChange={(event) => set('description', event.currentTarget.value)}
              error={err('description')}
              autosize
              minRows={3}
              maxRows={12}
            />
            <TopicDocumentsField
              rows={values.topicDocuments}
              onChange={(rows) => set('topicDocuments', rows)}
              error={err}
            />
            <MultiSelect
              label={t('activities.fields.targets')}
              description={
                planSummary
                  ? t('activities.form.linkHint', { number: planSummary.number || planSummary.title })
                  : t('activities.form.noPlan')
              }
              data={targetData}
              value={values.targetIds.map(String)}
              onChange={(ids) => set('targetIds', ids.map(Number))}
              searchable
              clearable
              error={err('targetIds')}
              comboboxProps={{ width: 'target' }}
            />
            <MultiSelect
              label={t('activities.fields.tasks')}
              data={taskData}
              value={values.taskIds.map(String)}
              onChange={(ids) => set('taskIds', ids.map(Number))}
              searchable
              clearable
              error={err('taskIds')}
              comboboxProps={{ width: 'target' }}
            />
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() =>
                  activity
                    ? void navigate({ to: '/activities/$activityId', params: { activityId: String(activity.id) } })
                    : void navigate({ to: '/activities' })
                }
                disabled={save.isPending}
              >
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="activity-save">
                {activity ? t('common.save') : t('activities.form.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
