import { Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import {
  IconArrowMerge,
  IconArrowsMove,
  IconChartBar,
  IconChevronDown,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../app/format';
import { useMe } from '../../app/session';
import type { UnitDetail } from '../../app/types';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { UnitBreadcrumbs } from '../../components/unit-breadcrumbs';
import { type UnitChangeKind, UnitChangeModal } from './unit-change-modal';
import { UnitCreateModal } from './unit-create-modal';
import { canAddChildUnit } from './units-api';

export function UnitHeader({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const [change, setChange] = useState<UnitChangeKind | null>(null);
  const [creating, setCreating] = useState(false);
  const ended = unit.validTo !== null;
  const canEdit = unit.abilities.edit && !ended;
  const canAddChild = canAddChildUnit(useMe(), unit);

  return (
    <Stack gap="xs">
      <UnitBreadcrumbs ancestors={unit.ancestors} unit={unit} />
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} miw={0} flex="1 1 280px">
          <PageTitle c={ended ? 'dimmed' : undefined}>{unit.name}</PageTitle>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light">{unit.kindName}</Badge>
            {ended ? (
              <Badge color="gray" variant="filled">
                {unit.mergedIntoId !== null
                  ? t('units.mergedOn', { date: formatDate(unit.validTo) })
                  : t('units.dissolvedOn', { date: formatDate(unit.validTo) })}
              </Badge>
            ) : null}
            <Text size="sm" c="dimmed">
              {t('units.validFrom', { date: formatDate(unit.validFrom) })}
            </Text>
            <Text size="sm" c="dimmed">
              {unit.childCount > 0
                ? t('units.memberCountDirect', { formatted: formatNumber(unit.memberCount) })
                : t('units.memberCount', { count: unit.memberCount, formatted: formatNumber(unit.memberCount) })}
            </Text>
          </Group>
          {unit.mergedIntoId !== null ? (
            <Text size="sm">
              {t('units.mergedInto')}{' '}
              <AnchorLink to="/units/$unitId" params={{ unitId: String(unit.mergedIntoId) }}>
                {t('units.openMergedInto')}
              </AnchorLink>
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs">
          {ended ? null : (
            <ButtonLink
              to="/dashboard"
              search={{ unitId: unit.id }}
              variant="light"
              leftSection={<IconChartBar size={16} />}
              data-testid="unit-progress"
            >
              {t('units.progress')}
            </ButtonLink>
          )}
          {canEdit || canAddChild ? (
            <Menu position="bottom-end" shadow="md" width={240}>
              <Menu.Target>
                <Button variant="default" rightSection={<IconChevronDown size={16} />}>
                  {t('unitActions.menu')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {canAddChild ? (
                  <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                    {t('unitActions.create.title')}
                  </Menu.Item>
                ) : null}
                {canEdit ? (
                  <>
                    <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setChange('rename')}>
                      {t('unitActions.rename.title')}
                    </Menu.Item>
                    {unit.parentId !== null ? (
                      <Menu.Item leftSection={<IconArrowsMove size={16} />} onClick={() => setChange('move')}>
                        {t('unitActions.move.title')}
                      </Menu.Item>
                    ) : null}
                    <Menu.Divider />
                    <Menu.Item
                      color="red"
                      leftSection={<IconArrowMerge size={16} />}
                      onClick={() => setChange('merge')}
                    >
                      {t('unitActions.merge.title')}
                    </Menu.Item>
                    <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setChange('dissolve')}>
                      {t('unitActions.dissolve.title')}
                    </Menu.Item>
                  </>
                ) : null}
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
      </Group>
      <UnitChangeModal unit={unit} kind={change} onClose={() => setChange(null)} />
      <UnitCreateModal parent={unit} opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
