import { type Kysely, sql } from 'kysely';
import PgBoss from 'pg-boss';

/**
 * The job queue (pg-boss) lives in the same database, schema `pgboss`: publishing to Zalo and
 * Facebook, e-mail, reminders and digests are jobs written in the same transaction as the change
 * that calls for them — the queue is the outbox. Created here rather than at the first start so
 * that every database (and the tests' template) has it; pg-boss upgrades its own schema later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(PgBoss.getConstructionPlans('pgboss')).execute(db);
}
