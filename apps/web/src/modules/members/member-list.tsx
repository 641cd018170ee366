import { Button, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconFileImport, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { useMe } from '../../app/session';
import type { UnitDetail } from '../../app/types';
import { ButtonLink } from '../../components/links';
import { PaginationBar } from '../../components/pagination-bar';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { MemberFilters } from './member-filters';
import { MemberCards, MemberTable } from './member-results';
import type { UnitSearch } from './member-search';
import { memberExportUrl, memberListQuery } from './members-api';

interface MemberListProps {
  unit: UnitDetail;
  search: UnitSearch;
  onSearchChange: (patch: Partial<UnitSearch>) => void;
}

export function MemberList({ unit, search, onSearchChange }: MemberListProps) {
  const { t } = useTranslation();
  const me = useMe();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const list = useQuery(memberListQuery(unit.id, search));
  const active = unit.validTo === null;
  const canManage = unit.abilities.manageMembers && active;
  const canImport = canManage && me.abilities.importMembers;
  const filtered = Boolean(search.q || search.unionRole || search.status || search.keyOfficial);
  const showUnit = (search.subtree ?? 'true') === 'true' && unit.childCount > 0;

  return (
    <Stack gap="md">
      {canManage || unit.abilities.manageMembers ? (
        <Group gap="xs" wrap="wrap">
          {canManage ? (
            <ButtonLink
              to="/units/$unitId/members/new"
              params={{ unitId: String(unit.id) }}
              leftSection={<IconUserPlus size={16} />}
            >
              {t('members.add')}
            </ButtonLink>
          ) : null}
          {canImport ? (
            <ButtonLink
              to="/units/$unitId/import"
              params={{ unitId: String(unit.id) }}
              variant="light"
              leftSection={<IconFileImport size={16} />}
            >
              {t('members.import')}
            </ButtonLink>
          ) : null}
          <Button
            component="a"
            href={memberExportUrl(unit.id, search)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            {t('members.export')}
          </Button>
        </Group>
      ) : null}
      <MemberFilters search={search} onChange={onSearchChange} hasChildren={unit.childCount > 0} />
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError || !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        filtered ? (
          <EmptyBlock
            icon={<IconUsers size={28} />}
            title={t('members.noMatch')}
            description={t('members.noMatchHint')}
            action={
              <Button
                variant="light"
                onClick={() =>
                  onSearchChange({
                    q: undefined,
                    unionRole: undefined,
                    status: undefined,
                    keyOfficial: undefined,
                    page: undefined,
                  })
                }
              >
                {t('members.clearFilters')}
              </Button>
            }
          />
        ) : (
          <EmptyBlock
            icon={<IconUsers size={28} />}
            title={t('members.empty')}
            description={canManage ? t('members.emptyHintManager') : t('members.emptyHint')}
          />
        )
      ) : (
        <Stack gap="sm" opacity={list.isPlaceholderData ? 0.6 : 1}>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t(search.status ? 'members.total' : 'members.totalAnyStatus', {
              count: list.data.total,
              formatted: formatNumber(list.data.total),
            })}
          </Text>
          {phone ? (
            <MemberCards members={list.data.items} showUnit={showUnit} showContacts={unit.abilities.viewContacts} />
          ) : (
            <MemberTable members={list.data.items} showUnit={showUnit} showContacts={unit.abilities.viewContacts} />
          )}
          <PaginationBar
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPageChange={(page) => onSearchChange({ page: page === 1 ? undefined : page })}
            onPageSizeChange={(pageSize) =>
              onSearchChange({ pageSize: pageSize === 25 ? undefined : pageSize, page: undefined })
            }
          />
        </Stack>
      )}
    </Stack>
  );
}
