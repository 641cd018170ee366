import { Paper, Stack, Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconHierarchy2, IconHistory, IconHomeHeart, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../components/states';
import { CultureTab } from '../culture/culture-tab';
import { MemberList } from '../members/member-list';
import type { UnitSearch, UnitTab } from '../members/member-search';
import { UnitChildrenTab } from './unit-children-tab';
import { UnitHeader } from './unit-header';
import { UnitHistoryTab } from './unit-history-tab';
import classes from './unit-page.module.css';
import { unitQuery } from './units-api';

interface UnitPageProps {
  unitId: number;
  search: UnitSearch;
  onSearchChange: (patch: Partial<UnitSearch>) => void;
}

export function UnitPage({ unitId, search, onSearchChange }: UnitPageProps) {
  const { t } = useTranslation();
  const unit = useQuery(unitQuery(unitId));
  // Four tabs with icons do not fit a 360 px screen on one line.
  const phone = useMediaQuery('(max-width: 30em)');

  if (unit.isLoading) return <LoadingState />;
  if (unit.isError || !unit.data) return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;

  const tab: UnitTab = search.tab ?? 'members';
  return (
    <Stack gap="md">
      <UnitHeader unit={unit.data} />
      <Tabs
        value={tab}
        onChange={(value) => onSearchChange({ tab: value === 'members' ? undefined : (value as UnitTab) })}
        keepMounted={false}
      >
        <Tabs.List className={classes.tabList}>
          <Tabs.Tab value="members" leftSection={phone ? undefined : <IconUsers size={16} />}>
            {t('units.tabMembers')}
          </Tabs.Tab>
          <Tabs.Tab value="children" leftSection={phone ? undefined : <IconHierarchy2 size={16} />}>
            {t('units.tabChildren')}
          </Tabs.Tab>
          <Tabs.Tab value="culture" leftSection={phone ? undefined : <IconHomeHeart size={16} />}>
            {t('units.tabCulture')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={phone ? undefined : <IconHistory size={16} />}>
            {t('units.tabHistory')}
          </Tabs.Tab>
        </Tabs.List>
        <Paper withBorder p={{ base: 'xs', sm: 'md' }} mt="sm">
          <Tabs.Panel value="members">
            <MemberList unit={unit.data} search={search} onSearchChange={onSearchChange} />
          </Tabs.Panel>
          <Tabs.Panel value="children">
            <UnitChildrenTab unit={unit.data} />
          </Tabs.Panel>
          <Tabs.Panel value="culture">
            <CultureTab unit={unit.data} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <UnitHistoryTab unitId={unitId} />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </Stack>
  );
}
