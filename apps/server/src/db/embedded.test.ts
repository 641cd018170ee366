import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/free-port.js';
import { startEmbeddedPostgres } from './embedded.js';

const parent = mkdtempSync(join(tmpdir(), 'lantoa-embedded-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

async function canQuery(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ n: number }>('select 1 as n');
  await client.end();
  return rows[0]?.n ?? 0;
}

describe('embedded PostgreSQL', () => {
  // `npm start` a second time on the same data folder (as root, the data directory must stay
  // private to its owner: PostgreSQL refuses to start otherwise).
  it('starts again on the data it made before', async () => {
    const dir = join(parent, 'data');
    const port = await freePort();
    const first = await startEmbeddedPostgres(dir, port);
    expect(await canQuery(first.url)).toBe(1);
    await first.stop();
    const second = await startEmbeddedPostgres(dir, port);
    expect(await canQuery(second.url)).toBe(1);
    await second.stop();
  }, 120_000);
});
