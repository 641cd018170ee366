import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { formatPercent } from '../../app/format';
import {
  ACTIVITY_CATEGORIES,
  emptyTarget,
  PERIOD_KINDS,
  POPULATIONS_OF,
  TARGET_MEASURES,
  type TargetValues,
  targetProblems,
  withMeasure,
} from './target-form';

interface TargetFormModalProps {
  opened: boolean;
  /** Null: a new target. */
  initial: TargetValues | null;
  /** Inherited from the plan above: only the threshold may change, and not below this floor. */
  inheritedFloor: number | null;
  pending?: boolean;
  error?: unknown;
  onSubmit: (values: TargetValues) => void;
  onClose: () => void;
}

export function TargetFormModal(props: TargetFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.initial ? t('plans.targetForm.editTitle') : t('plans.targetForm.addTitle')}
      size="lg"
    >
      <TargetForm {...props} />
    </Modal>
  );
}

function TargetForm({ initial, inheritedFloor, pending, error, onSubmit, onClose }: TargetFormModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<TargetValues>(initial ?? emptyTarget());
  const [local, setLocal] = useState<Partial<Record<keyof TargetValues, string>>>({});
  const server = fieldErrors(error);
  const locked = inheritedFloor !== null;
  const percent = values.measure !== 'count';
  const set = <K extends keyof TargetValues>(key: K, value: TargetValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const err = (key: keyof TargetValues) => local[key] ?? server[key];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = targetProblems(t, values, inheritedFloor);
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    onSubmit({ ...values, code: values.code.trim(), title: values.title.trim() });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {error && Object.keys(server).length === 0 ? (
          <Alert color="red" role="alert">
            {errorMessage(error, t)}
          </Alert>
        ) : null}
        {locked ? (
          <Alert color="blue" variant="light">
            {t('plans.targetForm.inheritedHint', {
              floor: percent ? formatPercent(inheritedFloor) : String(inheritedFloor),
            })}
          </Alert>
        ) : null}
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            w={140}
            label={t('plans.targetFields.code')}
            placeholder="2.1a"
            value={values.code}
            onChange={(event) => set('code', event.currentTarget.value)}
            error={err('code')}
            disabled={locked}
            required
            data-autofocus={!locked || undefined}
          />
          <Select
            label={t('plans.targetFields.measure')}
            data={TARGET_MEASURES.map((measure) => ({ value: measure, label: t(`enums.measure.${measure}`) }))}
            value={values.measure}
            onChange={(value) =>
              value && setValues((current) => withMeasure(current, value as TargetValues['measure']))
            }
            allowDeselect={false}
            disabled={locked}
            flex="1 1 220px"
          />
        </Group>
        <Textarea
          label={t('plans.targetFields.title')}
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          error={err('title')}
          disabled={locked}
          autosize
          minRows={2}
          required
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {values.measure !== 'count' ? (
            <Select
              label={t('plans.targetFields.population')}
              data={POPULATIONS_OF[values.measure].map((population) => ({
                value: population,
                label: t(`enums.population.${population}`),
              }))}
              value={values.population}
              onChange={(value) => set('population', value as TargetValues['population'])}
              error={err('population')}
              allowDeselect={false}
              disabled={locked}
              required
            />
          ) : (
            <Select
              label={t('plans.targetFields.organiser')}
              data={(['issuer', 'subtree'] as const).map((organiser) => ({
                value: organiser,
                label: t(`enums.organiser.${organiser}`),
              }))}
              value={values.organiser}
              onChange={(value) => set('organiser', value as TargetValues['organiser'])}
              error={err('organiser')}
              allowDeselect={false}
              disabled={locked}
              required
            />
          )}
          <Select
            label={t('plans.targetFields.period')}
            data={PERIOD_KINDS.map((period) => ({ value: period, label: t(`enums.period.${period}`) }))}
            value={values.period}
            onChange={(value) => value && set('period', value as TargetValues['period'])}
            allowDeselect={false}
            disabled={locked}
          />
        </SimpleGrid>
        {values.measure !== 'evaluation_share' ? (
          <MultiSelect
            label={t('plans.targetFields.categories')}
            description={t('plans.targetForm.categoriesHint')}
            data={ACTIVITY_CATEGORIES.map((category) => ({
              value: category,
              label: t(`enums.activityCategory.${category}`),
            }))}
            value={values.categories}
            onChange={(value) => set('categories', value as TargetValues['categories'])}
            error={err('categories')}
            disabled={locked}
            required
          />
        ) : null}
        <NumberInput
          label={percent ? t('plans.targetForm.thresholdPercent') : t('plans.targetForm.thresholdCount')}
          value={values.threshold}
          onChange={(value) => set('threshold', typeof value === 'number' ? value : 0)}
          min={inheritedFloor ?? 0}
          max={percent ? 100 : 1_000_000}
          allowDecimal={percent}
          decimalScale={1}
          decimalSeparator=","
          suffix={percent ? '%' : undefined}
          error={err('threshold')}
          w={{ base: '100%', xs: 220 }}
          required
          data-autofocus={locked || undefined}
        />
        <Text size="xs" c="dimmed">
          {t('plans.targetForm.rulesHint')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('plans.targetForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
