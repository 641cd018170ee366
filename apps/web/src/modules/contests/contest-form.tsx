import { ACTIVITY_CATEGORIES } from '@lan-toa/contracts';
import { Alert, Button, Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors, otherDetails } from '../../app/errors';
import { UnitPicker } from '../../components/unit-picker';
import type { ContestView } from './contest-types';
import { CONTEST_AUDIENCE_VALUES } from './contest-types';
import type { ContestBody } from './contests-api';

interface Values {
  unitId: number | null;
  title: string;
  rules: string;
  prizes: string;
  audience: 'subtree' | 'public';
  audienceUnitId: number | null;
  activityCategory: string | null;
}

const FIELDS = ['unitId', 'title', 'rules', 'prizes', 'audience', 'audienceUnitId', 'activityCategory'];

function initial(contest?: ContestView): Values {
  return {
    unitId: contest?.unitId ?? null,
    title: contest?.title ?? '',
    rules: contest?.rules ?? '',
    prizes: contest?.prizes ?? '',
    audience: contest?.audience ?? 'subtree',
    audienceUnitId: contest && contest.audienceUnitId !== contest.unitId ? contest.audienceUnitId : null,
    activityCategory: contest?.activityCategory ?? null,
  };
}

interface ContestFormProps {
  /** Editing this contest; creating when absent (then the organising unit is chosen). */
  contest?: ContestView;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (body: ContestBody) => void;
  onCancel?: () => void;
  disabled?: boolean;
}

/** Title, organiser, audience, rules and prizes of a contest. */
export function ContestForm({ contest, pending, error, submitLabel, onSubmit, onCancel, disabled }: ContestFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => initial(contest));
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(error);
  const err = (name: string) => local[name] ?? server[name];
  const others = otherDetails(error, FIELDS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setLocal((current) => ({ ...current, [key]: undefined as unknown as string }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!contest && values.unitId === null) problems.unitId = t('contests.form.unitRequired');
    if (!values.title.trim()) problems.title = t('contests.form.titleRequired');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    onSubmit({
      ...(contest ? {} : { unitId: values.unitId ?? undefined }),
      title: values.title.trim(),
      rules: values.rules,
      prizes: values.prizes,
      audience: values.audience,
      ...(values.audienceUnitId !== null ? { audienceUnitId: values.audienceUnitId } : {}),
      activityCategory: values.activityCategory,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {error && Object.keys(server).length === 0 ? (
          <Alert color="red" icon={<IconAlertTriangle size={20} />} role="alert">
            {errorMessage(error, t)}
          </Alert>
        ) : null}
        {others.length > 0 ? (
          <Alert color="red" icon={<IconAlertTriangle size={20} />}>
            {others.join(' ')}
          </Alert>
        ) : null}
        <TextInput
          label={t('contests.fields.title')}
          placeholder={t('contests.form.titlePlaceholder')}
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          error={err('title')}
          maxLength={300}
          required
          disabled={disabled}
          data-testid="contest-form-title"
        />
        {contest ? null : (
          <UnitPicker
            label={t('contests.fields.organiser')}
            value={values.unitId}
            onChange={(unitId) => set('unitId', unitId)}
            error={err('unitId')}
            clearable={false}
            required
            data-testid="contest-form-unit"
          />
        )}
        <Radio.Group
          label={t('contests.fields.audience')}
          value={values.audience}
          onChange={(value) => set('audience', value as Values['audience'])}
          error={err('audience')}
        >
          <Stack gap={6} mt={4}>
            {CONTEST_AUDIENCE_VALUES.map((audience) => (
              <Radio key={audience} value={audience} label={t(`contests.audience.${audience}`)} disabled={disabled} />
            ))}
          </Stack>
        </Radio.Group>
        <UnitPicker
          label={t('contests.fields.audienceUnit')}
          description={t('contests.form.audienceUnitHint')}
          value={values.audienceUnitId}
          onChange={(unitId) => set('audienceUnitId', unitId)}
          error={err('audienceUnitId')}
          placeholder={contest ? contest.audienceUnitName : t('contests.form.audienceUnitPlaceholder')}
          disabled={disabled}
        />
        <Select
          label={t('contests.fields.activityCategory')}
          description={t('contests.form.activityCategoryHint')}
          data={ACTIVITY_CATEGORIES.map((category) => ({
            value: category,
            label: t(`enums.activityCategory.${category}`),
          }))}
          value={values.activityCategory}
          onChange={(value) => set('activityCategory', value)}
          placeholder={t('contests.form.noActivity')}
          clearable
          error={err('activityCategory')}
          disabled={disabled}
        />
        <Textarea
          label={t('contests.fields.rules')}
          placeholder={t('contests.form.rulesPlaceholder')}
          autosize
          minRows={4}
          maxRows={14}
          maxLength={20_000}
          value={values.rules}
          onChange={(event) => set('rules', event.currentTarget.value)}
          error={err('rules')}
          disabled={disabled}
        />
        <Textarea
          label={t('contests.fields.prizes')}
          placeholder={t('contests.form.prizesPlaceholder')}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={5_000}
          value={values.prizes}
          onChange={(event) => set('prizes', event.currentTarget.value)}
          error={err('prizes')}
          disabled={disabled}
        />
        <Group justify="flex-end" gap="sm">
          {onCancel ? (
            <Button variant="default" onClick={onCancel} disabled={pending}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={pending} disabled={disabled} data-testid="contest-form-save">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
