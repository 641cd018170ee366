import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { LoadJob, LoadResult } from './contest-load.js';
import { summarize } from './stats.js';

/**
 * The load generator: one autocannon run in a process of its own (forked by contest-load.ts),
 * so that it shares no event loop with the servers or with the code that checks the results.
 * Receives one LoadJob over IPC, answers with one LoadResult, exits.
 *
 * Every request is a different item of the job's list (a different member's session for
 * starts; a different attempt, or a copy of one, for submits), taken in order across all
 * connections by `setupRequest`. When the job's time is up or its list is used up, the
 * connections send bare `GET /api/health` requests instead ("drain": they are not counted)
 * until every counted request has its answer, and the run stops. So every request sent is
 * answered and counted, which the database counts are compared with.
 */

interface RequestData {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer | undefined;
}
interface Context {
  real?: boolean;
}
/** The parts of autocannon's per-connection client that pacing touches. */
interface Client {
  destroyed: boolean;
  _doRequest(): void;
  intendedAt?: number;
}
interface Instance {
  on(event: 'response', listener: (client: Client, status: number, bytes: number, ms: number) => void): void;
  on(event: 'reqError', listener: (error: Error) => void): void;
  stop(): void;
}
type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: { errors: number; timeouts: number }) => void,
) => Instance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Lines of a start: [session token, CSRF token]; of a submit: [attempt id, attempt token, JSON body]. */
type StartItem = [string, string];
type SubmitItem = [number, string, string];

function run(job: LoadJob, items: unknown[]): Promise<LoadResult> {
  const first = job.from ?? 0;
  // Health checks need no list: as many as the time allows, or `count`.
  const available = job.kind === 'health' ? Number.POSITIVE_INFINITY : items.length;
  const last = job.count === undefined ? available : Math.min(available, first + job.count);
  let next = first;
  let sent = 0;
  let answered = 0;
  let drained = 0;
  let draining = false;
  let lastReal = false;
  let startedAt = 0;
  let lastAnswerAt = 0;
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const okLatencies: number[] = [];
  const fromSchedule: number[] = [];
  const perSecond: number[] = [];
  const samples: Record<string, string> = {};
  const flags = { fresh: 0, resumed: 0, closedNow: 0, alreadyClosed: 0 };
  const cpuBefore = process.cpuUsage();
  let instance: Instance | undefined;

  const drain = (request: RequestData): RequestData => ({
    ...request,
    method: 'GET',
    path: '/api/health',
    headers: {},
    body: undefined,
  });

  function setupRequest(request: RequestData, context: Context): RequestData {
    if (startedAt === 0) startedAt = performance.now();
    if (!draining && (next >= last || performance.now() - startedAt >= job.seconds * 1000)) draining = true;
    context.real = !draining;
    if (draining) return drain(request);
    const item = items[next++];
    sent++;
    if (job.kind === 'health') return drain(request);
    if (job.kind === 'start') {
      const [token, csrf] = item as StartItem;
      return {
        ...request,
        method: 'POST',
        path: `/api/contests/rounds/${job.roundId}/attempts`,
        headers: { cookie: `lantoa_session=${token}`, 'x-csrf-token': csrf },
        body: undefined,
      };
    }
    const [attemptId, token, body] = item as SubmitItem;
    return {
      ...request,
      method: 'POST',
      path: `/api/contests/attempts/${attemptId}/submit`,
      headers: { 'x-attempt-token': token, 'content-type': 'application/json' },
      body,
    };
  }

  function onResponse(status: number, body: string, context: Context): void {
    lastReal = context.real === true;
    if (!lastReal) {
      drained++;
      return;
    }
    answered++;
    lastAnswerAt = performance.now();
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) {
      const second = Math.floor((lastAnswerAt - startedAt) / 1000);
      perSecond[second] = (perSecond[second] ?? 0) + 1;
      if (job.kind === 'start') {
        if (body.includes('"resumed":false')) flags.fresh++;
        else flags.resumed++;
      } else if (job.kind === 'submit') {
        if (body.includes('"alreadyClosed":false')) flags.closedNow++;
        else flags.alreadyClosed++;
      }
    } else if (!samples[status]) {
      samples[status] = body.slice(0, 300);
    }
  }

  /**
   * With a rate: each connection sends on a schedule of its own, evenly spaced (connections ÷
   * rate apart) from a random phase, so requests arrive spread over each second as real players'
   * would — autocannon's own `overallRate` lets every connection send its quota back to back at
   * the start of each second instead, a burst of `connections` requests every second. A
   * connection that falls behind (its previous answer came late) sends at once until it has
   * caught up, and the time from the planned instant to the answer is recorded as well, so that
   * waiting inside the load generator is not hidden (no coordinated omission).
   */
  function pace(client: Client): void {
    if (!job.rate) return;
    const interval = (1000 * job.connections) / job.rate;
    let nextAt = performance.now() + Math.random() * interval;
    const send = client._doRequest;
    client._doRequest = () => {
      const at = nextAt;
      nextAt += interval;
      const go = () => {
        if (client.destroyed) return;
        client.intendedAt = at;
        send.call(client);
      };
      const wait = at - performance.now();
      if (wait <= 0) go();
      else setTimeout(go, wait);
    };
  }

  return new Promise((resolve, reject) => {
    instance = autocannon(
      {
        url: job.targets,
        connections: job.connections,
        setupClient: pace,
        // A safety net only: the run stops itself once every counted request is answered.
        duration: job.seconds + 60,
        timeout: 30,
        requests: [{ setupRequest, onResponse }],
      },
      (error, result) => {
        if (error) return reject(error);
        const cpu = process.cpuUsage(cpuBefore);
        const seconds = (lastAnswerAt - startedAt) / 1000;
        const ok = Object.entries(statuses)
          .filter(([code]) => code.startsWith('2'))
          .reduce((sum, [, n]) => sum + n, 0);
        // Full seconds only: the last one is cut short.
        const full = perSecond.slice(0, Math.max(1, Math.floor(seconds))).map((n) => n ?? 0);
        resolve({
          kind: job.kind,
          sent,
          answered,
          lost: sent - answered,
          ok,
          statuses,
          samples,
          drained,
          errors: result.errors,
          timeouts: result.timeouts,
          seconds,
          throughput: ok / seconds,
          slowestSecond: full.length > 2 ? Math.min(...full.slice(1)) : Math.min(...full),
          perSecond: full,
          latency: summarize(latencies),
          okLatency: summarize(okLatencies),
          fromSchedule: summarize(fromSchedule),
          flags,
          loadCpu: (cpu.user + cpu.system) / 1e6 / seconds,
        });
      },
    );
    instance.on('response', (client, status, _bytes, ms) => {
      if (!lastReal) {
        if (draining && answered === sent) instance?.stop();
        return;
      }
      latencies.push(ms);
      if (client.intendedAt !== undefined) fromSchedule.push(performance.now() - client.intendedAt);
      if (status >= 200 && status < 300) okLatencies.push(ms);
      if (draining && answered === sent) instance?.stop();
    });
  });
}

process.once('message', (job: LoadJob) => {
  const items = job.file ? (JSON.parse(readFileSync(job.file, 'utf8')) as unknown[]) : [];
  process.once('message', () => go(job, items));
  process.send?.('ready');
});

function go(job: LoadJob, items: unknown[]): void {
  run(job, items).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`load runner: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
