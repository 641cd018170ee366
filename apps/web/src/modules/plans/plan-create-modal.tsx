import { Alert, Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { useMe } from '../../app/session';
import type { Me } from '../../app/types';
import { UnitPicker } from '../../components/unit-picker';
import type { FlatUnit } from '../units/units-api';
import { useCreatePlan } from './plans-api';

/** Units whose plans the account runs: under a unit-admin grant (or everything for a system admin). */
export function managedPlanUnits(me: Me): { all: boolean; roots: number[] } {
  const all = me.roles.some((grant) => grant.role === 'system_admin');
  const roots = me.roles
    .filter((grant) => grant.role === 'unit_admin' && grant.unitId !== null)
    .map((grant) => grant.unitId as number);
  return { all, roots };
}

export function canCreatePlans(me: Me): boolean {
  const { all, roots } = managedPlanUnits(me);
  return all || roots.length > 0;
}

export function PlanCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('plans.create.title')} size="md">
      <PlanCreateForm onClose={onClose} />
    </Modal>
  );
}

function PlanCreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreatePlan();
  const { all, roots } = managedPlanUnits(me);
  const accept = useCallback((entry: FlatUnit) => all || entry.path.some((id) => roots.includes(id)), [all, roots]);
  const year = new Date().getFullYear();
  const [unitId, setUnitId] = useState<number | null>(roots[0] ?? me.homeUnitIds[0] ?? null);
  const [title, setTitle] = useState('');
  const [termStart, setTermStart] = useState<number | string>(year);
  const [termEnd, setTermEnd] = useState<number | string>(year + 5);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (unitId === null) errors.unitId = t('plans.create.unitRequired');
    if (title.trim().length < 5) errors.title = t('plans.create.titleRequired');
    if (typeof termStart !== 'number' || typeof termEnd !== 'number' || termEnd < termStart) {
      errors.termEnd = t('plans.create.termInvalid');
    }
    setLocal(errors);
    if (Object.keys(errors).length > 0 || unitId === null) return;
    create.mutate(
      { unitId, title: title.trim(), termStart: Number(termStart), termEnd: Number(termEnd) },
      {
        onSuccess: (plan) => {
          onClose();
          void navigate({ to: '/plans/$planId/edit', params: { planId: String(plan.id) } });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {create.isError && Object.keys(server).length === 0 ? (
          <Alert color="red" role="alert">
            {errorMessage(create.error, t)}
          </Alert>
        ) : null}
        <UnitPicker
          label={t('plans.fields.unit')}
          value={unitId}
          onChange={setUnitId}
          acceptUnit={accept}
          error={local.unitId ?? server.unitId}
          required
        />
        <TextInput
          label={t('plans.fields.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={local.title ?? server.title}
          required
          data-autofocus
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('plans.fields.termStart')}
            value={termStart}
            onChange={setTermStart}
            min={2000}
            max={2100}
            allowDecimal={false}
            error={server.termStart}
          />
          <NumberInput
            label={t('plans.fields.termEnd')}
            value={termEnd}
            onChange={setTermEnd}
            min={2000}
            max={2100}
            allowDecimal={false}
            error={local.termEnd ?? server.termEnd}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('plans.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
