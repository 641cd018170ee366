import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import type { MemberView } from '../../app/types';
import { AnchorLink } from '../../components/links';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/**
 * The member's record. Personal and contact fields arrive as null when the viewer may not see
 * them (`showPrivate` false): they are left out with a word on why, rather than shown as "—".
 */
export function MemberDetails({ member, showPrivate }: { member: MemberView; showPrivate: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="md">
        <Field label={t('members.fields.unit')}>
          <AnchorLink to="/units/$unitId" params={{ unitId: String(member.unitId) }}>
            {member.unitName}
          </AnchorLink>
        </Field>
        <Field label={t('members.fields.gender')}>{t(`enums.gender.${member.gender}`)}</Field>
        <Field label={t('members.fields.position')}>{t(`enums.position.${member.position}`)}</Field>
        <Field label={t('members.fields.unionRole')}>{t(`enums.unionRole.${member.unionRole}`)}</Field>
        <Field label={t('members.fields.isKeyOfficial')}>
          {member.isKeyOfficial ? t('common.yes') : t('common.no')}
        </Field>
        <Field label={t('members.fields.joinedUnitOn')}>{formatDate(member.joinedUnitOn)}</Field>
        {showPrivate ? (
          <>
            <Field label={t('members.fields.birthDate')}>{formatDate(member.birthDate)}</Field>
            <Field label={t('members.fields.unionJoinedOn')}>{formatDate(member.unionJoinedOn)}</Field>
            <Field label={t('members.fields.phone')}>{member.phone ?? '—'}</Field>
            <Field label={t('members.fields.email')}>{member.email ?? '—'}</Field>
          </>
        ) : null}
      </SimpleGrid>
      {showPrivate ? null : (
        <Text size="xs" c="dimmed">
          {t('members.privateHidden')}
        </Text>
      )}
    </Stack>
  );
}
