import type { Role } from '@lan-toa/contracts';
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { useMe } from '../../app/session';
import type { AccountView } from '../../app/types';
import { UnitPicker } from '../../components/unit-picker';
import { grantableRoles, roleNeedsUnit, useAccountCommand } from './accounts-api';

interface AccountRoleModalProps {
  account: AccountView | null;
  onClose: () => void;
}

/** Changes an account's role and unit (the server replaces all its grants with this one). */
export function AccountRoleModal({ account, onClose }: AccountRoleModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={account !== null} onClose={onClose} title={t('accounts.roleChange.title')}>
      {account ? <AccountRoleForm key={account.id} account={account} onClose={onClose} /> : null}
    </Modal>
  );
}

const FIELDS = ['role', 'unitId'] as const;

function AccountRoleForm({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const command = useAccountCommand();
  const roles = grantableRoles(me);
  const current = account.roles[0];
  const [role, setRole] = useState<Role>(current && roles.includes(current.role) ? current.role : 'member');
  const [unitId, setUnitId] = useState<number | null>(current?.unitId ?? me.homeUnitIds[0] ?? null);
  const [unitMissing, setUnitMissing] = useState(false);
  const needsUnit = roleNeedsUnit(role);
  const unchanged =
    account.roles.length === 1 && current?.role === role && (current.unitId ?? null) === (needsUnit ? unitId : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (needsUnit && unitId === null) {
      setUnitMissing(true);
      return;
    }
    if (unchanged) {
      onClose();
      return;
    }
    command.mutate(
      { type: 'update', accountId: account.id, body: { role, unitId: needsUnit ? unitId : null } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('accounts.roleChange.done', { name: account.displayName }) });
          onClose();
        },
      },
    );
  };

  const server = fieldErrors(command.error);
  const showGeneral = command.error && !FIELDS.some((field) => server[field]);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('accounts.roleChange.description', { name: account.displayName })}</Text>
        {account.roles.length > 1 ? (
          <Alert color="yellow">{t('accounts.roleChange.severalRoles', { count: account.roles.length })}</Alert>
        ) : null}
        {showGeneral ? (
          <Alert color="red" role="alert">
            {errorMessage(command.error, t)}
          </Alert>
        ) : null}
        <Select
          label={t('accounts.fields.role')}
          data={roles.map((value) => ({ value, label: t(`enums.role.${value}`) }))}
          value={role}
          onChange={(value) => value && setRole(value as Role)}
          allowDeselect={false}
          error={server.role}
          required
          data-autofocus
        />
        {needsUnit ? (
          <UnitPicker
            label={t('accounts.fields.unit')}
            value={unitId}
            onChange={(next) => {
              setUnitId(next);
              setUnitMissing(false);
            }}
            error={unitMissing ? t('accounts.create.unitRequired') : server.unitId}
            comboboxProps={{ withinPortal: true }}
            required
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('accounts.roleChange.noUnit')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={command.isPending}>
            {t('accounts.roleChange.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
