import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { as, login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';
import { todayInVietnam } from '../../platform/dates.js';
import { remindBeforeDeadlines } from './study-deadlines.js';

/**
 * School A: Mai and Lan, both with accounts. The province gives a document due in two days and
 * another due in three. Mai confirms the first. This morning's job reminds Lan of the first
 * only; running it again the same day reminds nobody.
 */
const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let province: Session;
let mai: Session;
let lanAccount: number;
let maiAccount: number;
const today = todayInVietnam();
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  tree = await makeTree(db);
  const [maiId, lanId] = (await makeMembers(db, tree.schoolA, ['Ngô Thị Mai', 'Đinh Thị Lan'])) as [number, number];
  province = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  const maiLogin = await makeAccount(db, 'member', tree.schoolA, { memberId: maiId });
  await makeAccount(db, 'member', tree.schoolA, { memberId: lanId });
  mai = await login(app, maiLogin);
  const ids = await sql<{ id: number; member_id: number }>`
    select id, member_id from accounts where member_id = any(${[maiId, lanId]}::bigint[])`.execute(db);
  maiAccount = ids.rows.find((r) => r.member_id === maiId)?.id as number;
  lanAccount = ids.rows.find((r) => r.member_id === lanId)?.id as number;
});

async function assign(title: string, deadline: string, documentNumber: string) {
  const document = await as(app, province).post('/api/library/documents', {
    unitId: tree.province,
    type: 'conclusion',
    number: documentNumber,
    issuedOn: '2021-05-18',
    issuer: 'Bộ Chính trị',
    title,
  });
  expect(document.statusCode).toBe(201);
  const created = await as(app, province).post('/api/study/assignments', {
    unitId: tree.province,
    title,
    deadline,
    documentIds: [document.json().id],
  });
  expect(created.statusCode).toBe(201);
  return created.json().id as number;
}

const reminders = async (accountId: number) =>
  (
    await sql<{ title: string; link: string }>`
      select title, link from notifications where account_id = ${accountId} and kind = 'deadline_reminder'`.execute(db)
  ).rows;

describe('automatic study deadline reminders', () => {
  it('remind those who have not confirmed two days before, once a day', async () => {
    const soon = await assign('Quán triệt Kết luận 01-KL/TW', inDays(2), '01-KL/TW');
    await assign('Học tập Chỉ thị 05-CT/TW', inDays(3), '05-CT/TW');
    expect((await as(app, mai).post(`/api/study/assignments/${soon}/confirm`, {})).statusCode).toBeLessThan(300);

    expect(await remindBeforeDeadlines(db, today)).toBe(1);
    expect(await reminders(lanAccount)).toEqual([
      { title: 'Sắp đến hạn học tập: Quán triệt Kết luận 01-KL/TW', link: `/study/${soon}` },
    ]);
    expect(await reminders(maiAccount)).toEqual([]);

    expect(await remindBeforeDeadlines(db, today)).toBe(0);
    expect(await reminders(lanAccount)).toHaveLength(1);
    const recorded = await sql<{ sent_by: number | null; n: number }>`
      select sent_by, cardinality(member_ids) as n from study_reminders where assignment_id = ${soon}`.execute(db);
    expect(recorded.rows).toEqual([{ sent_by: null, n: 1 }]);
  });
});
