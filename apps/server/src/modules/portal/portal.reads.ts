import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import { todayInVietnam } from '../../platform/dates.js';
import { defineQueue, defineSchedule, onJob } from '../../platform/jobs.js';

/**
 * Reads of portal articles, anonymous and without cookies: a reader is counted once per article
 * and day. Who "a reader" is comes from a hash of (the day's random salt, the address, the
 * browser's User-Agent); only the hash is kept, and only for that day — the nightly job deletes
 * the day's hashes and its salt, after which nothing links a count to anyone. No address is ever
 * stored. Link-preview robots (Zalo, Facebook, search engines) are not readers.
 *
 * Why not one count per request: a reader reloading or coming back the same day would count again,
 * inflating the figure a plan target is measured against. Why not a cookie: it would need consent
 * and a banner on a public news site; this needs neither.
 */

const ROBOT =
  /bot|crawl|spider|slurp|preview|facebookexternalhit|facebookcatalog|zalo|embedly|whatsapp|telegram|skype|lighthouse/iu;

export function isRobot(userAgent: string | undefined): boolean {
  return !userAgent || ROBOT.test(userAgent);
}

const salts = new Map<string, Buffer>();

async function saltOf(db: Executor, day: string): Promise<Buffer> {
  const known = salts.get(day);
  if (known) return known;
  // Every app process must use the same salt on the same day, so it lives in the database.
  await db
    .insertInto('article_read_salts')
    .values({ day, salt: randomBytes(32) })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  const row = await db.selectFrom('article_read_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  salts.clear();
  salts.set(day, row.salt);
  return row.salt;
}

/** Counts a read of a published article; true when this reader had not yet read it today. */
export async function countRead(
  db: Executor,
  articleId: number,
  reader: { ip: string; userAgent: string | undefined },
  now: Date = new Date(),
): Promise<boolean> {
  if (isRobot(reader.userAgent)) return false;
  const day = todayInVietnam(now);
  const visitor = createHash('sha256')
    .update(await saltOf(db, day))
    .update(reader.ip)
    .update('\n')
    .update(reader.userAgent ?? '')
    .digest()
    .subarray(0, 16);
  const result = await sql<{ reads: number }>`
    with new_reader as (
      insert into article_read_visitors (article_id, day, visitor) values (${articleId}, ${day}, ${visitor})
      on conflict do nothing returning 1
    )
    insert into article_reads (article_id, day, reads)
    select ${articleId}, ${day}::date, 1 from new_reader
    on conflict (article_id, day) do update set reads = article_reads.reads + 1
    returning reads`.execute(db);
  return result.rows.length > 0;
}

/** Nightly: forget the previous days' reader hashes and salts (the counts stay). */
export const forgetReadersQueue = defineQueue<Record<string, never>>({
  name: 'portal.forget-readers',
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 600,
});
defineSchedule(forgetReadersQueue, '5 0 * * *', {});

export async function forgetReaders(db: Executor, now: Date = new Date()): Promise<void> {
  const today = todayInVietnam(now);
  await db.deleteFrom('article_read_visitors').where('day', '<', today).execute();
  await db.deleteFrom('article_read_salts').where('day', '<', today).execute();
}

export function registerPortalJobs(db: Db): void {
  onJob(forgetReadersQueue, () => forgetReaders(db));
}
