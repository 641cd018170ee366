import { readFileSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Db } from '../../apps/server/src/db/database.js';
import type { Database } from '../../apps/server/src/db/schema.js';
import { loadAttemptSecret } from '../../apps/server/src/modules/contests/attempt-token.js';
import { startAttempt, submitAttempt } from '../../apps/server/src/modules/contests/attempts.service.js';
import { memberEntry } from '../../apps/server/src/modules/contests/entries.js';
import { playRound } from '../../apps/server/src/modules/contests/round-cache.js';
import { loadSession } from '../../apps/server/src/platform/sessions.js';

/**
 * What each SQL statement of a start and of a submission costs PostgreSQL, one at a time: the
 * app's own functions (loadSession, memberEntry, startAttempt, submitAttempt — exactly the
 * statements the routes send) run for fresh members on one connection, and for every statement
 * the CPU time its backend spent (from /proc/PID/schedstat, in nanoseconds) and the round trip
 * seen from Node. Two more passes, with other members in other rounds, show what part of that
 * is parsing and planning (the same statements as named prepared statements, parsed once and
 * planned from a cached plan) and what part is the WAL flush at commit (synchronous_commit
 * off). Last, for a few more members, EXPLAIN (ANALYZE) of each statement in a savepoint just
 * before it runs for real: planning and execution times, and the foreign-key checks' share.
 */

export type StatementKind = 'health' | 'session' | 'touch' | 'entry' | 'start' | 'submit';

export interface StatementCost {
  kind: StatementKind;
  calls: number;
  /** Median CPU microseconds of the PostgreSQL backend per call, as the app sends it (unnamed statements). */
  pgCpuUs: number;
  /** The same, sent as named prepared statements. */
  preparedCpuUs: number | null;
  /** The same, with synchronous_commit off. */
  asyncCommitCpuUs: number | null;
  /** Median round trip from Node, milliseconds, as the app sends it. */
  roundTripMs: number;
  /** Medians from EXPLAIN (ANALYZE), milliseconds (null when not explained). */
  planningMs: number | null;
  executionMs: number | null;
  /** Of the execution: the foreign-key checks (RI triggers) the statement fired. */
  foreignKeysMs: number | null;
  /** The indexes its plans read (EXPLAIN). */
  indexes: string[];
}

function kindOf(text: string): StatementKind | null {
  if (/^select 1 as "one"$/u.test(text.trim())) return 'health';
  if (text.includes('from "sessions" as "s"')) return 'session';
  if (text.startsWith('update "sessions"')) return 'touch';
  if (/with\s+placed as/u.test(text) && !text.includes('previous as')) return 'entry';
  if (/with\s+previous as/u.test(text)) return 'start';
  if (text.includes('with closed as')) return 'submit';
  return null;
}

function backendCpuNs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
}

const median = (values: number[] | undefined) => {
  const sorted = [...(values ?? [])].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor(sorted.length / 2)] as number);
};

type Mode = 'sent' | 'prepared' | 'async' | 'explain';

interface PlanNode {
  'Index Name'?: string;
  Plans?: PlanNode[];
}
interface ExplainSummary {
  Plan: PlanNode;
  'Planning Time': number;
  'Execution Time': number;
  Triggers?: { 'Trigger Name': string; Time?: number }[];
}

function indexNames(node: PlanNode, into: Set<string>): void {
  if (node['Index Name']) into.add(node['Index Name']);
  for (const child of node.Plans ?? []) indexNames(child, into);
}

/**
 * `sessions`: [token, CSRF token] per member; `rounds`: one fresh round per pass (as sent,
 * prepared, asynchronous commit, explained), each of a contest nobody has entered. Members
 * from 0 on play in each round, `count` per pass and `explained` in the last.
 */
export async function statementCosts(
  url: string,
  sessions: [string, string][],
  rounds: Record<Mode, number>,
  options: { count: number; explained: number },
): Promise<StatementCost[]> {
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  const pidRow = await raw.query<{ pid: number }>('select pg_backend_pid() as pid');
  const pid = Number(pidRow.rows[0]?.pid);
  let mode: Mode = 'sent';
  const names = new Map<string, string>();
  const cpu: Record<Exclude<Mode, 'explain'>, Map<StatementKind, number[]>> = {
    sent: new Map(),
    prepared: new Map(),
    async: new Map(),
  };
  const trips = new Map<StatementKind, number[]>();
  const planning = new Map<StatementKind, number[]>();
  const execution = new Map<StatementKind, number[]>();
  const foreignKeys = new Map<StatementKind, number[]>();
  const indexes = new Map<StatementKind, Set<string>>();
  const push = (map: Map<StatementKind, number[]>, kind: StatementKind, value: number) => {
    const list = map.get(kind) ?? [];
    list.push(value);
    map.set(kind, list);
  };
  const client = {
    async query(text: string, values: unknown[]) {
      const kind = kindOf(text);
      if (mode === 'explain') {
        if (kind) {
          await raw.query('savepoint cost');
          const plan = await raw.query(`explain (analyze, summary, format json) ${text}`, values);
          await raw.query('rollback to savepoint cost');
          const summary = (plan.rows[0] as { 'QUERY PLAN': ExplainSummary[] })['QUERY PLAN'][0];
          if (summary) {
            push(planning, kind, summary['Planning Time']);
            push(execution, kind, summary['Execution Time']);
            const fk = (summary.Triggers ?? [])
              .filter((t) => t['Trigger Name'].startsWith('RI_') || t['Trigger Name'].includes('fkey'))
              .reduce((sum, t) => sum + (t.Time ?? 0), 0);
            push(foreignKeys, kind, fk);
            const used = indexes.get(kind) ?? new Set<string>();
            indexNames(summary.Plan, used);
            indexes.set(kind, used);
          }
        }
        return raw.query(text, values);
      }
      let name: string | undefined;
      if (mode === 'prepared') {
        name = names.get(text) ?? `cost_${names.size}`;
        names.set(text, name);
      }
      const before = backendCpuNs(pid);
      const start = performance.now();
      const result = name ? await raw.query({ name, text, values }) : await raw.query(text, values);
      const trip = performance.now() - start;
      const spent = backendCpuNs(pid) - before;
      if (kind) {
        push(cpu[mode], kind, spent / 1000);
        if (mode === 'sent') push(trips, kind, trip);
      }
      return result;
    },
    release() {},
  };
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: { connect: async () => client, end: async () => {} } as never }),
  }) as Db;
  try {
    await loadAttemptSecret(db);
    const pass = async (passMode: Mode, count: number) => {
      mode = 'sent';
      const round = await playRound(db, rounds[passMode]);
      mode = passMode;
      for (let member = 0; member < count; member++) {
        if (passMode === 'explain') await raw.query('begin');
        await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
        const [token] = sessions[member] as [string, string];
        const loaded = await loadSession(db, token, '127.0.0.1');
        if (!loaded) throw new Error(`no session for member ${member}`);
        const entryId = await memberEntry(db, round, loaded.actor);
        const view = await startAttempt(db, round, entryId, '127.0.0.1');
        const answers: Record<string, string[]> = {};
        for (const question of view.questions) answers[String(question.id)] = [question.options[0]?.id ?? 'a'];
        await submitAttempt(db, round, view.attemptId, { answers }, '127.0.0.1');
        if (passMode === 'explain') await raw.query('commit');
      }
    };
    await pass('sent', options.count);
    await pass('prepared', options.count);
    await raw.query('set synchronous_commit = off');
    await pass('async', options.count);
    await raw.query('reset synchronous_commit');
    await pass('explain', options.explained);
  } finally {
    await raw.end();
  }
  const kinds: StatementKind[] = ['health', 'session', 'touch', 'entry', 'start', 'submit'];
  const optional = (map: Map<StatementKind, number[]>, kind: StatementKind) =>
    map.has(kind) ? median(map.get(kind)) : null;
  return kinds
    .filter((kind) => (cpu.sent.get(kind)?.length ?? 0) > 0)
    .map((kind) => ({
      kind,
      calls: cpu.sent.get(kind)?.length ?? 0,
      pgCpuUs: median(cpu.sent.get(kind)),
      preparedCpuUs: optional(cpu.prepared, kind),
      asyncCommitCpuUs: optional(cpu.async, kind),
      roundTripMs: median(trips.get(kind)),
      planningMs: optional(planning, kind),
      executionMs: optional(execution, kind),
      foreignKeysMs: optional(foreignKeys, kind),
      indexes: [...(indexes.get(kind) ?? [])].sort(),
    }));
}
