import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads the V8 CPU profile (--cpu-prof) of an app process's main thread and splits its samples
 * by where they were taken: the package of the innermost JavaScript frame (Fastify, the pg
 * driver, Kysely, zod, the app's own code…), garbage collection, and socket writes.
 *
 * The profiler samples wall time on the main thread. On a machine whose cores are all busy, a
 * write that wakes a PostgreSQL backend (or the load generator) is where the kernel most often
 * hands the core to the woken process, so the samples that land in `writev` are mostly time
 * spent waiting for a core, not working: they are shown apart, and the shares of the rest are
 * of the process's working samples. Start-up (module loading) and idle samples are left out.
 */

export interface ProfileSplit {
  /** Working samples (seconds), without idle, start-up and socket writes. */
  workingSeconds: number;
  /** Samples in socket writes (seconds): mostly waiting for a core, see above. */
  socketWriteSeconds: number;
  /** Share of the working samples per category, largest first. */
  shares: { category: string; share: number }[];
}

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

const FASTIFY =
  /node_modules\/(fastify|@fastify\/|find-my-way|avvio|light-my-request|fast-json-stringify|fast-querystring|secure-json-parse|fastify-plugin|toad-cache|process-warning|abstract-logging|pino|sonic-boom|thread-stream|rfdc|fast-uri|ajv|json-schema-ref-resolver|safe-regex2|ret|fast-decode-uri-component|@fastify\/)/u;
const PG =
  /node_modules\/(pg|pg-protocol|pg-pool|pg-types|pg-int8|postgres-[a-z]+|pgpass|split2|buffer-writer|packet-reader|pg-connection-string|pg-cloudflare)\//u;

function categoryOf(frame: Node['callFrame']): string {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url.includes('/node_modules/kysely/')) return 'Kysely (building queries, reading results)';
  if (PG.test(url)) return 'pg driver (protocol, parsing rows)';
  if (url.includes('/node_modules/zod/') || url.includes('fastify-type-provider-zod'))
    return 'zod (validating bodies, serialising answers)';
  if (url.includes('/node_modules/helmet/') || url.includes('@fastify/helmet')) return 'helmet (security headers)';
  if (FASTIFY.test(url)) return 'Fastify and its plugins';
  if (url.includes('/apps/server/src/') || url.includes('/packages/contracts/')) return "the app's own code";
  if (url.startsWith('node:')) return 'Node.js core (HTTP, sockets, events, timers)';
  if (url.includes('/node_modules/')) return 'other libraries';
  if (url === '') return 'native code (JSON, crypto, buffers, V8)';
  return 'other';
}

/** The main thread's profile written into `dir` by the process `pid`. */
export function profileOf(dir: string, pid: number): string {
  const file = readdirSync(dir).find((f) => f.includes(`.${pid}.0.`) && f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no CPU profile of process ${pid} in ${dir}`);
  return join(dir, file);
}

export function splitProfile(file: string): ProfileSplit {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const startup = (id: number): boolean => {
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const frame = nodes.get(x)?.callFrame;
      if (!frame) break;
      if (frame.url.startsWith('node:internal/modules') || frame.functionName === 'compileSourceTextModule')
        return true;
    }
    return false;
  };
  const byCategory = new Map<string, number>();
  let working = 0;
  let writes = 0;
  for (const [id, micros] of selfTime) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)' || startup(id)) continue;
    if (['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String'].includes(frame.functionName)) {
      writes += micros;
      continue;
    }
    // Native frames are counted with the JavaScript that called them (JSON.stringify with zod, …).
    let x: number | undefined = id;
    let category = categoryOf(frame);
    while (frame.url === '' && frame.functionName !== '(garbage collector)' && x !== undefined) {
      x = parent.get(x);
      const up = x === undefined ? undefined : nodes.get(x)?.callFrame;
      if (!up) break;
      if (up.url !== '') {
        category = categoryOf(up);
        break;
      }
    }
    byCategory.set(category, (byCategory.get(category) ?? 0) + micros);
    working += micros;
  }
  return {
    workingSeconds: working / 1e6,
    socketWriteSeconds: writes / 1e6,
    shares: [...byCategory.entries()]
      .map(([category, micros]) => ({ category, share: micros / working }))
      .sort((a, b) => b.share - a.share),
  };
}
