import type { DeliveriesView, DocumentReach, NewsReachView } from '@lan-toa/contracts';
import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { formatNumber } from '../../app/format';
import { ErrorState, LoadingState } from '../../components/states';

/** A titled block that shows its query's loading, refusal, error and empty states in place. */
export function Section<T>({
  title,
  hint,
  query,
  isEmpty,
  empty,
  children,
}: {
  title: string;
  hint?: string;
  query: UseQueryResult<T>;
  isEmpty: (data: T) => boolean;
  empty: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const refused = query.error instanceof ApiError && [403, 404].includes(query.error.status);
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <div>
          <Title order={2} fz="h4">
            {title}
          </Title>
          {hint ? (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          ) : null}
        </div>
        {query.isPending ? (
          <LoadingState />
        ) : refused ? (
          <Text size="sm" c="dimmed">
            {t('communication.notAllowed')}
          </Text>
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : isEmpty(query.data) ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={300}>{children(query.data)}</Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

const num = (n: number) => formatNumber(n);

export function ReadsByUnitTable({ data }: { data: NewsReachView }) {
  const { t } = useTranslation();
  const rows = [...data.units].sort((a, b) => b.reads - a.reads);
  return (
    <Table striped data-testid="reads-by-unit">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('communication.col.unit')}</Table.Th>
          <Table.Th ta="right">{t('communication.col.articles')}</Table.Th>
          <Table.Th ta="right">{t('communication.col.reads')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((u) => (
          <Table.Tr key={u.id}>
            <Table.Td>{u.name}</Table.Td>
            <Table.Td ta="right">{num(u.articles)}</Table.Td>
            <Table.Td ta="right">{num(u.reads)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function TopArticlesTable({ data }: { data: NewsReachView }) {
  const { t } = useTranslation();
  return (
    <Table striped data-testid="top-articles">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('communication.col.article')}</Table.Th>
          <Table.Th ta="right">{t('communication.col.reads')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.articles.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Anchor href={a.publicUrl} target="_blank" rel="noopener" size="sm">
                {a.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {a.unitName}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{num(a.reads)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ConfirmationsTable({ data }: { data: DocumentReach }) {
  const { t } = useTranslation();
  return (
    <Table striped data-testid="confirmations-by-document">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('communication.col.document')}</Table.Th>
          <Table.Th ta="right">{t('communication.col.assignments')}</Table.Th>
          <Table.Th ta="right">{t('communication.col.confirmations')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.items.map((d) => (
          <Table.Tr key={d.documentId}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {d.number}
              </Text>
              <Text size="xs" c="dimmed">
                {d.title}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{num(d.assignments)}</Table.Td>
            <Table.Td ta="right">{num(d.confirmations)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function DeliveriesTable({ data }: { data: DeliveriesView }) {
  const { t } = useTranslation();
  const rows = [...data.months].sort((a, b) => b.month.localeCompare(a.month) || a.channel.localeCompare(b.channel));
  return (
    <Table striped horizontalSpacing={6} data-testid="channel-deliveries">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('communication.col.month')}</Table.Th>
          <Table.Th>{t('communication.col.channel')}</Table.Th>
          <Table.Th ta="right">{t('communication.col.published')}</Table.Th>
          <Table.Th ta="right">{t('communication.col.failed')}</Table.Th>
          <Table.Th ta="right">{t('communication.col.pending')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((m) => (
          <Table.Tr key={`${m.month}-${m.channel}`}>
            <Table.Td>{`${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`}</Table.Td>
            <Table.Td>
              {/* Plain text: a badge is cut to "F…" when a phone squeezes the column. */}
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {t(`communication.channels.${m.channel}`)}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{num(m.published)}</Table.Td>
            <Table.Td ta="right" c={m.failed > 0 ? 'red' : undefined}>
              {num(m.failed)}
            </Table.Td>
            <Table.Td ta="right">{num(m.pending)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
