import type { DashboardMeasures } from './dashboard-measure.js';
import { table } from './report.js';
import { count, type Summary } from './stats.js';

/** The Markdown section of one dashboard benchmark. */

const ms1 = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} ms`;
const perSecond = (summary: Summary) => `${(1000 / summary.median).toFixed(1)} /s`;

export interface DashboardText {
  /** One or two sentences: what this size stands for. */
  dataset: string;
  target: number;
  /** Paragraphs appended at the end (design notes, how it would be served). */
  notes: string[];
}

export function dashboardMarkdown(m: DashboardMeasures, text: DashboardText): string {
  const c = m.dataset.counts;
  // Steps of a second or more (of a tenth, for a small dataset); the summary's parts are in its total.
  const steps = m.dataset.steps.filter((s) => !s.name.startsWith('summary:'));
  const small = steps.every((s) => s.seconds < 1);
  const generation = steps
    .filter((s) => s.seconds >= (small ? 0.1 : 1))
    .map((s) => `${s.name} ${s.seconds.toFixed(small ? 1 : 0)} s`)
    .join(', ');
  const datasetRows = Object.entries(c).map(([name, value]) => [name, count(value)]);
  const resultRows = [
    [
      '**engine**: `progressTable` (the API call), one client',
      ms1(m.engine.median),
      ms1(m.engine.p95),
      ms1(m.engine.p99),
      ms1(m.engine.min),
      ms1(m.engine.max),
      perSecond(m.engine),
    ],
    [
      'engine proper: `computeProgress` alone (the figures, given the plan, targets and children)',
      ms1(m.figures.median),
      ms1(m.figures.p95),
      ms1(m.figures.p99),
      ms1(m.figures.min),
      ms1(m.figures.max),
      perSecond(m.figures),
    ],
    [
      'baseline: the faster of the two below, per round',
      ms1(m.baseline.median),
      ms1(m.baseline.p95),
      ms1(m.baseline.p99),
      ms1(m.baseline.min),
      ms1(m.baseline.max),
      perSecond(m.baseline),
    ],
    [
      '— hand-written, one statement',
      ms1(m.baselineOne.median),
      ms1(m.baselineOne.p95),
      ms1(m.baselineOne.p99),
      ms1(m.baselineOne.min),
      ms1(m.baselineOne.max),
      perSecond(m.baselineOne),
    ],
    [
      '— hand-written, one statement per measure, side by side',
      ms1(m.baselineParallel.median),
      ms1(m.baselineParallel.p95),
      ms1(m.baselineParallel.p99),
      ms1(m.baselineParallel.min),
      ms1(m.baselineParallel.max),
      perSecond(m.baselineParallel),
    ],
    [
      `engine, ${m.concurrent.clients} clients at once (${m.concurrent.dashboards} dashboards)`,
      ms1(m.concurrent.latency.median),
      ms1(m.concurrent.latency.p95),
      ms1(m.concurrent.latency.p99),
      ms1(m.concurrent.latency.min),
      ms1(m.concurrent.latency.max),
      `${(m.concurrent.dashboards / m.concurrent.seconds).toFixed(1)} /s`,
    ],
  ];
  const met = (ok: boolean) => (ok ? '**met**' : '**missed**');
  const lines = [
    text.dataset,
    '',
    `**What is timed:** \`progressTable\` — what \`GET /api/plans/{planId}/progress/units?unitId={root}&year=${m.year}\` returns — for the root with a system administrator: the plan and its targets, the access check, the children on the reference day (\`figureChildren\`), \`computeProgress\` (all nine targets of the seed plan for the root and for each of its ${m.children} children), their names and the lagging-first sort. Year ${m.year}, read on ${m.today}: every period of the plan is running, so every figure is read on that day (reference day ${m.referenceDay}).`,
    '',
    `**Dataset** (generated in ${Math.round(m.dataset.seconds)} s: ${generation}; database ${(m.dataset.databaseBytes / 1024 ** 3).toFixed(1)} GiB). ${m.server}.`,
    '',
    table(['rows', 'count'], datasetRows),
    '',
    `**Method:** ${m.warmups} warm-up rounds discarded, then ${m.engine.n} rounds of one API call, one \`computeProgress\` call and the two hand-written forms, rotating which goes first; wall-clock time of each whole call from Node (pool of 10 connections). The per-round ratio engine ÷ baseline cancels most of the machine's noise. Then ${m.concurrent.dashboards} dashboards from ${m.concurrent.clients} concurrent clients. Percentiles are nearest-rank over the ${m.engine.n} samples.`,
    '',
    '**Baseline:** the fastest SQL we could write by hand for exactly these figures (`bench/support/dashboard-baseline.ts`): it knows the nine targets in advance, reads the same tables as the engine (including the summary and the cached tree of migration 0006), places the units once, reads the evaluations once for the three evaluation targets and the issuer’s own activities once for its three counts — and does nothing else (no plan lookup, no access check, no names). Written as one statement, and as one statement per measure run side by side; each round takes the faster.',
    '',
    `**Checked in the same run, before timing:** the engine's figures and both hand-written forms' (${count(m.figuresCompared)} comparisons: numerator and denominator of every target, for the root and every child) are identical; ${m.summaryChecked}.`,
    '',
    table(['measure', 'p50', 'p95', 'p99', 'min', 'max', 'throughput (at p50)'], resultRows),
    '',
    `- **engine ÷ baseline: ${m.ratio.median.toFixed(2)}×** (median of the ${m.ratio.n} per-round ratios; p95 ${m.ratio.p95.toFixed(2)}×) — target ≤ 2×: ${met(m.ratio.median <= 2)}; the engine proper (\`computeProgress\`) ÷ baseline: ${m.figuresRatio.median.toFixed(2)}× (p95 ${m.figuresRatio.p95.toFixed(2)}×)`,
    `- **p95 ${ms1(m.engine.p95)}** — target ≤ ${text.target} ms p95 warm: ${met(m.engine.p95 <= text.target)}`,
    `- where an engine call's time goes (each query alone, median of 15): ${m.parts.map((p) => `${p.name} ${ms1(p.median)}`).join('; ')}; the rest is the plan, targets, children, names and hand-entered figures (small queries). The queries run side by side on the pool, so a call takes less than their sum.`,
    `- recording the attendance of a 40-person session (one insert, the summary's triggers included; for most attendees the first of the year in that category): p50 ${ms1(m.write.median)}, p95 ${ms1(m.write.p95)} (${m.write.n} sessions)`,
    ...m.extra.map(
      (e) =>
        `- ${e.title}: p50 ${ms1(e.summary.median)}, p95 ${ms1(e.summary.p95)}, max ${ms1(e.summary.max)} (${e.summary.n} calls)`,
    ),
    '',
    ...text.notes.flatMap((note) => [note, '']),
  ];
  return lines.join('\n');
}
