import { Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { inHomeScope, useMe } from '../app/session';
import { AnchorLink } from './links';

interface UnitBreadcrumbsProps {
  /** From the top of the tree down to the unit's parent. */
  ancestors: readonly { id: number; name: string }[];
  /** The unit itself, linked (on a member's page) or as the current page (on the unit's page). */
  unit: { id: number; name: string };
  /** The member's name when the trail ends at a member. */
  current?: string;
}

/**
 * Where a page sits in the organisation. Units above the account's part of the tree are shown
 * as plain text: the account may know their names but cannot open them.
 */
export function UnitBreadcrumbs({ ancestors, unit, current }: UnitBreadcrumbsProps) {
  const { t } = useTranslation();
  const me = useMe();
  const ids = ancestors.map((ancestor) => ancestor.id);
  const crumb = (entry: { id: number; name: string }, index: number) =>
    inHomeScope(me, entry.id, ids.slice(0, index)) ? (
      <AnchorLink key={entry.id} to="/units/$unitId" params={{ unitId: String(entry.id) }} size="sm">
        {entry.name}
      </AnchorLink>
    ) : (
      <Text key={entry.id} size="sm" c="dimmed">
        {entry.name}
      </Text>
    );
  return (
    <Breadcrumbs separatorMargin={6} aria-label={t('units.breadcrumb')}>
      <AnchorLink to="/units" size="sm">
        {t('nav.units')}
      </AnchorLink>
      {ancestors.map(crumb)}
      {current === undefined ? (
        <Text size="sm" c="dimmed" aria-current="page">
          {unit.name}
        </Text>
      ) : (
        crumb(unit, ancestors.length)
      )}
      {current === undefined ? null : (
        <Text size="sm" c="dimmed" aria-current="page">
          {current}
        </Text>
      )}
    </Breadcrumbs>
  );
}
