import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { makeAccount, makeMembers, makeTree, systemActor } from '../../../test/factories.js';
import { seedDemoInfoReports } from './demo-info-reports.js';

const { db } = await testDatabase();

describe('demo harmful information reports', () => {
  it('spread over platforms and statuses; one answered with the demo article; anonymous ones unlinked', async () => {
    const tree = await makeTree(db);
    const [memberId] = (await makeMembers(db, tree.schoolA, ['Vũ Thị Mai'])) as [number];
    const account = await makeAccount(db, 'member', tree.schoolA, { memberId });
    await db
      .insertInto('articles')
      .values({
        unit_id: tree.province,
        publisher_unit_id: tree.province,
        title: 'Những điểm mới của Luật Công đoàn năm 2024 đoàn viên cần biết',
        category: 'phap-luat',
        status: 'published',
        slug: 'nhung-diem-moi-luat-cong-doan-2024',
        published_at: new Date(),
      })
      .execute();
    await seedDemoInfoReports(db, await systemActor(db), {
      provinceId: tree.province,
      memberAccountId: account.id,
      memberId,
      memberUnitId: tree.schoolA,
    });
    const rows = await db.selectFrom('info_reports').selectAll().execute();
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['new', 'verifying', 'verified', 'false_alarm', 'handed_over']),
    );
    expect(new Set(rows.map((r) => r.platform)).size).toBe(6);
    expect(rows.filter((r) => r.clarification_article_id !== null)).toHaveLength(1);
    for (const row of rows.filter((r) => r.anonymous)) {
      expect([row.reporter_account_id, row.reporter_member_id, row.reporter_unit_id, row.created_at]).toEqual([
        null,
        null,
        null,
        null,
      ]);
    }
    for (const row of rows) if (row.url) expect(row.url).toMatch(/^https:\/\/example\.(com|net|org)\//u);
  });
});
