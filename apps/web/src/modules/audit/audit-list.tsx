import { ActionIcon, Badge, Box, Card, Collapse, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { labelOrRaw } from '../../app/i18n-dynamic';
import type { AuditEvent } from '../../app/types';
import { AnchorLink } from '../../components/links';
import { AuditDiff } from './audit-diff';
import { entityName } from './audit-values';

/** Units and members have pages; other entities are shown as text. */
function EntityCell({ event, label }: { event: AuditEvent; label: string }) {
  if (event.entityId !== null && event.entityType === 'unit') {
    return (
      <AnchorLink to="/units/$unitId" params={{ unitId: String(event.entityId) }} size="sm">
        {label}
      </AnchorLink>
    );
  }
  if (event.entityId !== null && event.entityType === 'member') {
    return (
      <AnchorLink to="/members/$memberId" params={{ memberId: String(event.entityId) }} size="sm">
        {label}
      </AnchorLink>
    );
  }
  return <Text size="sm">{label}</Text>;
}

function useLabels() {
  const { t } = useTranslation();
  return {
    action: (event: AuditEvent) => labelOrRaw(t, 'audit.actions', event.action),
    entity: (event: AuditEvent) => {
      const kind = labelOrRaw(t, 'audit.entities', event.entityType);
      const name = entityName(event);
      if (name) return `${kind}: ${name}`;
      return event.entityId !== null ? `${kind} #${event.entityId}` : kind;
    },
    actor: (event: AuditEvent) => event.actorName ?? t('audit.system'),
  };
}

interface AuditListProps {
  events: AuditEvent[];
}

export function AuditTable({ events }: AuditListProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>{t('audit.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th>{t('audit.time')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.entity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const expanded = open.has(event.id);
            return (
              <Fragment key={event.id}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => toggle(event.id)}
                      aria-expanded={expanded}
                      aria-label={expanded ? t('audit.hideDetails') : t('audit.showDetails')}
                    >
                      {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>{formatDateTime(event.occurredAt)}</Table.Td>
                  <Table.Td>{labels.actor(event)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none">
                      {labels.action(event)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <EntityCell event={event} label={labels.entity(event)} />
                  </Table.Td>
                </Table.Tr>
                {expanded ? (
                  <Table.Tr>
                    <Table.Td colSpan={5} bg="gray.0">
                      <AuditDiff before={event.before} after={event.after} />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function AuditCards({ events }: AuditListProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Stack gap="xs">
      {events.map((event) => (
        <Card key={event.id} withBorder padding="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4} miw={0}>
              <Badge variant="light" tt="none">
                {labels.action(event)}
              </Badge>
              <EntityCell event={event} label={labels.entity(event)} />
              <Text size="xs" c="dimmed">
                {formatDateTime(event.occurredAt)} · {labels.actor(event)}
              </Text>
            </Stack>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => setOpen(open === event.id ? null : event.id)}
              aria-expanded={open === event.id}
              aria-label={open === event.id ? t('audit.hideDetails') : t('audit.showDetails')}
            >
              {open === event.id ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            </ActionIcon>
          </Group>
          <Collapse expanded={open === event.id}>
            <Box mt="sm">
              {open === event.id ? <AuditDiff before={event.before} after={event.after} compact /> : null}
            </Box>
          </Collapse>
        </Card>
      ))}
    </Stack>
  );
}
