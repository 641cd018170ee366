import type {
  AmendPlanInput,
  CascadeStatus,
  CreatePlanInput,
  CreateTargetInput,
  CreateTaskInput,
  PlanFieldsPatch,
  UpdateTargetInput,
  UpdateTaskInput,
} from '@lan-toa/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type {
  CascadeResponse,
  PlanDetail,
  PlanPage,
  PlanTarget,
  PlanTask,
  PlanVersionDetail,
  PlanVersionSummary,
} from '../../app/types';

export interface PlanListParams {
  q?: string;
  status?: 'draft' | 'issued';
  unitId?: number;
  page?: number;
  pageSize?: number;
}

export const planKeys = {
  all: ['plans'] as const,
  list: (params: PlanListParams) => ['plans', 'list', params] as const,
  detail: (id: number) => ['plans', 'detail', id] as const,
  versions: (id: number) => ['plans', 'versions', id] as const,
  version: (id: number, version: number) => ['plans', 'version', id, version] as const,
  cascade: (id: number, status: CascadeStatus | undefined, sort: string) =>
    ['plans', 'cascade', id, status ?? 'all', sort] as const,
};

export const planListQuery = (params: PlanListParams) =>
  queryOptions({
    queryKey: planKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<PlanPage>('/api/plans', { ...params, page: params.page ?? 1, pageSize: params.pageSize ?? 25 }, signal),
    placeholderData: keepPreviousData,
  });

/** Every plan the actor can see (the dashboard's plan picker). */
export const allPlansQuery = queryOptions({
  queryKey: planKeys.list({ pageSize: 200 }),
  queryFn: ({ signal }) => api.get<PlanPage>('/api/plans', { page: 1, pageSize: 200 }, signal),
  staleTime: 60_000,
});

export const planQuery = (id: number) =>
  queryOptions({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => api.get<PlanDetail>(`/api/plans/${id}`, undefined, signal),
  });

export const planVersionsQuery = (id: number) =>
  queryOptions({
    queryKey: planKeys.versions(id),
    queryFn: ({ signal }) => api.get<PlanVersionSummary[]>(`/api/plans/${id}/versions`, undefined, signal),
  });

export const planVersionQuery = (id: number, version: number) =>
  queryOptions({
    queryKey: planKeys.version(id, version),
    queryFn: ({ signal }) => api.get<PlanVersionDetail>(`/api/plans/${id}/versions/${version}`, undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const cascadeQuery = (id: number, status: CascadeStatus | undefined, sort: string) =>
  queryOptions({
    queryKey: planKeys.cascade(id, status, sort),
    queryFn: ({ signal }) => api.get<CascadeResponse>(`/api/plans/${id}/cascade`, { status, sort }, signal),
    placeholderData: keepPreviousData,
  });

/** Any change to a plan: its page, the lists and every figure computed from it are stale. */
function useInvalidatePlans() {
  const client = useQueryClient();
  return async (plan?: PlanDetail) => {
    if (plan) client.setQueryData(planKeys.detail(plan.id), plan);
    await Promise.all([
      client.invalidateQueries({ queryKey: planKeys.all }),
      client.invalidateQueries({ queryKey: ['progress'] }),
    ]);
  };
}

export function useCreatePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (
      body: Partial<CreatePlanInput> & Pick<CreatePlanInput, 'unitId' | 'title' | 'termStart' | 'termEnd'>,
    ) => api.post<PlanDetail>('/api/plans', body),
    onSuccess: (plan) => invalidate(plan),
  });
}

export function useUpdatePlan(id: number) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: PlanFieldsPatch) => api.patch<PlanDetail>(`/api/plans/${id}`, body),
    onSuccess: (plan) => invalidate(plan),
  });
}

export function useIssuePlan(id: number) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: () => api.post<PlanDetail>(`/api/plans/${id}/issue`),
    onSuccess: (plan) => invalidate(plan),
  });
}

export function useAmendPlan(id: number) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: AmendPlanInput) => api.post<PlanDetail>(`/api/plans/${id}/amendments`, body),
    onSuccess: (plan) => invalidate(plan),
  });
}

export function useDerivePlan(id: number) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: { unitId: number; number?: string; title?: string }) =>
      api.post<PlanDetail>(`/api/plans/${id}/derived`, body),
    onSuccess: (plan) => invalidate(plan),
  });
}

export type TargetCommand =
  | { type: 'add'; body: CreateTargetInput }
  | { type: 'update'; id: number; body: UpdateTargetInput }
  | { type: 'remove'; id: number };

export type TaskCommand =
  | { type: 'add'; body: CreateTaskInput }
  | { type: 'update'; id: number; body: UpdateTaskInput }
  | { type: 'remove'; id: number };

/** Targets of a draft, one at a time (each is its own transaction on the server). */
export function useTargetCommand(planId: number) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (command: TargetCommand): Promise<PlanTarget | null> => {
      const base = `/api/plans/${planId}/targets`;
      if (command.type === 'add') return api.post<PlanTarget>(base, command.body);
      if (command.type === 'update') return api.patch<PlanTarget>(`${base}/${command.id}`, command.body);
      return api.request<null>('DELETE', `${base}/${command.id}`);
    },
    onSuccess: () => invalidate(),
  });
}

export function useTaskCommand(planId: number) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (command: TaskCommand): Promise<PlanTask | null> => {
      const base = `/api/plans/${planId}/tasks`;
      if (command.type === 'add') return api.post<PlanTask>(base, command.body);
      if (command.type === 'update') return api.patch<PlanTask>(`${base}/${command.id}`, command.body);
      return api.request<null>('DELETE', `${base}/${command.id}`);
    },
    onSuccess: () => invalidate(),
  });
}
