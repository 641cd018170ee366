import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors, otherDetails } from '../../app/errors';
import { formatDate, today } from '../../app/format';
import type { UnitDetail } from '../../app/types';
import { DateField } from '../../components/date-input';
import { UnitPicker } from '../../components/unit-picker';
import { type UnitCommand, useUnitCommand } from './units-api';

export type UnitChangeKind = 'rename' | 'move' | 'merge' | 'dissolve';

interface UnitChangeModalProps {
  unit: UnitDetail;
  kind: UnitChangeKind | null;
  onClose: () => void;
}

const FIELDS = ['name', 'parentId', 'intoUnitId', 'effectiveDate'] as const;

/** Rename, move, merge or dissolve a unit from a given date; merge and dissolve ask for confirmation. */
export function UnitChangeModal({ unit, kind, onClose }: UnitChangeModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind ? t(`unitActions.${kind}.title`) : ''}>
      {kind ? <UnitChangeForm key={kind} unit={unit} kind={kind} onClose={onClose} /> : null}
    </Modal>
  );
}

function UnitChangeForm({ unit, kind, onClose }: { unit: UnitDetail; kind: UnitChangeKind; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const command = useUnitCommand();
  const [name, setName] = useState(unit.name);
  const [targetId, setTargetId] = useState<number | null>(null);
  const [effectiveDate, setEffectiveDate] = useState(today());
  const [local, setLocal] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [confirming, setConfirming] = useState(false);
  const destructive = kind === 'merge' || kind === 'dissolve';

  const build = (): UnitCommand | null => {
    const errors: typeof local = {};
    if (kind === 'rename' && name.trim().length < 2) errors.name = t('unitActions.nameTooShort');
    if (kind === 'move' && targetId === null) errors.parentId = t('unitActions.move.targetRequired');
    if (kind === 'merge' && targetId === null) errors.intoUnitId = t('unitActions.merge.targetRequired');
    if (!effectiveDate) errors.effectiveDate = t('validation.dateRequired');
    setLocal(errors);
    if (Object.keys(errors).length > 0) return null;
    switch (kind) {
      case 'rename':
        return { type: 'rename', unitId: unit.id, body: { name: name.trim(), effectiveDate } };
      case 'move':
        return { type: 'move', unitId: unit.id, body: { parentId: targetId ?? 0, effectiveDate } };
      case 'merge':
        return { type: 'merge', unitId: unit.id, body: { intoUnitId: targetId ?? 0, effectiveDate } };
      case 'dissolve':
        return { type: 'dissolve', unitId: unit.id, body: { effectiveDate } };
    }
  };

  const run = (next: UnitCommand) => {
    command.mutate(next, {
      onSuccess: (result) => {
        notifications.show({ color: 'green', message: t(`unitActions.${kind}.done`, { name: unit.name }) });
        onClose();
        if (result.id !== unit.id) void navigate({ to: '/units/$unitId', params: { unitId: String(result.id) } });
      },
      onError: () => setConfirming(false),
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = build();
    if (!next) return;
    if (destructive && !confirming) setConfirming(true);
    else run(next);
  };

  const server = fieldErrors(command.error);
  const others = otherDetails(command.error, FIELDS);
  const hasFieldErrors = Object.keys(server).some((key) => (FIELDS as readonly string[]).includes(key));

  if (confirming && (kind === 'merge' || kind === 'dissolve')) {
    return (
      <form onSubmit={submit}>
        <Stack>
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('unitActions.confirmTitle')}>
            {t(`unitActions.${kind}.confirm`, { name: unit.name, date: formatDate(effectiveDate) })}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={command.isPending}>
              {t('common.back')}
            </Button>
            <Button type="submit" color="red" loading={command.isPending} data-autofocus>
              {t(`unitActions.${kind}.submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t(`unitActions.${kind}.description`, { name: unit.name })}
        </Text>
        {command.error && !hasFieldErrors ? (
          <Alert color="red" role="alert">
            <Stack gap={4}>
              <Text size="sm">{errorMessage(command.error, t)}</Text>
              {others.map((message) => (
                <Text key={message} size="sm">
                  {message}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}
        {kind === 'rename' ? (
          <TextInput
            label={t('unitActions.rename.newName')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={local.name ?? server.name}
            required
            data-autofocus
          />
        ) : null}
        {kind === 'move' || kind === 'merge' ? (
          <UnitPicker
            label={t(`unitActions.${kind}.target`)}
            value={targetId}
            onChange={setTargetId}
            excludeId={unit.id}
            excludeSubtree
            error={kind === 'move' ? (local.parentId ?? server.parentId) : (local.intoUnitId ?? server.intoUnitId)}
            required
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <DateField
          label={t('common.effectiveDate')}
          description={t('unitActions.effectiveDateHint')}
          value={effectiveDate}
          onChange={setEffectiveDate}
          maxDate={today()}
          error={local.effectiveDate ?? server.effectiveDate}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={destructive ? 'red' : undefined} loading={command.isPending}>
            {destructive ? t('common.continue') : t(`unitActions.${kind}.submit`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
