import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconHierarchy2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../app/format';
import { useMe } from '../../app/session';
import type { UnitDetail } from '../../app/types';
import { AnchorLink } from '../../components/links';
import { EmptyBlock } from '../../components/states';
import { canAddChildUnit } from './units-api';

export function UnitChildrenTab({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  if (unit.children.length === 0) {
    return (
      <EmptyBlock
        icon={<IconHierarchy2 size={28} />}
        title={t('units.noChildren')}
        description={canAddChildUnit(me, unit) ? t('units.noChildrenHintEditor') : t('units.noChildrenHint')}
      />
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      {unit.children.map((child) => {
        const ended = child.validTo !== null;
        return (
          <Card key={child.id} withBorder padding="sm" data-ended={ended || undefined} opacity={ended ? 0.7 : 1}>
            <Stack gap={6}>
              <AnchorLink
                to="/units/$unitId"
                params={{ unitId: String(child.id) }}
                fw={600}
                c={ended ? 'dimmed' : undefined}
              >
                {child.name}
              </AnchorLink>
              <Group gap="xs" wrap="wrap">
                <Badge variant="light" size="sm">
                  {child.kindName}
                </Badge>
                {ended ? (
                  <Badge variant="light" color="gray" size="sm">
                    {child.mergedIntoId !== null
                      ? t('units.mergedOn', { date: formatDate(child.validTo) })
                      : t('units.dissolvedOn', { date: formatDate(child.validTo) })}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed">
                {child.childCount > 0
                  ? t('units.memberCountDirect', { formatted: formatNumber(child.memberCount) })
                  : t('units.memberCount', { count: child.memberCount, formatted: formatNumber(child.memberCount) })}
                {child.childCount > 0
                  ? ` · ${t('units.childCount', { count: child.childCount, formatted: formatNumber(child.childCount) })}`
                  : ''}
              </Text>
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
