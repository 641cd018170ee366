import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { useMe } from '../../app/session';
import type { PlanDetail } from '../../app/types';
import { UnitPicker } from '../../components/unit-picker';
import { type FlatUnit, flattenTree, unitTreeQuery } from '../units/units-api';
import { useDerivePlan } from './plans-api';

interface DeriveModalProps {
  plan: PlanDetail;
  opened: boolean;
  onClose: () => void;
}

/**
 * "Xây dựng kế hoạch của đơn vị": a unit below the issuing unit starts its own draft from this
 * plan — the sections as a starting point, every target (thresholds may only go up) and task.
 */
export function DeriveModal({ plan, opened, onClose }: DeriveModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('plans.derive.title')} size="md">
      <DeriveForm plan={plan} onClose={onClose} opened={opened} />
    </Modal>
  );
}

function DeriveForm({ plan, onClose }: DeriveModalProps) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const derive = useDerivePlan(plan.id);
  const tree = useQuery(unitTreeQuery());
  // The actor's tree starts at their own units: when the issuing unit is not in it, it lies above
  // them, and every unit they see is below it.
  const issuerInTree = useMemo(
    () => flattenTree(tree.data ?? []).some((entry) => entry.unit.id === plan.unitId),
    [tree.data, plan.unitId],
  );
  const below = useCallback(
    (entry: FlatUnit) => entry.unit.id !== plan.unitId && (!issuerInTree || entry.path.includes(plan.unitId)),
    [plan.unitId, issuerInTree],
  );
  const home = me.homeUnitIds.find((id) => id !== plan.unitId) ?? null;
  const [unitId, setUnitId] = useState<number | null>(home);
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState(plan.title);
  const [local, setLocal] = useState<string | undefined>();
  const server = fieldErrors(derive.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (unitId === null) {
      setLocal(t('plans.derive.chooseUnit'));
      return;
    }
    setLocal(undefined);
    derive.mutate(
      { unitId, ...(number.trim() ? { number: number.trim() } : {}), ...(title.trim() ? { title: title.trim() } : {}) },
      {
        onSuccess: (created) => {
          onClose();
          void navigate({ to: '/plans/$planId/edit', params: { planId: String(created.id) } });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('plans.derive.hint', { number: plan.number, unit: plan.unitName })}</Text>
        {derive.isError && Object.keys(server).length === 0 ? (
          <Alert color="red" role="alert">
            {errorMessage(derive.error, t)}
          </Alert>
        ) : null}
        <UnitPicker
          label={t('plans.derive.unit')}
          value={unitId}
          onChange={setUnitId}
          acceptUnit={below}
          error={local ?? server.unitId}
          required
        />
        <TextInput
          label={t('plans.fields.number')}
          description={t('plans.derive.numberHint')}
          placeholder="01/KH-CĐCS"
          value={number}
          onChange={(event) => setNumber(event.currentTarget.value)}
          error={server.number}
        />
        <TextInput
          label={t('plans.fields.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={server.title}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={derive.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={derive.isPending} data-testid="plan-derive-submit">
            {t('plans.derive.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
