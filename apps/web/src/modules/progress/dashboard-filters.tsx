import { Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../app/types';
import { UnitPicker } from '../../components/unit-picker';

interface DashboardFiltersProps {
  plans: PlanSummary[];
  planId: number | null;
  unitId: number;
  year: number;
  years: number[];
  onPlanChange: (planId: number) => void;
  onUnitChange: (unitId: number) => void;
  onYearChange: (year: number) => void;
}

export function planLabel(plan: Pick<PlanSummary, 'number' | 'title'>): string {
  return plan.number ? `${plan.number} — ${plan.title}` : plan.title;
}

/** Plan, unit and year: what the dashboard shows. */
export function DashboardFilters(props: DashboardFiltersProps) {
  const { plans, planId, unitId, year, years, onPlanChange, onUnitChange, onYearChange } = props;
  const { t } = useTranslation();
  const byId = new Map(plans.map((plan) => [String(plan.id), plan]));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        flex="3 1 320px"
        label={t('dashboard.filters.plan')}
        data={plans.map((plan) => ({ value: String(plan.id), label: planLabel(plan) }))}
        value={planId === null ? null : String(planId)}
        onChange={(value) => value && onPlanChange(Number(value))}
        allowDeselect={false}
        searchable
        comboboxProps={{ width: 'target' }}
        renderOption={({ option }) => {
          const plan = byId.get(option.value);
          return (
            <Stack gap={0}>
              <Text size="sm" lineClamp={2}>
                {option.label}
              </Text>
              {plan ? (
                <Text size="xs" c="dimmed">
                  {plan.unitName}
                  {plan.status === 'draft' ? ` · ${t('plans.status.draft')}` : ''}
                </Text>
              ) : null}
            </Stack>
          );
        }}
      />
      <UnitPicker
        flex="2 1 240px"
        label={t('dashboard.filters.unit')}
        value={unitId}
        onChange={(value) => value && onUnitChange(value)}
        clearable={false}
      />
      <Select
        w={110}
        label={t('dashboard.filters.year')}
        data={years.map((value) => String(value))}
        value={String(year)}
        onChange={(value) => value && onYearChange(Number(value))}
        allowDeselect={false}
      />
    </Group>
  );
}
