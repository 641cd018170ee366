import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { today } from '../../app/format';
import type { UnitDetail } from '../../app/types';
import { DateField } from '../../components/date-input';
import { unitKindsQuery, useUnitCommand } from './units-api';

interface UnitCreateModalProps {
  parent: UnitDetail;
  opened: boolean;
  onClose: () => void;
}

export function UnitCreateModal({ parent, opened, onClose }: UnitCreateModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('unitActions.create.title')}>
      {opened ? <UnitCreateForm parent={parent} onClose={onClose} /> : null}
    </Modal>
  );
}

function UnitCreateForm({ parent, onClose }: { parent: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const kinds = useQuery(unitKindsQuery);
  const command = useUnitCommand();
  const [name, setName] = useState('');
  const [kindId, setKindId] = useState<string | null>(null);
  const [validFrom, setValidFrom] = useState(today());
  const [local, setLocal] = useState<{ name?: string; kindId?: string; validFrom?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof local = {};
    if (name.trim().length < 2) errors.name = t('unitActions.nameTooShort');
    if (!kindId) errors.kindId = t('unitActions.create.kindRequired');
    if (!validFrom) errors.validFrom = t('validation.dateRequired');
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    command.mutate(
      { type: 'create', body: { name: name.trim(), kindId: Number(kindId), parentId: parent.id, validFrom } },
      {
        onSuccess: (unit) => {
          notifications.show({ color: 'green', message: t('unitActions.create.done', { name: unit.name }) });
          onClose();
          void navigate({ to: '/units/$unitId', params: { unitId: String(unit.id) } });
        },
      },
    );
  };

  const server = fieldErrors(command.error);
  const kindOptions = [...(kinds.data ?? [])]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((kind) => ({ value: String(kind.id), label: kind.name }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {command.error && !server.name && !server.kindId && !server.validFrom ? (
          <Alert color="red" role="alert">
            {errorMessage(command.error, t)}
          </Alert>
        ) : null}
        <TextInput label={t('unitActions.create.parent')} value={parent.name} readOnly variant="filled" />
        <TextInput
          label={t('unitActions.create.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={local.name ?? server.name}
          required
          data-autofocus
        />
        <Select
          label={t('unitActions.create.kind')}
          data={kindOptions}
          value={kindId}
          onChange={setKindId}
          error={local.kindId ?? server.kindId ?? (kinds.isError ? errorMessage(kinds.error, t) : undefined)}
          placeholder={kinds.isLoading ? t('common.loading') : t('common.choose')}
          required
          allowDeselect={false}
        />
        <DateField
          label={t('unitActions.create.validFrom')}
          value={validFrom}
          onChange={setValidFrom}
          maxDate={today()}
          error={local.validFrom ?? server.validFrom}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={command.isPending}>
            {t('unitActions.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
