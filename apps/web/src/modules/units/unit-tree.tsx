import { ActionIcon, Badge, Box, Collapse, Group, Stack, Text } from '@mantine/core';
import { IconChevronRight, IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../app/format';
import type { UnitTreeNode } from '../../app/types';
import { AnchorLink } from '../../components/links';
import classes from './unit-tree.module.css';

interface UnitTreeProps {
  nodes: UnitTreeNode[];
  expanded: ReadonlySet<number>;
  onToggle: (id: number) => void;
  /** When set, only these units are shown (a search result with its ancestors). */
  visible?: ReadonlySet<number> | null;
  depth?: number;
}

/** Active members of a unit and everything below it (memberCount counts direct members only). */
function subtreeMembers(node: UnitTreeNode): number {
  return node.children.reduce((sum, child) => sum + subtreeMembers(child), node.memberCount);
}

export function UnitTree({ nodes, expanded, onToggle, visible, depth = 0 }: UnitTreeProps) {
  const shown = visible ? nodes.filter((node) => visible.has(node.id)) : nodes;
  return (
    <Stack gap={0} role={depth === 0 ? 'tree' : 'group'}>
      {shown.map((node) => (
        <UnitTreeRow
          key={node.id}
          node={node}
          expanded={expanded}
          onToggle={onToggle}
          visible={visible}
          depth={depth}
        />
      ))}
    </Stack>
  );
}

interface UnitTreeRowProps extends Omit<UnitTreeProps, 'nodes'> {
  node: UnitTreeNode;
  depth: number;
}

function UnitTreeRow({ node, expanded, onToggle, visible, depth }: UnitTreeRowProps) {
  const { t } = useTranslation();
  const hasChildren = node.children.length > 0;
  const open = hasChildren && (expanded.has(node.id) || Boolean(visible));
  const ended = node.validTo !== null;
  return (
    <Box role="treeitem" aria-expanded={hasChildren ? open : undefined}>
      <Group
        gap={6}
        wrap="nowrap"
        align="flex-start"
        className={classes.row}
        data-ended={ended || undefined}
        pl={`calc(${depth} * var(--tree-indent))`}
      >
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            mt={2}
            onClick={() => onToggle(node.id)}
            aria-label={open ? t('units.collapse', { name: node.name }) : t('units.expand', { name: node.name })}
            className={classes.chevron}
            data-open={open || undefined}
          >
            <IconChevronRight size={16} />
          </ActionIcon>
        ) : (
          <Box className={classes.leaf} mt={2}>
            <IconPoint size={14} />
          </Box>
        )}
        <Box miw={0} className={classes.body}>
          <AnchorLink
            to="/units/$unitId"
            params={{ unitId: String(node.id) }}
            fw={500}
            c={ended ? 'dimmed' : undefined}
          >
            {node.name}
          </AnchorLink>
          <Text size="xs" c="dimmed" mt={2}>
            {[
              node.kindName,
              hasChildren
                ? t('units.memberCountTree', {
                    total: formatNumber(subtreeMembers(node)),
                    direct: formatNumber(node.memberCount),
                  })
                : t('units.memberCount', { count: node.memberCount, formatted: formatNumber(node.memberCount) }),
              hasChildren
                ? t('units.childCount', { count: node.childCount, formatted: formatNumber(node.childCount) })
                : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {ended ? (
            <Badge size="xs" color="gray" variant="light" mt={4}>
              {node.mergedIntoId !== null
                ? t('units.mergedOn', { date: formatDate(node.validTo) })
                : t('units.dissolvedOn', { date: formatDate(node.validTo) })}
            </Badge>
          ) : null}
        </Box>
      </Group>
      {hasChildren ? (
        <Collapse expanded={open}>
          {open ? (
            <UnitTree
              nodes={node.children}
              expanded={expanded}
              onToggle={onToggle}
              visible={visible}
              depth={depth + 1}
            />
          ) : null}
        </Collapse>
      ) : null}
    </Box>
  );
}
