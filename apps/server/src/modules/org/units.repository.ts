import type { UnitSummary, UnitTreeNode } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { type Actor, scopeCondition, scopeOf } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';

export interface UnitRecord {
  id: number;
  name: string;
  kindId: number;
  kindName: string;
  parentId: number | null;
  path: string;
  validFrom: string;
  validTo: string | null;
  mergedIntoId: number | null;
}

/** A unit as it is today (current name and place). */
export async function findUnit(db: Executor, id: number): Promise<UnitRecord> {
  const row = await db
    .selectFrom('units as u')
    .innerJoin('unit_kinds as k', 'k.id', 'u.kind_id')
    .select([
      'u.id',
      'u.name',
      'u.kind_id as kindId',
      'k.name as kindName',
      'u.parent_id as parentId',
      'u.path',
      'u.valid_from as validFrom',
      'u.valid_to as validTo',
      'u.merged_into_id as mergedIntoId',
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('UNIT_NOT_FOUND');
  return row;
}

/**
 * Units as they were on `at`, with their name and parent of that day and their direct
 * member counts (active members on that day). `ids` limits the rows; null means all.
 */
export async function unitsAt(db: Executor, at: string, ids: number[] | null): Promise<UnitSummary[]> {
  let query = db
    .selectFrom('unit_versions as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .innerJoin('unit_kinds as k', 'k.id', 'u.kind_id')
    .select((eb) => [
      'u.id',
      'v.name',
      'u.kind_id as kindId',
      'k.name as kindName',
      'v.parent_id as parentId',
      'u.valid_from as validFrom',
      'u.valid_to as validTo',
      'u.merged_into_id as mergedIntoId',
      eb
        .selectFrom('unit_versions as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.parent_id', '=', 'u.id')
        .where('c.valid_from', '<=', at)
        .where((w) => w.or([w('c.valid_to', 'is', null), w('c.valid_to', '>', at)]))
        .as('childCount'),
      eb
        .selectFrom('memberships as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.unit_id', '=', 'u.id')
        .where('m.valid_from', '<=', at)
        .where((w) => w.or([w('m.valid_to', 'is', null), w('m.valid_to', '>', at)]))
        .where(sql<boolean>`member_status_at(m.member_id, ${at}::date) = 'active'`)
        .as('memberCount'),
    ])
    .where('v.valid_from', '<=', at)
    .where((w) => w.or([w('v.valid_to', 'is', null), w('v.valid_to', '>', at)]));
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('u.id', 'in', ids);
  }
  const rows = await query.orderBy('k.sort_order').orderBy(sql`v.name collate "vi-VN-x-icu"`).execute();
  return rows.map((row) => ({ ...row, childCount: row.childCount ?? 0, memberCount: row.memberCount ?? 0 }));
}

export async function subtreeIdsAt(db: Executor, rootId: number, at: string): Promise<number[]> {
  const rows = await sql<{ unit_id: number }>`select unit_id from unit_subtree_at(${rootId}, ${at}::date)`.execute(db);
  return rows.rows.map((row) => row.unit_id);
}

/** The roots of the tree an actor browses: the system admin sees the top units, others their grants. */
export async function visibleRootIds(db: Executor, actor: Actor, at: string): Promise<number[]> {
  if (scopeOf(actor, 'view').all) {
    const rows = await db
      .selectFrom('unit_versions')
      .select('unit_id')
      .where('parent_id', 'is', null)
      .where('valid_from', '<=', at)
      .where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>', at)]))
      .execute();
    return rows.map((row) => row.unit_id);
  }
  const ids = actor.grants.map((grant) => grant.unitId).filter((id): id is number => id !== null);
  return [...new Set(ids)];
}

/** The tree under each visible root on `at`. A unit whose parent lies outside the root's tree (a unit later merged in) hangs under the root. */
export async function treeAt(db: Executor, actor: Actor, at: string): Promise<UnitTreeNode[]> {
  const roots = await visibleRootIds(db, actor, at);
  const trees: UnitTreeNode[] = [];
  for (const rootId of roots) {
    const memberOnly =
      !scopeOf(actor, 'view').all && actor.grants.every((g) => g.unitId !== rootId || g.role === 'member');
    const ids = memberOnly ? [rootId] : await subtreeIdsAt(db, rootId, at);
    const units = await unitsAt(db, at, ids);
    const nodes = new Map<number, UnitTreeNode>(units.map((unit) => [unit.id, { ...unit, children: [] }]));
    const root = nodes.get(rootId);
    if (!root) continue;
    for (const node of nodes.values()) {
      if (node.id === rootId) continue;
      const parent = (node.parentId !== null && nodes.get(node.parentId)) || root;
      parent.children.push(node);
    }
    trees.push(root);
  }
  return trees;
}

export interface UnitHistoryRow {
  name: string;
  parentId: number | null;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
}

export async function unitHistory(db: Executor, unitId: number): Promise<UnitHistoryRow[]> {
  return db
    .selectFrom('unit_versions as v')
    .leftJoin('units as p', 'p.id', 'v.parent_id')
    .select([
      'v.name',
      'v.parent_id as parentId',
      'p.name as parentName',
      'v.valid_from as validFrom',
      'v.valid_to as validTo',
    ])
    .where('v.unit_id', '=', unitId)
    .orderBy('v.valid_from')
    .execute();
}

/** Names of the ancestors of a unit on `at`, root first. */
export async function ancestorsAt(db: Executor, unitId: number, at: string): Promise<{ id: number; name: string }[]> {
  const version = await db
    .selectFrom('unit_versions')
    .select('path')
    .where('unit_id', '=', unitId)
    .where('valid_from', '<=', at)
    .where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>', at)]))
    .executeTakeFirst();
  if (!version) return [];
  const ids = version.path.split('.').slice(0, -1).map(Number);
  if (ids.length === 0) return [];
  const rows = await unitsAt(db, at, ids);
  const byId = new Map(rows.map((row) => [row.id, row.name]));
  return ids.map((id) => ({ id, name: byId.get(id) ?? '' }));
}

/** Units the actor can see, for pickers: id, name and path today. */
export function scopedUnitsQuery(db: Executor, actor: Actor) {
  return db.selectFrom('units as u').where(scopeCondition(actor, 'view', 'u.path'));
}
