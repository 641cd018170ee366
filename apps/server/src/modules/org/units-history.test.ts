import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { kind, makeMembers, makeTree, systemActor } from '../../../test/factories.js';
import { setMemberStatus, transferMember } from './members.commands.js';
import { findMember } from './members.repository.js';
import { createUnit, dissolveUnit, mergeUnit, moveUnit, renameUnit } from './units.commands.js';
import { findUnit, subtreeIdsAt } from './units.repository.js';

const { db } = await testDatabase();

/** Changes dated before what already happened later would make the past contradict itself. */
describe('the past stays consistent', () => {
  it('refuses to dissolve a unit before the day someone left it', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    const [teacher] = (await makeMembers(db, tree.schoolB, ['Lý Văn Đi'])) as [number];
    await transferMember(db, actor, teacher, { toUnitId: tree.schoolA, effectiveDate: '2024-06-01' });
    await expect(dissolveUnit(db, actor, tree.schoolB, { effectiveDate: '2024-01-01' })).rejects.toMatchObject({
      code: 'DATE_BEFORE_HISTORY',
      details: [{ field: 'effectiveDate', message: 'Ngày hiệu lực phải từ 01/06/2024 trở đi.' }],
    });
    await dissolveUnit(db, actor, tree.schoolB, { effectiveDate: '2024-06-01' });
    expect((await findUnit(db, tree.schoolB)).validTo).toBe('2024-06-01');
  });

  it('refuses to move a unit before a later move inside it', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    await moveUnit(db, actor, tree.schoolC, { parentId: tree.province, effectiveDate: '2024-06-01' });
    await expect(
      moveUnit(db, actor, tree.commune, { parentId: tree.schoolA, effectiveDate: '2024-01-01' }),
    ).rejects.toMatchObject({ code: 'DATE_BEFORE_HISTORY' });
    expect((await findUnit(db, tree.commune)).parentId).toBe(tree.province);
  });

  it('refuses a transfer or a move dated before the receiving unit existed', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    const young = await createUnit(db, actor, {
      name: 'Công đoàn Trường mới',
      kindId: await kind(db, 'commune_union'),
      parentId: tree.province,
      validFrom: '2024-09-01',
    });
    const [teacher] = (await makeMembers(db, tree.schoolA, ['Kiều Thị Sớm'])) as [number];
    await expect(
      transferMember(db, actor, teacher, { toUnitId: young, effectiveDate: '2022-01-01' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      moveUnit(db, actor, tree.schoolB, { parentId: young, effectiveDate: '2022-01-01' }),
    ).rejects.toMatchObject({ code: 'DATE_BEFORE_HISTORY' });
  });

  it('lets a child be dissolved on the very day its parent moved', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    await moveUnit(db, actor, tree.commune, { parentId: tree.schoolA, effectiveDate: '2024-05-01' });
    await dissolveUnit(db, actor, tree.schoolC, { effectiveDate: '2024-05-01' });
    expect(await subtreeIdsAt(db, tree.commune, '2024-04-30')).toContain(tree.schoolC);
    expect(await subtreeIdsAt(db, tree.commune, '2024-05-01')).toEqual([tree.commune]);
  });

  it('counts a merged unit only in the line its survivor belonged to on the day of the merger', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    await mergeUnit(db, actor, tree.schoolB, { intoUnitId: tree.schoolA, effectiveDate: '2023-01-01' });
    await moveUnit(db, actor, tree.schoolA, { parentId: tree.commune, effectiveDate: '2025-01-01' });
    // In 2022 B was the commune's sibling, not part of it.
    expect(await subtreeIdsAt(db, tree.commune, '2022-06-01')).not.toContain(tree.schoolB);
    const province2022 = await subtreeIdsAt(db, tree.province, '2022-06-01');
    expect(province2022.filter((id) => id === tree.schoolB)).toHaveLength(1);
    // A's own history still includes B before the merger.
    expect(await subtreeIdsAt(db, tree.schoolA, '2022-06-01')).toEqual(
      expect.arrayContaining([tree.schoolA, tree.schoolB]),
    );
  });

  it('keeps a retired member of a dissolved unit findable', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    const [retiree] = (await makeMembers(db, tree.schoolB, ['Hà Văn Hưu'])) as [number];
    await setMemberStatus(db, actor, retiree, { status: 'retired', effectiveDate: '2024-03-01' });
    await dissolveUnit(db, actor, tree.schoolB, { effectiveDate: '2024-08-31' });
    const found = await findMember(db, retiree);
    expect(found).toMatchObject({ unitId: tree.schoolB, status: 'retired' });
    const rows = await db
      .selectFrom('memberships')
      .select(['valid_from', 'valid_to', 'end_reason'])
      .where('member_id', '=', retiree)
      .execute();
    expect(rows).toEqual([{ valid_from: '2021-09-01', valid_to: '2024-08-31', end_reason: 'dissolve' }]);
  });

  it('drops a same-day rename when the unit is merged that day', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    await renameUnit(db, actor, tree.schoolB, { name: 'Tên mới trong ngày', effectiveDate: '2024-05-01' });
    await mergeUnit(db, actor, tree.schoolB, { intoUnitId: tree.schoolA, effectiveDate: '2024-05-01' });
    const versions = await db
      .selectFrom('unit_versions')
      .select(['name', 'valid_from', 'valid_to'])
      .where('unit_id', '=', tree.schoolB)
      .execute();
    expect(versions).toEqual([{ name: 'Công đoàn Trường THPT B', valid_from: '2020-01-01', valid_to: '2024-05-01' }]);
  });
});
