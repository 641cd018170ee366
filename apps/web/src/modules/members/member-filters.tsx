import { MEMBER_STATUSES, type MemberStatus, UNION_ROLES, type UnionRole } from '@lan-toa/contracts';
import { Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_SORTS, type MemberSort, type UnitSearch } from './member-search';

interface MemberFiltersProps {
  search: UnitSearch;
  onChange: (patch: Partial<UnitSearch>) => void;
  hasChildren: boolean;
}

/** Search box, filters and sort of the member list; every change goes back to page 1. */
export function MemberFilters({ search, onChange, hasChildren }: MemberFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(search.q ?? '');
  const pushQ = useDebouncedCallback(
    (value: string) => onChange({ q: value.trim() || undefined, page: undefined }),
    300,
  );

  // Keep the box in step when the URL changes from elsewhere (back button, link).
  useEffect(() => {
    setQ((current) => (current.trim() === (search.q ?? '') ? current : (search.q ?? '')));
  }, [search.q]);

  const set = (patch: Partial<UnitSearch>) => onChange({ ...patch, page: undefined });

  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
      <TextInput
        aria-label={t('members.search')}
        placeholder={t('members.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          pushQ(event.currentTarget.value);
        }}
        data-testid="member-search"
        type="search"
        style={{ gridColumn: '1 / -1' }}
      />
      <Select
        label={t('members.fields.unionRole')}
        placeholder={t('common.all')}
        clearable
        data={UNION_ROLES.map((role) => ({ value: role, label: t(`enums.unionRole.${role}`) }))}
        value={search.unionRole ?? null}
        onChange={(value) => set({ unionRole: (value as UnionRole | null) ?? undefined })}
      />
      <Select
        label={t('members.fields.status')}
        placeholder={t('common.all')}
        clearable
        data={MEMBER_STATUSES.map((status) => ({ value: status, label: t(`enums.status.${status}`) }))}
        value={search.status ?? null}
        onChange={(value) => set({ status: (value as MemberStatus | null) ?? undefined })}
      />
      <Select
        label={t('members.keyOfficialFilter')}
        placeholder={t('common.all')}
        clearable
        data={[
          { value: 'true', label: t('members.keyOfficialOnly') },
          { value: 'false', label: t('members.keyOfficialExclude') },
        ]}
        value={search.keyOfficial ?? null}
        onChange={(value) => set({ keyOfficial: (value as 'true' | 'false' | null) ?? undefined })}
      />
      <Select
        label={t('members.sort')}
        allowDeselect={false}
        data={MEMBER_SORTS.map((sort) => ({ value: sort, label: t(`members.sorts.${sort}`) }))}
        value={search.sort ?? 'name'}
        onChange={(value) => set({ sort: value === 'name' ? undefined : ((value as MemberSort | null) ?? undefined) })}
      />
      {hasChildren ? (
        <Switch
          label={t('members.includeSubunits')}
          checked={(search.subtree ?? 'true') === 'true'}
          onChange={(event) => set({ subtree: event.currentTarget.checked ? undefined : 'false' })}
          style={{ gridColumn: '1 / -1' }}
        />
      ) : null}
    </SimpleGrid>
  );
}
