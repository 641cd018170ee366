import { Breadcrumbs, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/errors';
import { today } from '../../app/format';
import { DateField } from '../../components/date-input';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { unitQuery } from '../units/units-api';
import { emptyMemberValues, MemberForm } from './member-form';
import { useMemberCommand } from './members-api';

export function MemberCreatePage({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unit = useQuery(unitQuery(unitId));
  const command = useMemberCommand();
  const [joinedUnitOn, setJoinedUnitOn] = useState(today());
  const [joinedError, setJoinedError] = useState<string | undefined>();

  if (unit.isLoading) return <LoadingState />;
  if (unit.isError || !unit.data) return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;

  const backToUnit = () => void navigate({ to: '/units/$unitId', params: { unitId: String(unitId) } });
  const server = fieldErrors(command.error);

  return (
    <Stack gap="md" maw={760}>
      <Breadcrumbs separatorMargin={6}>
        <AnchorLink to="/units/$unitId" params={{ unitId: String(unitId) }} size="sm">
          {unit.data.name}
        </AnchorLink>
        <Text size="sm" c="dimmed">
          {t('members.add')}
        </Text>
      </Breadcrumbs>
      <PageTitle>{t('members.createTitle')}</PageTitle>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        {unit.data.abilities.manageMembers ? (
          <MemberForm
            initial={emptyMemberValues()}
            submitLabel={t('members.createSubmit')}
            pending={command.isPending}
            error={command.error}
            onCancel={backToUnit}
            validateExtra={() => {
              const error = joinedUnitOn ? undefined : t('validation.dateRequired');
              setJoinedError(error);
              return !error;
            }}
            onSubmit={(values) =>
              command.mutate(
                { type: 'create', body: { ...values, unitId, joinedUnitOn } },
                {
                  onSuccess: (member) => {
                    notifications.show({ color: 'green', message: t('members.created', { name: member.fullName }) });
                    void navigate({ to: '/members/$memberId', params: { memberId: String(member.id) } });
                  },
                },
              )
            }
          >
            <TextInput label={t('members.fields.unit')} value={unit.data.name} readOnly variant="filled" />
            <DateField
              label={t('members.fields.joinedUnitOn')}
              description={t('members.form.joinedUnitOnHint')}
              value={joinedUnitOn}
              onChange={setJoinedUnitOn}
              maxDate={today()}
              error={joinedError ?? server.joinedUnitOn ?? server.unitId}
              required
            />
          </MemberForm>
        ) : (
          <EmptyBlock
            icon={<IconLock size={28} />}
            title={t('members.createNotAllowed')}
            description={t('members.createNotAllowedHint')}
            action={
              <ButtonLink to="/units/$unitId" params={{ unitId: String(unitId) }} variant="light">
                {t('import.backToUnit')}
              </ButtonLink>
            }
          />
        )}
      </Paper>
    </Stack>
  );
}
