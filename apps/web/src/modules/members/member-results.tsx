import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import type { MemberView } from '../../app/types';
import { AnchorLink } from '../../components/links';
import { KeyOfficialBadge, StatusBadge } from './member-badges';

interface MemberResultsProps {
  members: MemberView[];
  showUnit: boolean;
  showContacts: boolean;
}

function MemberName({ member }: { member: MemberView }) {
  return (
    <AnchorLink to="/members/$memberId" params={{ memberId: String(member.id) }} fw={600}>
      {member.fullName}
    </AnchorLink>
  );
}

/** Wide screens: a table. */
export function MemberTable({ members, showUnit, showContacts }: MemberResultsProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={190}>{t('members.fields.fullName')}</Table.Th>
            {showUnit ? <Table.Th>{t('members.fields.unit')}</Table.Th> : null}
            <Table.Th>{t('members.fields.unionRole')}</Table.Th>
            <Table.Th miw={130}>{t('members.fields.status')}</Table.Th>
            {showContacts ? <Table.Th>{t('members.fields.unionJoinedOn')}</Table.Th> : null}
            {showContacts ? <Table.Th>{t('members.fields.phone')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id} data-testid="member-row">
              <Table.Td>
                <Stack gap={0}>
                  <MemberName member={member} />
                  <Text size="xs" c="dimmed">
                    {t(`enums.position.${member.position}`)}
                  </Text>
                </Stack>
              </Table.Td>
              {showUnit ? <Table.Td>{member.unitName}</Table.Td> : null}
              <Table.Td>
                <Group gap={6} wrap="wrap">
                  <Text size="sm">{t(`enums.unionRole.${member.unionRole}`)}</Text>
                  {member.isKeyOfficial ? <KeyOfficialBadge /> : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={member.status} />
              </Table.Td>
              {showContacts ? <Table.Td>{formatDate(member.unionJoinedOn)}</Table.Td> : null}
              {showContacts ? <Table.Td>{member.phone ?? '—'}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Phones: one card per member. */
export function MemberCards({ members, showUnit, showContacts }: MemberResultsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="list">
      {members.map((member) => (
        <Card key={member.id} withBorder padding="sm" data-testid="member-row" role="listitem">
          <Stack gap={4}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <MemberName member={member} />
              <StatusBadge status={member.status} />
            </Group>
            <Group gap={6} wrap="wrap">
              <Text size="sm">{t(`enums.unionRole.${member.unionRole}`)}</Text>
              {member.isKeyOfficial ? <KeyOfficialBadge /> : null}
            </Group>
            <Text size="xs" c="dimmed">
              {t(`enums.position.${member.position}`)}
              {showUnit ? ` · ${member.unitName}` : ''}
            </Text>
            {showContacts && member.phone ? (
              <Text size="xs" c="dimmed">
                {member.phone}
              </Text>
            ) : null}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
