import { join } from 'node:path';
import type { Config } from './config.js';
import { createDb, type Db, migrateToLatest } from './db/database.js';
import { startEmbeddedPostgres } from './db/embedded.js';
import { type DemoLogins, seedDemo } from './db/seed/seed-demo.js';
import { createAccount } from './modules/access/accounts.service.js';
import { systemAdminActor } from './platform/access.js';
import { ensureQueues } from './platform/jobs.js';
import { generatePassword } from './platform/passwords.js';
import { deleteExpiredSessions } from './platform/sessions.js';

export interface Database {
  db: Db;
  url: string;
  stop(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL under DATA_DIR/postgres. */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<Database> {
  if (config.databaseUrl) {
    const db = createDb(config.databaseUrl);
    return { db, url: config.databaseUrl, stop: () => db.destroy() };
  }
  log(`Khởi động PostgreSQL nhúng (dữ liệu ở ${join(config.dataDir, 'postgres')})…`);
  const embedded = await startEmbeddedPostgres(join(config.dataDir, 'postgres'), config.embeddedPgPort);
  const db = createDb(embedded.url);
  return {
    db,
    url: embedded.url,
    stop: async () => {
      await db.destroy();
      await embedded.stop();
    },
  };
}

export interface FirstStart {
  admin: { login: string; password: string | null };
  demo: DemoLogins | null;
}

/**
 * On an empty database: the system admin (ADMIN_LOGIN/ADMIN_PASSWORD, or a random password
 * printed once) and, unless DEMO_DATA=false, the demo organisation. Null when already set up.
 */
export async function initialiseIfEmpty(db: Db, config: Config): Promise<FirstStart | null> {
  await migrateToLatest(db);
  // The demo's writes enqueue jobs (e-mail, publishing): pg-boss drops a job sent to a queue
  // that does not exist yet, and buildApp creates them only later.
  await ensureQueues(db);
  await deleteExpiredSessions(db);
  const existing = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const login = config.adminLogin ?? 'admin@lantoa.local';
  const password = config.adminPassword ?? generatePassword();
  const isEmail = login.includes('@');
  const { account } = await createAccount(
    db,
    null,
    {
      displayName: 'Quản trị hệ thống',
      email: isEmail ? login : null,
      phone: isEmail ? null : login,
      role: 'system_admin',
      unitId: null,
    },
    password,
  );
  const actor = systemAdminActor(account);
  const demo = config.demoData ? await seedDemo(db, actor) : null;
  return { admin: { login, password: config.adminPassword ? null : password }, demo };
}
