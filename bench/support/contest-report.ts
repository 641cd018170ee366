import type { ContestRun } from '../contest-load.bench.js';
import type { StatementCost } from './contest-costs.js';
import type { LoadJob, LoadResult } from './contest-load.js';
import type { CpuUse } from './contest-processes.js';
import { table } from './report.js';

/** One measured load run. */
export interface Phase {
  name: string;
  processes: number;
  kind: LoadJob['kind'];
  rate: number | null;
  result: LoadResult;
  cpu: CpuUse;
}

/** What the answers said against what the database holds after a run. */
export interface Check {
  phase: string;
  facts: string;
  ok: boolean;
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const t = (value: number) =>
  Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} ms` : '—';
const x = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)}×`;
const cores = (value: number) => value.toFixed(2);
const us = (value: number | null) => (value === null || !Number.isFinite(value) ? '—' : `${Math.round(value)} µs`);
const msOrDash = (value: number | null) => (value === null || !Number.isFinite(value) ? '—' : `${value.toFixed(2)} ms`);
const pct = (value: number) => `${Math.round(value * 100)} %`;
const met = (ok: boolean) => (ok ? '**met**' : '**missed**');
/** CPU milliseconds per 2xx answer. */
const per = (coresUsed: number, phase: Phase) => (coresUsed / phase.result.throughput) * 1000;

const STATEMENTS: Record<StatementCost['kind'], string> = {
  health: '`select 1` — the bare endpoint’s query (reference)',
  session: 'session, account and grants (auth hook, every request with a cookie)',
  touch: 'session `last_seen_at` (at most once a minute per session)',
  entry: 'the member’s entry in the contest (first start in a contest; remembered 60 s per process)',
  start: 'the attempt: insert with drawn questions and key (the row is the start’s record)',
  submit: 'the submission: close, merge the 20 answers, score, `submit` event',
};

export function report(run: ContestRun): string {
  const S = run.settings;
  const [health, healthMax, starts, submits, burst, startsOne, startsTwo, submitsOne, submitsTwo, burstTwo] =
    run.phases as [Phase, Phase, Phase, Phase, Phase, Phase, Phase, Phase, Phase, Phase];
  const rate = n(S.rate);
  const out: string[] = [];

  out.push(
    [
      `Attempt starts and complete submissions through the real server, as issue 4 asks: ${rate} starts/s and ${rate}`,
      `complete submissions/s (20 answers each) for ${S.fixedSeconds} s on one app process, p99 ≤ ${S.p99TargetMs} ms,`,
      'nothing lost or counted twice (counted in the database after every run), against the bare endpoint of the same',
      'server in the same run; then one app process against two; then where the time goes.',
      `Whole benchmark: ${Math.round(run.seconds)} s.`,
    ].join(' '),
  );

  out.push(
    [
      `**Processes.** Each app process is \`node --import tsx bench/support/contest-server.ts\`: \`buildApp\` and the`,
      `contest sweeper, as \`main.ts\` runs them, log level \`warn\` (nothing is logged per request), a pool of`,
      `${S.pool} connections, listening on a loopback port. The load comes from autocannon 9 in a process of its own`,
      '(bench/support/contest-load-runner.ts); the process that checks the counts only waits meanwhile. All of them',
      `share the machine’s 2 cores with PostgreSQL: ${run.database}.`,
    ].join(' '),
  );

  const datasetTime = Object.entries(run.datasetSeconds)
    .map(([step, s]) => `${step} ${s.toFixed(1)} s`)
    .join(', ');
  out.push(
    [
      `**Dataset** (generated in ${Object.values(run.datasetSeconds)
        .reduce((a, b) => a + b, 0)
        .toFixed(0)} s: ${datasetTime}): a province with ${S.schools} schools; members with a current`,
      'membership in a school, each with an account (inserted with a fixed dummy password hash: nobody logs in here)',
      'and a live session (token kept by the benchmark; `token_hash`, `csrf_token`, 12 h expiry, as `createSession`',
      `writes them); contests of the province, each published with one open round: a bank of ${S.questions}`,
      `questions (${S.multipleChoice} multiple-choice) with texts of a real contest’s length, 20 drawn per attempt, options`,
      'shuffled, 30 minutes, one attempt allowed. A new contest for every run of starts, so every start is a first start.',
    ].join(' '),
  );
  out.push(
    table(
      ['rows', 'count'],
      Object.entries(run.rows).map(([name, value]) => [name, n(value)]),
    ),
  );

  out.push(
    [
      '**Method.**',
      `- *Fixed rate*: ${S.rateConnections} connections, each sending on an even schedule of its own (connections ÷ rate apart,`,
      '  random phase), so that requests arrive spread over each second; a connection whose answer comes late sends',
      '  its next request at once. autocannon’s own `overallRate` is not used: it lets every connection send its quota',
      '  back to back at the start of each second (a burst of all connections every second), and its latency',
      '  correction assumes 1 ms between requests. Sending stops after the run’s time (or when its requests are used',
      '  up); the run ends when every request sent has its answer.',
      `- *As fast as it answers*: ${S.maxConnections} connections, each sending its next request when its answer is back.`,
      '- *Latency*: from writing the request to the last byte of its answer, every counted request (autocannon’s',
      '  clock); at a fixed rate also *from the planned instant*, which includes any wait inside the load generator',
      '  when the server falls behind (no coordinated omission). Percentiles are nearest-rank over all requests.',
      '- *Starts*: `POST /api/contests/rounds/{id}/attempts` with a different member’s session cookie and CSRF header',
      '  every request (autocannon `setupRequest`, in member order). Just before each run of starts every session’s',
      '  `last_seen_at` is set to now, as when players have just opened the contest page.',
      '- *Submissions*: `POST /api/contests/attempts/{id}/submit` with `x-attempt-token` and `{"answers": {…20…}}`,',
      '  one per open attempt: token and questions read from the attempt rows after the starts (`attemptToken` after',
      '  `loadAttemptSecret`), answers right about two times in three.',
      '- *Counted in the database* after every run: attempts, entries, states and events per round, against what',
      '  the answers said (new or resumed, closed now or `alreadyClosed`).',
      '- *Warm-up*: each app process first serves 800 starts and their submissions in a contest of its own, and',
      '  two seconds of health checks; none of it is counted.',
      '- *CPU*: user + system time of each process from /proc over the run, in cores (1.00 = one core busy);',
      '  “machine” is all of it (app processes, PostgreSQL, load generator, kernel).',
    ].join('\n'),
  );
  if (run.toppedUp.length > 0) {
    out.push(
      [
        '**Attempts written directly.** The starts above made fewer attempts than the submission runs need, so',
        'the missing ones were written straight into the database before those runs, in the shape a start gives',
        '(entry, questions drawn by the app’s own `drawQuestions`, key, deadline):',
        `${run.toppedUp.map((tu) => `${n(tu.attempts)} for “${tu.phase}”`).join('; ')}.`,
      ].join(' '),
    );
  }

  const row = (phase: Phase) => {
    const r = phase.result;
    const non2xx = r.sent - r.ok;
    return [
      phase.name,
      phase.rate ? `${n(phase.rate)}/s` : `closed loop, ${S.maxConnections} conn.`,
      n(r.ok),
      `**${n(r.throughput)}/s**`,
      `${n(r.slowestSecond)}/s`,
      t(r.latency.median),
      t(r.latency.p95),
      `**${t(r.latency.p99)}**`,
      t(r.latency.max),
      phase.rate ? t(r.fromSchedule.p99) : '—',
      non2xx === 0
        ? '0'
        : `${n(non2xx)} (${Object.entries(r.statuses)
            .filter(([code]) => !code.startsWith('2'))
            .map(([code, c]) => `${c}× ${code}`)
            .join(', ')})`,
      `${cores(phase.cpu.servers)} / ${cores(phase.cpu.postgres)} / ${cores(r.loadCpu)} / ${cores(phase.cpu.machine)}`,
    ];
  };
  const header = [
    'run',
    'offered',
    '2xx',
    'throughput',
    'slowest second',
    'p50',
    'p95',
    'p99',
    'max',
    'p99 from planned instant',
    'non-2xx',
    'CPU cores: app / PostgreSQL / load / machine',
  ];
  out.push('### One app process');
  out.push(table(header, [health, healthMax, starts, submits, burst].map(row)));

  // Sustained: the offered rate was answered, and no request fell behind its planned instant by more than the target.
  const kept = (phase: Phase) =>
    phase.result.throughput >= S.rate * 0.99 && phase.result.fromSchedule.p99 <= S.p99TargetMs;
  const allChecks = run.checks.every((c) => c.ok);
  const sustained = (phase: Phase, what: string) =>
    `- ≥ ${rate} ${what}/s sustained ${S.fixedSeconds} s: ${n(phase.result.throughput)}/s answered of ${rate}/s offered; ` +
    (kept(phase)
      ? `no backlog — 99 % answered within ${t(phase.result.fromSchedule.p99)} of their planned instant (slowest single second ${n(phase.result.slowestSecond)}/s, made up in the next) — **met**`
      : `the server fell behind: at worst a request was answered ${t(phase.result.fromSchedule.max)} after its planned instant (slowest second ${n(phase.result.slowestSecond)}/s) — **missed**`);
  const edge = submitsOne.result.throughput > 0 ? S.rate / submitsOne.result.throughput : 0;
  const refused = run.phases.reduce((sum, phase) => sum + (phase.result.statuses['429'] ?? 0), 0);
  out.push(
    [
      '**Targets** (issue 4, one app process on this machine):',
      sustained(starts, 'starts'),
      sustained(submits, 'complete submissions'),
      `- p99 ≤ ${S.p99TargetMs} ms: starts ${t(starts.result.latency.p99)} from writing the request, ${t(starts.result.fromSchedule.p99)} from its planned instant — ${met(starts.result.fromSchedule.p99 <= S.p99TargetMs)}; submissions ${t(submits.result.latency.p99)} and ${t(submits.result.fromSchedule.p99)} — ${met(submits.result.fromSchedule.p99 <= S.p99TargetMs)}`,
      `- zero lost, zero counted twice, in every run below (one and two processes, duplicate bursts included) — ${met(allChecks)}`,
      `- rate limits (30 starts a minute per account, 60 submissions a minute per attempt): ${refused === 0 ? 'no request was refused (each account starts once per contest, each attempt is submitted at most five times)' : `${n(refused)} requests refused with 429`}`,
    ].join('\n'),
  );
  if (edge > 0.75 && edge < 1.1) {
    out.push(
      [
        `Submissions are at the edge of this machine: one process answers ${n(submitsOne.result.throughput)} a second as fast as it can`,
        `(below), so ${rate}/s is ${pct(edge)} of that, and whether the backlog stays under ${S.p99TargetMs} ms depends on`,
        'what else the machine does that minute (autovacuum after the previous runs, other tenants of the virtual',
        'machine), so the same code can meet the target in one run and miss it in the next.',
      ].join(' '),
    );
  }

  out.push(
    [
      '**Against the bare endpoint, same server, same run:**',
      `- at the same offered ${rate}/s: p99 starts ÷ bare = **${x(starts.result.latency.p99 / health.result.latency.p99)}**, submissions ÷ bare = **${x(submits.result.latency.p99 / health.result.latency.p99)}** (p50: ${x(starts.result.latency.median / health.result.latency.median)} and ${x(submits.result.latency.median / health.result.latency.median)}); throughput ÷ bare: ${x(starts.result.throughput / health.result.throughput)} and ${x(submits.result.throughput / health.result.throughput)}`,
      `- as fast as it answers (one process): starts ÷ bare = **${x(startsOne.result.throughput / healthMax.result.throughput)}** (${n(startsOne.result.throughput)} vs ${n(healthMax.result.throughput)}/s), submissions ÷ bare = **${x(submitsOne.result.throughput / healthMax.result.throughput)}** (${n(submitsOne.result.throughput)}/s)`,
    ].join('\n'),
  );

  out.push('### Counted in the database after every run');
  out.push(
    table(
      ['run', 'the answers, and what the database holds', 'check'],
      run.checks.map((c) => [c.phase, c.facts, c.ok ? '✓' : '✗']),
    ),
  );

  out.push('### One app process against two (same database, as fast as they answer)');
  const pair = (label: string, a: Phase, b: Phase) => [
    label,
    `${n(a.result.throughput)}/s`,
    `${n(b.result.throughput)}/s`,
    `${b.result.throughput >= a.result.throughput ? '+' : '−'}${pct(Math.abs(b.result.throughput / a.result.throughput - 1))}`,
    `${t(a.result.latency.p99)} / ${t(b.result.latency.p99)}`,
    `${cores(a.cpu.servers)} / ${cores(b.cpu.servers)}`,
    `${cores(a.cpu.postgres)} / ${cores(b.cpu.postgres)}`,
    `${cores(a.cpu.machine)} / ${cores(b.cpu.machine)}`,
  ];
  out.push(
    table(
      [
        'requests',
        '1 process',
        '2 processes',
        'change',
        'p99 (1 / 2)',
        'CPU app (1 / 2)',
        'CPU PostgreSQL (1 / 2)',
        'CPU machine (1 / 2)',
      ],
      [pair('starts', startsOne, startsTwo), pair('complete submissions', submitsOne, submitsTwo)],
    ),
  );
  out.push(table(header, [startsOne, startsTwo, submitsOne, submitsTwo, burstTwo].map(row)));
  const busiest = Math.max(
    startsOne.cpu.machine,
    startsTwo.cpu.machine,
    submitsOne.cpu.machine,
    submitsTwo.cpu.machine,
  );
  const change = (a: Phase, b: Phase) => b.result.throughput / a.result.throughput - 1;
  const signed = (value: number) => `${value >= 0 ? '+' : '−'}${pct(Math.abs(value))}`;
  const startsChange = change(startsOne, startsTwo);
  const submitsChange = change(submitsOne, submitsTwo);
  const correctness = [
    'What the two processes do show is correctness: nothing was lost or counted twice with two processes on one',
    `database (both running the sweeper), including ${n(S.duplicates.attempts)} submissions sent ${S.duplicates.copies} times each to both processes at once.`,
  ].join(' ');
  out.push(
    startsChange > 0.2 && submitsChange > 0.2
      ? `Throughput rises with a second process: starts ${signed(startsChange)}, submissions ${signed(submitsChange)}. ${correctness}`
      : [
          `**Throughput does not rise on this machine, and cannot** (starts ${signed(startsChange)}, submissions`,
          `${signed(submitsChange)}: within what this machine varies from one minute to the next). With one process the`,
          `machine is already busy (${cores(startsOne.cpu.machine)} and ${cores(submitsOne.cpu.machine)} of 2 cores), PostgreSQL alone taking`,
          `${cores(Math.min(startsOne.cpu.postgres, submitsOne.cpu.postgres))}–${cores(Math.max(startsOne.cpu.postgres, submitsOne.cpu.postgres))} cores of it; a second app process adds an event loop but no core (up`,
          `to ${cores(busiest)} cores busy), so it only shares the same CPU. A second process gains when it has cores of its`,
          `own — another machine, or a bigger one — with PostgreSQL sized as below. ${correctness}`,
        ].join(' '),
  );

  // ——— Where the time goes ———
  out.push('### Where the time goes');
  const costOf = (kind: StatementCost['kind']) => run.costs.find((c) => c.kind === kind);
  const pgPerStart = (['session', 'entry', 'start'] as const).reduce((s, k) => s + (costOf(k)?.pgCpuUs ?? 0), 0);
  const pgPerStartPrepared = (['session', 'entry', 'start'] as const).reduce(
    (s, k) => s + (costOf(k)?.preparedCpuUs ?? costOf(k)?.pgCpuUs ?? 0),
    0,
  );
  const pgPerSubmit = costOf('submit')?.pgCpuUs ?? 0;
  const pgPerSubmitPrepared = costOf('submit')?.preparedCpuUs ?? pgPerSubmit;
  const perRequest = (label: string, phase: Phase) => {
    const app = per(phase.cpu.servers, phase);
    const pgms = per(phase.cpu.postgres, phase);
    const load = per(phase.result.loadCpu, phase);
    const total = per(phase.cpu.machine, phase);
    return [label, `${n(phase.result.throughput)}/s`, t(app), t(pgms), t(load), t(total), `${n(2000 / total)}/s`];
  };
  out.push(
    [
      `**CPU per answered request**, from the runs above (cores ÷ throughput). A 2-core machine has 2,000 ms of CPU a`,
      'second; the last column is what that allows at this cost per request. PostgreSQL’s share includes its',
      'background work (autovacuum after the runs before, checkpoints), which is why the same request can cost it',
      'more in one run than in another.',
    ].join(' '),
  );
  out.push(
    table(
      ['requests (run)', 'throughput', 'app process', 'PostgreSQL', 'load generator', 'machine', '2 cores ÷ machine'],
      [
        perRequest('bare endpoint (as fast as it answers)', healthMax),
        perRequest(`starts (fixed ${rate}/s)`, starts),
        perRequest('starts (as fast as it answers, 1 process)', startsOne),
        perRequest(`submissions (fixed ${rate}/s)`, submits),
        perRequest('submissions (as fast as it answers, 1 process)', submitsOne),
      ],
    ),
  );

  out.push(
    [
      `**Each statement alone** (bench/support/contest-costs.ts): the app’s own functions for ${n(S.costMembers)} fresh`,
      'members, one after the other on one connection; PostgreSQL CPU of the backend per statement from',
      '/proc/PID/schedstat (median). The same statements again for other members in another round as named prepared',
      'statements (parsed once per connection, plan cached), and once more with `synchronous_commit = off` (no wait',
      `for the WAL flush); then EXPLAIN (ANALYZE) of each for ${n(S.explainedMembers)} more members (medians), with the`,
      'time of the foreign-key checks it fired.',
    ].join(' '),
  );
  out.push(
    table(
      [
        'statement',
        'PostgreSQL CPU, unnamed statement',
        'named prepared (as the app sends them)',
        'synchronous_commit off',
        'round trip from Node',
        'planning',
        'execution',
        'of which foreign-key checks',
      ],
      run.costs.map((c) => [
        STATEMENTS[c.kind],
        `**${us(c.pgCpuUs)}**`,
        us(c.preparedCpuUs),
        us(c.asyncCommitCpuUs),
        msOrDash(c.roundTripMs),
        msOrDash(c.planningMs),
        msOrDash(c.executionMs),
        msOrDash(c.foreignKeysMs),
      ]),
    ),
  );

  const profile = (kind: 'start' | 'submit') => run.profiles.find((p) => p.kind === kind);
  const startProfile = profile('start');
  const submitProfile = profile('submit');
  if (startProfile && submitProfile) {
    const categories = [
      ...new Set([...startProfile.split.shares, ...submitProfile.split.shares].map((s) => s.category)),
    ];
    const shareOf = (p: typeof startProfile, category: string) =>
      p.split.shares.find((s) => s.category === category)?.share ?? 0;
    // Shares of the profiled processes, applied to the app CPU per request of the unprofiled runs above.
    const appMs = (p: typeof startProfile) =>
      p.kind === 'start' ? per(startsOne.cpu.servers, startsOne) : per(submitsOne.cpu.servers, submitsOne);
    out.push(
      [
        `**Inside an app process** (\`--cpu-prof\`, one profiled process per kind of request, ${S.profileSeconds} s as fast as`,
        `it answers: ${n(startProfile.result.throughput)} starts/s, then ${n(submitProfile.result.throughput)} submissions/s, the profiler costing some`,
        `of its own). Samples by the package of the innermost JavaScript frame, as a share of the working samples;`,
        `“per request” applies the share to the ${t(appMs(startProfile))} and ${t(appMs(submitProfile))} of app CPU per start and per submission`,
        'of the unprofiled runs above. Left apart: socket writes —',
        `${startProfile.split.socketWriteSeconds.toFixed(1)} s of samples during the starts against`,
        `${startProfile.split.workingSeconds.toFixed(1)} s working, while the process spent only`,
        `${cores(startProfile.cpu.serversKernel)} cores in the kernel: a write that wakes a PostgreSQL backend is where`,
        'the busy machine takes the core away, so that time is waiting for a core, not work.',
      ].join(' '),
    );
    out.push(
      table(
        ['where', 'starts: share', 'starts: per request', 'submissions: share', 'submissions: per request'],
        categories.map((category) => [
          category,
          pct(shareOf(startProfile, category)),
          msOrDash(shareOf(startProfile, category) * appMs(startProfile)),
          pct(shareOf(submitProfile, category)),
          msOrDash(shareOf(submitProfile, category) * appMs(submitProfile)),
        ]),
      ),
    );
  }

  const session = costOf('session');
  const entry = costOf('entry');
  const start = costOf('start');
  const submit = costOf('submit');
  const appStart = per(startsOne.cpu.servers, startsOne);
  const appSubmit = per(submitsOne.cpu.servers, submitsOne);
  const loadStart = per(startsOne.result.loadCpu, startsOne);
  // Prepared statements, no session query, entry and attempt in one statement (its floor saved once).
  const leanPg = (entry?.preparedCpuUs ?? 0) + (start?.preparedCpuUs ?? 0) - (costOf('health')?.preparedCpuUs ?? 0);
  const leanTotal = leanPg / 1000 + appStart * 0.85 + loadStart;
  out.push(
    [
      '**What costs what.**',
      `- **The machine is the limit, and PostgreSQL takes most of it.** During the runs the machine was ${cores(Math.min(startsOne.cpu.machine, submitsOne.cpu.machine))}–${cores(Math.max(startsOne.cpu.machine, submitsOne.cpu.machine))} cores busy of 2;`,
      `  PostgreSQL used ${cores(startsOne.cpu.postgres)} cores for starts and ${cores(submitsOne.cpu.postgres)} for submissions, the app process`,
      `  ${cores(startsOne.cpu.servers)} and ${cores(submitsOne.cpu.servers)}, the load generator about ${cores(startsOne.result.loadCpu)}. Logging does not`,
      '  enter into it (at level `warn` nothing is written per request), nor does the pool: requests wait for a core,',
      '  not for a connection (while building this benchmark, pools of 4, 8 and 20 connections gave the same',
      '  throughput within the machine’s noise).',
      `- **A start costs PostgreSQL ${t(pgPerStartPrepared / 1000)} of CPU as the app sends it** (prepared: session ${us(session?.preparedCpuUs ?? null)},`,
      `  entry ${us(entry?.preparedCpuUs ?? null)}, attempt ${us(start?.preparedCpuUs ?? null)}, measured apart; ${t(pgPerStart / 1000)} unnamed; a member's first start in a contest — nearly every start at a round's opening — sends the entry and the attempt as one statement), plus ${t(appStart)} in the app process: even with both`,
      `  cores and nothing else on the machine, PostgreSQL alone could not start more than ${n(2e6 / pgPerStartPrepared)} attempts a`,
      `  second. ${rate}/s on 2 cores leaves ${t(2000 / S.rate)} of CPU per start for everything.`,
      `- **A submission is one statement: ${us(pgPerSubmitPrepared)} of PostgreSQL CPU** (${us(pgPerSubmit)} unnamed) and ${t(appSubmit)} in the app`,
      '  process.',
      `- **Parsing and planning.** The session lookup, the entry, the start and the submission are sent as named prepared`,
      `  statements (\`runPrepared\` in apps/server/src/db/database.ts), parsed and planned once per connection; unnamed, the`,
      `  planning alone would be: session ${msOrDash(session?.planningMs ?? null)}, entry ${msOrDash(entry?.planningMs ?? null)},`,
      `  attempt ${msOrDash(start?.planningMs ?? null)}, submission ${msOrDash(submit?.planningMs ?? null)} (EXPLAIN above). Prepared: ${t(pgPerStartPrepared / 1000)}`,
      `  per start, ${us(pgPerSubmitPrepared)} per submission.`,
      `- **Commits**: every write statement is its own transaction and waits for its WAL flush; the`,
      '  `synchronous_commit off` column shows what that wait costs (and must stay on for submissions: an',
      '  acknowledged answer has to survive a crash).',
      `- **Foreign keys**: the attempt insert checks its entry, the entry its member and account — rows of one person,`,
      '  which nobody else locks. The keys to the rows every start shares (the round, the contest, the school) were',
      '  dropped in migration 0009: each check locks its parent row `FOR KEY SHARE`, and concurrent starts share such',
      '  locks through multixacts, each made under one global lock — about 75,776 for 89,764 starts in the run before,',
      `  ${n(run.multixacts)} during the ${n(starts.result.ok)} fixed-rate starts above (MultiXactOffset pages × 2,048).`,
      `- **In the app process** the time is spread thin: Node's HTTP and sockets, garbage collection, the pg driver and`,
      '  Kysely, zod, Fastify — no single hot spot; the app’s own code (drawing questions, the token HMAC, checks) is',
      '  a small part.',
    ].join('\n'),
  );

  out.push(
    [
      '**What moved the figures, and what would move them further.** Done after the first runs of this benchmark:',
      '(a) the hot statements became named prepared statements (see above); (b) the answer and submission statements',
      'find the attempt by `id` alone — with `round_id` in their `WHERE`, the planner could serve them through',
      'an index on the round when a young round’s statistics said it was small, reading every open attempt of the',
      'round instead of 3 buffers (the lookup measured below); (c) a start no longer writes a separate `start` event',
      '(the attempt row holds when and from where; the trail shows it from there): one row, two index entries and a',
      'foreign-key check fewer per start; `contest_attempts_round (round_id, status)`, which repeated the leading column',
      'of the unique (round, entry, attempt number), was dropped (migration 0009); the start and submission answers are',
      'written with `JSON.stringify` without re-checking them against their zod schemas on every request (the tests',
      'check them); (d) no planner statistics on the attempt’s JSON columns (questions, key, answers): autovacuum’s',
      'ANALYZE, which runs again and again while the burst fills the table, spent up to a third of a core reading and',
      'sorting them for statistics no query uses (in a trial of two 30-second runs at 1,500 starts/s on a growing',
      'table: 1,426 and 1,140 starts/s answered with them, 1,498 and 1,499/s without). Still open:',
      '1. *(done, see (a))*',
      '2. *Keep resolved sessions in memory for a few seconds per process* (keyed by the token hash; logout and',
      '   disabling remove it in the process that did it, other processes see it within the TTL): saves the session',
      `   statement (${us(session?.pgCpuUs ?? null)}) on every request with a cookie, not only starts.`,
      `3. *The entry and the attempt in one statement* (done: a member's first start makes both in one round trip and one`,
      `   commit; a statement's floor is ${us(costOf('health')?.pgCpuUs ?? null)} even for \`select 1\`).`,
      '4. *No foreign keys to the rows every start shares* (done in 0009, see “Foreign keys” above; their cascades are',
      '   triggers); `contest_attempts_entry` (entry, round) stays — deleting an entry cascades to its attempts through it.',
      `5. *The submission stays on the primary key* (done, see (b)). Through an index on the round (forced with \`id + 0\`) the`,
      `   same lookup read ${n(run.submitLookup.roundIndex.buffers)} buffers (${msOrDash(run.submitLookup.roundIndex.ms)}) before the ${rate}/s submissions and`,
      `   ${n(run.submitLookupAfter.roundIndex.buffers)} (${msOrDash(run.submitLookupAfter.roundIndex.ms)}) after them; by \`id\` it read ${n(run.submitLookup.chosen.buffers)} (\`${run.submitLookup.chosen.index}\`, ${msOrDash(run.submitLookup.chosen.ms)}).`,
      `6. *Cores*: with 2 as well a start would cost PostgreSQL about ${t(leanPg / 1000)}; with the app process's ${t(appStart)} (less its`,
      `   session query) and the load generator's ${t(loadStart)}, about ${t(leanTotal)} of the machine — at most ${n(2000 / leanTotal)} starts/s`,
      '   on these 2 cores. The targets are met by giving PostgreSQL and the app processes cores of their own, as below.',
    ].join('\n'),
  );

  out.push('### How a national contest would be served');
  out.push(
    [
      `A million entrants and a burst when a round opens: at the figures above a start costs about ${t(pgPerStartPrepared / 1000)} of`,
      `PostgreSQL CPU and ${t(appStart)} of app CPU, a submission`,
      `${us(pgPerSubmitPrepared)} and ${t(appSubmit)}. If a tenth of a million entrants press “Bắt đầu” in the same minute, that is`,
      `${n(100_000 / 60)} starts/s — about ${(((100_000 / 60) * pgPerStartPrepared) / 1e6).toFixed(1)} PostgreSQL cores and`,
      `${(((100_000 / 60) * appStart) / 1000).toFixed(1)} app cores; the whole million within ten minutes is the same rate.`,
    ].join(' '),
  );
  out.push(
    [
      '- **App processes are stateless and scale out** behind a load balancer: one Node process per core, on as many',
      '  machines as the burst needs, round-robin, no sticky sessions — any process can serve any request: sessions and',
      '  attempts live in PostgreSQL, and an attempt token is an HMAC checked without the database, with the secret',
      '  every process reads from `app_secrets` at boot. Keep the load balancer and the app processes off the',
      '  database machine: on this one they share its cores, which is why a second process gained nothing above.',
      '- **What each process caches**: the round and its question bank for 3 s (`round-cache.ts`: the burst reads them',
      '  once per process, not once per player); members’ entry ids for 60 s (`entries.ts`); the token secret for its',
      '  lifetime. Nothing else is shared, so nothing needs invalidating across processes beyond those 3 s.',
      `- **PostgreSQL**: one primary holds a round comfortably — an attempt is one row of about ${n(run.rows['attempt row, average bytes'] ?? 0)} bytes, a few`,
      '  index entries and two events; a million attempts a round is a few GB a contest. Size it by CPU for the burst',
      '  (the estimate above, with headroom: 16–32 cores), memory for the hot indexes, and a fast WAL disk (every start',
      '  and every submission commits).',
      '- **Connections through PgBouncer** in transaction mode: hundreds of app processes with a pool of 10–20 each would',
      '  otherwise open thousands of backends; PgBouncer keeps PostgreSQL at a few per core. (With prepared statements,',
      '  PgBouncer 1.21+ tracks protocol-level prepared statements in transaction mode.)',
      '- **The sweeper runs in every process**; `for update skip locked` shares the expired attempts between them',
      '  without doing any twice (the two-process runs above had both sweepers running).',
      '- **Partition `contest_attempts` (and its events) by round** (or by contest) once contests run for years: the',
      '  hot round’s indexes stay small and cached, closed rounds can be archived or dropped whole, and a sweep or a',
      '  ranking reads one partition.',
      '- **Read replicas for rankings and participation tables**: reading them during the burst would compete with',
      '  the writes; they tolerate a few seconds of replication lag, and are published when a round closes anyway.',
      '- **The player page is static** (a Vite build): its hashed scripts and styles from a CDN with long caching;',
      '  only the small `index.html` (it carries a fresh CSP nonce) and the API calls reach the app — a start, the',
      '  answers as they are saved, one submission.',
      '- **Rate limits** are per process (`@fastify/rate-limit`’s in-memory store, 5,000 keys): with many processes',
      '  behind a balancer they become per process too; a shared store (Redis) would make them global.',
    ].join('\n'),
  );
  // One line per paragraph and per list item, as in the rest of BENCHMARKS.md.
  return out.map((block) => block.replace(/\n {2,3}(?=\S)/gu, ' ')).join('\n\n');
}
