import { spawnSync } from 'node:child_process';
import { buildApp } from './app.js';
import { initialiseIfEmpty, openDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { migrateToLatest } from './db/database.js';
import { startContestSweeper } from './modules/contests/sweeper.js';
import { startJobs } from './platform/jobs.js';

/** CLI: start (default) | migrate | backup FILE | restore FILE */
const say = (line: string) => process.stdout.write(`${line}\n`);

async function start() {
  const config = loadConfig();
  const database = await openDatabase(config, say);
  const first = await initialiseIfEmpty(database.db, config);
  const app = await buildApp(config, database.db);
  const stopSweeper = startContestSweeper(database.db, (error) => app.log.error({ err: error }, 'contest sweeper'));
  const stopJobs = await startJobs(database.db, (error) => app.log.error({ err: error }, 'jobs'));
  const shutdown = async () => {
    stopSweeper();
    await stopJobs();
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  say('');
  say(`Lan Tỏa đang chạy tại ${url}`);
  say(`API: ${url}/api/docs`);
  if (first) {
    say('');
    say('Tài khoản quản trị hệ thống (tạo lần đầu):');
    say(`  Đăng nhập: ${first.admin.login}`);
    say(
      first.admin.password
        ? `  Mật khẩu:  ${first.admin.password}   (chỉ hiện một lần — hãy lưu lại)`
        : '  Mật khẩu:  giá trị ADMIN_PASSWORD',
    );
    if (first.demo) {
      say(
        `Tài khoản quản trị đơn vị (${first.demo.unitAdmin.unitName}): ${first.demo.unitAdmin.login} / ${first.demo.unitAdmin.password}`,
      );
      say(`Tài khoản đoàn viên: ${first.demo.member.login} / ${first.demo.member.password}`);
    }
  } else {
    say('Cơ sở dữ liệu đã có sẵn; dùng tài khoản đã tạo ở lần chạy đầu.');
  }
}

async function migrate() {
  const config = loadConfig();
  const database = await openDatabase(config, say);
  const applied = await migrateToLatest(database.db);
  say(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
  await database.stop();
}

/**
 * pg_dump / pg_restore of the client tools on the PATH (Debian: postgresql-client). The embedded
 * server is PostgreSQL 15, the version Debian 12's client tools speak.
 */
async function backupOrRestore(kind: 'backup' | 'restore', file: string | undefined) {
  if (!file) throw new Error(`Cách dùng: npm run db -- ${kind} <tệp.dump>`);
  const config = loadConfig();
  const database = await openDatabase(config, say);
  const args =
    kind === 'backup'
      ? ['pg_dump', '--format=custom', `--file=${file}`, database.url]
      : ['pg_restore', '--clean', '--if-exists', '--no-owner', `--dbname=${database.url}`, file];
  const result = spawnSync(args[0] as string, args.slice(1), { stdio: 'inherit' });
  await database.stop();
  if (result.status !== 0) throw new Error(`${kind} thất bại (mã ${result.status})`);
  say(kind === 'backup' ? `Đã sao lưu vào ${file}` : `Đã khôi phục từ ${file}`);
}

const [command = 'start', arg] = process.argv.slice(2);
const run = {
  start,
  migrate,
  backup: () => backupOrRestore('backup', arg),
  restore: () => backupOrRestore('restore', arg),
}[command];
if (!run) {
  process.stderr.write(`Lệnh không rõ: ${command}. Dùng: start | migrate | backup <tệp> | restore <tệp>\n`);
  process.exit(2);
}
run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
