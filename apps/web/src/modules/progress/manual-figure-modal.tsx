import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import type { TargetFigure } from '../../app/types';
import { useManualFigure } from './progress-api';
import { periodLabel } from './target-card';

interface ManualFigureModalProps {
  opened: boolean;
  planId: number;
  unitId: number;
  unitName: string;
  year: number;
  figures: TargetFigure[];
  /** The target to start with. */
  targetId: number | null;
  onClose: () => void;
}

/** A figure the system cannot count, typed in by a manager with its evidence (shown as "nhập tay"). */
export function ManualFigureModal(props: ManualFigureModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('dashboard.manualForm.title')} size="md">
      {/* Mounted afresh on every opening, so the form starts from the chosen target. */}
      <ManualFigureForm {...props} />
    </Modal>
  );
}

function ManualFigureForm({ planId, unitId, unitName, year, figures, targetId, onClose }: ManualFigureModalProps) {
  const { t } = useTranslation();
  const mutation = useManualFigure(planId);
  const start = figures.find((entry) => entry.targetId === targetId);
  const [selected, setSelected] = useState<number | null>(targetId);
  const [numerator, setNumerator] = useState<number | string>(start?.manual ? start.numerator : '');
  const [denominator, setDenominator] = useState<number | string>(
    start?.manual && start.denominator !== null ? start.denominator : '',
  );
  const [evidence, setEvidence] = useState(start?.manual?.evidence ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const figure = figures.find((entry) => entry.targetId === selected);
  const needsDenominator = figure !== undefined && figure.measure !== 'count';

  const server = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!figure) errors.target = t('dashboard.manualForm.chooseTarget');
    if (typeof numerator !== 'number' || numerator < 0) errors.numerator = t('dashboard.manualForm.numeratorRequired');
    if (needsDenominator && (typeof denominator !== 'number' || denominator <= 0)) {
      errors.denominator = t('dashboard.manualForm.denominatorRequired');
    }
    if (
      needsDenominator &&
      typeof numerator === 'number' &&
      typeof denominator === 'number' &&
      numerator > denominator
    ) {
      errors.numerator = t('dashboard.manualForm.numeratorTooBig');
    }
    if (evidence.trim().length < 5) errors.evidence = t('dashboard.manualForm.evidenceRequired');
    setLocal(errors);
    if (Object.keys(errors).length > 0 || !figure) return;
    mutation.mutate(
      {
        targetId: figure.targetId,
        unitId,
        year,
        numerator: Number(numerator),
        denominator: needsDenominator ? Number(denominator) : null,
        evidence: evidence.trim(),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('dashboard.manualForm.saved', { code: figure.code }) });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('dashboard.manualForm.hint', { unit: unitName })}
        </Text>
        {mutation.isError && Object.keys(server).length === 0 ? (
          <Alert color="red" role="alert">
            {errorMessage(mutation.error, t)}
          </Alert>
        ) : null}
        <Select
          label={t('dashboard.manualForm.target')}
          data={figures.map((entry) => ({ value: String(entry.targetId), label: `${entry.code} — ${entry.title}` }))}
          value={selected === null ? null : String(selected)}
          onChange={(value) => setSelected(value ? Number(value) : null)}
          error={local.target}
          allowDeselect={false}
          required
          comboboxProps={{ width: 'target' }}
        />
        {figure ? (
          <Text size="sm">{t('dashboard.manualForm.period', { period: periodLabel(t, figure.period) })}</Text>
        ) : null}
        <Group grow align="flex-start">
          <NumberInput
            label={figure?.measure === 'count' ? t('dashboard.manualForm.count') : t('dashboard.manualForm.numerator')}
            value={numerator}
            onChange={setNumerator}
            min={0}
            allowDecimal={false}
            thousandSeparator="."
            decimalSeparator=","
            error={local.numerator ?? server.numerator}
            required
          />
          {needsDenominator ? (
            <NumberInput
              label={t('dashboard.manualForm.denominator')}
              value={denominator}
              onChange={setDenominator}
              min={1}
              allowDecimal={false}
              thousandSeparator="."
              decimalSeparator=","
              error={local.denominator ?? server.denominator}
              required
            />
          ) : null}
        </Group>
        <Textarea
          label={t('dashboard.manualForm.evidence')}
          description={t('dashboard.manualForm.evidenceHint')}
          value={evidence}
          onChange={(event) => setEvidence(event.currentTarget.value)}
          error={local.evidence ?? server.evidence}
          autosize
          minRows={2}
          maxLength={1000}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('dashboard.manualForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
