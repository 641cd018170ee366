import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0015-concerns; joined into `Database` in schema.ts. */

type Id = ColumnType<number, never, never>;
type Uuid = ColumnType<string, string | undefined, never>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ConcernStatusCode = 'new' | 'received' | 'in_progress' | 'resolved' | 'escalated' | 'closed';

export interface ConcernCategoriesTable {
  code: string;
  name: string;
  deadline_days: number;
  sort_order: Generated<number>;
}

export interface ConcernsTable {
  id: Uuid;
  category: string;
  title: string;
  body: string;
  anonymous: boolean;
  member_id: number | null;
  account_id: number | null;
  submitted_at: MaybeTime;
  tracking_hash: string | null;
  submitted_on: string;
  origin_unit_id: number;
  unit_id: number;
  status: Generated<ConcernStatusCode>;
  due_on: string;
  first_due_on: string;
  reminded_due_on: string | null;
  escalations: Generated<number>;
  answer: string | null;
  answered_unit_id: number | null;
  first_answered_at: MaybeTime;
  answered_at: MaybeTime;
  resolved_at: MaybeTime;
  reopened: Generated<boolean>;
  rating: number | null;
  closed_on: string | null;
  announced: Generated<boolean>;
}

export interface ConcernEventsTable {
  id: Id;
  concern_id: string;
  kind: string;
  from_status: string;
  to_status: string;
  unit_id: number | null;
  actor_account_id: number | null;
  actor_name: string | null;
  note: Generated<string>;
  at: MaybeTime;
  on_date: string;
}

export interface ConcernAttachmentsTable {
  id: Uuid;
  concern_id: string;
  name: string;
  content_type: string;
  size: number;
  data: Buffer;
}

export interface ConcernTables {
  concern_categories: ConcernCategoriesTable;
  concerns: ConcernsTable;
  concern_events: ConcernEventsTable;
  concern_attachments: ConcernAttachmentsTable;
}
