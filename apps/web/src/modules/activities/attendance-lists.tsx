import { Badge, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese, formatDateTime, formatNumber } from '../../app/format';
import { labelOrRaw } from '../../app/i18n-dynamic';
import type { AttendanceView } from '../../app/types';
import { AnchorLink } from '../../components/links';

const MAX_ROWS = 500;
const SOURCE_COLORS = { roster: 'blue', checkin: 'teal', import: 'grape', contest: 'orange' } as const;

type Row = AttendanceView['attended'][number] | AttendanceView['absent'][number];
function isAttendee(row: Row): row is AttendanceView['attended'][number] {
  return 'source' in row;
}

/** Who took part and who did not, as lists anyone allowed to see the people can read. */
export function AttendanceLists({ view }: { view: AttendanceView }) {
  const { t } = useTranslation();
  const [which, setWhich] = useState<'attended' | 'absent'>('attended');
  const [q, setQ] = useState('');
  const rows = useMemo(() => {
    const needle = foldVietnamese(q);
    const list: Row[] = which === 'attended' ? view.attended : view.absent;
    return needle ? list.filter((row) => foldVietnamese(`${row.fullName} ${row.unitName}`).includes(needle)) : list;
  }, [view, which, q]);

  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          value={which}
          onChange={(value) => setWhich(value as typeof which)}
          data={[
            {
              value: 'attended',
              label: t('activities.attendance.attendedTab', { formatted: formatNumber(view.attended.length) }),
            },
            {
              value: 'absent',
              label: t('activities.attendance.absentTab', { formatted: formatNumber(view.absent.length) }),
            },
          ]}
        />
        <TextInput
          flex="1 1 200px"
          leftSection={<IconSearch size={16} />}
          placeholder={t('activities.attendance.searchPlaceholder')}
          aria-label={t('activities.attendance.search')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
        />
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {which === 'attended' ? t('activities.attendance.noneAttended') : t('activities.attendance.noneAbsent')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped data-testid={`attendance-${which}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.fields.fullName')}</Table.Th>
                <Table.Th>{t('members.fields.unit')}</Table.Th>
                <Table.Th>{t('members.fields.unionRole')}</Table.Th>
                {which === 'attended' ? <Table.Th>{t('activities.attendance.recorded')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, MAX_ROWS).map((row) => (
                <Table.Tr key={row.memberId}>
                  <Table.Td>
                    <AnchorLink to="/members/$memberId" params={{ memberId: String(row.memberId) }} size="sm">
                      {row.fullName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.unitName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{labelOrRaw(t, 'enums.unionRole', row.unionRole)}</Text>
                  </Table.Td>
                  {isAttendee(row) ? (
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Badge size="xs" variant="light" color={SOURCE_COLORS[row.source]}>
                          {t(`activities.attendance.source.${row.source}`)}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {formatDateTime(row.recordedAt)}
                        </Text>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {rows.length > MAX_ROWS ? (
        <Text size="xs" c="dimmed">
          {t('activities.attendance.moreRows', { shown: formatNumber(MAX_ROWS), total: formatNumber(rows.length) })}
        </Text>
      ) : null}
    </Stack>
  );
}
