import { ActionIcon, Badge, Card, Group, Menu, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDots, IconKey, IconLockOpen, IconUserCheck, IconUserCog, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import type { AccountView } from '../../app/types';
import { isLocked } from './accounts-api';

export type AccountAction = 'role' | 'reset' | 'unlock' | 'disable' | 'enable';

interface AccountListProps {
  accounts: AccountView[];
  /** The signed-in account: it may not change its own role nor disable itself. */
  selfId: number;
  onAction: (account: AccountView, action: AccountAction) => void;
}

function AccountStatus({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  if (account.disabled) return <Badge color="gray">{t('accounts.status.disabled')}</Badge>;
  if (isLocked(account)) return <Badge color="orange">{t('accounts.status.locked')}</Badge>;
  return (
    <Badge color="green" variant="light">
      {t('accounts.status.active')}
    </Badge>
  );
}

function Roles({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  if (account.roles.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack gap={2}>
      {account.roles.map((grant) => (
        <Text size="sm" key={`${grant.role}-${grant.unitId ?? 0}`}>
          {t(`enums.role.${grant.role}`)}
          {grant.unitName ? (
            <Text span c="dimmed" size="sm">
              {' '}
              · {grant.unitName}
            </Text>
          ) : null}
        </Text>
      ))}
    </Stack>
  );
}

function Actions({ account, selfId, onAction }: { account: AccountView } & Omit<AccountListProps, 'accounts'>) {
  const { t } = useTranslation();
  const self = account.id === selfId;
  return (
    <Menu position="bottom-end" shadow="md" width={220}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('accounts.actionsFor', { name: account.displayName })}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {self ? null : (
          <Menu.Item leftSection={<IconUserCog size={16} />} onClick={() => onAction(account, 'role')}>
            {t('accounts.actions.role')}
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onAction(account, 'reset')}>
          {t('accounts.actions.reset')}
        </Menu.Item>
        {isLocked(account) ? (
          <Menu.Item leftSection={<IconLockOpen size={16} />} onClick={() => onAction(account, 'unlock')}>
            {t('accounts.actions.unlock')}
          </Menu.Item>
        ) : null}
        {account.disabled ? (
          <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => onAction(account, 'enable')}>
            {t('accounts.actions.enable')}
          </Menu.Item>
        ) : self ? null : (
          <Menu.Item color="red" leftSection={<IconUserOff size={16} />} onClick={() => onAction(account, 'disable')}>
            {t('accounts.actions.disable')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

export function AccountTable({ accounts, selfId, onAction }: AccountListProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accounts.fields.displayName')}</Table.Th>
            <Table.Th>{t('accounts.fields.login')}</Table.Th>
            <Table.Th>{t('accounts.fields.roles')}</Table.Th>
            <Table.Th miw={130}>{t('accounts.fields.status')}</Table.Th>
            <Table.Th>{t('accounts.fields.lastLoginAt')}</Table.Th>
            <Table.Th w={48}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <Table.Tr key={account.id} data-testid="account-row">
              <Table.Td fw={500}>{account.displayName}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {account.email ? <Text size="sm">{account.email}</Text> : null}
                  {account.phone ? <Text size="sm">{account.phone}</Text> : null}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Roles account={account} />
              </Table.Td>
              <Table.Td>
                <AccountStatus account={account} />
              </Table.Td>
              <Table.Td>
                {account.lastLoginAt ? formatDateTime(account.lastLoginAt) : t('accounts.neverLoggedIn')}
              </Table.Td>
              <Table.Td>
                <Actions account={account} selfId={selfId} onAction={onAction} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function AccountCards({ accounts, selfId, onAction }: AccountListProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {accounts.map((account) => (
        <Card key={account.id} withBorder padding="sm" data-testid="account-row">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4} miw={0}>
              <Text fw={600}>{account.displayName}</Text>
              <Text size="sm" c="dimmed" truncate>
                {[account.email, account.phone].filter(Boolean).join(' · ')}
              </Text>
              <Roles account={account} />
              <Group gap="xs">
                <AccountStatus account={account} />
                <Text size="xs" c="dimmed">
                  {account.lastLoginAt
                    ? t('accounts.lastLogin', { date: formatDateTime(account.lastLoginAt) })
                    : t('accounts.neverLoggedIn')}
                </Text>
              </Group>
            </Stack>
            <Actions account={account} selfId={selfId} onAction={onAction} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
