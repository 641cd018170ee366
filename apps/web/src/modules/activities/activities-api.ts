import type { ActivityCategory, CreateActivityBody, UpdateActivityBody } from '@lan-toa/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../app/api';
import type {
  ActivityFileList,
  ActivityFileView,
  ActivityPage,
  ActivityView,
  AttendanceImportResult,
  AttendanceView,
  CheckinInfo,
  CheckinPage,
  CheckinResult,
  GuestView,
} from '../../app/types';

export interface ActivityListParams {
  unitId?: number;
  from?: string;
  to?: string;
  category?: ActivityCategory;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const activityKeys = {
  all: ['activities'] as const,
  list: (params: ActivityListParams) => ['activities', 'list', params] as const,
  detail: (id: number) => ['activities', 'detail', id] as const,
  attendance: (id: number) => ['activities', 'attendance', id] as const,
  files: (id: number) => ['activities', 'files', id] as const,
  checkinPage: (code: string) => ['checkin', code] as const,
};

export const activityListQuery = (params: ActivityListParams) =>
  queryOptions({
    queryKey: activityKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<ActivityPage>(
        '/api/activities',
        { ...params, page: params.page ?? 1, pageSize: params.pageSize ?? 25 },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const activityQuery = (id: number) =>
  queryOptions({
    queryKey: activityKeys.detail(id),
    queryFn: ({ signal }) => api.get<ActivityView>(`/api/activities/${id}`, undefined, signal),
  });

export const attendanceQuery = (id: number) =>
  queryOptions({
    queryKey: activityKeys.attendance(id),
    queryFn: ({ signal }) => api.get<AttendanceView>(`/api/activities/${id}/attendance`, undefined, signal),
  });

export const checkinPageQuery = (code: string) =>
  queryOptions({
    queryKey: activityKeys.checkinPage(code),
    queryFn: ({ signal }) =>
      api.request<CheckinPage>('GET', `/api/checkin/${encodeURIComponent(code)}`, { skipAuthRedirect: true, signal }),
    retry: false,
  });

export const ATTENDANCE_TEMPLATE_URL = '/api/activities/attendance-template';
export const qrCodeUrl = (id: number, code: string) => `/api/activities/${id}/checkin/qr.svg?c=${code}`;

/** After any change to an activity or its attendance, the figures computed from them are stale too. */
function useInvalidateActivities() {
  const client = useQueryClient();
  return async (id?: number) => {
    await Promise.all([
      client.invalidateQueries({ queryKey: id === undefined ? activityKeys.all : activityKeys.detail(id) }),
      client.invalidateQueries({ queryKey: ['activities', 'list'] }),
      client.invalidateQueries({ queryKey: ['calendar'] }),
      client.invalidateQueries({ queryKey: ['progress'] }),
    ]);
  };
}

export function useSaveActivity(id: number | null) {
  const client = useQueryClient();
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: (body: CreateActivityBody | UpdateActivityBody) =>
      id === null
        ? api.post<ActivityView>('/api/activities', body)
        : api.patch<ActivityView>(`/api/activities/${id}`, body),
    onSuccess: async (activity) => {
      client.setQueryData(activityKeys.detail(activity.id), activity);
      await Promise.all([invalidate(), client.invalidateQueries({ queryKey: activityKeys.attendance(activity.id) })]);
    },
  });
}

export function useDeleteActivity(id: number) {
  const client = useQueryClient();
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: () => api.request<null>('DELETE', `/api/activities/${id}`),
    onSuccess: async () => {
      client.removeQueries({ queryKey: activityKeys.detail(id) });
      await invalidate();
    },
  });
}

export function useSetAttendance(id: number) {
  const client = useQueryClient();
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: (memberIds: number[]) =>
      api.request<AttendanceView>('PUT', `/api/activities/${id}/attendance`, { body: { memberIds } }),
    onSuccess: async (view) => {
      client.setQueryData(activityKeys.attendance(id), view);
      await invalidate(id);
    },
  });
}

export function useAttendanceImport(id: number) {
  const client = useQueryClient();
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<AttendanceImportResult>(`/api/activities/${id}/attendance/import`, 'file', file),
    onSuccess: async () => {
      await Promise.all([invalidate(id), client.invalidateQueries({ queryKey: activityKeys.attendance(id) })]);
    },
  });
}

export function useGuestCommand(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      command: { type: 'add'; name: string; organisation: string } | { type: 'remove'; guestId: number },
    ): Promise<GuestView | null> =>
      command.type === 'add'
        ? api.post<GuestView>(`/api/activities/${id}/guests`, {
            name: command.name,
            organisation: command.organisation,
          })
        : api.request<null>('DELETE', `/api/activities/${id}/guests/${command.guestId}`),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: activityKeys.attendance(id) }),
        client.invalidateQueries({ queryKey: activityKeys.detail(id) }),
      ]);
    },
  });
}

export function useCheckinCommand(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (command: { type: 'open'; opensAt?: string; openUntil?: string } | { type: 'close' }) =>
      command.type === 'open'
        ? api.post<CheckinInfo>(`/api/activities/${id}/checkin`, {
            ...(command.opensAt ? { opensAt: command.opensAt } : {}),
            ...(command.openUntil ? { openUntil: command.openUntil } : {}),
          })
        : api.request<null>('DELETE', `/api/activities/${id}/checkin`),
    onSuccess: () => client.invalidateQueries({ queryKey: activityKeys.detail(id) }),
  });
}

export function useCheckIn(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CheckinResult>(`/api/checkin/${encodeURIComponent(code)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: activityKeys.checkinPage(code) }),
  });
}

export const activityFilesQuery = (id: number) =>
  queryOptions({
    queryKey: activityKeys.files(id),
    queryFn: ({ signal }) => api.get<ActivityFileList>(`/api/activities/${id}/files`, undefined, signal),
  });

/** Upload of a photo or attachment, reporting the fraction sent. */
export function useUploadActivityFile(id: number, onProgress: (fraction: number) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, caption }: { file: File; caption: string }) =>
      uploadFile<ActivityFileView>(`/api/activities/${id}/files`, 'file', file, {
        fields: caption ? { caption } : {},
        onUploadProgress: onProgress,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: activityKeys.files(id) });
    },
  });
}

export function useDeleteActivityFile(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fileId: number) => api.request<null>('DELETE', `/api/activities/${id}/files/${fileId}`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: activityKeys.files(id) });
    },
  });
}
