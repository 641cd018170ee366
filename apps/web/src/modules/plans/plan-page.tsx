import { Alert, Breadcrumbs, Button, Group, Menu, Paper, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChartBar,
  IconChevronDown,
  IconFileCheck,
  IconGitFork,
  IconHierarchy,
  IconPencil,
  IconSend,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatDate } from '../../app/format';
import { useMe } from '../../app/session';
import type { PlanDetail } from '../../app/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { flattenTree, unitTreeQuery } from '../units/units-api';
import { DeriveModal } from './derive-modal';
import { PlanStatusBadge } from './plan-badges';
import { PlanDocument } from './plan-document';
import type { PlanSearch, PlanTab } from './plan-search';
import { PlanTargets, targetRows } from './plan-targets';
import { PlanTasks, taskRows } from './plan-tasks';
import { PlanVersions } from './plan-versions';
import { allPlansQuery, planQuery, useIssuePlan } from './plans-api';

interface PlanPageProps {
  planId: number;
  search: PlanSearch;
  onSearchChange: (patch: Partial<PlanSearch>) => void;
}

export function PlanPage({ planId, search, onSearchChange }: PlanPageProps) {
  const { t } = useTranslation();
  const plan = useQuery(planQuery(planId));
  if (plan.isLoading) return <LoadingState />;
  if (plan.isError || !plan.data) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const tab: PlanTab = search.tab ?? 'document';
  const data = plan.data;

  return (
    <Stack gap="md">
      <PlanHeader plan={data} />
      <Tabs
        value={tab}
        onChange={(value) => onSearchChange({ tab: value === 'document' ? undefined : (value as PlanTab) })}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          <Tabs.Tab value="document">{t('plans.tabs.document')}</Tabs.Tab>
          <Tabs.Tab value="targets">{t('plans.tabs.targetsCount', { count: data.targets.length })}</Tabs.Tab>
          <Tabs.Tab value="tasks">{t('plans.tabs.tasksCount', { count: data.tasks.length })}</Tabs.Tab>
          {data.status === 'issued' ? <Tabs.Tab value="versions">{t('plans.tabs.versions')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="document" pt="md">
          <PlanDocument plan={data} superiorName={data.parent?.unitName} />
        </Tabs.Panel>
        <Tabs.Panel value="targets" pt="md">
          <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
            {data.targets.length === 0 ? (
              <EmptyBlock title={t('plans.noTargets')} />
            ) : (
              <PlanTargets rows={targetRows(data.targets)} />
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          {data.tasks.length === 0 ? (
            <EmptyBlock title={t('plans.noTasks')} />
          ) : (
            <PlanTasks rows={taskRows(data.tasks)} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <PlanVersions planId={data.id} current={data.version} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function PlanHeader({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [issuing, setIssuing] = useState(false);
  const [deriving, setDeriving] = useState(false);
  const issue = useIssuePlan(plan.id);
  const me = useMe();
  const plans = useQuery({ ...allPlansQuery, enabled: plan.abilities.derive });
  // The actor's own unit already built its plan from this one: open it instead of deriving again.
  const own = plans.data?.items.find((item) => item.parentPlanId === plan.id && me.homeUnitIds.includes(item.unitId));
  // A unit with no units below has nobody to build a plan from its own (the server still offers it).
  const tree = useQuery({ ...unitTreeQuery(), enabled: plan.abilities.derive });
  const issuer = flattenTree(tree.data ?? []).find((entry) => entry.unit.id === plan.unitId);
  const leafIssuer = issuer !== undefined && issuer.unit.children.length === 0;
  const abilities = { ...plan.abilities, derive: plan.abilities.derive && !own && !leafIssuer && !tree.isLoading };
  const missing = [!plan.number && t('plans.fields.number'), !plan.signedOn && t('plans.fields.signedOn')].filter(
    Boolean,
  ) as string[];

  return (
    <Stack gap="xs">
      <Breadcrumbs separatorMargin={6}>
        <AnchorLink to="/plans" size="sm">
          {t('nav.plans')}
        </AnchorLink>
        <Text size="sm" c="dimmed" aria-current="page">
          {plan.number || t('plans.untitledNumber')}
        </Text>
      </Breadcrumbs>
      <PageTitle>{plan.title}</PageTitle>
      <Group gap="xs" wrap="wrap">
        <PlanStatusBadge plan={plan} />
        <Text size="sm" c="dimmed">
          {[
            plan.number ? t('plans.numberLine', { number: plan.number }) : t('plans.noNumber'),
            plan.signedOn ? t('plans.signedOnLine', { date: formatDate(plan.signedOn) }) : null,
            plan.unitName,
            t('plans.term', { start: plan.termStart, end: plan.termEnd }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Group>
      {plan.parent ? (
        <Text size="sm">
          {t('plans.builtFrom')}{' '}
          <AnchorLink to="/plans/$planId" params={{ planId: String(plan.parent.id) }} size="sm">
            {t('plans.parentRef', { number: plan.parent.number, unit: plan.parent.unitName })}
          </AnchorLink>
        </Text>
      ) : null}
      <Group gap="xs" wrap="wrap">
        {plan.status === 'issued' ? (
          <ButtonLink
            to="/dashboard"
            search={{ planId: plan.id }}
            variant="light"
            leftSection={<IconChartBar size={16} />}
          >
            {t('plans.viewProgress')}
          </ButtonLink>
        ) : null}
        {abilities.edit ? (
          <ButtonLink
            to="/plans/$planId/edit"
            params={{ planId: String(plan.id) }}
            leftSection={<IconPencil size={16} />}
            data-testid="plan-edit"
          >
            {t('plans.editDraft')}
          </ButtonLink>
        ) : null}
        {abilities.issue ? (
          <Button color="green" leftSection={<IconSend size={16} />} onClick={() => setIssuing(true)}>
            {t('plans.issue')}
          </Button>
        ) : null}
        {abilities.derive ? (
          <Button
            variant="filled"
            leftSection={<IconGitFork size={16} />}
            onClick={() => setDeriving(true)}
            data-testid="plan-derive"
          >
            {t('plans.derive.button')}
          </Button>
        ) : null}
        {own ? (
          <ButtonLink
            to="/plans/$planId"
            params={{ planId: String(own.id) }}
            variant="light"
            leftSection={<IconGitFork size={16} />}
          >
            {t('plans.derive.ownPlan')}
          </ButtonLink>
        ) : null}
        {abilities.amend || abilities.viewCascade ? (
          <Menu position="bottom-end" shadow="md" width={260}>
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={16} />}>
                {t('common.actions')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {abilities.viewCascade && plan.status === 'issued' ? (
                <Menu.Item
                  leftSection={<IconHierarchy size={16} />}
                  onClick={() => void navigate({ to: '/plans/$planId/cascade', params: { planId: String(plan.id) } })}
                >
                  {t('plans.cascade.open')}
                </Menu.Item>
              ) : null}
              {abilities.amend ? (
                <Menu.Item
                  leftSection={<IconFileCheck size={16} />}
                  onClick={() => void navigate({ to: '/plans/$planId/edit', params: { planId: String(plan.id) } })}
                >
                  {t('plans.amend.open')}
                </Menu.Item>
              ) : null}
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
      {plan.status === 'draft' ? (
        <Alert color="yellow" variant="light">
          {abilities.issue ? t('plans.draftHintManager') : t('plans.draftHint')}
        </Alert>
      ) : null}
      <ConfirmDialog
        opened={issuing}
        title={t('plans.issueTitle')}
        message={missing.length > 0 ? t('plans.issueMissing', { fields: missing.join(', ') }) : t('plans.issueConfirm')}
        confirmLabel={t('plans.issue')}
        loading={issue.isPending}
        onCancel={() => setIssuing(false)}
        onConfirm={() => {
          if (missing.length > 0) {
            setIssuing(false);
            void navigate({ to: '/plans/$planId/edit', params: { planId: String(plan.id) } });
            return;
          }
          issue.mutate(undefined, {
            onSuccess: () => {
              setIssuing(false);
              notifications.show({ color: 'green', message: t('plans.issued') });
            },
            onError: (error) => {
              setIssuing(false);
              notifications.show({ color: 'red', message: errorMessage(error, t) });
            },
          });
        }}
      />
      {abilities.derive ? <DeriveModal plan={plan} opened={deriving} onClose={() => setDeriving(false)} /> : null}
    </Stack>
  );
}
