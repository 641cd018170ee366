import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { makeMembers, makeTree } from '../../../test/factories.js';
import type { Db } from '../../db/database.js';
import { makeContest } from './contests.test-helpers.js';

/**
 * The round's and the contest's rows are not foreign keys of attempts and entries (migration 0009:
 * every start would lock them); deleting them still takes their attempts and entries along.
 */
let db: Db;
let tree: Awaited<ReturnType<typeof makeTree>>;
let memberId: number;
beforeAll(async () => {
  ({ db } = await testDatabase());
  tree = await makeTree(db);
  [memberId] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn An'])) as [number];
});

async function enter(contestId: number, roundId: number) {
  const entry = await sql<{ id: number }>`
    insert into contest_entries (contest_id, member_id, full_name, unit_id)
    values (${contestId}, ${memberId}, 'Nguyễn Văn An', ${tree.schoolA}) returning id`.execute(db);
  const entryId = entry.rows[0]?.id as number;
  await sql`
    insert into contest_attempts (round_id, entry_id, attempt_no, deadline, questions, answer_key)
    values (${roundId}, ${entryId}, 1, now() + interval '1 hour', '[]', '{}')`.execute(db);
  return entryId;
}
const count = async (table: 'contest_attempts' | 'contest_entries', column: string, id: number) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${id}`.execute(db)
  ).rows[0]?.n;

describe('deleting contests and rounds', () => {
  it('takes a round’s attempts along', async () => {
    const { contestId, roundId } = await makeContest(db, { unitId: tree.province });
    const entryId = await enter(contestId, roundId);
    await sql`delete from contest_rounds where id = ${roundId}`.execute(db);
    expect(await count('contest_attempts', 'round_id', roundId)).toBe(0);
    expect(await count('contest_entries', 'id', entryId)).toBe(1);
  });

  it('takes a contest’s entries, rounds and attempts along', async () => {
    const { contestId, roundId } = await makeContest(db, { unitId: tree.province });
    const entryId = await enter(contestId, roundId);
    await sql`delete from contests where id = ${contestId}`.execute(db);
    expect(await count('contest_entries', 'contest_id', contestId)).toBe(0);
    expect(await count('contest_attempts', 'entry_id', entryId)).toBe(0);
    expect(await count('contest_attempts', 'round_id', roundId)).toBe(0);
  });
});
