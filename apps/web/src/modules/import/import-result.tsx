import { Alert, Button, Group, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { formatNumber } from '../../app/format';
import type { ImportResult } from '../../app/types';
import { ButtonLink } from '../../components/links';

interface ImportOutcomeProps {
  unitId: number;
  result: ImportResult | undefined;
  error: unknown;
  onRetry: () => void;
}

/** Step 3: how many members were created, or every problem found (and the promise nothing was written). */
export function ImportOutcome({ unitId, result, error, onRetry }: ImportOutcomeProps) {
  const { t } = useTranslation();

  if (result) {
    return (
      <Stack gap="md" data-testid="import-result" data-outcome="success">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon color="green" variant="light" size="xl" radius="xl">
            <IconCircleCheck size={26} />
          </ThemeIcon>
          <Stack gap={0}>
            <Title order={2} size="h3">
              {t('import.successTitle')}
            </Title>
            <Text>{t('import.successCount', { count: result.created, formatted: formatNumber(result.created) })}</Text>
          </Stack>
        </Group>
        <Group gap="sm">
          <ButtonLink to="/units/$unitId" params={{ unitId: String(result.unitId) }}>
            {t('import.viewMembers')}
          </ButtonLink>
          <Button variant="default" onClick={onRetry}>
            {t('import.importAnother')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const rows =
    error instanceof ApiError ? error.details.filter((detail) => detail.row !== undefined || detail.column) : [];
  const sorted = [...rows].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

  return (
    <Stack gap="md" data-testid="import-result" data-outcome="error">
      <Alert color="red" icon={<IconAlertTriangle size={20} />} title={t('import.failedTitle')} role="alert">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('import.nothingWritten')}
          </Text>
          {sorted.length > 0 ? (
            <Text size="sm">
              {t('import.fixAndRetry', { count: sorted.length, formatted: formatNumber(sorted.length) })}
            </Text>
          ) : (
            <>
              <Text size="sm">{errorMessage(error, t)}</Text>
              <Text size="sm">{t('import.fixFileHint')}</Text>
            </>
          )}
        </Stack>
      </Alert>
      {sorted.length > 0 ? (
        <Table.ScrollContainer minWidth={300} maxHeight={480}>
          <Table striped withTableBorder stickyHeader data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56}>{t('import.colRow')}</Table.Th>
                <Table.Th w="30%">{t('import.colColumn')}</Table.Th>
                <Table.Th>{t('import.colError')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((detail) => (
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
      <Group gap="sm">
        <Button onClick={onRetry}>{t('import.tryAgain')}</Button>
        <ButtonLink to="/units/$unitId" params={{ unitId: String(unitId) }} variant="default">
          {t('import.backToUnit')}
        </ButtonLink>
      </Group>
    </Stack>
  );
}
