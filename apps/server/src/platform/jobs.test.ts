import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.js';
import type { Db } from '../db/database.js';
import { defineQueue, enqueue, ensureQueues, onJob, runNextJob } from './jobs.js';

const queue = defineQueue<{ n: number }>({
  name: 'test-jobs',
  retryLimit: 2,
  retryDelaySeconds: 0,
  retryBackoff: false,
  expireInSeconds: 60,
});
const seen: number[] = [];
let failNext = false;
onJob(queue, async ({ n }) => {
  if (failNext) {
    failNext = false;
    throw new Error('kênh tạm thời lỗi');
  }
  seen.push(n);
});

let db: Db;
beforeAll(async () => {
  ({ db } = await testDatabase());
  await ensureQueues(db);
});

const states = async () =>
  (
    await sql<{ state: string; n: number }>`
      select state, (data->>'n')::int as n from pgboss.job where name = 'test-jobs' order by created_on`.execute(db)
  ).rows;

describe('jobs', () => {
  it('exist only when the transaction that asked for them commits, and run once', async () => {
    await db
      .transaction()
      .execute(async (tx) => {
        await enqueue(tx, queue, { n: 1 });
        throw new Error('rollback');
      })
      .catch(() => {});
    await db.transaction().execute(async (tx) => {
      await enqueue(tx, queue, { n: 2 });
    });
    expect(await states()).toEqual([{ state: 'created', n: 2 }]);
    expect(await runNextJob(db, queue)).toBe(true);
    expect(await runNextJob(db, queue)).toBe(false);
    expect(seen).toEqual([2]);
    expect(await states()).toEqual([{ state: 'completed', n: 2 }]);
  });

  it('puts a failed job back for a retry', async () => {
    await enqueue(db, queue, { n: 3 });
    failNext = true;
    expect(await runNextJob(db, queue)).toBe(true);
    expect((await states()).at(-1)).toEqual({ state: 'retry', n: 3 });
    expect(await runNextJob(db, queue)).toBe(true);
    expect(seen).toEqual([2, 3]);
    expect((await states()).at(-1)).toEqual({ state: 'completed', n: 3 });
  });
});
