import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { appSecret } from '../../platform/app-secrets.js';

/**
 * Channel secrets at rest: AES-256-GCM, 12-byte random IV, the 16-byte tag, bound (as additional
 * data) to the unit and channel so a blob copied onto another row does not decrypt.
 *
 * The key is CHANNEL_SECRET_KEY when set. Without it, one is made once and kept in `app_secrets`
 * — then the key sits in the same database as the blobs and only protects against leaks of the
 * column alone (logs, an export of one table); production sets the environment key so that a
 * database backup without the server's environment does not reveal the unit's tokens.
 */

let key: Buffer | null = null;

export async function loadChannelKey(db: Db, configured: string | undefined): Promise<void> {
  if (configured) {
    key = Buffer.from(configured, 'base64');
    return;
  }
  if (key) return;
  key = await appSecret(db, 'channel_secret_key', 'base64');
}

function currentKey(): Buffer {
  if (!key) throw new Error('loadChannelKey() was not called');
  return key;
}

const aad = (unitId: number, channel: string) => Buffer.from(`channel:${unitId}:${channel}`);

export function sealSecrets(unitId: number, channel: string, secrets: object): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', currentKey(), iv);
  cipher.setAAD(aad(unitId, channel));
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function openSecrets<T>(unitId: number, channel: string, blob: Buffer): T {
  const decipher = createDecipheriv('aes-256-gcm', currentKey(), blob.subarray(0, 12));
  decipher.setAAD(aad(unitId, channel));
  decipher.setAuthTag(blob.subarray(12, 28));
  const text = Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
  return JSON.parse(text) as T;
}

export interface ZaloSecrets {
  secretKey: string;
  accessToken: string;
  refreshToken: string;
}
export interface FacebookSecrets {
  accessToken: string;
}
