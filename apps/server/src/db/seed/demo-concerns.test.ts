import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { makeAccount, makeMembers, makeTree, systemActor } from '../../../test/factories.js';
import { concernFigures } from '../../modules/voice/figures/figures.service.js';
import { seedDemoConcerns } from './demo-concerns.js';

const { db } = await testDatabase();

describe('demo concerns', () => {
  it('a dozen across statuses, named and anonymous, one escalated, one overdue, some rated; anonymous ones unlinked', async () => {
    const tree = await makeTree(db);
    const names = Array.from({ length: 12 }, (_, i) => `Giáo viên ${i + 1}`);
    const [memberId] = (await makeMembers(db, tree.schoolA, names)) as [number];
    await makeMembers(db, tree.schoolB, names);
    const member = await makeAccount(db, 'member', tree.schoolA, { memberId });
    const admin = await makeAccount(db, 'unit_admin', tree.schoolA);
    await seedDemoConcerns(db, {
      provinceId: tree.province,
      schoolId: tree.schoolA,
      adminAccountId: admin.id,
      memberId,
      memberAccountId: member.id,
      memberUnitId: tree.schoolA,
    });
    const rows = await db.selectFrom('concerns').selectAll().execute();
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['new', 'received', 'in_progress', 'resolved', 'escalated', 'closed']),
    );
    expect(rows.filter((r) => r.escalations > 0).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.rating !== null).length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.unit_id === tree.schoolA && r.status === 'new')).toHaveLength(2);
    for (const row of rows.filter((r) => r.anonymous)) {
      expect([row.member_id, row.account_id, row.submitted_at]).toEqual([null, null, null]);
    }
    const figures = await concernFigures(db, await systemActor(db), {
      unitId: tree.province,
      from: '2000-01-01',
      to: '2100-01-01',
    });
    expect(figures.total.count).toBe(12);
    expect(figures.total.meanRating).toBeGreaterThan(0);
  });
});
