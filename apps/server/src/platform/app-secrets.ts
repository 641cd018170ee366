import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * A 32-byte secret kept in `app_secrets` under `name`: made by the first process that asks,
 * read by every other one (the insert and the read are one statement, so two processes starting
 * together agree). `encoding` is how the value is written in the table.
 */
export async function appSecret(db: Executor, name: string, encoding: 'base64' | 'base64url'): Promise<Buffer> {
  const fresh = randomBytes(32).toString(encoding);
  const row = await sql<{ value: string }>`
    with made as (
      insert into app_secrets (name, value) values (${name}, ${fresh})
      on conflict (name) do nothing returning value
    )
    select value from made union all select value from app_secrets where name = ${name} limit 1`.execute(db);
  const value = row.rows[0]?.value;
  if (!value) throw new Error(`app secret ${name} missing`);
  return Buffer.from(value, encoding);
}
