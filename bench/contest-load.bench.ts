import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type StatementCost, statementCosts } from './support/contest-costs.js';
import {
  type BenchContest,
  buildContestDataset,
  makeBenchContest,
  submissionsOf,
  topUpAttempts,
} from './support/contest-data.js';
import { type LoadJob, type LoadResult, runLoad } from './support/contest-load.js';
import { type CpuUse, cpuMeter, type ServerProcess, startServer } from './support/contest-processes.js';
import { type ProfileSplit, profileOf, splitProfile } from './support/contest-profile.js';
import { type Check, type Phase, report } from './support/contest-report.js';
import { type RoundCounts, roundCounts } from './support/contest-verify.js';
import { benchDatabase } from './support/postgres.js';
import type { BenchResult } from './support/report.js';

/**
 * Contest load (issue 4): attempt starts and complete submissions through the real server —
 * app processes of their own, the load from autocannon in another — against the bare health
 * endpoint of the same server, counted afterwards in the database; then one app process against
 * two; then what each statement costs, and where an app process spends its CPU.
 */

export const SETTINGS = {
  members: 100_000,
  schools: 40,
  questions: 60,
  multipleChoice: 10,
  rate: 1_500,
  fixedSeconds: 60,
  healthSeconds: 15,
  healthMaxSeconds: 10,
  maxSeconds: 20,
  profileSeconds: 10,
  /** Connections of the fixed-rate runs (each on its own even schedule) and of the closed-loop ones. */
  rateConnections: 128,
  maxConnections: 64,
  duplicates: { attempts: 1_000, copies: 5 },
  costMembers: 1_000,
  explainedMembers: 100,
  p99TargetMs: 250,
  pool: 20,
};

interface Lookup {
  index: string;
  buffers: number;
  ms: number;
}
/** The planner's choice, and an index on the round forced. */
export interface Lookups {
  chosen: Lookup;
  roundIndex: Lookup;
}

export interface ContestRun {
  settings: typeof SETTINGS;
  database: string;
  datasetSeconds: Record<string, number>;
  phases: Phase[];
  checks: Check[];
  toppedUp: { phase: string; attempts: number }[];
  costs: StatementCost[];
  profiles: { kind: 'start' | 'submit'; split: ProfileSplit; result: LoadResult; cpu: CpuUse }[];
  rows: Record<string, number>;
  /** How a submission's row was found just before the fixed-rate submissions, and just after them. */
  submitLookup: Lookups;
  submitLookupAfter: Lookups;
  /** Multixacts PostgreSQL made during the fixed-rate starts (MultiXactOffset pages zeroed × 2,048). */
  multixacts: number;
  seconds: number;
}

export async function run(): Promise<BenchResult> {
  const began = performance.now();
  const S = SETTINGS;
  const { db, url, server: database, close } = await benchDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'lantoa-contest-bench-'));
  const servers: ServerProcess[] = [];
  const say = (line: string) => console.log(`  ${line}`);
  try {
    say(`data: ${S.members.toLocaleString('en-US')} members with accounts and sessions…`);
    const data = await buildContestDataset(db, { members: S.members, schools: S.schools });
    const sessionsFile = join(dir, 'sessions.json');
    writeFileSync(sessionsFile, JSON.stringify(data.sessions));
    const contest = (title: string) =>
      makeBenchContest(db, data.provinceId, title, { questions: S.questions, multiple: S.multipleChoice });

    const checks: Check[] = [];
    const toppedUp: ContestRun['toppedUp'] = [];
    const file = (name: string, items: unknown[]) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(items));
      return path;
    };
    /** One load run with the CPU of every process measured over it. */
    const measure = async (name: string, processes: ServerProcess[], job: Omit<LoadJob, 'targets'>) => {
      let meter: ReturnType<typeof cpuMeter> | undefined;
      const result = await runLoad({ ...job, targets: processes.map((p) => p.url) }, () => {
        meter = cpuMeter(processes.map((p) => p.pid));
      });
      const cpu = meter?.finish() as CpuUse;
      const phase: Phase = { name, processes: processes.length, kind: job.kind, rate: job.rate, result, cpu };
      say(
        `${name}: ${Math.round(result.throughput)}/s, p99 ${result.latency.p99.toFixed(0)} ms, ` +
          `${result.ok}/${result.sent} 2xx; CPU app ${cpu.servers.toFixed(2)}, PostgreSQL ${cpu.postgres.toFixed(2)}`,
      );
      return phase;
    };
    const counts = (c: BenchContest) => roundCounts(db, c.contestId, c.roundId);
    const checkStarts = (phase: Phase, before: RoundCounts, after: RoundCounts, extra = 0) => {
      const r = phase.result;
      const made = after.attempts - before.attempts - extra;
      checks.push({
        phase: phase.name,
        facts: [
          `${r.ok.toLocaleString('en-US')} starts answered 2xx (${r.flags.fresh.toLocaleString('en-US')} new, ${r.flags.resumed} resumed), ${r.lost} unanswered`,
          `${made.toLocaleString('en-US')} attempts made`,
          `${(after.entries - before.entries - extra).toLocaleString('en-US')} entries made`,
          `${after.membersEnteredTwice} members entered twice`,
          `${after.attempts - after.entriesWithAttempt} entries with two attempts`,
        ].join('; '),
        ok:
          made === r.flags.fresh &&
          r.flags.resumed === 0 &&
          r.lost === 0 &&
          after.entries - before.entries - extra === made &&
          after.membersEnteredTwice === 0 &&
          after.attempts === after.entriesWithAttempt,
      });
    };
    const checkSubmits = (phase: Phase, before: RoundCounts, after: RoundCounts) => {
      const r = phase.result;
      const closed = after.submitted - before.submitted;
      const events = after.events.submit - before.events.submit;
      const repeats = after.events.repeatSubmit - before.events.repeatSubmit;
      checks.push({
        phase: phase.name,
        facts: [
          `${r.ok.toLocaleString('en-US')} submissions answered 2xx (${r.flags.closedNow.toLocaleString('en-US')} closing the attempt, ${r.flags.alreadyClosed.toLocaleString('en-US')} alreadyClosed), ${r.lost} unanswered`,
          `${closed.toLocaleString('en-US')} attempts became 'submitted'`,
          `${events.toLocaleString('en-US')} 'submit' events, ${repeats.toLocaleString('en-US')} 'repeat_submit'`,
          `${after.attemptsWithManySubmitEvents} attempts with two 'submit' events`,
          `${after.submitted - after.submittedWithOneSubmitEvent} submitted attempts without exactly one`,
          `${after.submittedUnscored} unscored`,
        ].join('; '),
        ok:
          closed === r.flags.closedNow &&
          events === closed &&
          repeats === r.flags.alreadyClosed &&
          r.lost === 0 &&
          after.attemptsWithManySubmitEvents === 0 &&
          after.submittedWithOneSubmitEvent === after.submitted &&
          after.submittedUnscored === 0 &&
          after.events.lateSubmit === before.events.lateSubmit,
      });
    };
    /** Complete submissions of the round's open attempts; the last `reserve` kept for a duplicate burst. */
    const submissionFiles = async (c: BenchContest, name: string, reserve: number) => {
      const all = await submissionsOf(db, c.roundId, c.roundId);
      const kept = all.slice(all.length - reserve);
      const burst = kept.flatMap((item) => Array.from({ length: S.duplicates.copies }, () => item));
      return {
        submits: file(`${name}-submits.json`, all.slice(0, all.length - reserve)),
        count: all.length - reserve,
        burst: file(`${name}-burst.json`, burst),
      };
    };
    /**
     * How PostgreSQL finds a submission's row (its WHERE: id, round, status open) for the round's
     * oldest open attempt, with the statistics of the moment: the index and what it read; and the
     * same with the primary key ruled out (`id + 0`), which makes it walk an index on the round.
     */
    const lookupPlan = async (roundId: number) => {
      const firstOpen = await sql<{ id: number }>`
        select min(id) as id from contest_attempts where round_id = ${roundId} and status = 'open'`.execute(db);
      const id = firstOpen.rows[0]?.id ?? 0;
      const explain = async (forced: boolean) => {
        const plan = forced
          ? await sql<{ 'QUERY PLAN': string }>`
              explain (analyze, buffers) select 1 from contest_attempts t
              where t.id + 0 = ${id} and t.round_id = ${roundId} and t.status = 'open'`.execute(db)
          : await sql<{ 'QUERY PLAN': string }>`
              explain (analyze, buffers) select 1 from contest_attempts t
              where t.id = ${id} and t.round_id = ${roundId} and t.status = 'open'`.execute(db);
        const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
        return {
          index: text.match(/Index (?:Only )?Scan using (\w+) on contest_attempts t\b/u)?.[1] ?? 'a sequential scan',
          buffers:
            Number(text.match(/Buffers: shared hit=(\d+)/u)?.[1] ?? 0) + Number(text.match(/ read=(\d+)/u)?.[1] ?? 0),
          ms: Number(text.match(/Execution Time: ([\d.]+)/u)?.[1] ?? Number.NaN),
        };
      };
      return { chosen: await explain(false), roundIndex: await explain(true) };
    };
    /**
     * Before a run of submissions: the statistics autovacuum would have gathered in the minutes
     * between a start and its submission (here they follow each other within seconds).
     */
    const analyseAttempts = () => sql`analyze contest_attempts`.execute(db);
    /** Before a run of starts: every session was seen a moment ago, as after opening the contest page. */
    const freshSessions = async () => {
      await sql`update sessions set last_seen_at = now()`.execute(db);
      await sql`vacuum sessions`.execute(db);
    };
    const warm = async (server: ServerProcess, from: number) => {
      const w = await contest(`Khởi động ${from}`);
      await runLoad({ kind: 'health', targets: [server.url], connections: 32, rate: null, seconds: 2 });
      await runLoad({
        kind: 'start',
        targets: [server.url],
        connections: 32,
        rate: null,
        seconds: 10,
        file: sessionsFile,
        from,
        count: 800,
        roundId: w.roundId,
      });
      const warmSubmits = await submissionFiles(w, `warm-${from}`, 0);
      await runLoad({
        kind: 'submit',
        targets: [server.url],
        connections: 32,
        rate: null,
        seconds: 10,
        file: warmSubmits.submits,
      });
    };

    // ——— One app process ———
    say('one app process: warming up…');
    const one = await startServer(url, { pool: S.pool });
    servers.push(one);
    await warm(one, 0);

    const health = await measure('bare endpoint GET /api/health, fixed rate', [one], {
      kind: 'health',
      connections: S.rateConnections,
      rate: S.rate,
      seconds: S.healthSeconds,
      count: S.rate * S.healthSeconds,
    });
    const healthMax = await measure('bare endpoint, as fast as it answers', [one], {
      kind: 'health',
      connections: S.maxConnections,
      rate: null,
      seconds: S.healthMaxSeconds,
    });

    const c1 = await contest('Tìm hiểu Luật Công đoàn 2024');
    await freshSessions();
    const multixactPages = async () => {
      const row = await sql<{ n: number }>`
        select blks_zeroed::int as n from pg_stat_slru where name = 'MultiXactOffset'`.execute(db);
      return row.rows[0]?.n ?? 0;
    };
    const pagesBefore = await multixactPages();
    let before = await counts(c1);
    const starts = await measure('starts, fixed rate', [one], {
      kind: 'start',
      connections: S.rateConnections,
      rate: S.rate,
      seconds: S.fixedSeconds,
      file: sessionsFile,
      count: S.rate * S.fixedSeconds,
      roundId: c1.roundId,
    });
    const multixacts = ((await multixactPages()) - pagesBefore) * 2048;
    let after = await counts(c1);
    checkStarts(starts, before, after);

    // The submission phase needs rate × 60 s attempts (plus the duplicate burst's): those the
    // starts did not make are written directly, in the same shape.
    const needed = S.rate * S.fixedSeconds + S.duplicates.attempts;
    const extra = await topUpAttempts(db, c1.roundId, starts.result.sent, needed - after.open);
    if (extra > 0) toppedUp.push({ phase: 'submissions, fixed rate', attempts: extra });
    const c1Files = await submissionFiles(c1, 'c1', S.duplicates.attempts);
    await analyseAttempts();
    const submitLookup = await lookupPlan(c1.roundId);
    before = await counts(c1);
    const submits = await measure('complete submissions (20 answers), fixed rate', [one], {
      kind: 'submit',
      connections: S.rateConnections,
      rate: S.rate,
      seconds: S.fixedSeconds,
      file: c1Files.submits,
      count: S.rate * S.fixedSeconds,
    });
    after = await counts(c1);
    checkSubmits(submits, before, after);

    const submitLookupAfter = await lookupPlan(c1.roundId);
    before = after;
    const burst = await measure(
      `duplicate burst: ${S.duplicates.attempts.toLocaleString('en-US')} submissions × ${S.duplicates.copies} copies at once`,
      [one],
      { kind: 'submit', connections: S.maxConnections, rate: null, seconds: 60, file: c1Files.burst },
    );
    after = await counts(c1);
    checkSubmits(burst, before, after);

    // ——— One app process against two, as fast as they answer ———
    const c2 = await contest('Một tiến trình');
    await freshSessions();
    before = await counts(c2);
    const startsOne = await measure('starts, 1 app process', [one], {
      kind: 'start',
      connections: S.maxConnections,
      rate: null,
      seconds: S.maxSeconds,
      file: sessionsFile,
      roundId: c2.roundId,
    });
    after = await counts(c2);
    checkStarts(startsOne, before, after);

    say('second app process: warming up…');
    const two = await startServer(url, { pool: S.pool });
    servers.push(two);
    await warm(two, 1_000);
    const c3 = await contest('Hai tiến trình');
    await freshSessions();
    before = await counts(c3);
    const startsTwo = await measure('starts, 2 app processes', [one, two], {
      kind: 'start',
      connections: S.maxConnections,
      rate: null,
      seconds: S.maxSeconds,
      file: sessionsFile,
      roundId: c3.roundId,
    });
    after = await counts(c3);
    checkStarts(startsTwo, before, after);

    const maxNeeded = 2_500 * S.maxSeconds + S.duplicates.attempts;
    for (const [c, phase] of [
      [c2, startsOne],
      [c3, startsTwo],
    ] as const) {
      const open = (await counts(c)).open;
      const made = await topUpAttempts(db, c.roundId, phase.result.sent, maxNeeded - open);
      if (made > 0)
        toppedUp.push({
          phase: c === c2 ? 'submissions, 1 app process' : 'submissions, 2 app processes',
          attempts: made,
        });
    }
    await analyseAttempts();
    const c2Files = await submissionFiles(c2, 'c2', 0);
    before = await counts(c2);
    const submitsOne = await measure('submissions, 1 app process', [one], {
      kind: 'submit',
      connections: S.maxConnections,
      rate: null,
      seconds: S.maxSeconds,
      file: c2Files.submits,
    });
    after = await counts(c2);
    checkSubmits(submitsOne, before, after);
    const c3Files = await submissionFiles(c3, 'c3', S.duplicates.attempts);
    before = await counts(c3);
    const submitsTwo = await measure('submissions, 2 app processes', [one, two], {
      kind: 'submit',
      connections: S.maxConnections,
      rate: null,
      seconds: S.maxSeconds,
      file: c3Files.submits,
    });
    after = await counts(c3);
    checkSubmits(submitsTwo, before, after);
    before = after;
    const burstTwo = await measure(
      `duplicate burst across 2 app processes: ${S.duplicates.attempts.toLocaleString('en-US')} × ${S.duplicates.copies} copies`,
      [one, two],
      { kind: 'submit', connections: S.maxConnections, rate: null, seconds: 60, file: c3Files.burst },
    );
    after = await counts(c3);
    checkSubmits(burstTwo, before, after);
    await two.stop();
    await one.stop();
    servers.length = 0;

    // ——— What each statement costs PostgreSQL ———
    say('statement costs…');
    const costRounds = {
      sent: (await contest('Chi phí 1')).roundId,
      prepared: (await contest('Chi phí 2')).roundId,
      async: (await contest('Chi phí 3')).roundId,
      explain: (await contest('Chi phí 4')).roundId,
    };
    const costs = await statementCosts(url, data.sessions, costRounds, {
      count: S.costMembers,
      explained: S.explainedMembers,
    });

    // ——— Where an app process spends its CPU: one profiled process per kind of request ———
    say('CPU profiles…');
    const profiles: ContestRun['profiles'] = [];
    const c8 = await contest('Hồ sơ CPU');
    for (const kind of ['start', 'submit'] as const) {
      const profDir = join(dir, `prof-${kind}`);
      mkdirSync(profDir);
      let c8Files: Awaited<ReturnType<typeof submissionFiles>> | undefined;
      if (kind === 'submit') {
        const open = (await counts(c8)).open;
        const first = profiles[0]?.result.sent ?? 0;
        await topUpAttempts(db, c8.roundId, first, 2_500 * S.profileSeconds - open);
        await analyseAttempts();
        c8Files = await submissionFiles(c8, 'c8', 0);
      }
      const profiled = await startServer(url, { pool: S.pool, cpuProfDir: profDir });
      servers.push(profiled);
      await runLoad({ kind: 'health', targets: [profiled.url], connections: 32, rate: null, seconds: 2 });
      const phase = await measure(`profiled ${kind}s`, [profiled], {
        kind,
        connections: S.maxConnections,
        rate: null,
        seconds: S.profileSeconds,
        ...(kind === 'start' ? { file: sessionsFile, roundId: c8.roundId } : { file: c8Files?.submits }),
      });
      await profiled.stop();
      servers.length = 0;
      profiles.push({
        kind,
        split: splitProfile(profileOf(profDir, profiled.pid)),
        result: phase.result,
        cpu: phase.cpu,
      });
    }

    const rowCounts = await sql<{ name: string; n: number }>`
      select 'units' as name, count(*)::int as n from units
      union all select 'members', count(*)::int from members
      union all select 'current memberships', count(*)::int from memberships where valid_to is null
      union all select 'member accounts', count(*)::int from accounts where member_id is not null
      union all select 'live sessions', count(*)::int from sessions where expires_at > now()
      union all select 'contests (published, one open round each)', count(*)::int from contests
      union all select 'questions per bank', (select count(*)::int from contest_questions where contest_id = ${c1.contestId})
      union all select 'entries (all contests, at the end)', count(*)::int from contest_entries
      union all select 'attempts (all contests, at the end)', count(*)::int from contest_attempts
      union all select 'attempt events (at the end)', count(*)::int from contest_attempt_events
      union all select 'attempt row, average bytes', avg(pg_column_size(a.*))::int from contest_attempts a`.execute(db);
    const result: ContestRun = {
      settings: S,
      database,
      datasetSeconds: data.timings,
      phases: [health, healthMax, starts, submits, burst, startsOne, startsTwo, submitsOne, submitsTwo, burstTwo],
      checks,
      toppedUp,
      costs,
      profiles,
      rows: Object.fromEntries(rowCounts.rows.map((r) => [r.name, r.n])),
      submitLookup,
      submitLookupAfter,
      multixacts,
      seconds: (performance.now() - began) / 1000,
    };
    return { id: 'contest-load', title: 'Contest load: attempt starts and submissions', markdown: report(result) };
  } finally {
    for (const server of servers) await server.stop();
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}
