import type {
  AssignmentInput,
  AssignmentProgress,
  AssignmentSummary,
  AssignmentView,
  DocumentInput,
  DocumentPage,
  DocumentPatch,
  DocumentView,
  LibraryTopic,
  StudyConfirmResult,
  StudyPendingMember,
} from '@lan-toa/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../app/api';

/** Server calls of the library and study assignments, with their query keys. */

export const LIBRARY_PAGE_SIZE = 20;

export interface DocumentFilters {
  q?: string;
  type?: string;
  topicId?: number;
  year?: number;
  page?: number;
}

export const libraryKeys = {
  all: ['library'] as const,
  topics: ['library', 'topics'] as const,
  documents: (filters: DocumentFilters) => ['library', 'documents', filters] as const,
  document: (id: number) => ['library', 'document', id] as const,
  assignments: (scope: 'mine' | 'managed', page: number) => ['library', 'assignments', scope, page] as const,
  assignment: (id: number) => ['library', 'assignment', id] as const,
  progress: (id: number) => ['library', 'progress', id] as const,
  pending: (id: number) => ['library', 'pending', id] as const,
};

export const topicsQuery = () =>
  queryOptions({
    queryKey: libraryKeys.topics,
    queryFn: ({ signal }) =>
      api.get<{ items: LibraryTopic[]; canEdit: boolean }>('/api/library/topics', undefined, signal),
    staleTime: 5 * 60_000,
  });

export const documentsQuery = (filters: DocumentFilters, pageSize = LIBRARY_PAGE_SIZE) =>
  queryOptions({
    queryKey: [...libraryKeys.documents(filters), pageSize],
    queryFn: ({ signal }) =>
      api.get<DocumentPage>('/api/library/documents', { ...filters, page: filters.page ?? 1, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

export const documentQuery = (id: number) =>
  queryOptions({
    queryKey: libraryKeys.document(id),
    queryFn: ({ signal }) => api.get<DocumentView>(`/api/library/documents/${id}`, undefined, signal),
  });

export const assignmentsQuery = (scope: 'mine' | 'managed', page: number) =>
  queryOptions({
    queryKey: libraryKeys.assignments(scope, page),
    queryFn: ({ signal }) =>
      api.get<{ items: AssignmentSummary[]; total: number }>(
        '/api/study/assignments',
        { scope, page, pageSize: LIBRARY_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const assignmentQuery = (id: number) =>
  queryOptions({
    queryKey: libraryKeys.assignment(id),
    queryFn: ({ signal }) => api.get<AssignmentView>(`/api/study/assignments/${id}`, undefined, signal),
  });

export const progressQuery = (id: number) =>
  queryOptions({
    queryKey: libraryKeys.progress(id),
    queryFn: ({ signal }) => api.get<AssignmentProgress>(`/api/study/assignments/${id}/progress`, undefined, signal),
  });

export const pendingQuery = (id: number) =>
  queryOptions({
    queryKey: libraryKeys.pending(id),
    queryFn: ({ signal }) =>
      api.get<{ day: string; items: StudyPendingMember[]; total: number }>(
        `/api/study/assignments/${id}/pending`,
        undefined,
        signal,
      ),
  });

export function useSaveDocument(id: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DocumentInput | DocumentPatch) =>
      id === null
        ? api.post<DocumentView>('/api/library/documents', body)
        : api.patch<DocumentView>(`/api/library/documents/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}

export function useDeleteDocument(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.request<null>('DELETE', `/api/library/documents/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}

export function uploadDocumentFile(id: number, file: File) {
  return uploadFile<DocumentView>(`/api/library/documents/${id}/files`, 'file', file);
}

export function useRemoveDocumentFile(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fileId: number) => api.request<null>('DELETE', `/api/library/documents/${id}/files/${fileId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.document(id) }),
  });
}

export function useCreateAssignment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignmentInput) => api.post<AssignmentView>('/api/study/assignments', body),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}

export function useConfirmStudy(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, string>) =>
      api.post<StudyConfirmResult>(`/api/study/assignments/${id}/confirm`, { answers }),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}

export function useRemind(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ reminded: number; notified: number }>(`/api/study/assignments/${id}/remind`),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.progress(id) }),
  });
}
