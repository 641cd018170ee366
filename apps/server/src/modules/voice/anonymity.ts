import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { appSecret } from '../../platform/app-secrets.js';
import { todayInVietnam } from '../../platform/dates.js';

/**
 * What "anonymous" means in the members' voice (concerns, surveys): nothing stored ties an item to
 * a person. Three tools every voice module uses the same way:
 *
 * - `displayUnitFor`: a unit with few members would give its members away, so an anonymous item
 *   is placed at the nearest unit at or above the member's unit that had at least
 *   `minUnitMembers` active members (its whole subtree) on the day;
 * - tracking codes: random, shown once to the submitter, stored only as an HMAC with a secret
 *   kept in the database (a leaked table alone cannot be searched offline);
 * - `coarseDate`: anonymous items keep the date, never the time.
 */

export const DEFAULT_ANONYMOUS_MIN_UNIT_MEMBERS = 10;
let minUnitMembers = DEFAULT_ANONYMOUS_MIN_UNIT_MEMBERS;

/** Set from config (ANONYMOUS_MIN_UNIT_MEMBERS) when the app is built. */
export function configureAnonymity(settings: { minUnitMembers: number }): void {
  minUnitMembers = settings.minUnitMembers;
}

export function anonymousMinUnitMembers(): number {
  return minUnitMembers;
}

/** The date (Vietnam) an anonymous item keeps instead of a timestamp. */
export function coarseDate(now: Date = new Date()): string {
  return todayInVietnam(now);
}

/** Active members of a unit's subtree on a day (the tree as it was that day). */
export async function activeMembersAt(db: Executor, unitId: number, day: string): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(distinct m.member_id)::int as n
    from memberships m
    join unit_subtree_at(${unitId}, ${day}::date) s on s.unit_id = m.unit_id
    where m.valid_from <= ${day}::date and (m.valid_to is null or m.valid_to > ${day}::date)
      and member_status_at(m.member_id, ${day}::date) = 'active'`.execute(db);
  return row.rows[0]?.n ?? 0;
}

/**
 * The unit an anonymous item of `unitId` is shown (and stored) under on `day`: the unit itself
 * when its subtree had at least the threshold of active members, else the nearest ancestor that
 * had; the top of the tree when none had.
 */
export async function displayUnitFor(
  db: Executor,
  unitId: number,
  day: string,
  threshold: number = minUnitMembers,
): Promise<number> {
  const version = await db
    .selectFrom('unit_versions')
    .select('path')
    .where('unit_id', '=', unitId)
    .where('valid_from', '<=', day)
    .where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>', day)]))
    .executeTakeFirst();
  const path =
    version?.path ?? (await db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst())?.path;
  if (!path) return unitId;
  const line = path.split('.').map(Number).reverse(); // the unit first, then up to the root
  for (const candidate of line) {
    if ((await activeMembersAt(db, candidate, day)) >= threshold) return candidate;
  }
  return line[line.length - 1] ?? unitId;
}

// Crockford's base32: no I, L, O, U — nothing to misread when copied by hand.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12; // 60 random bits

/** A fresh tracking code, e.g. "7KQ2-M9XD-4TPA". Shown once; only its hash is stored. */
export function newTrackingCode(): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

/** A code as typed (any case, spaces, dashes, O for 0, I/L for 1) in its canonical form, or null. */
export function normaliseTrackingCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/gu, '').replace(/O/gu, '0').replace(/[IL]/gu, '1');
  if (raw.length !== CODE_LENGTH || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return raw;
}

let secret: Buffer | null = null;

async function trackingSecret(db: Executor): Promise<Buffer> {
  if (secret) return secret;
  secret = await appSecret(db, 'voice_tracking', 'base64url');
  return secret;
}

/**
 * The stored form of a tracking code: HMAC-SHA-256 keyed with a database secret, per purpose
 * ('concern', 'survey') so one module's hashes never match another's. Null for a malformed code.
 */
export async function trackingCodeHash(db: Executor, code: string, purpose: string): Promise<string | null> {
  const canonical = normaliseTrackingCode(code);
  if (!canonical) return null;
  const key = await trackingSecret(db);
  return createHmac('sha256', key).update(`${purpose}:${canonical}`).digest('base64url');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
