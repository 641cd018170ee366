import { forkTs } from './contest-processes.js';
import type { Summary } from './stats.js';

/** One load run, as contest-load-runner.ts performs it. */
export interface LoadJob {
  kind: 'health' | 'start' | 'submit';
  /** Base URLs of the app processes; autocannon spreads its connections over them evenly. */
  targets: string[];
  connections: number;
  /**
   * Requests per second over all connections, each connection on an even schedule of its own;
   * null: closed loop, each connection sends its next request as soon as its answer is back.
   */
  rate: number | null;
  /** Counted requests are sent for this long at most (then the run waits for their answers); see `count`. */
  seconds: number;
  /** JSON file of the items (see the runner); none for health checks. */
  file?: string;
  /** Use items [from, from + count) of the file only. Health checks: at most `count` requests. */
  from?: number;
  count?: number;
  roundId?: number;
}

export interface LoadResult {
  kind: LoadJob['kind'];
  /** Counted requests sent and answered: equal unless a connection failed. */
  sent: number;
  answered: number;
  lost: number;
  /** 2xx answers. */
  ok: number;
  statuses: Record<string, number>;
  /** The first answer's body (cut) for each status other than 2xx. */
  samples: Record<string, string>;
  /** Uncounted health checks sent while the last counted answers came back. */
  drained: number;
  errors: number;
  timeouts: number;
  /** From the first request to the last counted answer. */
  seconds: number;
  /** 2xx answers per second over `seconds`. */
  throughput: number;
  /** The fewest 2xx answers in one full second (the first second excluded). */
  slowestSecond: number;
  /** 2xx answers in each full second, from the first request. */
  perSecond: number[];
  /** Milliseconds from writing a request to its whole answer: every counted answer, and 2xx only. */
  latency: Summary;
  okLatency: Summary;
  /** With a rate: from the instant the request was planned for to its answer (n = 0 without a rate). */
  fromSchedule: Summary;
  /** Starts: fresh attempts and resumed ones. Submits: attempts closed by this request, and already closed. */
  flags: { fresh: number; resumed: number; closedNow: number; alreadyClosed: number };
  /** CPU seconds per second of the load generator itself. */
  loadCpu: number;
}

/**
 * Runs one job in a fresh load-generator process and returns what it measured. `onGo` is called
 * when the generator has read its items and is about to send the first request.
 */
export function runLoad(job: LoadJob, onGo: () => void = () => {}): Promise<LoadResult> {
  const child = forkTs('contest-load-runner.ts');
  return new Promise((resolve, reject) => {
    let result: LoadResult | undefined;
    child.on('message', (message) => {
      if (message === 'ready') {
        onGo();
        child.send('go');
      } else {
        result = message as LoadResult;
      }
    });
    child.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`load generator exited (${code}) without a result`));
    });
    child.send(job);
  });
}
