import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type Db, migrateToLatest } from '../../apps/server/src/db/database.js';
import { startEmbeddedPostgres } from '../../apps/server/src/db/embedded.js';
import { freePort } from '../../apps/server/test/free-port.js';

export interface BenchDatabase {
  db: Db;
  /** A connection URL of this database, for other processes (a benchmark's own server processes). */
  url: string;
  /** "embedded PostgreSQL 15.x" or "DATABASE_URL (PostgreSQL 16.x)": where the figures come from. */
  server: string;
  close(): Promise<void>;
}

async function serverVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ server_version: string }>`show server_version`.execute(db);
  return rows[0]?.server_version ?? 'unknown';
}

/**
 * A migrated, empty database of the benchmark's own: a fresh database on DATABASE_URL's server
 * when set, else an embedded PostgreSQL in a temporary directory. `close` removes it all.
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    const db = createDb(url.toString(), 10);
    await migrateToLatest(db);
    return {
      db,
      url: url.toString(),
      server: `DATABASE_URL server, PostgreSQL ${await serverVersion(db)}`,
      close: async () => {
        await db.destroy();
        const cleanup = new pg.Client({ connectionString: external });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lantoa-bench-pg-'));
  try {
    const embedded = await startEmbeddedPostgres(dir, await freePort());
    const db = createDb(embedded.url, 10);
    await migrateToLatest(db);
    return {
      db,
      url: embedded.url,
      server: `embedded PostgreSQL ${await serverVersion(db)} (default settings, data in a temp dir)`,
      close: async () => {
        await db.destroy();
        await embedded.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
