import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { todayInVietnam, viDate } from '../../platform/dates.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { assertCanAddChild, assertCanEditUnit } from './org.policy.js';
import {
  assertOnOrAfter,
  closeVersion,
  dateBeforeHistory,
  latestMembershipChange,
  latestVersionChange,
  lockTree,
  openVersion,
  repath,
  reversion,
  reversionSubtree,
} from './unit-versions.js';
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

function summary(unit: UnitRecord) {
  return { name: unit.name, parentId: unit.parentId, validTo: unit.validTo, mergedIntoId: unit.mergedIntoId };
}

export async function createUnit(
  db: Db,
  actor: Actor,
  input: { name: string; kindId: number; parentId: number; validFrom: string },
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockTree(tx);
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
    await lockTree(tx);
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
    await lockTree(tx);
    const unit = await findUnit(tx, unitId);
    const parent = await findUnit(tx, input.parentId);
    assertCanEditUnit(actor, unit);
    assertCanAddChild(actor, parent);
    assertActive(unit, 'parentId');
    assertActive(parent, 'parentId');
    // Nothing under the unit may have changed later, and the new parent must already be where it is.
    assertOnOrAfter(input.effectiveDate, await latestVersionChange(tx, unit));
    assertOnOrAfter(input.effectiveDate, (await openVersion(tx, parent.id)).valid_from);
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
    if (membership.valid_from >= date && into !== null) {
      // Joined on (or after) the day of the merger: simply belongs to the survivor from the start.
      await tx.updateTable('memberships').set({ unit_id: into }).where('id', '=', membership.id).execute();
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
    await lockTree(tx);
    const unit = await findUnit(tx, unitId);
    const survivor = await findUnit(tx, input.intoUnitId);
    assertCanEditUnit(actor, unit);
    assertCanEditUnit(actor, survivor);
    assertActive(unit, 'intoUnitId');
    assertActive(survivor, 'intoUnitId');
    if (survivor.id === unit.id || survivor.path.startsWith(`${unit.path}.`)) {
      throw fieldError('intoUnitId', 'Không thể sáp nhập đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.');
    }
    // No later change under the unit, nobody who left it after the date, and the survivor as it is by then.
    assertOnOrAfter(input.effectiveDate, await latestVersionChange(tx, unit));
    assertOnOrAfter(input.effectiveDate, (await latestMembershipChange(tx, unit.path)).left);
    assertOnOrAfter(input.effectiveDate, (await openVersion(tx, survivor.id)).valid_from);
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
    await lockTree(tx);
    const unit = await findUnit(tx, unitId);
    assertCanEditUnit(actor, unit);
    assertActive(unit, 'effectiveDate');
    assertOnOrAfter(input.effectiveDate, await latestVersionChange(tx, unit));
    const memberships = await latestMembershipChange(tx, unit.path);
    assertOnOrAfter(input.effectiveDate, memberships.left);
    if (memberships.joined !== null && input.effectiveDate <= memberships.joined) {
      throw dateBeforeHistory(
        memberships.joined,
        `Có người vào đơn vị ngày ${viDate(memberships.joined)}; ngày giải thể phải sau ngày đó.`,
      );
    }
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
