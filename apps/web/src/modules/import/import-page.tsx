import { Breadcrumbs, Button, Paper, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { unitQuery } from '../units/units-api';
import { IMPORT_TEMPLATE_URL, useMemberImport } from './import-api';
import { ImportOutcome } from './import-result';
import { ImportUpload } from './import-upload';

const STEP_LABELS = ['import.step1', 'import.step2', 'import.step3'] as const;

/** Three steps: get the template, upload the filled workbook, read the outcome. */
export function ImportPage({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const phone = useMediaQuery('(max-width: 48em)');
  const unit = useQuery(unitQuery(unitId));
  const upload = useMemberImport(unitId);
  const [step, setStep] = useState(0);

  if (unit.isLoading) return <LoadingState />;
  if (unit.isError || !unit.data) return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;

  const allowed = unit.data.abilities.manageMembers && me.abilities.importMembers && unit.data.validTo === null;

  const restart = () => {
    upload.reset();
    setStep(1);
  };

  return (
    <Stack gap="md" maw={960}>
      <Breadcrumbs separatorMargin={6}>
        <AnchorLink to="/units/$unitId" params={{ unitId: String(unitId) }} size="sm">
          {unit.data.name}
        </AnchorLink>
        <Text size="sm" c="dimmed">
          {t('import.title')}
        </Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <PageTitle>{t('import.title')}</PageTitle>
        <Text c="dimmed" size="sm">
          {t('import.intro', { unit: unit.data.name })}
        </Text>
      </Stack>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        {!allowed ? (
          <EmptyBlock
            icon={<IconLock size={28} />}
            title={t('import.notAllowed')}
            description={t('import.notAllowedHint')}
            action={
              <ButtonLink to="/units/$unitId" params={{ unitId: String(unitId) }} variant="light">
                {t('import.backToUnit')}
              </ButtonLink>
            }
          />
        ) : (
          <>
            {phone ? (
              <Text size="sm" fw={600} mb="xs">
                {t('import.stepOf', {
                  step: Math.min(step, 2) + 1,
                  label: t(STEP_LABELS[Math.min(step, 2)] ?? 'import.step1'),
                })}
              </Text>
            ) : null}
            <Stepper active={step} onStepClick={(next) => !upload.isPending && next < step && setStep(next)} size="sm">
              <Stepper.Step
                label={phone ? undefined : t('import.step1')}
                description={phone ? undefined : t('import.step1Description')}
                aria-label={t('import.step1')}
              >
                <Stack gap="md" mt="md">
                  <Text size="sm">{t('import.templateHint')}</Text>
                  <Text size="sm" c="dimmed">
                    {t('import.templateRules')}
                  </Text>
                  <Stack gap="sm" align="flex-start">
                    <Button
                      component="a"
                      href={IMPORT_TEMPLATE_URL}
                      download
                      variant="light"
                      leftSection={<IconDownload size={16} />}
                    >
                      {t('import.downloadTemplate')}
                    </Button>
                    <Button onClick={() => setStep(1)}>{t('import.haveFile')}</Button>
                  </Stack>
                </Stack>
              </Stepper.Step>
              <Stepper.Step
                label={phone ? undefined : t('import.step2')}
                description={phone ? undefined : t('import.step2Description')}
                aria-label={t('import.step2')}
              >
                <ImportUpload
                  pending={upload.isPending}
                  phase={upload.phase}
                  progress={upload.progress}
                  onBack={() => setStep(0)}
                  onUpload={(file) => upload.mutate(file, { onSettled: () => setStep(2) })}
                />
              </Stepper.Step>
              <Stepper.Step
                label={phone ? undefined : t('import.step3')}
                aria-label={t('import.step3')}
                description={phone ? undefined : t('import.step3Description')}
                color={upload.isError ? 'red' : undefined}
              >
                <Stack mt="md">
                  <ImportOutcome unitId={unitId} result={upload.data} error={upload.error} onRetry={restart} />
                </Stack>
              </Stepper.Step>
            </Stepper>
          </>
        )}
      </Paper>
    </Stack>
  );
}
