import { buildApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config.js';
import { createDb } from '../../apps/server/src/db/database.js';
import { startContestSweeper } from '../../apps/server/src/modules/contests/sweeper.js';
import { freePort } from '../../apps/server/test/free-port.js';

/**
 * One app process of the contest load benchmark, as `npm start` runs it: the whole server
 * (`buildApp`) and the contest sweeper, on the benchmark's database, listening on a free
 * loopback port. Started by contest-processes.ts with
 * `node --import tsx bench/support/contest-server.ts`; it reports its port over IPC and stops
 * on the message 'stop' (or when its parent goes away).
 *
 * Environment: BENCH_DATABASE_URL (required), BENCH_POOL (connections of its pool, default 20),
 * BENCH_LOG_LEVEL (default warn).
 */
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is not set');
const pool = Number(process.env.BENCH_POOL ?? 20);
const config = loadConfig({
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
  DATA_DIR: '/tmp/lantoa-bench-unused',
  DEMO_DATA: 'false',
});
const db = createDb(url, pool);
const app = await buildApp({ ...config, webDistDir: '/nonexistent' }, db);
const stopSweeper = startContestSweeper(db, (error) => app.log.error({ err: error }, 'contest sweeper'));
const port = await freePort();
await app.listen({ port, host: '127.0.0.1' });

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  stopSweeper();
  await app.close();
  await db.destroy();
  // process.exit() lets --cpu-prof write its profile.
  process.exit(0);
}
process.on('message', (message) => {
  if (message === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
process.send?.({ port });
