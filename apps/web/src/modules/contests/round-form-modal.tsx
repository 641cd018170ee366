import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors, otherDetails } from '../../app/errors';
import { toVnIso, vnToday } from '../../app/format';
import { DateField } from '../../components/date-input';
import { toVnParts } from './contest-format';
import { BEST_OF_VALUES, type RoundView } from './contest-types';
import { type RoundBody, useSaveRound } from './contests-api';
import { PrizeEditor, type PrizeRow, QuotaEditor, type QuotaRow, rowKey } from './round-form-parts';

interface Values {
  title: string;
  openDate: string;
  openTime: string;
  closeDate: string;
  closeTime: string;
  questionCount: number | '';
  timeLimitMinutes: number | '';
  attemptsAllowed: number | '';
  bestOf: RoundView['bestOf'];
  shuffleOptions: boolean;
  quotas: QuotaRow[];
  prizes: PrizeRow[];
  predictionQuestion: string;
  essayQuestion: string;
}

const FIELDS = [
  'title',
  'opensAt',
  'closesAt',
  'questionCount',
  'timeLimitMinutes',
  'attemptsAllowed',
  'quotas',
  'prizes',
];

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function initial(round: RoundView | null, defaultTitle: string): Values {
  if (!round) {
    const today = vnToday();
    return {
      title: defaultTitle,
      openDate: today,
      openTime: '08:00',
      closeDate: addDays(today, 7),
      closeTime: '17:00',
      questionCount: 20,
      timeLimitMinutes: 30,
      attemptsAllowed: 2,
      bestOf: 'highest',
      shuffleOptions: true,
      quotas: [],
      prizes: [],
      predictionQuestion: '',
      essayQuestion: '',
    };
  }
  const opens = toVnParts(round.opensAt);
  const closes = toVnParts(round.closesAt);
  return {
    title: round.title,
    openDate: opens.date,
    openTime: opens.time,
    closeDate: closes.date,
    closeTime: closes.time,
    questionCount: round.questionCount,
    timeLimitMinutes: round.timeLimitMinutes,
    attemptsAllowed: round.attemptsAllowed,
    bestOf: round.bestOf,
    shuffleOptions: round.shuffleOptions,
    quotas: round.quotas.map((q) => ({
      key: rowKey(),
      topic: q.topic ?? '',
      difficulty: q.difficulty === null ? null : String(q.difficulty),
      count: q.count,
    })),
    prizes: round.prizes.map((p) => ({ key: rowKey(), name: p.name, count: p.count })),
    predictionQuestion: round.predictionQuestion ?? '',
    essayQuestion: round.essayQuestion ?? '',
  };
}

interface RoundFormModalProps {
  contestId: number;
  /** The round to edit; a new round when null. */
  round: RoundView | null;
  nextNumber: number;
  topics: string[];
  opened: boolean;
  onClose: () => void;
}

export function RoundFormModal(props: RoundFormModalProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return (
    <Modal
      fullScreen={phone}
      opened={props.opened}
      onClose={props.onClose}
      title={props.round ? t('contests.roundForm.editTitle') : t('contests.roundForm.createTitle')}
      size="xl"
    >
      {props.opened ? <RoundForm {...props} /> : null}
    </Modal>
  );
}

function RoundForm({ contestId, round, nextNumber, topics, onClose }: RoundFormModalProps) {
  const { t } = useTranslation();
  const save = useSaveRound(contestId, round?.id ?? null);
  const [values, setValues] = useState<Values>(() =>
    initial(round, t('contests.roundForm.defaultTitle', { number: nextNumber })),
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(save.error);
  const err = (name: string) => local[name] ?? server[name];
  const others = otherDetails(save.error, FIELDS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!values.title.trim()) problems.title = t('contests.roundForm.titleRequired');
    if (!values.openDate || !values.openTime) problems.opensAt = t('contests.roundForm.timeRequired');
    if (!values.closeDate || !values.closeTime) problems.closesAt = t('contests.roundForm.timeRequired');
    const opensAt = toVnIso(values.openDate, values.openTime);
    const closesAt = toVnIso(values.closeDate, values.closeTime);
    if (!problems.opensAt && !problems.closesAt && Date.parse(closesAt) <= Date.parse(opensAt)) {
      problems.closesAt = t('contests.roundForm.closeAfterOpen');
    }
    if (values.questionCount === '') problems.questionCount = t('contests.roundForm.required');
    if (values.timeLimitMinutes === '') problems.timeLimitMinutes = t('contests.roundForm.required');
    const quotas = values.quotas.map((q) => ({
      topic: q.topic.trim() || null,
      difficulty: q.difficulty === null ? null : Number(q.difficulty),
      count: q.count === '' ? 0 : q.count,
    }));
    const sum = quotas.reduce((total, q) => total + q.count, 0);
    if (quotas.length > 0 && sum !== values.questionCount) {
      problems.quotas = t('contests.roundForm.quotaMismatch', { sum, total: values.questionCount });
    }
    const prizes = values.prizes
      .filter((p) => p.name.trim())
      .map((p) => ({ name: p.name.trim(), count: p.count === '' ? 1 : p.count }));
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const body: RoundBody = {
      title: values.title.trim(),
      opensAt,
      closesAt,
      questionCount: Number(values.questionCount),
      timeLimitMinutes: Number(values.timeLimitMinutes),
      attemptsAllowed: values.attemptsAllowed === '' ? 1 : values.attemptsAllowed,
      bestOf: values.bestOf,
      shuffleOptions: values.shuffleOptions,
      quotas,
      prizes,
      predictionQuestion: values.predictionQuestion.trim() || null,
      essayQuestion: values.essayQuestion.trim() || null,
    };
    save.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('contests.roundForm.saved') });
        onClose();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {save.isError && Object.keys(server).length === 0 ? (
          <Alert color="red" icon={<IconAlertTriangle size={20} />} role="alert">
            {errorMessage(save.error, t)}
          </Alert>
        ) : null}
        {others.length > 0 ? (
          <Alert color="red" icon={<IconAlertTriangle size={20} />}>
            {others.join(' ')}
          </Alert>
        ) : null}
        <TextInput
          label={t('contests.roundForm.title')}
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          error={err('title')}
          maxLength={300}
          required
          data-testid="round-form-title"
        />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <DateField
            label={t('contests.roundForm.openDate')}
            value={values.openDate}
            onChange={(value) => set('openDate', value)}
            error={err('opensAt')}
            required
          />
          <TimePicker
            label={t('contests.roundForm.openTime')}
            format="24h"
            value={values.openTime}
            onChange={(value) => set('openTime', value.slice(0, 5))}
            leftSection={<IconClock size={16} />}
            hoursInputLabel={t('activities.form.hours')}
            minutesInputLabel={t('activities.form.minutes')}
            required
          />
          <DateField
            label={t('contests.roundForm.closeDate')}
            value={values.closeDate}
            minDate={values.openDate || undefined}
            onChange={(value) => set('closeDate', value)}
            error={err('closesAt')}
            required
          />
          <TimePicker
            label={t('contests.roundForm.closeTime')}
            format="24h"
            value={values.closeTime}
            onChange={(value) => set('closeTime', value.slice(0, 5))}
            leftSection={<IconClock size={16} />}
            hoursInputLabel={t('activities.form.hours')}
            minutesInputLabel={t('activities.form.minutes')}
            required
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <NumberInput
            label={t('contests.roundForm.questionCount')}
            min={1}
            max={200}
            allowDecimal={false}
            value={values.questionCount}
            onChange={(value) => set('questionCount', typeof value === 'number' ? value : '')}
            error={err('questionCount')}
            required
          />
          <NumberInput
            label={t('contests.roundForm.timeLimit')}
            min={1}
            max={240}
            allowDecimal={false}
            value={values.timeLimitMinutes}
            onChange={(value) => set('timeLimitMinutes', typeof value === 'number' ? value : '')}
            error={err('timeLimitMinutes')}
            required
          />
          <NumberInput
            label={t('contests.roundForm.attempts')}
            min={1}
            max={20}
            allowDecimal={false}
            value={values.attemptsAllowed}
            onChange={(value) => set('attemptsAllowed', typeof value === 'number' ? value : '')}
            error={err('attemptsAllowed')}
          />
          <Select
            label={t('contests.roundForm.bestOf')}
            data={BEST_OF_VALUES.map((value) => ({ value, label: t(`contests.bestOf.${value}`) }))}
            value={values.bestOf}
            onChange={(value) => value && set('bestOf', value as Values['bestOf'])}
            allowDeselect={false}
            comboboxProps={{ width: 260, position: 'bottom-end' }}
          />
        </SimpleGrid>
        <Switch
          label={t('contests.roundForm.shuffle')}
          checked={values.shuffleOptions}
          onChange={(event) => set('shuffleOptions', event.currentTarget.checked)}
        />
        <QuotaEditor
          rows={values.quotas}
          topics={topics}
          questionCount={values.questionCount}
          error={err('quotas')}
          onChange={(rows) => set('quotas', rows)}
        />
        <PrizeEditor rows={values.prizes} error={err('prizes')} onChange={(rows) => set('prizes', rows)} />
        <Textarea
          label={t('contests.roundForm.prediction')}
          description={t('contests.roundForm.predictionHint')}
          autosize
          minRows={2}
          maxLength={1000}
          value={values.predictionQuestion}
          onChange={(event) => set('predictionQuestion', event.currentTarget.value)}
          error={err('predictionQuestion')}
        />
        <Textarea
          label={t('contests.roundForm.essay')}
          description={t('contests.roundForm.essayHint')}
          autosize
          minRows={2}
          maxLength={5000}
          value={values.essayQuestion}
          onChange={(event) => set('essayQuestion', event.currentTarget.value)}
          error={err('essayQuestion')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="round-form-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
