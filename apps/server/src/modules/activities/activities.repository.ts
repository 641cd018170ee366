import type { ActivityAudience, ActivityCategory } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { TopicDocumentJson } from '../../db/schema.js';
import type { Actor } from '../../platform/access.js';
import { ACTIVITY_NOT_FOUND, visibleActivityCondition } from './activities.policy.js';
import { addDays, startOfVietnamDay } from './activity-time.js';

/** An activity with the units it concerns (today's names and places in the tree). */
export interface ActivityRecord {
  id: number;
  category: ActivityCategory;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  description: string;
  audience: ActivityAudience;
  /** The documents it is about, in the organiser's order. */
  topicDocuments: TopicDocumentJson[];
  organisingUnitId: number;
  organisingUnitName: string;
  organisingUnitPath: string;
  checkinCode: string | null;
  checkinOpensAt: Date | null;
  checkinOpenUntil: Date | null;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  participating: { id: number; name: string; path: string }[];
  /** For the policy: the paths of the participating units. */
  participatingPaths: string[];
}

export interface PlanItemRef {
  id: number;
  planId: number;
  code: string;
  title: string;
}

function activityQuery(db: Executor) {
  return db
    .selectFrom('activities as a')
    .innerJoin('units as ou', 'ou.id', 'a.organising_unit_id')
    .leftJoin('accounts as c', 'c.id', 'a.created_by')
    .select([
      'a.id',
      'a.category',
      'a.title',
      'a.starts_at as startsAt',
      'a.ends_at as endsAt',
      'a.place',
      'a.description',
      'a.audience',
      'a.topic_documents as topicDocuments',
      'a.organising_unit_id as organisingUnitId',
      'ou.name as organisingUnitName',
      'ou.path as organisingUnitPath',
      'a.checkin_code as checkinCode',
      'a.checkin_opens_at as checkinOpensAt',
      'a.checkin_open_until as checkinOpenUntil',
      'a.created_by as createdBy',
      'c.display_name as createdByName',
      'a.created_at as createdAt',
      'a.updated_at as updatedAt',
    ]);
}

type ActivityRow = Awaited<ReturnType<ReturnType<typeof activityQuery>['executeTakeFirstOrThrow']>>;

async function withUnits(db: Executor, row: ActivityRow): Promise<ActivityRecord> {
  const participating = await db
    .selectFrom('activity_units as au')
    .innerJoin('units as u', 'u.id', 'au.unit_id')
    .select(['u.id', 'u.name', 'u.path'])
    .where('au.activity_id', '=', row.id)
    .orderBy(sql`u.name collate "vi-VN-x-icu"`)
    .execute();
  return {
    ...row,
    category: row.category as ActivityCategory,
    audience: row.audience as ActivityAudience,
    participating,
    participatingPaths: participating.map((unit) => unit.path),
  };
}

/** `lock`: true (for update) serialises writers of one activity; 'share' lets check-ins run side by side. */
export async function findActivity(db: Executor, id: number, lock: boolean | 'share' = false): Promise<ActivityRecord> {
  let query = activityQuery(db).where('a.id', '=', id);
  if (lock === 'share') query = query.forShare('a');
  else if (lock) query = query.forUpdate('a');
  const row = await query.executeTakeFirst();
  if (!row) throw ACTIVITY_NOT_FOUND();
  return withUnits(db, row);
}

export async function findActivityByCode(db: Executor, code: string): Promise<ActivityRecord | null> {
  const row = await activityQuery(db).where('a.checkin_code', '=', code).executeTakeFirst();
  return row ? withUnits(db, row) : null;
}

/** Tasks and targets an activity is linked to, with their codes (read from the plans module's tables). */
export async function activityLinks(db: Executor, activityId: number) {
  const [tasks, targets] = await Promise.all([
    db
      .selectFrom('activity_links as l')
      .innerJoin('tasks as t', 't.id', 'l.task_id')
      .select(['t.id', 't.plan_id as planId', 't.code', 't.title'])
      .where('l.activity_id', '=', activityId)
      .orderBy('t.plan_id')
      .orderBy('t.sort_order')
      .orderBy('t.id')
      .execute(),
    db
      .selectFrom('activity_links as l')
      .innerJoin('targets as t', 't.id', 'l.target_id')
      .select(['t.id', 't.plan_id as planId', 't.code', 't.title'])
      .where('l.activity_id', '=', activityId)
      .orderBy('t.plan_id')
      .orderBy('t.sort_order')
      .orderBy('t.id')
      .execute(),
  ]);
  return { tasks, targets };
}

export async function activityCounts(db: Executor, activityId: number) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('attendances')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('activity_id', '=', activityId)
        .as('attendance'),
      eb
        .selectFrom('activity_guests')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('activity_id', '=', activityId)
        .as('guests'),
    ])
    .executeTakeFirstOrThrow();
  return { attendance: row.attendance ?? 0, guests: row.guests ?? 0 };
}

export interface ActivityFilters {
  /** Activities organised by or involving units of this subtree (today's tree). */
  unitPath?: string | undefined;
  /** Also those organised by or involving the units above `unitPath` (the calendar). */
  includeAncestors?: boolean;
  from?: string | undefined;
  to?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
}

function filteredActivities(db: Executor, actor: Actor, filters: ActivityFilters) {
  let query = db
    .selectFrom('activities as a')
    .innerJoin('units as ou', 'ou.id', 'a.organising_unit_id')
    .where(visibleActivityCondition(actor));
  const { unitPath } = filters;
  if (unitPath) {
    const near = filters.includeAncestors
      ? (column: string) => sql`(${sql.ref(column)} <@ ${unitPath}::ltree or ${sql.ref(column)} @> ${unitPath}::ltree)`
      : (column: string) => sql`${sql.ref(column)} <@ ${unitPath}::ltree`;
    query = query.where(
      sql<boolean>`(${near('ou.path')} or exists (
        select 1 from activity_units fau join units fu on fu.id = fau.unit_id
        where fau.activity_id = a.id and ${near('fu.path')}))`,
    );
  }
  // A range of local days: everything that overlaps it, multi-day activities included.
  if (filters.from) query = query.where('a.ends_at', '>=', startOfVietnamDay(filters.from));
  if (filters.to) query = query.where('a.starts_at', '<', startOfVietnamDay(addDays(filters.to, 1)));
  if (filters.category) query = query.where('a.category', '=', filters.category);
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[%_\\]/gu, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`unaccent(a.title) ilike unaccent(${pattern})`);
  }
  return query;
}

export async function listActivities(
  db: Executor,
  actor: Actor,
  filters: ActivityFilters,
  page: { page: number; pageSize: number } | null,
) {
  const where = filteredActivities(db, actor, filters);
  let query = where
    .select((eb) => [
      'a.id',
      'a.category',
      'a.title',
      'a.starts_at as startsAt',
      'a.ends_at as endsAt',
      'a.place',
      'a.audience',
      'a.organising_unit_id as organisingUnitId',
      'ou.name as organisingUnitName',
      eb
        .selectFrom('activity_units as cu')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('cu.activity_id', '=', 'a.id')
        .as('participatingUnitCount'),
      eb
        .selectFrom('attendances as ca')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('ca.activity_id', '=', 'a.id')
        .as('attendanceCount'),
    ])
    .orderBy('a.starts_at', page ? 'desc' : 'asc')
    .orderBy('a.id');
  if (page) query = query.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const [items, count] = await Promise.all([
    query.execute(),
    page ? where.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow() : Promise.resolve({ n: -1 }),
  ]);
  return {
    items: items.map((row) => ({
      ...row,
      category: row.category as ActivityCategory,
      audience: row.audience as ActivityAudience,
      participatingUnitCount: row.participatingUnitCount ?? 0,
      attendanceCount: row.attendanceCount ?? 0,
    })),
    total: page ? count.n : items.length,
  };
}
