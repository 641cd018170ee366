import { statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { PeriodKind, TargetMeasure } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db } from '../../apps/server/src/db/database.js';
import { createAccount } from '../../apps/server/src/modules/access/accounts.service.js';
import { computeProgress } from '../../apps/server/src/modules/plans/progress/progress.engine.js';
import { progressTable } from '../../apps/server/src/modules/plans/progress/progress.service.js';
import {
  countByBucket,
  evaluationByBucket,
  figureChildren,
} from '../../apps/server/src/modules/plans/progress/progress.sql.js';
import {
  coverageFromRecords,
  coverageFromSummary,
} from '../../apps/server/src/modules/plans/progress/progress-coverage.sql.js';
import { type Actor, systemAdminActor } from '../../apps/server/src/platform/access.js';
import { todayInVietnam } from '../../apps/server/src/platform/dates.js';
import { type BaselineRow, baselineDashboard, baselinePeriods, treeSettledOn } from './dashboard-baseline.js';
import { type Dataset, type DatasetSpec, generateDataset } from './dashboard-data.js';
import { LAST_YEAR } from './dashboard-data-sql.js';
import { benchDatabase } from './postgres.js';
import { type Summary, summarize, timed } from './stats.js';

/** What one dashboard benchmark measured; dashboard-report.ts turns it into Markdown. */
export interface DashboardMeasures {
  spec: DatasetSpec;
  server: string;
  dataset: Dataset;
  year: number;
  today: string;
  referenceDay: string;
  children: number;
  figuresCompared: number;
  summaryChecked: string;
  warmups: number;
  engine: Summary;
  /** `computeProgress` alone: the figures, without the plan lookup, access check, children and names. */
  figures: Summary;
  baseline: Summary;
  baselineOne: Summary;
  baselineParallel: Summary;
  ratio: Summary;
  figuresRatio: Summary;
  concurrent: { clients: number; dashboards: number; seconds: number; latency: Summary };
  parts: { name: string; median: number }[];
  extra: { title: string; summary: Summary }[];
  /** Recording the attendance of a 40-person session, triggers included. */
  write: Summary;
}

export interface DashboardOptions {
  iterations: number;
  warmups: number;
  concurrentDashboards: number;
  /** Free space the temporary directory needs before generating, in GiB. */
  diskGiB: number;
  /** Further dashboards worth a line: another root, another year. */
  extra?: (db: Db, actor: Actor, dataset: Dataset) => { title: string; run: () => Promise<unknown> }[];
}

type Table = Awaited<ReturnType<typeof progressTable>>;

/** Every figure of the engine's table equals the baseline's; returns how many were compared. */
function compare(engine: Table, baseline: BaselineRow[], root: number): number {
  let compared = 0;
  const codes = engine.targets.map((t) => t.code);
  for (const [i, code] of codes.entries()) {
    const rows = baseline.filter((row) => row.code === code);
    const isCount = engine.unit[i]?.denominator === null;
    const sum = (pick: (row: BaselineRow) => number | null) => rows.reduce((total, row) => total + (pick(row) ?? 0), 0);
    const expectRoot = { numerator: sum((r) => r.numerator), denominator: isCount ? null : sum((r) => r.denominator) };
    const gotRoot = { numerator: engine.unit[i]?.numerator, denominator: engine.unit[i]?.denominator };
    if (JSON.stringify(gotRoot) !== JSON.stringify(expectRoot))
      throw new Error(`${code} at the root: engine ${JSON.stringify(gotRoot)}, baseline ${JSON.stringify(expectRoot)}`);
    compared++;
    for (const child of engine.rows) {
      const row = rows.find((r) => r.bucket === child.unitId && r.bucket !== root);
      // A child without a row: no one in its population, no event — or a duty of the issuer alone.
      const expected = { numerator: row?.numerator ?? 0, denominator: isCount ? null : (row?.denominator ?? 0) };
      const got = { numerator: child.figures[i]?.numerator, denominator: child.figures[i]?.denominator };
      if (JSON.stringify(got) !== JSON.stringify(expected))
        throw new Error(
          `${code} of unit ${child.unitId}: engine ${JSON.stringify(got)}, baseline ${JSON.stringify(expected)}`,
        );
      compared++;
    }
  }
  return compared;
}

function freeGiB(): number {
  const stats = statfsSync(tmpdir());
  return (stats.bavail * stats.bsize) / 1024 ** 3;
}

async function median(run: () => Promise<unknown>, times: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push((await timed(run)).ms);
  return summarize(samples).median;
}

/**
 * The write side of the summary: a school records a law-outreach session with 40 attendees — for
 * most of them the first of the year in that category, so the steps of the school are recomputed
 * in the same statement. Each session is removed again (untimed) so the data stays as generated.
 */
async function rosterWrites(db: Db, today: string): Promise<Summary> {
  const school = await sql<{ unit_id: number; members: number[] }>`
    select m.unit_id, (array_agg(m.member_id order by m.member_id))[1:40] as members
    from memberships m join units u on u.id = m.unit_id
    where m.valid_to is null and u.merged_into_id is null and u.path <> '1'
    group by m.unit_id having count(*) >= 40 order by m.unit_id limit 1`.execute(db);
  const row = school.rows[0];
  if (!row) throw new Error('no school with 40 members');
  const samples: number[] = [];
  for (let i = 0; i < 21; i++) {
    const activity = await db
      .insertInto('activities')
      .values({
        organising_unit_id: row.unit_id,
        category: 'law_outreach',
        title: 'Tuyên truyền pháp luật (đo)',
        starts_at: `${today}T08:00:00+07:00`,
        ends_at: `${today}T10:00:00+07:00`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const insert = await timed(() =>
      db
        .insertInto('attendances')
        .values(
          row.members.map((member_id) => ({
            activity_id: activity.id,
            member_id,
            category: 'law_outreach',
            attended_on: today,
            source: 'roster',
          })),
        )
        .execute(),
    );
    if (i > 0) samples.push(insert.ms);
    await db.deleteFrom('attendances').where('activity_id', '=', activity.id).execute();
    await db.deleteFrom('activities').where('id', '=', activity.id).execute();
  }
  return summarize(samples);
}

/**
 * Generates the dataset into a fresh database, checks that the engine, the baseline and the
 * records agree, then times the dashboard (engine and baseline alternately, after warm-ups),
 * under concurrent load, and query by query. Everything is removed at the end.
 */
export async function measureDashboard(spec: DatasetSpec, options: DashboardOptions): Promise<DashboardMeasures> {
  const free = freeGiB();
  console.log(`  ${spec.id}: ${free.toFixed(0)} GiB free in ${tmpdir()}`);
  if (free < options.diskGiB)
    throw new Error(`${spec.id} needs about ${options.diskGiB} GiB free in ${tmpdir()}; ${free.toFixed(0)} GiB left`);
  const { db, server, close } = await benchDatabase();
  try {
    const dataset = await generateDataset(db, spec);
    console.log(`  ${spec.id}: ${JSON.stringify(dataset.counts)} in ${dataset.seconds.toFixed(0)} s`);
    const { account } = await createAccount(
      db,
      null,
      { displayName: 'Đo hiệu năng', email: 'bench@lantoa.local', role: 'system_admin', unitId: null },
      'mat-khau-do-hieu-nang',
    );
    const actor = systemAdminActor(account);
    const today = todayInVietnam();
    const year = LAST_YEAR;
    const scope = { root: dataset.rootId, year, today, term: { start: 2023, end: 2028 } };
    const periods = baselinePeriods(scope);
    const days = [periods.year.day, periods.term.day, periods.cycle2.day, periods.cycle5.day];
    if (!(await treeSettledOn(db, days)))
      throw new Error('the tree changed after the reference day: the baseline would not be exact');
    const engineOnce = () => progressTable(db, actor, dataset.planId, dataset.rootId, year);
    // The engine proper, given what progressTable looks up first (the plan, its targets, the children).
    const planRow = await db.selectFrom('plans').selectAll().where('id', '=', dataset.planId).executeTakeFirstOrThrow();
    const targets = (
      await db.selectFrom('targets').selectAll().where('plan_id', '=', dataset.planId).orderBy('sort_order').execute()
    ).map((t) => ({
      ...t,
      measure: t.measure as TargetMeasure,
      period: t.period as PeriodKind,
      threshold: Number(t.threshold),
    }));
    const childIds = (await figureChildren(db, dataset.rootId, periods.year.day)).map((child) => child.unitId);
    const planScope = {
      id: planRow.id,
      unitId: planRow.unit_id,
      termStart: planRow.term_start,
      termEnd: planRow.term_end,
    };
    const figuresOnce = () => computeProgress(db, planScope, targets, dataset.rootId, year, today, childIds);
    const baselineOne = () => baselineDashboard(db, scope, 'one');
    const baselineParallel = () => baselineDashboard(db, scope, 'parallel');

    const first = await engineOnce();
    const figuresCompared =
      compare(first, await baselineOne(), dataset.rootId) + compare(first, await baselineParallel(), dataset.rootId);
    // The maintained summary against the records themselves, once, for the whole root.
    const day = periods.year.day;
    const input = { root: dataset.rootId, day, from: `${year}-01-01`, to: `${year + 1}-01-01`, categories: ['study'] };
    const records = await timed(() => coverageFromRecords(db, input));
    const summary = await coverageFromSummary(db, input, year);
    if (summary === null) throw new Error(`the coverage summary does not keep ${year}`);
    const key = (rows: typeof records.result) => JSON.stringify([...rows].sort((a, b) => a.bucket - b.bucket));
    if (key(records.result) !== key(summary)) throw new Error('the coverage summary differs from the records');
    const summaryChecked = `coverage of ${year} by study sessions, per child and for key officials, from the summary = from the records (${Math.round(records.ms).toLocaleString('en-US')} ms from the records)`;

    for (let i = 0; i < options.warmups; i++) {
      await engineOnce();
      await figuresOnce();
      await baselineOne();
      await baselineParallel();
    }
    const engine: number[] = [];
    const figures: number[] = [];
    const baseline: number[] = [];
    const one: number[] = [];
    const parallel: number[] = [];
    const ratio: number[] = [];
    const figuresRatio: number[] = [];
    const calls = [engineOnce, figuresOnce, baselineOne, baselineParallel];
    for (let i = 0; i < options.iterations; i++) {
      // Rotate which goes first, so that none always meets the others' warm caches.
      const ms = [0, 0, 0, 0];
      for (let k = 0; k < calls.length; k++) {
        const which = (i + k) % calls.length;
        ms[which] = (await timed(calls[which] as () => Promise<unknown>)).ms;
      }
      const [e, f, o, p] = ms as [number, number, number, number];
      // The baseline of the round is the faster of the two hand-written forms.
      const s = Math.min(o, p);
      engine.push(e);
      figures.push(f);
      one.push(o);
      parallel.push(p);
      baseline.push(s);
      ratio.push(e / s);
      figuresRatio.push(f / s);
    }

    const clients = 4;
    const latency: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < options.concurrentDashboards) {
          next++;
          latency.push((await timed(engineOnce)).ms);
        }
      }),
    );
    const concurrentSeconds = (performance.now() - started) / 1000;

    const root = dataset.rootId;
    const y = periods.year;
    const parts = [
      {
        name: 'coverage 2.1a + 2.1b (summary)',
        run: () =>
          coverageFromSummary(
            db,
            { root, day: y.day, from: y.period.start, to: y.period.end, categories: ['study'] },
            year,
          ),
      },
      {
        name: 'evaluations 2.3a + 2.3b + 2.3c',
        run: () =>
          evaluationByBucket(db, {
            root,
            day: y.day,
            fromYears: [periods.cycle2.period.startYear, periods.cycle5.period.startYear, year],
            toYear: Number(y.day.slice(0, 4)),
          }),
      },
      {
        name: 'count 2.4a (events in the subtree)',
        run: () =>
          countByBucket(db, {
            root,
            day: y.day,
            from: y.period.start,
            to: y.period.end,
            categories: ['culture_arts', 'sports'],
          }),
      },
    ];
    const measuredParts = [];
    for (const part of parts) measuredParts.push({ name: part.name, median: await median(part.run, 15) });

    const extra = [];
    for (const item of options.extra?.(db, actor, dataset) ?? []) {
      await item.run();
      const samples: number[] = [];
      for (let i = 0; i < 20; i++) samples.push((await timed(item.run)).ms);
      extra.push({ title: item.title, summary: summarize(samples) });
    }

    const write = await rosterWrites(db, today);

    return {
      spec,
      server,
      dataset,
      year,
      today,
      referenceDay: day,
      children: first.rows.length,
      figuresCompared,
      summaryChecked,
      warmups: options.warmups,
      engine: summarize(engine),
      figures: summarize(figures),
      baseline: summarize(baseline),
      baselineOne: summarize(one),
      baselineParallel: summarize(parallel),
      ratio: summarize(ratio),
      figuresRatio: summarize(figuresRatio),
      concurrent: {
        clients,
        dashboards: latency.length,
        seconds: concurrentSeconds,
        latency: summarize(latency),
      },
      parts: measuredParts,
      extra,
      write,
    };
  } finally {
    await close();
  }
}
