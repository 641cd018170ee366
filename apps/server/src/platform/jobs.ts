import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Db, Executor } from '../db/database.js';

/**
 * Background jobs on pg-boss, in the app's own database (schema `pgboss`, migration 0010).
 *
 * - A module declares its queue once (`defineQueue`) with its retry policy, and its handler
 *   (`onJob`); a schedule (`defineSchedule`) makes a queue run on a cron in Vietnam's time.
 * - `enqueue(executor, queue, data)` writes the job with the caller's executor: inside a
 *   transaction the job exists exactly when the change that asked for it commits — the queue is
 *   the outbox, nothing is sent for a change that rolled back.
 * - `startJobs` (main.ts) runs the handlers in every app process; pg-boss hands each job to one.
 *   Tests drive a queue deterministically with `runNextJob` instead.
 *
 * Handlers must be idempotent: a job can run again after a crash between its work and its
 * completion (and a test runs one twice on purpose).
 */

export interface QueueSpec {
  name: string;
  /** Attempts after the first; with back-off, the delay doubles from `retryDelaySeconds`. */
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** A running job not completed after this long is failed (and retried). */
  expireInSeconds: number;
}

// biome-ignore lint/correctness/noUnusedVariables: T types the data a queue carries.
export interface Queue<T> extends QueueSpec {}

export interface JobContext {
  id: string;
  /** 0 on the first run, then 1, 2…: handlers may say "last attempt" in what they record. */
  retryCount: number;
  retryLimit: number;
}
type Handler<T> = (data: T, job: JobContext) => Promise<void>;

const queues = new Map<string, QueueSpec>();
const handlers = new Map<string, Handler<unknown>>();
const schedules = new Map<string, { cron: string; data: object }>();

export function defineQueue<T>(spec: QueueSpec): Queue<T> {
  queues.set(spec.name, spec);
  return spec;
}

export function onJob<T>(queue: Queue<T>, handler: Handler<T>): void {
  handlers.set(queue.name, handler as Handler<unknown>);
}

/** Runs the queue on a cron (minute hour day month weekday), Asia/Ho_Chi_Minh time. */
export function defineSchedule<T extends object>(queue: Queue<T>, cron: string, data: T): void {
  schedules.set(queue.name, { cron, data });
}

function adapter(executor: Executor): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({
      rows: (await executor.executeQuery(CompiledQuery.raw(text, values ?? []))).rows as unknown[],
    }),
  };
}

const bosses = new WeakMap<Db, PgBoss>();
/** A pg-boss over the app's pool (no pool of its own); started only by `startJobs`. */
function bossOf(db: Db): PgBoss {
  let boss = bosses.get(db);
  if (!boss) {
    boss = new PgBoss({ db: adapter(db), schema: 'pgboss', migrate: true, supervise: true, schedule: true });
    bosses.set(db, boss);
  }
  return boss;
}

function queueOptions(spec: QueueSpec): PgBoss.Queue {
  return {
    name: spec.name,
    retryLimit: spec.retryLimit,
    retryDelay: spec.retryDelaySeconds,
    retryBackoff: spec.retryBackoff,
    expireInSeconds: spec.expireInSeconds,
  };
}

/** Creates the declared queues, or brings their policy up to date (buildApp, every start). */
export async function ensureQueues(db: Db): Promise<void> {
  const boss = bossOf(db);
  for (const spec of queues.values()) {
    await boss.createQueue(spec.name, queueOptions(spec));
    await boss.updateQueue(spec.name, queueOptions(spec));
  }
}

/** Only builds the insert statement; every send passes the executor to run it with. */
const sender = new PgBoss({
  db: {
    executeSql: () => Promise.reject(new Error('enqueue always passes its executor')),
  },
  schema: 'pgboss',
});

/**
 * Writes a job with the caller's executor (pass the transaction). `singletonKey`: at most one
 * job with this key waits in the queue at a time (a second one is not created; returns null).
 */
export async function enqueue<T>(
  executor: Executor,
  queue: Queue<T>,
  data: T,
  options: { startAfter?: Date; singletonKey?: string } = {},
): Promise<string | null> {
  return sender.send(queue.name, data as object, { ...options, db: adapter(executor) });
}

/** Runs the next waiting job of a queue with its handler, as a worker would; false when none. */
export async function runNextJob(db: Db, queue: QueueSpec): Promise<boolean> {
  const boss = bossOf(db);
  const [job] = await boss.fetch<object>(queue.name, { batchSize: 1, includeMetadata: true });
  if (!job) return false;
  await runJob(boss, queue.name, job);
  return true;
}

async function runJob(boss: PgBoss, name: string, job: PgBoss.JobWithMetadata<object>) {
  const handler = handlers.get(name);
  if (!handler) throw new Error(`no handler for queue ${name}`);
  try {
    await handler(job.data, { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit });
    await boss.complete(name, job.id);
  } catch (error) {
    await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
  }
}

/** Starts pg-boss and every handler in this process; returns `stop`. */
export async function startJobs(db: Db, onError: (error: unknown) => void): Promise<() => Promise<void>> {
  const boss = bossOf(db);
  boss.on('error', onError);
  await boss.start();
  await ensureQueues(db);
  for (const [name, { cron, data }] of schedules) await boss.schedule(name, cron, data, { tz: 'Asia/Ho_Chi_Minh' });
  for (const name of handlers.keys()) {
    await boss.work<object>(name, { batchSize: 1, pollingIntervalSeconds: 2, includeMetadata: true }, async ([job]) => {
      if (job) await runJob(boss, name, job);
    });
  }
  return () => boss.stop({ graceful: true, timeout: 10_000 });
}
