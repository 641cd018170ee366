import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every text the web app shows exists in both languages: the shared files and each module's own. */
const web = join(import.meta.dirname, '../../web/src');

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
/** Plural forms differ by language (Vietnamese has one, English two): compare the base key. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/u, '');
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

const pairs: [string, string][] = [['locales', join(web, 'locales')]];
for (const module of readdirSync(join(web, 'modules'))) {
  const dir = join(web, 'modules', module, 'locales');
  try {
    readdirSync(dir);
    pairs.push([`modules/${module}/locales`, dir]);
  } catch {
    // this module keeps its texts in the shared files
  }
}

describe('web texts', () => {
  it.each(pairs)('%s: the same keys in vi and en', (_name, dir) => {
    const vi = [...new Set(keys(read(join(dir, 'vi.json'))).map(base))];
    const en = [...new Set(keys(read(join(dir, 'en.json'))).map(base))];
    expect(en.filter((k) => !vi.includes(k))).toEqual([]);
    expect(vi.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('modules do not reuse a top-level key of the shared texts or of another module', () => {
    const owners = new Map<string, string>();
    for (const [name, dir] of pairs) {
      for (const key of Object.keys(read(join(dir, 'vi.json')))) {
        expect(owners.get(key), `${key} in ${name}`).toBeUndefined();
        owners.set(key, name);
      }
    }
  });
});
