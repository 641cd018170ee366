import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { appSecret } from '../../platform/app-secrets.js';

/**
 * Attempt tokens: `attemptId.roundId.signature`, an HMAC with a secret every app process reads
 * from the database. Saving an answer or submitting is authorised by the token alone — no
 * session lookup on the hot path — and a page that reloads gets the same token again, so two
 * tabs of one attempt both keep working. Tokens travel in a header, never in a cookie, so a
 * cross-site page cannot use them.
 */

let secret: Buffer | null = null;

export async function loadAttemptSecret(db: Db): Promise<void> {
  if (secret) return;
  secret = await appSecret(db, 'attempt_token', 'base64url');
}

function sign(text: string): string {
  if (!secret) throw new Error('loadAttemptSecret() was not called');
  return createHmac('sha256', secret).update(text).digest('base64url').slice(0, 32);
}

const signature = (attemptId: number, roundId: number) => sign(`attempt:${attemptId}:${roundId}`);

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A public entrant's token (`entryId.signature`), kept in an HttpOnly cookie: their identity in one contest. */
export function entryToken(entryId: number): string {
  return `${entryId}.${sign(`entry:${entryId}`)}`;
}

export function readEntryToken(token: string | undefined): number | null {
  if (!token) return null;
  const [id, given] = token.split('.');
  const entryId = Number(id);
  if (!Number.isSafeInteger(entryId) || entryId <= 0 || !given) return null;
  return sameText(sign(`entry:${entryId}`), given) ? entryId : null;
}

export function attemptToken(attemptId: number, roundId: number): string {
  return `${attemptId}.${roundId}.${signature(attemptId, roundId)}`;
}

/** The attempt and round a token stands for, or null when it was not made by us for this attempt. */
export function readAttemptToken(token: string | undefined, attemptId: number): { roundId: number } | null {
  if (!token) return null;
  const [id, round, given] = token.split('.');
  const roundId = Number(round);
  if (Number(id) !== attemptId || !Number.isSafeInteger(roundId) || roundId <= 0 || !given) return null;
  return sameText(signature(attemptId, roundId), given) ? { roundId } : null;
}
