import { sql } from 'kysely';
import type { Db } from '../../apps/server/src/db/database.js';
import { SEED_PLAN_NUMBER, SEED_PLAN_TARGETS, SEED_PLAN_TITLE } from '../../apps/server/src/db/seed/seed-plan.js';
import { attendanceSteps, type DatasetSpec, generationSteps } from './dashboard-data-sql.js';

export type { DatasetSpec } from './dashboard-data-sql.js';

/** Province: the province union, 60 commune unions, 539 schools; 20,000 members. */
export const PROVINCE: DatasetSpec = {
  id: 'province',
  seed: 2023,
  provinces: 0,
  communes: 60,
  schools: 539,
  members: 20_000,
  staff: { root: 15, province: 0, commune: 2 },
};

/** National: the national union, 63 provinces, 3,969 commune unions, 35,967 schools; 1,700,000 members. */
export const NATIONAL: DatasetSpec = {
  id: 'national',
  seed: 2028,
  provinces: 63,
  communes: 63 * 63,
  schools: 40_000 - 1 - 63 - 63 * 63,
  members: 1_700_000,
  staff: { root: 20, province: 10, commune: 2 },
};

/** Tables the generator fills in bulk: their secondary indexes and leaf constraints are rebuilt afterwards. */
const BULK_TABLES = [
  'units',
  'unit_versions',
  'members',
  'memberships',
  'member_statuses',
  'activities',
  'attendances',
];

export interface Dataset {
  rootId: number;
  planId: number;
  counts: Record<string, number>;
  /** Seconds per step, in order. */
  steps: { name: string; seconds: number }[];
  seconds: number;
  databaseBytes: number;
}

interface Deferred {
  table: string;
  drop: string;
  create: string;
}

/**
 * Indexes and constraints that make a bulk load slow and are cheaper built once at the end: every
 * secondary index, and primary, unique and exclusion constraints that no foreign key depends on.
 * Their definitions are read from the catalogue, so they come back exactly as the migrations made them.
 */
async function deferrable(db: Db): Promise<Deferred[]> {
  const { rows } = await sql<{ table: string; index: string; def: string; con: string | null; condef: string | null }>`
    select t.relname as table, i.indexrelid::regclass::text as index, pg_get_indexdef(i.indexrelid) as def,
      c.conname as con, pg_get_constraintdef(c.oid) as condef
    from pg_index i
    join pg_class t on t.oid = i.indrelid
    left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
    where t.relname = any(${BULK_TABLES}::text[]) and t.relnamespace = 'public'::regnamespace
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = i.indexrelid)
    order by t.relname, i.indexrelid`.execute(db);
  return rows.map((row) =>
    row.con
      ? {
          table: row.table,
          drop: `alter table ${row.table} drop constraint ${row.con}`,
          create: `alter table ${row.table} add constraint ${row.con} ${row.condef}`,
        }
      : { table: row.table, drop: `drop index ${row.index}`, create: row.def },
  );
}

/** Runs statements on `parallel` connections of their own, each set up for bulk loading. */
async function onConnections(
  db: Db,
  parallel: number,
  steps: { name: string; sql: string }[],
  log: Log,
  spec = 'generator',
) {
  const queue = [...steps];
  const worker = () =>
    db.connection().execute(async (conn) => {
      await sql`set synchronous_commit = off`.execute(conn);
      await sql`set work_mem = '256MB'`.execute(conn);
      await sql`set maintenance_work_mem = '1GB'`.execute(conn);
      // Foreign-key triggers are skipped while loading (pg_restore does the same): the rows are
      // consistent by construction. Needs a superuser; elsewhere the checks simply run.
      await sql`set session_replication_role = replica`.execute(conn).catch(() => undefined);
      try {
        await runSteps(conn);
      } finally {
        // Pooled connections go back to the pool: nothing of the loader's settings may stay on them.
        await sql`reset all`.execute(conn);
      }
    });
  const runSteps = async (conn: Db) => {
    for (let step = queue.shift(); step; step = queue.shift()) {
      const start = performance.now();
      await sql
        .raw(step.sql)
        .execute(conn)
        .catch((error: Error & { position?: string }) => {
          const at = Number(error.position ?? 0);
          const near = at > 0 ? `: …${step.sql.slice(Math.max(0, at - 120), at + 40)}…` : '';
          throw new Error(`${spec}: ${step.name} failed: ${error.message}${near}`);
        });
      log(step.name, (performance.now() - start) / 1000);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

type Log = (name: string, seconds: number) => void;

/** Generates the dataset into an empty, migrated database. Deterministic for a given spec. */
export async function generateDataset(db: Db, spec: DatasetSpec): Promise<Dataset> {
  const started = performance.now();
  const steps: Dataset['steps'] = [];
  const log: Log = (name, seconds) => {
    steps.push({ name, seconds });
    console.log(`  ${spec.id}: ${name} ${seconds.toFixed(1)} s`);
  };
  const deferred = await deferrable(db);
  await onConnections(db, 1, [{ name: 'drop indexes', sql: deferred.map((d) => `${d.drop};`).join('\n') }], log);
  await onConnections(db, 1, generationSteps(spec), log);
  await onConnections(db, 2, attendanceSteps(), log);
  // Rebuilt two at a time: PostgreSQL builds each btree with the parallel workers it has left.
  const indexing = performance.now();
  await onConnections(
    db,
    2,
    deferred.map((d) => ({ name: d.create, sql: d.create })),
    () => {},
  );
  log(`${deferred.length} indexes and constraints`, (performance.now() - indexing) / 1000);
  const planId = await plan(db);
  await onConnections(
    db,
    1,
    [
      {
        name: 'sequences, drop generator schema',
        sql: `
          select setval(pg_get_serial_sequence('units', 'id'), (select max(id) from units));
          select setval(pg_get_serial_sequence('members', 'id'), (select max(id) from members));
          select setval(pg_get_serial_sequence('activities', 'id'), (select max(id) from activities));
          drop schema gen cascade;`,
      },
      { name: 'analyze', sql: 'analyze' },
    ],
    log,
  );
  // The loader skipped the triggers that keep the progress summary (migration 0006): it is built
  // once, from scratch, by the same functions a rebuild uses — two at a time.
  const years = (await sql<{ year: number }>`select year from progress_years order by year`.execute(db)).rows;
  const summary = performance.now();
  await onConnections(
    db,
    2,
    [
      { name: 'summary: tree and spells', sql: 'select progress_rebuild_tree_and_spells()' },
      { name: 'summary: yearly attendance', sql: 'select progress_rebuild_member_years()' },
    ],
    log,
  );
  await onConnections(
    db,
    2,
    years.map(({ year }) => ({ name: `summary: steps of ${year}`, sql: `select progress_rebuild_steps(${year})` })),
    log,
  );
  log('progress summary', (performance.now() - summary) / 1000);
  await onConnections(db, 1, [{ name: 'vacuum analyze', sql: 'vacuum (analyze)' }], log);
  const counts = await countRows(db);
  const size = await sql<{ bytes: string }>`select pg_database_size(current_database())::text as bytes`.execute(db);
  return {
    rootId: 1,
    planId,
    counts,
    steps,
    seconds: (performance.now() - started) / 1000,
    databaseBytes: Number(size.rows[0]?.bytes ?? 0),
  };
}

/** The seed plan's nine targets, issued by the root for the term 2023–2028. */
async function plan(db: Db): Promise<number> {
  const row = await db
    .insertInto('plans')
    .values({
      unit_id: 1,
      number: SEED_PLAN_NUMBER,
      title: SEED_PLAN_TITLE,
      place: 'Ninh Bình',
      signed_on: '2024-01-22',
      term_start: 2023,
      term_end: 2028,
      status: 'issued',
      issued_at: new Date('2024-01-22T09:00:00+07:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('targets')
    .values(
      SEED_PLAN_TARGETS.map((target, index) => ({
        plan_id: row.id,
        code: target.code,
        title: target.title,
        measure: target.measure,
        population: target.population ?? null,
        categories: target.categories ?? [],
        organiser: target.organiser ?? null,
        period: target.period,
        threshold: target.threshold,
        sort_order: target.sortOrder ?? index + 1,
      })),
    )
    .execute();
  return row.id;
}

async function countRows(db: Db): Promise<Record<string, number>> {
  const { rows } = await sql<Record<string, number>>`
    select
      (select count(*) from units)::int as units,
      (select count(*) from units where merged_into_id is not null)::int as mergers,
      (select count(*) from unit_versions)::int as "unit versions",
      (select count(*) from members)::int as members,
      (select count(*) from members where is_key_official)::int as "key officials",
      (select count(*) from memberships)::int as memberships,
      (select count(*) from memberships where end_reason = 'transfer')::int as transfers,
      (select count(*) from member_statuses)::int as "member statuses",
      (select count(*) from activities)::int as activities,
      (select count(*) from attendances)::int as attendances,
      (select count(*) from culture_evaluations)::int as "culture evaluations",
      (select count(*) from targets)::int as targets`.execute(db);
  return rows[0] ?? {};
}
