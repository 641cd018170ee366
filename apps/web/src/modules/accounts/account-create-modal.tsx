import type { Role } from '@lan-toa/contracts';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { useMe } from '../../app/session';
import type { TemporaryPasswordResponse } from '../../app/types';
import { UnitPicker } from '../../components/unit-picker';
import { grantableRoles, roleNeedsUnit, useAccountCommand } from './accounts-api';

interface AccountCreateModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (result: TemporaryPasswordResponse) => void;
}

export function AccountCreateModal({ opened, onClose, onCreated }: AccountCreateModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('accounts.create.title')} size="lg">
      {opened ? <AccountCreateForm onClose={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

const FIELDS = ['displayName', 'email', 'phone', 'memberId', 'role', 'unitId'] as const;
type Field = (typeof FIELDS)[number];

function AccountCreateForm({ onClose, onCreated }: Omit<AccountCreateModalProps, 'opened'>) {
  const { t } = useTranslation();
  const me = useMe();
  const command = useAccountCommand();
  const roles = grantableRoles(me);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [memberId, setMemberId] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [unitId, setUnitId] = useState<number | null>(me.homeUnitIds[0] ?? null);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const needsUnit = roleNeedsUnit(role);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof local = {};
    if (displayName.trim().length < 2) errors.displayName = t('accounts.create.displayNameRequired');
    if (!email.trim() && !phone.trim()) errors.email = t('accounts.create.loginRequired');
    if (memberId.trim() && !/^\d+$/u.test(memberId.trim())) errors.memberId = t('accounts.create.memberIdInvalid');
    if (needsUnit && unitId === null) errors.unitId = t('accounts.create.unitRequired');
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    command.mutate(
      {
        type: 'create',
        body: {
          displayName: displayName.trim(),
          email: email.trim() || null,
          phone: phone.trim() || null,
          memberId: memberId.trim() ? Number(memberId.trim()) : null,
          role,
          unitId: needsUnit ? unitId : null,
        },
      },
      {
        onSuccess: (result) => {
          if (result.kind === 'password') onCreated(result.value);
        },
      },
    );
  };

  const server = fieldErrors(command.error);
  const err = (field: Field) => local[field] ?? server[field];
  const showGeneral = command.error && !FIELDS.some((field) => server[field]);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {showGeneral ? (
          <Alert color="red" role="alert">
            {errorMessage(command.error, t)}
          </Alert>
        ) : null}
        <TextInput
          label={t('accounts.fields.displayName')}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={err('displayName')}
          required
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('accounts.fields.email')}
            type="email"
            inputMode="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={err('email')}
          />
          <TextInput
            label={t('accounts.fields.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder="0912345678"
            value={phone}
            onChange={(event) => setPhone(event.currentTarget.value)}
            error={err('phone')}
          />
        </SimpleGrid>
        <TextInput
          label={t('accounts.fields.memberId')}
          description={t('accounts.create.memberIdHint')}
          inputMode="numeric"
          value={memberId}
          onChange={(event) => setMemberId(event.currentTarget.value)}
          error={err('memberId')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('accounts.fields.role')}
            data={roles.map((value) => ({ value, label: t(`enums.role.${value}`) }))}
            value={role}
            onChange={(value) => value && setRole(value as Role)}
            allowDeselect={false}
            error={err('role')}
            required
          />
          {needsUnit ? (
            <UnitPicker
              label={t('accounts.fields.unit')}
              value={unitId}
              onChange={setUnitId}
              error={err('unitId')}
              required
            />
          ) : null}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={command.isPending}>
            {t('accounts.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
