import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconHome, IconLock, IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { useMe } from '../../app/session';
import type { AccountView, TemporaryPasswordResponse } from '../../app/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { AccountCreateModal } from './account-create-modal';
import { type AccountAction, AccountCards, AccountTable } from './account-list';
import { AccountRoleModal } from './account-role-modal';
import { ACCOUNTS_PAGE_SIZE, accountsQuery, useAccountCommand } from './accounts-api';
import type { AccountsSearch } from './accounts-search';
import { TemporaryPasswordModal } from './temporary-password-modal';

interface AccountsPageProps {
  search: AccountsSearch;
  onSearchChange: (patch: Partial<AccountsSearch>) => void;
}

export function AccountsPage({ search, onSearchChange }: AccountsPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.abilities.manageAccounts) {
    return (
      <EmptyBlock
        icon={<IconLock size={28} />}
        title={t('errors.forbiddenPage')}
        description={t('errors.hintForbidden')}
        action={
          <ButtonLink to="/" variant="light" leftSection={<IconHome size={16} />}>
            {t('nav.home')}
          </ButtonLink>
        }
      />
    );
  }
  return <AccountsContent search={search} onSearchChange={onSearchChange} />;
}

function AccountsContent({ search, onSearchChange }: AccountsPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const list = useQuery(accountsQuery(search));
  const command = useAccountCommand();
  const [q, setQ] = useState(search.q ?? '');
  const pushQ = useDebouncedCallback(
    (value: string) => onSearchChange({ q: value.trim() || undefined, page: undefined }),
    300,
  );
  const [creating, setCreating] = useState(false);
  const [password, setPassword] = useState<TemporaryPasswordResponse | null>(null);
  const [pending, setPending] = useState<{ account: AccountView; action: 'reset' | 'disable' } | null>(null);
  const [editing, setEditing] = useState<AccountView | null>(null);

  const run = (account: AccountView, action: Exclude<AccountAction, 'role'>) => {
    const next =
      action === 'reset'
        ? ({ type: 'reset-password', accountId: account.id } as const)
        : action === 'unlock'
          ? ({ type: 'unlock', accountId: account.id } as const)
          : ({ type: 'update', accountId: account.id, body: { disabled: action === 'disable' } } as const);
    command.mutate(next, {
      onSuccess: (result) => {
        setPending(null);
        if (result.kind === 'password') setPassword(result.value);
        else
          notifications.show({ color: 'green', message: t(`accounts.done.${action}`, { name: account.displayName }) });
      },
      onError: (error) => {
        setPending(null);
        notifications.show({ color: 'red', message: errorMessage(error, t) });
      },
    });
  };

  const onAction = (account: AccountView, action: AccountAction) => {
    if (action === 'role') setEditing(account);
    else if (action === 'unlock' || action === 'enable') run(account, action);
    else setPending({ account, action });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <PageTitle>{t('accounts.title')}</PageTitle>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
          {t('accounts.create.title')}
        </Button>
      </Group>
      <TextInput
        aria-label={t('accounts.search')}
        placeholder={t('accounts.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        type="search"
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          pushQ(event.currentTarget.value);
        }}
        maw={480}
      />
      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        {list.isLoading ? (
          <LoadingState />
        ) : list.isError || !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyBlock
            icon={<IconUsers size={28} />}
            title={search.q ? t('accounts.noMatch') : t('accounts.empty')}
            description={search.q ? t('accounts.noMatchHint') : t('accounts.emptyHint')}
          />
        ) : (
          <Stack gap="sm" opacity={list.isPlaceholderData ? 0.6 : 1}>
            {phone ? (
              <AccountCards accounts={list.data.items} selfId={me.account.id} onAction={onAction} />
            ) : (
              <AccountTable accounts={list.data.items} selfId={me.account.id} onAction={onAction} />
            )}
            <PaginationBar
              page={list.data.page}
              pageSize={list.data.pageSize || ACCOUNTS_PAGE_SIZE}
              total={list.data.total}
              onPageChange={(page) => onSearchChange({ page: page === 1 ? undefined : page })}
            />
          </Stack>
        )}
      </Paper>
      <AccountCreateModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setPassword(result);
        }}
      />
      <AccountRoleModal account={editing} onClose={() => setEditing(null)} />
      <TemporaryPasswordModal result={password} onClose={() => setPassword(null)} />
      <ConfirmDialog
        opened={pending !== null}
        title={pending ? t(`accounts.confirm.${pending.action === 'reset' ? 'reset' : 'disable'}Title`) : ''}
        message={
          pending
            ? t(`accounts.confirm.${pending.action === 'reset' ? 'reset' : 'disable'}`, {
                name: pending.account.displayName,
              })
            : ''
        }
        confirmLabel={pending?.action === 'reset' ? t('accounts.actions.reset') : t('accounts.actions.disable')}
        danger
        loading={command.isPending}
        onConfirm={() => pending && run(pending.account, pending.action)}
        onCancel={() => setPending(null)}
      />
    </Stack>
  );
}
