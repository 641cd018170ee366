import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineFacts } from './support/machine.js';
import type { BenchModule, BenchResult } from './support/report.js';

/**
 * `npm run bench [name…]`: runs every bench/*.bench.ts (or those named) one after the other,
 * then rewrites BENCHMARKS.md — the introduction, this machine, and one section per benchmark.
 * Sections of benchmarks not run this time are kept as they were.
 */
const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', 'BENCHMARKS.md');
const only = process.argv.slice(2);

const begin = (id: string) => `<!-- bench:${id} -->`;
const end = (id: string) => `<!-- /bench:${id} -->`;

function previousSections(): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(target)) return sections;
  const text = readFileSync(target, 'utf8');
  for (const match of text.matchAll(/<!-- bench:([\w-]+) -->\n([\s\S]*?)<!-- \/bench:\1 -->/gu)) {
    if (match[1] && match[2]) sections.set(match[1], match[2]);
  }
  return sections;
}

function section(result: BenchResult, facts: Record<string, string>): string {
  const when = `_Measured ${facts.date} · ${facts.cpu} · ${facts.cores} cores · Node ${facts.node}_`;
  return `## ${result.title}\n\n${when}\n\n${result.markdown.trim()}\n\n`;
}

const INTRO = `# Benchmarks

How fast Lan Tỏa does the heavy things, measured on a real PostgreSQL. Run them all with

\`\`\`bash
npm run bench                  # every bench/*.bench.ts, then rewrites this file
npm run bench import-members   # only the named ones; the other sections stay as they were
\`\`\`

Each benchmark starts its own embedded PostgreSQL in a temporary directory (or, with
\`DATABASE_URL\`, creates and later drops a database of its own on that server), migrates it, runs,
and removes everything. Data is generated with a seeded PRNG, so every run measures the same rows.
Timings are wall-clock milliseconds of whole calls, after one discarded warm-up round.

**Read the medians and the ratios, not single numbers.** These machines are shared and noisy
virtual machines: the same code can be 20–50 % slower from one minute to the next. A ratio to a
baseline measured in the same run (for example import ÷ bare insert) is far more stable than an
absolute time, and a handful of samples gives a median and a maximum, not real p95/p99 tails.
Tests never assert on time; these figures are for people.
`;

async function main(): Promise<void> {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const chosen = only.length > 0 ? files.filter((f) => only.includes(f.replace(/\.bench\.ts$/u, ''))) : files;
  if (chosen.length === 0) throw new Error(`no benchmark matches ${only.join(', ')}; have ${files.join(', ')}`);
  const facts = machineFacts();
  const sections = previousSections();
  for (const file of chosen) {
    console.log(`▶ ${file}`);
    const module = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
    const result = await module.run();
    sections.set(result.id, section(result, facts));
    console.log(`✓ ${file}`);
  }
  const machine = [
    '## Machine of the last run',
    '',
    ...Object.entries(facts).map(([key, value]) => `- ${key}: ${value}`),
    '',
  ].join('\n');
  const body = [...sections.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, text]) => `${begin(id)}\n${text}${end(id)}`)
    .join('\n\n');
  writeFileSync(target, `${INTRO}\n${machine}\n${body}\n`);
  console.log(`BENCHMARKS.md written (${sections.size} section${sections.size === 1 ? '' : 's'}).`);
}

await main();
