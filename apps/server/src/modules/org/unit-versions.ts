import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import { viDate } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';

/**
 * The dated versions behind the organisation tree, and the guards that keep them consistent:
 * a change may not be dated before something that already happened later in the same part of
 * the tree, or the past would contradict itself.
 */

const TREE_LOCK = 7_301_001;

/** Serialises changes to the tree: they are rare, and each rewrites paths under a unit. */
export async function lockTree(tx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${TREE_LOCK})`.execute(tx);
}

/**
 * Taken by writes that put people into units (create, transfer, import): they run side by side,
 * but never while the tree changes, so nobody joins a unit that is being dissolved.
 */
export async function lockTreeShared(tx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(${TREE_LOCK})`.execute(tx);
}

export function dateBeforeHistory(date: string, message?: string): AppError {
  return new AppError('DATE_BEFORE_HISTORY', undefined, [
    { field: 'effectiveDate', message: message ?? `Ngày hiệu lực phải từ ${viDate(date)} trở đi.` },
  ]);
}

/**
 * The latest date on which anything under the unit changed name or place: units under it today,
 * and units that were under it at some time (under any of its past paths) and have since left.
 */
export async function latestVersionChange(tx: Tx, unit: { id: number; path: string }): Promise<string | null> {
  const row = await sql<{ latest: string | null }>`
    select greatest(max(v.valid_from), max(v.valid_to)) as latest
    from unit_versions v
    where v.path <@ array(select path from unit_versions where unit_id = ${unit.id})
       or v.unit_id in (select id from units where path <@ ${unit.path}::ltree)`.execute(tx);
  return row.rows[0]?.latest ?? null;
}

/** The latest date on which someone joined or left a unit of this subtree. */
export async function latestMembershipChange(tx: Tx, path: string) {
  const row = await sql<{ joined: string | null; left: string | null }>`
    select max(m.valid_from) as joined, max(m.valid_to) as left
    from memberships m join units u on u.id = m.unit_id
    where u.path <@ ${path}::ltree`.execute(tx);
  return row.rows[0] ?? { joined: null, left: null };
}

export function assertOnOrAfter(date: string, earliest: string | null): void {
  if (earliest !== null && date < earliest) throw dateBeforeHistory(earliest);
}

/** The unit's current (open) version, locked for update. */
export async function openVersion(tx: Tx, unitId: number) {
  const version = await tx
    .selectFrom('unit_versions')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('valid_to', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!version) throw new AppError('UNIT_INACTIVE');
  return version;
}

/**
 * Starts a new version of a unit on `date` with the given changes. A change dated the same day
 * as the open version replaces it instead (there is no day in between to keep).
 */
export async function reversion(
  tx: Tx,
  unitId: number,
  date: string,
  changes: { name?: string; parentId?: number | null; path?: string },
) {
  const open = await openVersion(tx, unitId);
  if (date < open.valid_from) throw dateBeforeHistory(open.valid_from);
  const next = {
    name: changes.name ?? open.name,
    parent_id: changes.parentId === undefined ? open.parent_id : changes.parentId,
    path: changes.path ?? open.path,
  };
  if (date === open.valid_from) {
    await tx.updateTable('unit_versions').set(next).where('id', '=', open.id).execute();
    return;
  }
  await tx.updateTable('unit_versions').set({ valid_to: date }).where('id', '=', open.id).execute();
  await tx
    .insertInto('unit_versions')
    .values({ unit_id: unitId, ...next, valid_from: date, valid_to: null })
    .execute();
}

/**
 * Ends a unit's life on `date`. When the open version began that very day (a rename or a move
 * on the same day), that version is dropped: the previous one already ends on `date`.
 */
export async function closeVersion(tx: Tx, unitId: number, date: string): Promise<void> {
  const open = await openVersion(tx, unitId);
  if (date < open.valid_from) throw dateBeforeHistory(open.valid_from);
  if (date > open.valid_from) {
    await tx.updateTable('unit_versions').set({ valid_to: date }).where('id', '=', open.id).execute();
    return;
  }
  const previous = await tx
    .selectFrom('unit_versions')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('valid_to', '=', date)
    .executeTakeFirst();
  if (!previous) {
    throw dateBeforeHistory(date, `Đơn vị thành lập ngày ${viDate(date)}; ngày hiệu lực phải sau ngày đó.`);
  }
  await tx.deleteFrom('unit_versions').where('id', '=', open.id).execute();
}

/** Rewrites today's paths of a unit and everything under it (including past units kept there). */
export async function repath(tx: Tx, oldPath: string, newPath: string): Promise<void> {
  await sql`update units set path = case when path = ${oldPath}::ltree then ${newPath}::ltree
              else ${newPath}::ltree || subpath(path, nlevel(${oldPath}::ltree)) end
            where path <@ ${oldPath}::ltree`.execute(tx);
}

/** Moves the live part of a subtree: every live unit under `root` gets a new version with its new path. */
export async function reversionSubtree(
  tx: Tx,
  oldRootPath: string,
  newRootPath: string,
  date: string,
  rootParentId: number,
) {
  const live = await tx
    .selectFrom('unit_versions')
    .select(['unit_id', 'path'])
    .where(sql<boolean>`path <@ ${oldRootPath}::ltree`)
    .where('valid_to', 'is', null)
    .orderBy(sql`nlevel(path)`)
    .execute();
  for (const version of live) {
    const path = `${newRootPath}${version.path.slice(oldRootPath.length)}`;
    const isRoot = version.path === oldRootPath;
    await reversion(tx, version.unit_id, date, isRoot ? { parentId: rootParentId, path } : { path });
  }
}
