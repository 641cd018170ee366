import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { kind, makeMembers, makeTree, systemActor } from '../../../test/factories.js';
import type { Db } from '../../db/database.js';
import { transferMember } from './members.commands.js';
import { createUnit, dissolveUnit, mergeUnit, moveUnit, renameUnit } from './units.commands.js';
import { findUnit, subtreeIdsAt, treeAt, unitHistory, unitsAt } from './units.repository.js';

const { db } = await testDatabase();

/** Active members in a unit's subtree on a day, as the figures of later modules will count them. */
async function membersAt(database: Db, unitId: number, at: string): Promise<number[]> {
  const rows = await sql<{ member_id: number }>`
    select m.member_id from memberships m
    where m.unit_id in (select unit_id from unit_subtree_at(${unitId}, ${at}::date))
      and m.valid_from <= ${at}::date and (m.valid_to is null or m.valid_to > ${at}::date)
      and member_status_at(m.member_id, ${at}::date) = 'active'
    order by m.member_id`.execute(database);
  return rows.rows.map((row) => row.member_id);
}

describe('organisation tree with effective dates', () => {
  it('renames on a date: earlier questions see the old name, the history keeps both', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    await renameUnit(db, actor, tree.schoolA, { name: 'Công đoàn Trường THPT A mới', effectiveDate: '2024-06-01' });
    const [before] = await unitsAt(db, '2024-05-31', [tree.schoolA]);
    const [after] = await unitsAt(db, '2024-06-01', [tree.schoolA]);
    expect(before?.name).toBe('Công đoàn Trường THPT A');
    expect(after?.name).toBe('Công đoàn Trường THPT A mới');
    expect((await unitHistory(db, tree.schoolA)).map((h) => [h.name, h.validFrom, h.validTo])).toEqual([
      ['Công đoàn Trường THPT A', '2020-01-01', '2024-06-01'],
      ['Công đoàn Trường THPT A mới', '2024-06-01', null],
    ]);
  });

  it('moves a unit: the 2024 tree keeps it under its old parent, the 2025 tree under the new one', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    const teachers = await makeMembers(db, tree.schoolC, ['Lê Văn Một', 'Lê Thị Hai']);
    await moveUnit(db, actor, tree.schoolC, { parentId: tree.province, effectiveDate: '2025-01-01' });
    expect(await subtreeIdsAt(db, tree.commune, '2024-12-31')).toEqual(
      expect.arrayContaining([tree.commune, tree.schoolC]),
    );
    expect(await subtreeIdsAt(db, tree.commune, '2025-01-01')).toEqual([tree.commune]);
    expect(await membersAt(db, tree.commune, '2024-06-01')).toEqual(teachers);
    expect(await membersAt(db, tree.commune, '2025-06-01')).toEqual([]);
    expect(await membersAt(db, tree.province, '2025-06-01')).toEqual(teachers);
    const unit = await findUnit(db, tree.schoolC);
    expect(unit.path).toBe(`${tree.province}.${tree.schoolC}`);
    expect(unit.parentId).toBe(tree.province);
  });

  it('moves a whole subtree: descendants follow, with their own dated versions', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    const otherCommune = await createUnit(db, actor, {
      name: 'Công đoàn xã Khác',
      kindId: await kind(db, 'commune_union'),
      parentId: tree.province,
      validFrom: '2020-01-01',
    });
    await moveUnit(db, actor, tree.commune, { parentId: otherCommune, effectiveDate: '2024-03-01' });
    expect((await findUnit(db, tree.schoolC)).path).toBe(
      `${tree.province}.${otherCommune}.${tree.commune}.${tree.schoolC}`,
    );
    expect(await subtreeIdsAt(db, otherCommune, '2024-02-29')).toEqual([otherCommune]);
    expect((await subtreeIdsAt(db, otherCommune, '2024-03-01')).sort()).toEqual(
      [otherCommune, tree.commune, tree.schoolC].sort(),
    );
  });

  it('refuses to move a unit into its own subtree, into the future, or before its history', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    await expect(
      moveUnit(db, actor, tree.commune, { parentId: tree.schoolC, effectiveDate: '2024-01-01' }),
    ).rejects.toMatchObject({ code: 'UNIT_MOVE_INTO_ITSELF' });
    await expect(
      moveUnit(db, actor, tree.schoolC, { parentId: tree.province, effectiveDate: '2999-01-01' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      moveUnit(db, actor, tree.schoolC, { parentId: tree.province, effectiveDate: '2019-01-01' }),
    ).rejects.toMatchObject({ code: 'DATE_BEFORE_HISTORY' });
    expect((await findUnit(db, tree.schoolC)).parentId).toBe(tree.commune);
  });

  it('merges: the survivor takes the members and the history, the merged unit ends on the date', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    const inA = await makeMembers(db, tree.schoolA, ['Phạm Văn An', 'Phạm Thị Bình']);
    const inB = await makeMembers(db, tree.schoolB, ['Vũ Văn Cường', 'Vũ Thị Dung', 'Vũ Văn Em']);
    await mergeUnit(db, actor, tree.schoolB, { intoUnitId: tree.schoolA, effectiveDate: '2025-07-01' });

    const merged = await findUnit(db, tree.schoolB);
    expect(merged.validTo).toBe('2025-07-01');
    expect(merged.mergedIntoId).toBe(tree.schoolA);
    expect(merged.path).toBe(`${tree.province}.${tree.schoolA}.${tree.schoolB}`);
    // Before the merger A's figures include B's people (the survivor takes the history); after it, they are A's own.
    expect(await membersAt(db, tree.schoolA, '2025-01-01')).toEqual([...inA, ...inB].sort((a, b) => a - b));
    expect(await membersAt(db, tree.schoolA, '2025-08-01')).toEqual([...inA, ...inB].sort((a, b) => a - b));
    expect(await membersAt(db, tree.schoolB, '2025-01-01')).toEqual(inB);
    // The province counts each person once on every day, before and after.
    for (const day of ['2025-06-30', '2025-07-01']) {
      const everyone = await membersAt(db, tree.province, day);
      expect(everyone).toEqual([...new Set(everyone)]);
      expect(everyone).toHaveLength(5);
    }
    const history = await db
      .selectFrom('memberships')
      .select(['unit_id', 'valid_from', 'valid_to', 'end_reason'])
      .where('member_id', '=', inB[0] as number)
      .orderBy('valid_from')
      .execute();
    expect(history).toEqual([
      { unit_id: tree.schoolB, valid_from: '2021-09-01', valid_to: '2025-07-01', end_reason: 'merge' },
      { unit_id: tree.schoolA, valid_from: '2025-07-01', valid_to: null, end_reason: null },
    ]);
    // Today's tree no longer lists B; the tree of 2025-01-01 does.
    const today = await treeAt(db, actor, '2025-08-01');
    const ids = (nodes: typeof today): number[] => nodes.flatMap((n) => [n.id, ...ids(n.children)]);
    expect(ids(today)).not.toContain(tree.schoolB);
    expect(ids(await treeAt(db, actor, '2025-01-01'))).toContain(tree.schoolB);
  });

  it('dissolves only a unit without active members; earlier dates still see it', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    const [teacher] = await makeMembers(db, tree.schoolB, ['Đinh Văn Giang']);
    await expect(dissolveUnit(db, actor, tree.schoolB, { effectiveDate: '2025-08-31' })).rejects.toMatchObject({
      code: 'UNIT_HAS_ACTIVE_MEMBERS',
    });
    await transferMember(db, actor, teacher as number, { toUnitId: tree.schoolA, effectiveDate: '2025-08-15' });
    await dissolveUnit(db, actor, tree.schoolB, { effectiveDate: '2025-08-31' });
    expect((await findUnit(db, tree.schoolB)).validTo).toBe('2025-08-31');
    expect(await subtreeIdsAt(db, tree.province, '2025-08-30')).toContain(tree.schoolB);
    expect(await subtreeIdsAt(db, tree.province, '2025-08-31')).not.toContain(tree.schoolB);
    expect(await membersAt(db, tree.schoolB, '2025-08-01')).toEqual([teacher]);
    expect(await membersAt(db, tree.schoolA, '2025-08-01')).toEqual([]);
    expect(await membersAt(db, tree.schoolA, '2025-08-15')).toEqual([teacher]);
  });

  it('refuses to dissolve a unit that still has units under it', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    await expect(dissolveUnit(db, actor, tree.commune, { effectiveDate: '2025-01-01' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('counts a person who left or retired only while active', async () => {
    const tree = await makeTree(db);
    const [teacher] = await makeMembers(db, tree.schoolA, ['Bùi Thị Hoa']);
    const { setMemberStatus } = await import('./members.commands.js');
    await setMemberStatus(db, await systemActor(db), teacher as number, {
      status: 'retired',
      effectiveDate: '2024-12-01',
    });
    expect(await membersAt(db, tree.schoolA, '2024-11-30')).toEqual([teacher]);
    expect(await membersAt(db, tree.schoolA, '2024-12-01')).toEqual([]);
  });

  it('writes nothing when a command fails half way (one transaction)', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    await makeMembers(db, tree.schoolB, ['Hoàng Văn Khải']);
    const before = await db
      .selectFrom('audit_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    await expect(dissolveUnit(db, actor, tree.schoolB, { effectiveDate: '2025-01-01' })).rejects.toThrow();
    const after = await db
      .selectFrom('audit_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect((await findUnit(db, tree.schoolB)).validTo).toBeNull();
  });
});
