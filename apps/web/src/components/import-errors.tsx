import { Alert, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { errorMessage } from '../app/errors';
import { formatNumber } from '../app/format';

/**
 * A refused spreadsheet import: nothing was written, and every error by row and column (or the
 * server's message when the file could not be read at all), so it can be fixed and sent again.
 */
export function ImportErrors({
  error,
  title,
  testId,
  hint,
}: {
  error: unknown;
  title: string;
  testId: string;
  /** What to do when the file itself could not be read (no row to point at). */
  hint?: string;
}) {
  const { t } = useTranslation();
  const rows =
    error instanceof ApiError
      ? [...error.details.filter((detail) => detail.row !== undefined || detail.column)].sort(
          (a, b) => (a.row ?? 0) - (b.row ?? 0),
        )
      : [];
  return (
    <Stack gap="sm" data-testid={testId}>
      <Alert color="red" icon={<IconAlertTriangle size={20} />} title={title} role="alert">
        <Text size="sm" fw={600}>
          {t('import.nothingWritten')}
        </Text>
        <Text size="sm">
          {rows.length > 0
            ? t('import.fixAndRetry', { count: rows.length, formatted: formatNumber(rows.length) })
            : errorMessage(error, t)}
        </Text>
        {rows.length === 0 && hint ? <Text size="sm">{hint}</Text> : null}
      </Alert>
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={300} maxHeight={420}>
          <Table striped withTableBorder stickyHeader data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56}>{t('import.colRow')}</Table.Th>
                <Table.Th w="25%">{t('import.colColumn')}</Table.Th>
                <Table.Th>{t('import.colError')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((detail) => (
                <Table.Tr key={`${detail.row ?? 0}|${detail.column ?? ''}|${detail.field}|${detail.message}`}>
                  <Table.Td>{detail.row ?? '—'}</Table.Td>
                  <Table.Td>{detail.column ?? '—'}</Table.Td>
                  <Table.Td>{detail.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
