import { Button, CopyButton, Drawer, Group, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese, formatNumber } from '../../app/format';
import { labelOrRaw } from '../../app/i18n-dynamic';
import { AnchorLink } from '../../components/links';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { uncoveredQuery } from './progress-api';

/** A province can have thousands not yet covered; the rest are reached by typing a name. */
const MAX_ROWS = 500;

export interface UncoveredTarget {
  targetId: number;
  code: string;
  title: string;
  unitId: number;
  unitName: string;
}

interface UncoveredDrawerProps {
  planId: number;
  year: number;
  target: UncoveredTarget | null;
  onClose: () => void;
}

/** Who has not yet taken part: the list a chair acts on (names, units, copy to remind them). */
export function UncoveredDrawer({ planId, year, target, onClose }: UncoveredDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={target ? t('dashboard.uncoveredTitle', { code: target.code }) : ''}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {target ? <UncoveredList planId={planId} year={year} target={target} /> : null}
    </Drawer>
  );
}

export function UncoveredList({ planId, year, target }: { planId: number; year: number; target: UncoveredTarget }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useQuery(uncoveredQuery(planId, target.targetId, target.unitId, year));
  const items = useMemo(() => {
    const needle = foldVietnamese(q);
    const all = list.data?.items ?? [];
    return needle ? all.filter((item) => foldVietnamese(`${item.fullName} ${item.unitName}`).includes(needle)) : all;
  }, [list.data, q]);

  if (list.isLoading) return <LoadingState />;
  if (list.isError || !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const showUnit = new Set(list.data.items.map((item) => item.unitId)).size > 1;
  const copyText = list.data.items.map((item) => `${item.fullName}\t${item.unitName}`).join('\n');

  return (
    <Stack gap="sm" data-testid="uncovered-list">
      <Text size="sm" c="dimmed">
        {target.title}
      </Text>
      <Text size="sm">
        {t('dashboard.uncoveredSummary', {
          formatted: formatNumber(list.data.total),
          unit: target.unitName,
          year,
        })}
      </Text>
      {list.data.total === 0 ? (
        <EmptyBlock title={t('dashboard.uncoveredNone')} description={t('dashboard.uncoveredNoneHint')} />
      ) : (
        <>
          <Group gap="xs" wrap="wrap">
            <TextInput
              flex="1 1 200px"
              leftSection={<IconSearch size={16} />}
              placeholder={t('dashboard.uncoveredSearch')}
              aria-label={t('dashboard.uncoveredSearch')}
              value={q}
              onChange={(event) => setQ(event.currentTarget.value)}
            />
            <CopyButton value={copyText}>
              {({ copied, copy }) => (
                <Button
                  variant="default"
                  onClick={copy}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                >
                  {copied ? t('common.copied') : t('dashboard.copyList')}
                </Button>
              )}
            </CopyButton>
          </Group>
          {items.length > MAX_ROWS ? (
            <Text size="xs" c="dimmed">
              {t('dashboard.uncoveredShown', { shown: formatNumber(MAX_ROWS), total: formatNumber(items.length) })}
            </Text>
          ) : null}
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>#</Table.Th>
                <Table.Th>{t('members.fields.fullName')}</Table.Th>
                {showUnit ? <Table.Th>{t('members.fields.unit')}</Table.Th> : null}
                <Table.Th>{t('members.fields.unionRole')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.slice(0, MAX_ROWS).map((item, index) => (
                <Table.Tr key={item.id}>
                  <Table.Td c="dimmed">{index + 1}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/members/$memberId" params={{ memberId: String(item.id) }} size="sm">
                      {item.fullName}
                    </AnchorLink>
                  </Table.Td>
                  {showUnit ? <Table.Td>{item.unitName}</Table.Td> : null}
                  <Table.Td>{labelOrRaw(t, 'enums.unionRole', item.unionRole)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
