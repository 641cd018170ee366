import type { DocumentType } from '@lan-toa/contracts';

/**
 * The document types, in the order the forms offer them (the same list as the contracts'
 * DOCUMENT_TYPES, which the browser build does not ship: it carries no zod schemas).
 */
export const DOCUMENT_TYPES: readonly DocumentType[] = [
  'resolution',
  'directive',
  'conclusion',
  'law',
  'decree',
  'circular',
  'decision',
  'program',
  'plan',
  'guide',
  'official_letter',
  'other',
];

/** The library list's filters and the study pages' tabs, kept in the address so they survive a reload. */

const positiveInt = (value: unknown): number | undefined => {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
};

export interface LibrarySearch {
  q?: string;
  type?: string;
  topicId?: number;
  year?: number;
  page?: number;
}

export function parseLibrarySearch(search: Record<string, unknown>): LibrarySearch {
  const q = typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 200) : undefined;
  const type = (DOCUMENT_TYPES as readonly unknown[]).includes(search.type) ? (search.type as string) : undefined;
  const year = positiveInt(search.year);
  return {
    q,
    type,
    topicId: positiveInt(search.topicId),
    year: year !== undefined && year >= 1900 && year <= 2100 ? year : undefined,
    page: positiveInt(search.page),
  };
}

export interface StudySearch {
  tab?: 'mine' | 'managed';
  page?: number;
}

export function parseStudySearch(search: Record<string, unknown>): StudySearch {
  return {
    tab: search.tab === 'managed' || search.tab === 'mine' ? search.tab : undefined,
    page: positiveInt(search.page),
  };
}

export interface NewAssignmentSearch {
  documentId?: number;
}

export function parseNewAssignmentSearch(search: Record<string, unknown>): NewAssignmentSearch {
  return { documentId: positiveInt(search.documentId) };
}
