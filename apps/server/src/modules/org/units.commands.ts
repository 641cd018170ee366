import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { todayInVietnam, viDate } from '../../platform/dates.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { assertCanAddChild, assertCanEditUnit } from './org.policy.js';
import { findUnit, type UnitRecord } from './units.repository.js';

/**
 * Changes to the organisation tree. Each is one transaction: the unit, its dated versions,
 * the memberships it carries and the audit event are written together or not at all.
 */

function assertNotFuture(date: string, field = 'effectiveDate'): void {
  if (date > todayInVietnam()) throw fieldError(field, 'Ngày hiệu lực không được ở tương lai.');
}

function assertActive(unit: UnitRecord, field: string): void {
  if (unit.validTo !== null)
    throw new AppError('UNIT_INACTIVE', undefined, [{ field, message: 'Đơn vị đã giải thể hoặc sáp nhập.' }]);
}

/** The unit's current (open) version, locked for update. */
async function openVersion(tx: Tx, unitId: number) {
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
async function reversion(
  tx: Tx,
  unitId: number,
  date: string,
  changes: { name?: string; parentId?: number | null; path?: string },
) {
  const open = await openVersion(tx, unitId);
  if (date < open.valid_from)
    throw new AppError('DATE_BEFORE_HISTORY', undefined, [
      { field: 'effectiveDate', message: `Ngày hiệu lực phải từ ${viDate(open.valid_from)} trở đi.` },
    ]);
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

async function closeVersion(tx: Tx, unitId: number, date: string): Promise<void> {
  const open = await openVersion(tx, unitId);
  if (date <= open.valid_from)
    throw new AppError('DATE_BEFORE_HISTORY', undefined, [
      { field: 'effectiveDate', message: `Ngày hiệu lực phải sau ${viDate(open.valid_from)}.` },
    ]);
  await tx.updateTable('unit_versions').set({ valid_to: date }).where('id', '=', open.id).execute();
}

/** Rewrites today's paths of a unit and everything under it (including past units kept there). */
async function repath(tx: Tx, oldPath: string, newPath: string): Promise<void> {
  await sql`update units set path = case when path = ${oldPath}::ltree then ${newPath}::ltree
              else ${newPath}::ltree || subpath(path, nlevel(${oldPath}::ltree)) end
            where path <@ ${oldPath}::ltree`.execute(tx);
}

/** Moves the live part of a subtree: every live unit under `root` gets a new version with its new path. */
async function reversionSubtree(tx: Tx, oldRootPath: string, newRootPath: string, date: string, rootParentId: number) {
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

function summary(unit: UnitRecord) {
  return { name: unit.name, parentId: unit.parentId, validTo: unit.validTo, mergedIntoId: unit.mergedIntoId };
}

export async function createUnit(
  db: Db,
  actor: Actor,
  input: { name: string; kindId: number; parentId: number; validFrom: string },
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const parent = await findUnit(tx, input.parentId);
    assertCanAddChild(actor, parent);
    assertActive(parent, 'parentId');
    if (input.validFrom < parent.validFrom) {
      throw fieldError(
        'validFrom',
        `Ngày thành lập không được trước ngày thành lập đơn vị cấp trên (${viDate(parent.validFrom)}).`,
      );
    }
    const kind = await tx.selectFrom('unit_kinds').select('id').where('id', '=', input.kindId).executeTakeFirst();
    if (!kind)
      throw new AppError('UNIT_KIND_NOT_FOUND', undefined, [
        { field: 'kindId', message: 'Loại đơn vị không tồn tại.' },
      ]);
    const created = await tx
      .insertInto('units')
      .values({
        kind_id: input.kindId,
        name: input.name,
        parent_id: parent.id,
        path: parent.path,
        valid_from: input.validFrom,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${parent.path}.${created.id}`;
    await tx.updateTable('units').set({ path }).where('id', '=', created.id).execute();
    await tx
      .insertInto('unit_versions')
      .values({
        unit_id: created.id,
        name: input.name,
        parent_id: parent.id,
        path,
        valid_from: input.validFrom,
        valid_to: null,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'unit.created',
      entityType: 'unit',
      entityId: created.id,
      unitId: created.id,
      after: input,
    });
    return created.id;
  });
}

/** Creates a top-level unit (no parent). Only used by set-up and the system admin. */
export async function createRootUnit(
  tx: Tx,
  actor: Actor | null,
  input: { name: string; kindId: number; validFrom: string },
) {
  const created = await tx
    .insertInto('units')
    .values({ kind_id: input.kindId, name: input.name, parent_id: null, path: '0', valid_from: input.validFrom })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = String(created.id);
  await tx.updateTable('units').set({ path }).where('id', '=', created.id).execute();
  await tx
    .insertInto('unit_versions')
    .values({
      unit_id: created.id,
      name: input.name,
      parent_id: null,
      path,
      valid_from: input.validFrom,
      valid_to: null,
    })
    .execute();
  await recordAudit(tx, actor, {
    action: 'unit.created',
    entityType: 'unit',
    entityId: created.id,
    unitId: created.id,
    after: input,
  });
  return created.id;
}

export async function renameUnit(db: Db, actor: Actor, unitId: number, input: { name: string; effectiveDate: string }) {
  assertNotFuture(input.effectiveDate);
  await db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, unitId);
    assertCanEditUnit(actor, unit);
    assertActive(unit, 'name');
    await reversion(tx, unitId, input.effectiveDate, { name: input.name });
    await tx.updateTable('units').set({ name: input.name, updated_at: new Date() }).where('id', '=', unitId).execute();
    await recordAudit(tx, actor, {
      action: 'unit.renamed',
      entityType: 'unit',
      entityId: unitId,
      unitId,
      before: { name: unit.name },
      after: input,
    });
  });
}

export async function moveUnit(
  db: Db,
  actor: Actor,
  unitId: number,
  input: { parentId: number; effectiveDate: string },
) {
  assertNotFuture(input.effectiveDate);
  await db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, unitId);
    const parent = await findUnit(tx, input.parentId);
    assertCanEditUnit(actor, unit);
    assertCanAddChild(actor, parent);
    assertActive(unit, 'parentId');
    assertActive(parent, 'parentId');
    if (parent.path === unit.path || parent.path.startsWith(`${unit.path}.`))
      throw new AppError('UNIT_MOVE_INTO_ITSELF', undefined, [
        { field: 'parentId', message: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.' },
      ]);
    const newPath = `${parent.path}.${unit.id}`;
    await reversionSubtree(tx, unit.path, newPath, input.effectiveDate, parent.id);
    await repath(tx, unit.path, newPath);
    await tx
      .updateTable('units')
      .set({ parent_id: parent.id, updated_at: new Date() })
      .where('id', '=', unitId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'unit.moved',
      entityType: 'unit',
      entityId: unitId,
      unitId,
      before: summary(unit),
      after: input,
    });
  });
}

/** Ends the open memberships of a unit on `date` and, when `into` is given, opens them in the survivor. */
async function carryMemberships(
  tx: Tx,
  unitId: number,
  date: string,
  into: number | null,
  reason: 'merge' | 'dissolve',
) {
  const open = await tx
    .selectFrom('memberships')
    .select(['id', 'member_id', 'valid_from'])
    .where('unit_id', '=', unitId)
    .where('valid_to', 'is', null)
    .forUpdate()
    .execute();
  for (const membership of open) {
    if (membership.valid_from >= date) {
      // Joined on the day of the change: simply belongs to the survivor from the start.
      if (into === null) await tx.deleteFrom('memberships').where('id', '=', membership.id).execute();
      else await tx.updateTable('memberships').set({ unit_id: into }).where('id', '=', membership.id).execute();
      continue;
    }
    await tx
      .updateTable('memberships')
      .set({ valid_to: date, end_reason: reason })
      .where('id', '=', membership.id)
      .execute();
    if (into !== null) {
      await tx
        .insertInto('memberships')
        .values({ member_id: membership.member_id, unit_id: into, valid_from: date, valid_to: null, end_reason: null })
        .execute();
    }
  }
  return open.length;
}

export async function mergeUnit(
  db: Db,
  actor: Actor,
  unitId: number,
  input: { intoUnitId: number; effectiveDate: string },
) {
  assertNotFuture(input.effectiveDate);
  return db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, unitId);
    const survivor = await findUnit(tx, input.intoUnitId);
    assertCanEditUnit(actor, unit);
    assertCanEditUnit(actor, survivor);
    assertActive(unit, 'intoUnitId');
    assertActive(survivor, 'intoUnitId');
    if (survivor.id === unit.id || survivor.path.startsWith(`${unit.path}.`)) {
      throw fieldError('intoUnitId', 'Không thể sáp nhập đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.');
    }
    const children = await tx
      .selectFrom('unit_versions')
      .select('unit_id')
      .where('parent_id', '=', unitId)
      .where('valid_to', 'is', null)
      .execute();
    for (const child of children) {
      const childUnit = await findUnit(tx, child.unit_id);
      const newPath = `${survivor.path}.${childUnit.id}`;
      await reversionSubtree(tx, childUnit.path, newPath, input.effectiveDate, survivor.id);
      await repath(tx, childUnit.path, newPath);
      await tx.updateTable('units').set({ parent_id: survivor.id }).where('id', '=', childUnit.id).execute();
    }
    const moved = await carryMemberships(tx, unitId, input.effectiveDate, survivor.id, 'merge');
    await closeVersion(tx, unitId, input.effectiveDate);
    // The merged unit now hangs under its survivor in today's tree: whoever manages the survivor sees its past.
    const newPath = `${survivor.path}.${unit.id}`;
    await repath(tx, unit.path, newPath);
    await tx
      .updateTable('units')
      .set({ valid_to: input.effectiveDate, merged_into_id: survivor.id, updated_at: new Date() })
      .where('id', '=', unitId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'unit.merged',
      entityType: 'unit',
      entityId: unitId,
      unitId: survivor.id,
      before: summary(unit),
      after: { ...input, membersMoved: moved, childrenMoved: children.length },
    });
    return survivor.id;
  });
}

export async function dissolveUnit(db: Db, actor: Actor, unitId: number, input: { effectiveDate: string }) {
  assertNotFuture(input.effectiveDate);
  await db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, unitId);
    assertCanEditUnit(actor, unit);
    assertActive(unit, 'effectiveDate');
    const liveChildren = await tx
      .selectFrom('unit_versions')
      .select('unit_id')
      .where('parent_id', '=', unitId)
      .where('valid_to', 'is', null)
      .execute();
    if (liveChildren.length > 0)
      throw fieldError(
        'effectiveDate',
        `Đơn vị còn ${liveChildren.length} đơn vị trực thuộc; hãy chuyển hoặc giải thể chúng trước.`,
      );
    const active = await tx
      .selectFrom('memberships as m')
      .innerJoin('members as p', 'p.id', 'm.member_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('m.unit_id', '=', unitId)
      .where('m.valid_to', 'is', null)
      .where('p.status', '=', 'active')
      .executeTakeFirstOrThrow();
    if (active.n > 0) {
      throw new AppError(
        'UNIT_HAS_ACTIVE_MEMBERS',
        `Đơn vị còn ${active.n} đoàn viên đang sinh hoạt; hãy chuyển họ sang đơn vị khác trước khi giải thể.`,
        [{ field: 'effectiveDate', message: `Còn ${active.n} đoàn viên đang sinh hoạt.` }],
      );
    }
    await carryMemberships(tx, unitId, input.effectiveDate, null, 'dissolve');
    await closeVersion(tx, unitId, input.effectiveDate);
    await tx
      .updateTable('units')
      .set({ valid_to: input.effectiveDate, updated_at: new Date() })
      .where('id', '=', unitId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'unit.dissolved',
      entityType: 'unit',
      entityId: unitId,
      unitId,
      before: summary(unit),
      after: input,
    });
  });
}
