import type { ComboboxItem } from '@mantine/core';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api';
import { i18n } from '../../app/i18n';
import type { AuditPage } from '../../app/types';
import type { AuditSearch } from './audit-search';

export const AUDIT_PAGE_SIZE = 50;

export const auditQuery = (search: AuditSearch) =>
  queryOptions({
    queryKey: ['audit', search],
    queryFn: ({ signal }) =>
      api.get<AuditPage>(
        '/api/audit',
        { action: search.action, from: search.from, to: search.to, page: search.page ?? 1, pageSize: AUDIT_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

/** Every audit action the locale files name ("unit.created" → "Thêm đơn vị"), for the filter. */
export function auditActionOptions(language: string): ComboboxItem[] {
  const tree = (i18n.getResource(language, 'translation', 'audit.actions') ?? {}) as Record<
    string,
    Record<string, string>
  >;
  return Object.entries(tree)
    .flatMap(([entity, actions]) =>
      Object.entries(actions).map(([verb, label]) => ({ value: `${entity}.${verb}`, label })),
    )
    .sort((a, b) => a.label.localeCompare(b.label, language));
}
