import { type DocumentType, type documentListQuery, foldVietnamese } from '@lan-toa/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { canViewDocument, DOCUMENT_NOT_FOUND, visibleDocumentCondition } from './library.policy.js';

/** Reading documents: one record, a page of a search, their topics and files. */

export interface DocumentRecord {
  id: number;
  unitId: number;
  unitName: string;
  unitPath: string;
  type: DocumentType;
  number: string;
  issuedOn: string | null;
  issuer: string;
  title: string;
  summary: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface DocumentFileRow {
  documentId: number;
  id: number;
  name: string;
  contentType: string;
  size: number;
}

const columns = sql`d.id, d.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath", d.type, d.number,
  d.issued_on as "issuedOn", d.issuer, d.title, d.summary, d.created_at as "createdAt", d.updated_at as "updatedAt"`;

export async function findDocument(db: Executor, id: number): Promise<DocumentRecord | null> {
  const result = await sql<DocumentRecord>`
    select ${columns} from documents d join units u on u.id = d.unit_id where d.id = ${id}`.execute(db);
  return result.rows[0] ?? null;
}

/** The document if the actor may see it; 404 otherwise. */
export async function findVisibleDocument(db: Executor, actor: Actor, id: number): Promise<DocumentRecord> {
  const document = await findDocument(db, id);
  if (!document || !canViewDocument(actor, document)) throw DOCUMENT_NOT_FOUND();
  return document;
}

/**
 * Words of a query, folded like the stored text, each matching the start of a word anywhere
 * ("02" finds "02-NQ/TW" but not "2024"); a regular expression the trigram index serves.
 */
export function searchCondition(q: string | undefined): Expression<SqlBool> {
  const words = foldVietnamese(q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 10);
  if (words.length === 0) return sql<SqlBool>`true`;
  const literal = (word: string) => word.replace(/[^\p{L}\p{N}]/gu, (c) => `\\${c}`);
  return sql<SqlBool>`(${sql.join(
    words.map((word) => sql`d.search_text ~ ${`(^|[^[:alnum:]])${literal(word)}`}`),
    sql` and `,
  )})`;
}

type ListQuery = z.infer<typeof documentListQuery>;

export async function searchDocuments(db: Executor, actor: Actor, query: ListQuery) {
  const filters = [visibleDocumentCondition(actor), searchCondition(query.q)];
  if (query.type) filters.push(sql<SqlBool>`d.type = ${query.type}`);
  if (query.year) {
    filters.push(
      sql<SqlBool>`d.issued_on >= ${`${query.year}-01-01`}::date and d.issued_on < ${`${query.year + 1}-01-01`}::date`,
    );
  }
  if (query.topicId) {
    filters.push(
      sql<SqlBool>`exists (select 1 from document_topics t where t.document_id = d.id and t.topic_id = ${query.topicId})`,
    );
  }
  if (query.issuer) {
    const issuer = foldVietnamese(query.issuer).replace(/[\\%_]/gu, (c) => `\\${c}`);
    filters.push(sql<SqlBool>`lower(unaccent(d.issuer)) like ${`%${issuer}%`}`);
  }
  const where = sql.join(filters, sql` and `);
  const result = await sql<DocumentRecord & { total: number }>`
    select ${columns}, count(*) over ()::int as total
    from documents d join units u on u.id = d.unit_id
    where ${where}
    order by d.issued_on desc nulls last, d.id desc
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`.execute(db);
  let total = result.rows[0]?.total ?? 0;
  if (result.rows.length === 0 && query.page > 1) {
    const count = await sql<{ n: number }>`
      select count(*)::int as n from documents d join units u on u.id = d.unit_id where ${where}`.execute(db);
    total = count.rows[0]?.n ?? 0;
  }
  return { rows: result.rows, total };
}

export async function topicsOf(db: Executor, documentIds: number[]) {
  if (documentIds.length === 0) return new Map<number, { id: number; name: string }[]>();
  const rows = await db
    .selectFrom('document_topics as dt')
    .innerJoin('library_topics as t', 't.id', 'dt.topic_id')
    .select(['dt.document_id as documentId', 't.id', 't.name'])
    .where('dt.document_id', 'in', documentIds)
    .orderBy('t.sort_order')
    .orderBy('t.id')
    .execute();
  const map = new Map<number, { id: number; name: string }[]>();
  for (const row of rows) {
    const list = map.get(row.documentId) ?? [];
    list.push({ id: row.id, name: row.name });
    map.set(row.documentId, list);
  }
  return map;
}

export async function filesOf(db: Executor, documentIds: number[]): Promise<Map<number, DocumentFileRow[]>> {
  const map = new Map<number, DocumentFileRow[]>();
  if (documentIds.length === 0) return map;
  const rows = await db
    .selectFrom('document_files as df')
    .innerJoin('files as f', 'f.id', 'df.file_id')
    .select([
      'df.document_id as documentId',
      'f.id',
      'f.original_name as name',
      'f.content_type as contentType',
      'f.size',
    ])
    .where('df.document_id', 'in', documentIds)
    .orderBy('df.sort_order')
    .orderBy('f.id')
    .execute();
  for (const row of rows) {
    const list = map.get(row.documentId) ?? [];
    list.push(row);
    map.set(row.documentId, list);
  }
  return map;
}

/** The folded text a search looks in: type, number, title, issuer, summary and topics. */
export async function refreshSearchText(db: Executor, documentId: number, typeLabel: string): Promise<void> {
  const row = await sql<{ number: string; title: string; issuer: string; summary: string; topics: string | null }>`
    select d.number, d.title, d.issuer, d.summary,
      (select string_agg(t.name, ' ') from document_topics dt join library_topics t on t.id = dt.topic_id
       where dt.document_id = d.id) as topics
    from documents d where d.id = ${documentId}`.execute(db);
  const d = row.rows[0];
  if (!d) return;
  const text = foldVietnamese([typeLabel, d.number, d.title, d.issuer, d.summary, d.topics ?? ''].join(' '));
  await db.updateTable('documents').set({ search_text: text }).where('id', '=', documentId).execute();
}
