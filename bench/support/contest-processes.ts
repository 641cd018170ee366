import { type ChildProcess, fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The benchmark's other processes: app servers (contest-server.ts) and the load generator
 * (contest-load-runner.ts), each a Node process of its own so that none shares an event loop
 * with another or with the measuring code; and CPU time per process, read from /proc.
 */

const here = dirname(fileURLToPath(import.meta.url));

export interface ServerProcess {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/** Forks a TypeScript module of this folder under tsx, with an IPC channel. */
export function forkTs(file: string, env: Record<string, string> = {}, execArgv: string[] = []): ChildProcess {
  return fork(join(here, file), [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts one app process on `databaseUrl`; resolves once it listens. `cpuProfDir`: run it with
 * --cpu-prof, the profile written there when it stops.
 */
export async function startServer(
  databaseUrl: string,
  options: { pool?: number; cpuProfDir?: string } = {},
): Promise<ServerProcess> {
  const child = forkTs(
    'contest-server.ts',
    { BENCH_DATABASE_URL: databaseUrl, BENCH_POOL: String(options.pool ?? 20) },
    options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [],
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`server process exited (${code}) before listening`)));
  });
  return {
    pid: child.pid as number,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.connected) child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

const TICK = 100; // USER_HZ on Linux

/** User and system (kernel) CPU seconds a process has used so far (0 when it is gone). */
function processTimes(pid: number): { user: number; system: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at index 2: utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(fields[11]) / TICK, system: Number(fields[12]) / TICK };
  } catch {
    return { user: 0, system: 0 };
  }
}

function processCpu(pid: number): number {
  const { user, system } = processTimes(pid);
  return user + system;
}

/** All PostgreSQL processes of this machine (the postmaster and its backends). */
function postgresPids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (stat.includes('(postgres)')) pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function machineBusy(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/u).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / TICK, total: total / TICK };
}

export interface CpuUse {
  /** CPU seconds per second of wall time (1.0 = one core busy), all app processes together. */
  servers: number;
  /** The part of `servers` spent in the kernel (socket reads and writes, mostly). */
  serversKernel: number;
  postgres: number;
  /** Everything the machine did: the above, the load generator, the kernel, this process. */
  machine: number;
  wallSeconds: number;
}

/**
 * Starts counting the CPU time of the app processes, of PostgreSQL's processes and of the whole
 * machine; `finish()` gives the average use over the interval. Backends that appear in between
 * are counted from when they are first seen (the pools keep their connections, so few do).
 */
export function cpuMeter(servers: number[]) {
  const started = performance.now();
  const pgStart = new Map(postgresPids().map((pid) => [pid, processCpu(pid)]));
  const serverStart = servers.map(processTimes);
  const machineStart = machineBusy();
  const watch = setInterval(() => {
    for (const pg of postgresPids()) if (!pgStart.has(pg)) pgStart.set(pg, processCpu(pg));
  }, 500);
  return {
    finish(): CpuUse {
      clearInterval(watch);
      const wall = (performance.now() - started) / 1000;
      let pg = 0;
      for (const [pid, before] of pgStart) {
        const now = processCpu(pid);
        if (now > 0) pg += now - before;
      }
      let user = 0;
      let system = 0;
      servers.forEach((pid, i) => {
        const now = processTimes(pid);
        user += now.user - (serverStart[i]?.user ?? 0);
        system += now.system - (serverStart[i]?.system ?? 0);
      });
      const machine = machineBusy().busy - machineStart.busy;
      return {
        servers: (user + system) / wall,
        serversKernel: system / wall,
        postgres: pg / wall,
        machine: machine / wall,
        wallSeconds: wall,
      };
    },
  };
}
