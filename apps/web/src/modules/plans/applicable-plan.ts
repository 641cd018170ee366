import { useQuery } from '@tanstack/react-query';
import type { PlanSummary, UnitDetail } from '../../app/types';
import { unitQuery } from '../units/units-api';
import { allPlansQuery } from './plans-api';

/** The plan that applies to a unit: its own, else the closest unit above's; issued ones first. */
export function applicablePlan(
  plans: PlanSummary[],
  unit: Pick<UnitDetail, 'id' | 'ancestors'>,
): PlanSummary | undefined {
  const chain = [unit.id, ...unit.ancestors.map((ancestor) => ancestor.id).reverse()];
  for (const status of ['issued', 'draft'] as const) {
    for (const id of chain) {
      const plan = plans.find((entry) => entry.unitId === id && entry.status === status);
      if (plan) return plan;
    }
  }
  return undefined;
}

/** Does the plan cover the unit (issued by it or by a unit above it)? */
export function planAppliesTo(plan: PlanSummary, unit: Pick<UnitDetail, 'id' | 'ancestors'>): boolean {
  return plan.unitId === unit.id || unit.ancestors.some((ancestor) => ancestor.id === plan.unitId);
}

export function useApplicablePlan(unitId: number | null): PlanSummary | undefined {
  const unit = useQuery({ ...unitQuery(unitId ?? 0), enabled: unitId !== null });
  const plans = useQuery(allPlansQuery);
  if (!unit.data || !plans.data) return undefined;
  return applicablePlan(plans.data.items, unit.data);
}
