#!/usr/bin/env node
// `npm start`: builds the web app when it has not been built yet, then starts the server
// (embedded PostgreSQL, migrations, demo data on first start). Nothing to install by hand.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
  console.log('Đang build giao diện web (chỉ lần đầu)…');
  run([
    join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    'apps/web/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
}
run([join(root, 'node_modules/tsx/dist/cli.mjs'), 'apps/server/src/main.ts', 'start', ...process.argv.slice(2)]);
