import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { IconArrowsExchange, IconPencil, IconUserCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/states';
import { UnitBreadcrumbs } from '../../components/unit-breadcrumbs';
import { unitQuery } from '../units/units-api';
import { KeyOfficialBadge, StatusBadge } from './member-badges';
import { MemberDetails } from './member-details';
import { MemberHistorySection } from './member-history';
import { MemberEditModal, MemberStatusModal, MemberTransferModal } from './member-modals';
import { memberQuery } from './members-api';

type ModalName = 'edit' | 'transfer' | 'status';

export function MemberPage({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const member = useQuery(memberQuery(memberId));
  // The member's unit tells whether the viewer may change this member.
  const unit = useQuery({ ...unitQuery(member.data?.unitId ?? 0), enabled: Boolean(member.data) });
  const [modal, setModal] = useState<ModalName | null>(null);

  if (member.isLoading) return <LoadingState />;
  if (member.isError || !member.data) return <ErrorState error={member.error} onRetry={() => void member.refetch()} />;

  const data = member.data;
  const canManage = unit.data?.abilities.manageMembers === true;
  const showPrivate = unit.data?.abilities.viewContacts === true || me.account.memberId === data.id;
  const close = () => setModal(null);

  return (
    <Stack gap="md">
      <UnitBreadcrumbs
        ancestors={unit.data?.ancestors ?? []}
        unit={{ id: data.unitId, name: data.unitName }}
        current={data.fullName}
      />
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} miw={0} flex="1 1 280px">
          <PageTitle>{data.fullName}</PageTitle>
          <Group gap="xs">
            <StatusBadge status={data.status} />
            {data.isKeyOfficial ? <KeyOfficialBadge /> : null}
          </Group>
        </Stack>
        {canManage ? (
          <Group gap="xs" wrap="wrap">
            <Button leftSection={<IconPencil size={16} />} onClick={() => setModal('edit')}>
              {t('members.edit')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconArrowsExchange size={16} />}
              onClick={() => setModal('transfer')}
            >
              {t('members.transfer.title')}
            </Button>
            <Button variant="default" leftSection={<IconUserCheck size={16} />} onClick={() => setModal('status')}>
              {t('members.statusChange.title')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <MemberDetails member={data} showPrivate={showPrivate} />
      </Paper>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('members.history')}
          </Title>
          <MemberHistorySection memberId={memberId} />
        </Stack>
      </Paper>
      {canManage ? (
        <>
          <MemberEditModal member={data} opened={modal === 'edit'} onClose={close} />
          <MemberTransferModal member={data} opened={modal === 'transfer'} onClose={close} />
          <MemberStatusModal member={data} opened={modal === 'status'} onClose={close} />
        </>
      ) : null}
    </Stack>
  );
}
