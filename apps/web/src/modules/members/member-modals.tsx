import { MEMBER_STATUSES, type MemberStatus } from '@lan-toa/contracts';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { today } from '../../app/format';
import type { MemberView } from '../../app/types';
import { DateField } from '../../components/date-input';
import { UnitPicker } from '../../components/unit-picker';
import { MemberForm, memberValues } from './member-form';
import { type MemberFormValues, useMemberCommand } from './members-api';

interface MemberModalProps {
  member: MemberView;
  opened: boolean;
  onClose: () => void;
}

/** Only the fields that changed are sent, so fields the viewer cannot see are never overwritten. */
function changedFields(before: MemberFormValues, after: MemberFormValues): Partial<MemberFormValues> {
  const patch: Partial<MemberFormValues> = {};
  for (const key of Object.keys(after) as (keyof MemberFormValues)[]) {
    if (after[key] !== before[key]) Object.assign(patch, { [key]: after[key] });
  }
  return patch;
}

export function MemberEditModal({ member, opened, onClose }: MemberModalProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const command = useMemberCommand();
  const close = () => {
    command.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('members.editTitle')} size="lg" fullScreen={phone}>
      {opened ? (
        <MemberForm
          initial={memberValues(member)}
          submitLabel={t('common.save')}
          pending={command.isPending}
          error={command.error}
          onCancel={close}
          onSubmit={(values) => {
            const patch = changedFields(memberValues(member), values);
            if (Object.keys(patch).length === 0) return close();
            command.mutate(
              { type: 'update', memberId: member.id, body: patch },
              {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('members.saved') });
                  close();
                },
              },
            );
          }}
        />
      ) : null}
    </Modal>
  );
}

export function MemberTransferModal({ member, opened, onClose }: MemberModalProps) {
  const { t } = useTranslation();
  const command = useMemberCommand();
  const [toUnitId, setToUnitId] = useState<number | null>(null);
  const [effectiveDate, setEffectiveDate] = useState(today());
  const [local, setLocal] = useState<{ toUnitId?: string; effectiveDate?: string }>({});
  const server = fieldErrors(command.error);

  const close = () => {
    command.reset();
    setLocal({});
    setToUnitId(null);
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof local = {};
    if (toUnitId === null) errors.toUnitId = t('members.transfer.targetRequired');
    if (!effectiveDate) errors.effectiveDate = t('validation.dateRequired');
    setLocal(errors);
    if (toUnitId === null || !effectiveDate) return;
    command.mutate(
      { type: 'transfer', memberId: member.id, body: { toUnitId, effectiveDate } },
      {
        onSuccess: (updated) => {
          notifications.show({
            color: 'green',
            message: t('members.transfer.done', { name: updated.fullName, unit: updated.unitName }),
          });
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('members.transfer.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('members.transfer.description', { name: member.fullName, unit: member.unitName })}
          </Text>
          {command.error && !server.toUnitId && !server.effectiveDate ? (
            <Alert color="red" role="alert">
              {errorMessage(command.error, t)}
            </Alert>
          ) : null}
          <UnitPicker
            label={t('members.transfer.target')}
            value={toUnitId}
            onChange={setToUnitId}
            excludeId={member.unitId}
            error={local.toUnitId ?? server.toUnitId}
            required
          />
          <DateField
            label={t('common.effectiveDate')}
            value={effectiveDate}
            onChange={setEffectiveDate}
            maxDate={today()}
            error={local.effectiveDate ?? server.effectiveDate}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={command.isPending}>
              {t('members.transfer.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function MemberStatusModal({ member, opened, onClose }: MemberModalProps) {
  const { t } = useTranslation();
  const command = useMemberCommand();
  const [status, setStatus] = useState<MemberStatus | null>(null);
  const [effectiveDate, setEffectiveDate] = useState(today());
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<{ status?: string; effectiveDate?: string }>({});
  const server = fieldErrors(command.error);

  const close = () => {
    command.reset();
    setLocal({});
    setStatus(null);
    setNote('');
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof local = {};
    if (!status) errors.status = t('members.statusChange.statusRequired');
    if (!effectiveDate) errors.effectiveDate = t('validation.dateRequired');
    setLocal(errors);
    if (!status || !effectiveDate) return;
    command.mutate(
      { type: 'status', memberId: member.id, body: { status, effectiveDate, note: note.trim() || undefined } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('members.statusChange.done') });
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('members.statusChange.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {command.error && !server.status && !server.effectiveDate && !server.note ? (
            <Alert color="red" role="alert">
              {errorMessage(command.error, t)}
            </Alert>
          ) : null}
          <Select
            label={t('members.statusChange.newStatus')}
            data={MEMBER_STATUSES.filter((value) => value !== member.status).map((value) => ({
              value,
              label: t(`enums.status.${value}`),
            }))}
            value={status}
            onChange={(value) => setStatus(value as MemberStatus | null)}
            placeholder={t('common.choose')}
            error={local.status ?? server.status}
            required
          />
          <DateField
            label={t('common.effectiveDate')}
            value={effectiveDate}
            onChange={setEffectiveDate}
            maxDate={today()}
            error={local.effectiveDate ?? server.effectiveDate}
            required
          />
          <Textarea
            label={t('members.statusChange.note')}
            description={t('members.statusChange.noteHint')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            error={server.note}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={command.isPending}>
              {t('members.statusChange.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
