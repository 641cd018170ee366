import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconEye } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { PlanDocument } from './plan-document';
import { PlanTargets } from './plan-targets';
import { PlanTasks } from './plan-tasks';
import { planVersionQuery, planVersionsQuery } from './plans-api';

/** Every issued version, newest first, each readable as it was. */
export function PlanVersions({ planId, current }: { planId: number; current: number }) {
  const { t } = useTranslation();
  const versions = useQuery(planVersionsQuery(planId));
  const [open, setOpen] = useState<number | null>(null);

  if (versions.isLoading) return <LoadingState />;
  if (versions.isError || !versions.data) {
    return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  }
  if (versions.data.length === 0) {
    return <EmptyBlock title={t('plans.versions.none')} description={t('plans.versions.noneHint')} />;
  }
  const list = [...versions.data].sort((a, b) => b.version - a.version);
  return (
    <Stack gap="xs">
      {list.map((version) => (
        <Card key={version.version} withBorder padding="sm">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Stack gap={2} miw={0} flex="1 1 240px">
              <Group gap="xs">
                <Text fw={700}>{t('plans.versions.version', { version: version.version })}</Text>
                {version.version === current ? (
                  <Badge size="sm" variant="light" color="green">
                    {t('plans.versions.current')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed">
                {t('plans.versions.issuedAt', {
                  date: formatDateTime(version.issuedAt),
                  by: version.issuedByName ?? '—',
                })}
              </Text>
              <Text size="sm">{version.reason ?? t('plans.versions.firstIssue')}</Text>
            </Stack>
            <Button variant="light" leftSection={<IconEye size={16} />} onClick={() => setOpen(version.version)}>
              {t('plans.versions.view')}
            </Button>
          </Group>
        </Card>
      ))}
      <VersionViewer planId={planId} version={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

function VersionViewer({ planId, version, onClose }: { planId: number; version: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const detail = useQuery({ ...planVersionQuery(planId, version ?? 0), enabled: version !== null });
  return (
    <Modal
      opened={version !== null}
      onClose={onClose}
      size="xl"
      fullScreen={phone}
      title={version === null ? '' : t('plans.versions.viewerTitle', { version })}
    >
      {detail.isLoading ? (
        <LoadingState />
      ) : detail.isError || !detail.data ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <Stack gap="md">
          {detail.data.reason ? (
            <Text size="sm">
              <Text span fw={600}>
                {t('plans.versions.reason')}:
              </Text>{' '}
              {detail.data.reason}
            </Text>
          ) : null}
          <PlanDocument plan={detail.data.plan} />
          <Title order={3} size="h4">
            {t('plans.tabs.targets')}
          </Title>
          <PlanTargets rows={detail.data.plan.targets.map((target) => ({ key: `v${target.id}`, target }))} />
          <Title order={3} size="h4">
            {t('plans.tabs.tasks')}
          </Title>
          <PlanTasks rows={detail.data.plan.tasks.map((task) => ({ key: `v${task.id}`, task }))} />
        </Stack>
      )}
    </Modal>
  );
}
