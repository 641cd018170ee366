import { NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-input';
import type { PlanFields } from './plan-edit-state';
import { PLAN_SECTION_KEYS } from './plan-labels';
import { RichTextEditor } from './rich-text-editor';

interface PlanFieldsFormProps {
  value: PlanFields;
  onChange: (next: PlanFields) => void;
  errors: Record<string, string>;
  /** Bumped to reload the editors' content from `value` (after a save). */
  revision: number;
}

/** The document's fields and its five sections. */
export function PlanFieldsForm({ value, onChange, errors, revision }: PlanFieldsFormProps) {
  const { t } = useTranslation();
  const set = <K extends keyof PlanFields>(key: K, next: PlanFields[K]) => onChange({ ...value, [key]: next });
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('plans.fields.number')}
          description={t('plans.fields.numberHint')}
          placeholder="05/KH-CĐGD"
          value={value.number}
          onChange={(event) => set('number', event.currentTarget.value)}
          error={errors.number}
        />
        <TextInput
          label={t('plans.fields.place')}
          placeholder="Ninh Bình"
          value={value.place}
          onChange={(event) => set('place', event.currentTarget.value)}
          error={errors.place}
        />
        <DateField
          label={t('plans.fields.signedOn')}
          value={value.signedOn}
          onChange={(next) => set('signedOn', next)}
          error={errors.signedOn}
        />
      </SimpleGrid>
      <Textarea
        label={t('plans.fields.title')}
        value={value.title}
        onChange={(event) => set('title', event.currentTarget.value)}
        error={errors.title}
        autosize
        minRows={1}
        required
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <NumberInput
          label={t('plans.fields.termStart')}
          value={value.termStart}
          onChange={(next) => set('termStart', Number(next) || value.termStart)}
          min={2000}
          max={2100}
          allowDecimal={false}
          error={errors.termStart}
        />
        <NumberInput
          label={t('plans.fields.termEnd')}
          value={value.termEnd}
          onChange={(next) => set('termEnd', Number(next) || value.termEnd)}
          min={2000}
          max={2100}
          allowDecimal={false}
          error={errors.termEnd}
        />
      </SimpleGrid>
      {PLAN_SECTION_KEYS.map((key) => (
        <RichTextEditor
          key={`${key}-${revision}`}
          label={t(`plans.sections.${key}`)}
          value={value.sections[key]}
          onChange={(html) => onChange({ ...value, sections: { ...value.sections, [key]: html } })}
          error={errors[`sections.${key}`]}
        />
      ))}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Textarea
          label={t('plans.fields.signerTitle')}
          description={t('plans.fields.signerTitleHint')}
          placeholder={'TM. BAN THƯỜNG VỤ\nCHỦ TỊCH'}
          value={value.signerTitle}
          onChange={(event) => set('signerTitle', event.currentTarget.value)}
          error={errors.signerTitle}
          autosize
          minRows={2}
        />
        <TextInput
          label={t('plans.fields.signerName')}
          value={value.signerName}
          onChange={(event) => set('signerName', event.currentTarget.value)}
          error={errors.signerName}
        />
      </SimpleGrid>
    </Stack>
  );
}
