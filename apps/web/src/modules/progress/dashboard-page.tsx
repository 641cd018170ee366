import { Alert, Breadcrumbs, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconEdit, IconFileText } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inHomeScope, useMe } from '../../app/session';
import type { PlanSummary, TargetFigure, UnitDetail } from '../../app/types';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/page-title';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/states';
import { applicablePlan, planAppliesTo } from '../plans/applicable-plan';
import { allPlansQuery, planQuery } from '../plans/plans-api';
import { unitQuery } from '../units/units-api';
import { ChairTodo } from './chair-todo';
import { DashboardFilters } from './dashboard-filters';
import type { DashboardSearch } from './dashboard-search';
import { ManualFigureModal } from './manual-figure-modal';
import { progressExportUrl, progressQuery, progressTableQuery, trendQuery } from './progress-api';
import { ProgressTable } from './progress-table';
import { TargetCard } from './target-card';
import { UncoveredDrawer, type UncoveredTarget } from './uncovered-drawer';

interface DashboardPageProps {
  search: DashboardSearch;
  onSearchChange: (patch: Partial<DashboardSearch>) => void;
}

export function DashboardPage({ search, onSearchChange }: DashboardPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const unitId = search.unitId ?? me.homeUnitIds[0];
  const plans = useQuery(allPlansQuery);
  const unit = useQuery({ ...unitQuery(unitId ?? 0), enabled: unitId !== undefined });

  if (unitId === undefined) {
    return <EmptyBlock title={t('dashboard.noUnit')} description={t('dashboard.noUnitHint')} />;
  }
  if (plans.isLoading || unit.isLoading) return <LoadingState />;
  if (plans.isError || !plans.data) return <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />;
  if (unit.isError || !unit.data) return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;

  const chosen = plans.data.items.find((plan) => plan.id === search.planId);
  const plan = chosen && planAppliesTo(chosen, unit.data) ? chosen : applicablePlan(plans.data.items, unit.data);
  const years: number[] = [];
  if (plan) for (let year = plan.termStart; year <= plan.termEnd; year += 1) years.push(year);
  const thisYear = new Date().getFullYear();
  const year = plan
    ? Math.min(plan.termEnd, Math.max(plan.termStart, search.year ?? thisYear))
    : (search.year ?? thisYear);

  return (
    <Stack gap="md">
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <DashboardFilters
        plans={plans.data.items}
        planId={plan?.id ?? null}
        unitId={unit.data.id}
        year={year}
        years={years.length > 0 ? years : [year]}
        onPlanChange={(planId) => {
          const next = plans.data.items.find((entry) => entry.id === planId);
          // A plan covers its issuing unit's subtree; outside it, show the issuing unit.
          onSearchChange({
            planId,
            unitId: next && !planAppliesTo(next, unit.data) ? next.unitId : search.unitId,
          });
        }}
        onUnitChange={(next) => onSearchChange({ unitId: next, planId: undefined })}
        onYearChange={(next) => onSearchChange({ year: next })}
      />
      {plan ? (
        <DashboardBody
          key={`${plan.id}-${unit.data.id}`}
          plan={plan}
          unit={unit.data}
          year={year}
          onDrillDown={(child) => onSearchChange({ unitId: child, planId: plan.id })}
        />
      ) : (
        <EmptyBlock
          icon={<IconFileText size={28} />}
          title={t('dashboard.noPlan')}
          description={t('dashboard.noPlanHint')}
          action={
            <ButtonLink to="/plans" variant="light">
              {t('dashboard.openPlans')}
            </ButtonLink>
          }
        />
      )}
    </Stack>
  );
}

interface DashboardBodyProps {
  plan: PlanSummary;
  unit: UnitDetail;
  year: number;
  onDrillDown: (unitId: number) => void;
}

function DashboardBody({ plan, unit, year, onDrillDown }: DashboardBodyProps) {
  const { t } = useTranslation();
  const me = useMe();
  const [uncovered, setUncovered] = useState<UncoveredTarget | null>(null);
  const [manualFor, setManualFor] = useState<number | null | undefined>(undefined);
  const detail = useQuery(planQuery(plan.id));
  const progress = useQuery(progressQuery(plan.id, unit.id, year));
  const trend = useQuery(trendQuery(plan.id, unit.id));
  const hasChildren = unit.childCount > 0;
  const table = useQuery({ ...progressTableQuery(plan.id, unit.id, year), enabled: hasChildren });
  const manager = unit.abilities.manageMembers;

  // The drill-down trail: from the plan's issuing unit down to this unit.
  const from = unit.ancestors.findIndex((ancestor) => ancestor.id === plan.unitId);
  const trail = from < 0 ? [] : unit.ancestors.slice(from);
  const ids = unit.ancestors.map((ancestor) => ancestor.id);
  const showUncovered = (figure: TargetFigure, target: { id: number; name: string } = unit) =>
    setUncovered({
      targetId: figure.targetId,
      code: figure.code,
      title: figure.title,
      unitId: target.id,
      unitName: target.name,
    });

  if (progress.isLoading) return <LoadingState />;
  if (progress.isError || !progress.data) {
    return <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;
  }
  const figures = progress.data.targets;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        {trail.length > 0 ? (
          <Breadcrumbs separatorMargin={6} aria-label={t('dashboard.trail')}>
            {trail.map((ancestor) =>
              inHomeScope(me, ancestor.id, ids.slice(0, ids.indexOf(ancestor.id))) ? (
                <AnchorLink
                  key={ancestor.id}
                  to="/dashboard"
                  search={{ planId: plan.id, unitId: ancestor.id, year }}
                  size="sm"
                >
                  {ancestor.name}
                </AnchorLink>
              ) : (
                <Text key={ancestor.id} size="sm" c="dimmed">
                  {ancestor.name}
                </Text>
              ),
            )}
            <Text size="sm" c="dimmed" aria-current="page">
              {unit.name}
            </Text>
          </Breadcrumbs>
        ) : null}
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2} miw={0} flex="1 1 260px">
            <Title order={2} size="h3">
              {unit.name}
            </Title>
            <Text size="sm" c="dimmed">
              {t('dashboard.subtitle', { year })}{' '}
              <AnchorLink to="/plans/$planId" params={{ planId: String(plan.id) }} size="sm">
                {t('dashboard.planRef', { number: plan.number || plan.title })}
              </AnchorLink>
            </Text>
          </Stack>
          {manager ? (
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setManualFor(null)}>
              {t('dashboard.enterFigure')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      {figures.length === 0 ? (
        <EmptyBlock title={t('dashboard.noTargets')} description={t('dashboard.noTargetsHint')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="dashboard-targets">
          {figures.map((figure) => (
            <TargetCard
              key={figure.targetId}
              figure={figure}
              target={detail.data?.targets.find((target) => target.id === figure.targetId)}
              trend={trend.data?.targets.find((entry) => entry.targetId === figure.targetId)}
              year={year}
              onShowUncovered={manager && figure.measure === 'coverage' ? () => showUncovered(figure) : undefined}
              // "Không áp dụng": nothing to count here, so no figure to enter for this target.
              onEnterFigure={
                manager && figure.status !== 'not_applicable' ? () => setManualFor(figure.targetId) : undefined
              }
            />
          ))}
        </SimpleGrid>
      )}
      {hasChildren ? (
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" gap="sm">
            <Stack gap={0}>
              <Title order={2} size="h4">
                {t('dashboard.table.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('dashboard.table.subtitle')}
              </Text>
            </Stack>
            <Button
              component="a"
              href={progressExportUrl(plan.id, unit.id, year)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              {t('dashboard.export')}
            </Button>
          </Group>
          {table.isLoading ? (
            <LoadingState />
          ) : table.isError || !table.data ? (
            <ErrorState error={table.error} onRetry={() => void table.refetch()} />
          ) : table.data.rows.length === 0 ? (
            <Alert color="gray">{t('dashboard.table.empty')}</Alert>
          ) : (
            <ProgressTable
              table={table.data}
              canListUncovered={manager}
              onDrillDown={onDrillDown}
              onShowUncovered={(rowUnitId, rowUnitName, figure) =>
                showUncovered(figure, { id: rowUnitId, name: rowUnitName })
              }
            />
          )}
        </Stack>
      ) : (
        <ChairTodo
          planId={plan.id}
          unit={unit}
          year={year}
          figures={figures}
          onShowUncovered={(figure) => showUncovered(figure)}
        />
      )}
      <UncoveredDrawer planId={plan.id} year={year} target={uncovered} onClose={() => setUncovered(null)} />
      {manager ? (
        <ManualFigureModal
          opened={manualFor !== undefined}
          planId={plan.id}
          unitId={unit.id}
          unitName={unit.name}
          year={year}
          figures={figures}
          targetId={manualFor ?? null}
          onClose={() => setManualFor(undefined)}
        />
      ) : null}
    </Stack>
  );
}
