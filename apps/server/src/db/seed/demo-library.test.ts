import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { systemActor } from '../../../test/factories.js';
import { assignmentProgress, pendingMembers } from '../../modules/library/study-progress.js';
import { todayInVietnam } from '../../platform/dates.js';
import { DEMO_ASSIGNMENT_TITLE, DEMO_PAST_ASSIGNMENT_TITLE } from './demo-library.js';
import { DEMO_DOCUMENTS } from './demo-library-documents.js';
import { seedDemo } from './seed-demo.js';

const { db } = await testDatabase();
let demoMemberId: number;
let ids: { current: number; past: number };

beforeAll(async () => {
  const logins = await seedDemo(db, await systemActor(db));
  const account = await db
    .selectFrom('accounts')
    .select('member_id')
    .where('email', '=', logins.member.login)
    .executeTakeFirstOrThrow();
  demoMemberId = account.member_id as number;
  const rows = await db.selectFrom('study_assignments').select(['id', 'title']).execute();
  ids = {
    current: rows.find((r) => r.title === DEMO_ASSIGNMENT_TITLE)?.id as number,
    past: rows.find((r) => r.title === DEMO_PAST_ASSIGNMENT_TITLE)?.id as number,
  };
}, 240_000);

describe('the demo library', () => {
  it('holds the documents the plan cites, with summaries said to be the system’s', async () => {
    const documents = await db.selectFrom('documents').select(['number', 'summary']).execute();
    expect(documents.map((d) => d.number).sort()).toEqual(DEMO_DOCUMENTS.map((d) => d.number).sort());
    expect(documents.every((d) => d.summary.includes('Tóm tắt do hệ thống tạo'))).toBe(true);
    expect(await db.selectFrom('document_files').selectAll().execute()).toEqual([]);
  });

  it('leaves the demo member the current assignment to confirm, with others still to do it', async () => {
    const today = todayInVietnam();
    const always = sql<boolean>`true`;
    const pending = await pendingMembers(db, ids.current, today, always);
    expect(pending.some((p) => p.memberId === demoMemberId)).toBe(true);
    const progress = await assignmentProgress(db, ids.current, today, always);
    expect(progress.total.confirmed).toBeGreaterThan(0);
    expect(progress.total.confirmed).toBeLessThan(progress.total.assigned);
    const past = await pendingMembers(db, ids.past, today, always);
    expect(past.some((p) => p.memberId === demoMemberId)).toBe(false);
    // Every confirmation of an assignment counted as briefing is an attendance of its study session.
    const counts = await sql<{ confirmations: number; attendances: number }>`
      select (select count(*)::int from study_confirmations) as confirmations,
        (select count(*)::int from attendances where source = 'study') as attendances`.execute(db);
    expect(counts.rows[0]?.confirmations).toBe(counts.rows[0]?.attendances);
  });
});
