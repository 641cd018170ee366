import {
  GENDERS,
  type Gender,
  KEY_UNION_ROLES,
  POSITIONS,
  type Position,
  UNION_ROLES,
  type UnionRole,
} from '@lan-toa/contracts';
import { Alert, Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/errors';
import { today } from '../../app/format';
import type { MemberView } from '../../app/types';
import { DateField } from '../../components/date-input';
import type { MemberFormValues } from './members-api';

export const MEMBER_FIELDS = [
  'fullName',
  'gender',
  'birthDate',
  'position',
  'unionRole',
  'isKeyOfficial',
  'unionJoinedOn',
  'phone',
  'email',
] as const;

/** Form state: like the API body, but gender has no default (it must be chosen). */
export type MemberDraft = Omit<MemberFormValues, 'gender'> & { gender: Gender | null };

export function emptyMemberValues(): MemberDraft {
  return {
    fullName: '',
    gender: null,
    birthDate: null,
    position: 'teacher',
    unionRole: 'member',
    isKeyOfficial: false,
    unionJoinedOn: null,
    phone: null,
    email: null,
  };
}

export function memberValues(member: MemberView): MemberFormValues {
  const { fullName, gender, birthDate, position, unionRole, isKeyOfficial, unionJoinedOn, phone, email } = member;
  return { fullName, gender, birthDate, position, unionRole, isKeyOfficial, unionJoinedOn, phone, email };
}

interface MemberFormProps {
  initial: MemberDraft;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: MemberFormValues) => void;
  onCancel: () => void;
  /** Extra fields shown first (unit and joining date when creating). */
  children?: ReactNode;
  /** Extra errors for those fields are the parent's business; it reports whether they are valid. */
  validateExtra?: () => boolean;
}

const blankToNull = (value: string | null): string | null => (value?.trim() ? value.trim() : null);

export function MemberForm(props: MemberFormProps) {
  const { initial, submitLabel, pending, error, onSubmit, onCancel, children, validateExtra } = props;
  const { t } = useTranslation();
  const [values, setValues] = useState<MemberDraft>(initial);
  // Until the key-official box is touched, it follows the union role.
  const [keyTouched, setKeyTouched] = useState(false);
  const [local, setLocal] = useState<{ fullName?: string; gender?: string }>({});
  const server = fieldErrors(error);
  const set = <K extends keyof MemberDraft>(key: K, value: MemberDraft[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const extraOk = validateExtra ? validateExtra() : true;
    const errors: typeof local = {};
    if (values.fullName.trim().length < 2) errors.fullName = t('members.form.fullNameRequired');
    if (!values.gender) errors.gender = t('members.form.genderRequired');
    setLocal(errors);
    if (Object.keys(errors).length > 0 || !extraOk || !values.gender) return;
    onSubmit({
      ...values,
      gender: values.gender,
      fullName: values.fullName.trim(),
      birthDate: blankToNull(values.birthDate),
      unionJoinedOn: blankToNull(values.unionJoinedOn),
      phone: blankToNull(values.phone),
      email: blankToNull(values.email),
    });
  };

  const hasFieldErrors = Object.keys(server).length > 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error ? (
          <Alert color="red" role="alert">
            {hasFieldErrors ? t('members.form.fixErrors') : errorMessage(error, t)}
          </Alert>
        ) : null}
        {children}
        <TextInput
          label={t('members.fields.fullName')}
          value={values.fullName}
          onChange={(event) => set('fullName', event.currentTarget.value)}
          error={local.fullName ?? server.fullName}
          required
          autoComplete="off"
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('members.fields.gender')}
            data={GENDERS.map((gender) => ({ value: gender, label: t(`enums.gender.${gender}`) }))}
            value={values.gender}
            onChange={(value) => value && set('gender', value as Gender)}
            allowDeselect={false}
            placeholder={t('common.choose')}
            error={local.gender ?? server.gender}
            required
          />
          <DateField
            label={t('members.fields.birthDate')}
            value={values.birthDate ?? ''}
            maxDate={today()}
            defaultLevel={values.birthDate ? 'month' : 'decade'}
            onChange={(value) => set('birthDate', value || null)}
            error={server.birthDate}
          />
          <Select
            label={t('members.fields.position')}
            data={POSITIONS.map((position) => ({ value: position, label: t(`enums.position.${position}`) }))}
            value={values.position}
            onChange={(value) => value && set('position', value as Position)}
            allowDeselect={false}
            error={server.position}
            required
          />
          <Select
            label={t('members.fields.unionRole')}
            data={UNION_ROLES.map((role) => ({ value: role, label: t(`enums.unionRole.${role}`) }))}
            value={values.unionRole}
            onChange={(value) => {
              if (!value) return;
              const role = value as UnionRole;
              setValues((current) => ({
                ...current,
                unionRole: role,
                isKeyOfficial: keyTouched ? current.isKeyOfficial : KEY_UNION_ROLES.includes(role),
              }));
            }}
            allowDeselect={false}
            error={server.unionRole}
            required
          />
        </SimpleGrid>
        <Checkbox
          label={t('members.fields.isKeyOfficial')}
          description={t('members.form.keyOfficialHint')}
          checked={values.isKeyOfficial}
          onChange={(event) => {
            setKeyTouched(true);
            set('isKeyOfficial', event.currentTarget.checked);
          }}
          error={server.isKeyOfficial}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField
            label={t('members.fields.unionJoinedOn')}
            value={values.unionJoinedOn ?? ''}
            maxDate={today()}
            onChange={(value) => set('unionJoinedOn', value || null)}
            error={server.unionJoinedOn}
          />
          <TextInput
            label={t('members.fields.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder="0912345678"
            value={values.phone ?? ''}
            onChange={(event) => set('phone', event.currentTarget.value)}
            error={server.phone}
          />
        </SimpleGrid>
        <TextInput
          label={t('members.fields.email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          value={values.email ?? ''}
          onChange={(event) => set('email', event.currentTarget.value)}
          error={server.email}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
