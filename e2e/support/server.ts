import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config.js';
import { createDb, type Db, migrateToLatest } from '../../apps/server/src/db/database.js';
import { startEmbeddedPostgres } from '../../apps/server/src/db/embedded.js';
import { freePort } from '../../apps/server/test/free-port.js';

const root = resolve(import.meta.dirname, '../..');
const webDist = join(root, 'apps/web/dist');

/** Builds the web app once if it is missing, as `npm start` would. */
export function ensureWebBuilt(): void {
  if (existsSync(join(webDist, 'index.html'))) return;
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('web build failed');
}

export interface RunningServer {
  url: string;
  db: Db;
  app: FastifyInstance;
  stop(): Promise<void>;
}

/** The real server on a real port with a fresh database (embedded PostgreSQL, or a new database on DATABASE_URL). */
export async function startServer(): Promise<RunningServer> {
  ensureWebBuilt();
  let dbUrl: string;
  let stopDb = async () => {};
  let dir: string | null = null;
  if (process.env.DATABASE_URL) {
    const name = `e2e_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    dbUrl = url.toString();
  } else {
    dir = mkdtempSync(join(tmpdir(), 'lantoa-e2e-pg-'));
    const embedded = await startEmbeddedPostgres(dir, await freePort());
    dbUrl = embedded.url;
    stopDb = embedded.stop;
  }
  const db = createDb(dbUrl, 10);
  await migrateToLatest(db);
  const config = { ...loadConfig({ LOG_LEVEL: 'warn', DATA_DIR: dir ?? tmpdir() }), webDistDir: webDist };
  const app = await buildApp(config, db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    db,
    app,
    stop: async () => {
      await app.close();
      await db.destroy();
      await stopDb();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
