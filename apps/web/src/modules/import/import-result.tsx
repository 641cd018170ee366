import { Button, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import type { ImportResult } from '../../app/types';
import { ImportErrors } from '../../components/import-errors';
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

  return (
    <Stack gap="md" data-testid="import-result" data-outcome="error">
      <ImportErrors
        error={error}
        title={t('import.failedTitle')}
        testId="member-import-errors"
        hint={t('import.fixFileHint')}
      />
      <Group gap="sm">
        <Button onClick={onRetry}>{t('import.tryAgain')}</Button>
        <ButtonLink to="/units/$unitId" params={{ unitId: String(unitId) }} variant="default">
          {t('import.backToUnit')}
        </ButtonLink>
      </Group>
    </Stack>
  );
}
