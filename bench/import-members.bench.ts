import { createAccount } from '../apps/server/src/modules/access/accounts.service.js';
import { insertMembers } from '../apps/server/src/modules/org/members.commands.js';
import { parseMemberSheet } from '../apps/server/src/modules/org/members-excel.js';
import { importMembers } from '../apps/server/src/modules/org/members-import.js';
import { createRootUnit, createUnit } from '../apps/server/src/modules/org/units.commands.js';
import { findUnit } from '../apps/server/src/modules/org/units.repository.js';
import { systemAdminActor } from '../apps/server/src/platform/access.js';
import { generateMembers, writeMembersWorkbook } from './support/members-data.js';
import { benchDatabase } from './support/postgres.js';
import { type BenchResult, table } from './support/report.js';
import { count, ms, summarize, type Timed, timed } from './support/stats.js';

const ROWS = 10_000;
const REPETITIONS = 7;

/**
 * End-to-end member import (.xlsx → parse → validate → checks against the database → one
 * transaction of inserts), against the bare bulk insert of the same rows as a baseline.
 */
export async function run(): Promise<BenchResult> {
  const { db, server, close } = await benchDatabase();
  try {
    const { account } = await createAccount(
      db,
      null,
      { displayName: 'Đo hiệu năng', email: 'bench@lantoa.local', role: 'system_admin', unitId: null },
      'mat-khau-do-hieu-nang',
    );
    const actor = systemAdminActor(account);
    const kinds = await db.selectFrom('unit_kinds').select(['id', 'code']).execute();
    const kind = (code: string) => kinds.find((k) => k.code === code)?.id ?? 0;
    const province = await db.transaction().execute((tx) =>
      createRootUnit(tx, actor, {
        name: 'Công đoàn Giáo dục tỉnh (đo)',
        kindId: kind('province_union'),
        validFrom: '2015-01-01',
      }),
    );
    const school = (name: string) =>
      createUnit(db, actor, { name, kindId: kind('grassroots_union'), parentId: province, validFrom: '2015-01-01' });

    const samples = {
      import: [] as number[],
      parse: [] as number[],
      insert: [] as number[],
      ratio: [] as number[],
      rest: [] as number[],
    };
    let fileBytes = 0;
    // Round 0 warms up the JIT, the pool and PostgreSQL's caches; it is not recorded.
    for (let round = 0; round <= REPETITIONS; round++) {
      const importUnit = await findUnit(db, await school(`Công đoàn Trường nhập ${round}`));
      const baselineUnit = await school(`Công đoàn Trường chèn ${round}`);
      const file = await writeMembersWorkbook(generateMembers(ROWS, 1000 + round, 2 * round, importUnit.id));
      const prepared = generateMembers(ROWS, 1000 + round, 2 * round + 1, baselineUnit).map((m) => m.data);
      fileBytes = file.length;

      const parse = await timed(() => parseMemberSheet(file));
      if (parse.result.rows.length !== ROWS) throw new Error(`parsed ${parse.result.rows.length} rows`);
      const importOnce = () => timed(() => importMembers(db, actor, importUnit, file));
      const insertOnce = () => timed(() => db.transaction().execute((tx) => insertMembers(tx, prepared)));
      // Alternate the order so that neither side always meets the bigger table.
      let imported: Timed<number>;
      let inserted: Timed<number[]>;
      if (round % 2 === 0) {
        imported = await importOnce();
        inserted = await insertOnce();
      } else {
        inserted = await insertOnce();
        imported = await importOnce();
      }
      if (imported.result !== ROWS || inserted.result.length !== ROWS) throw new Error('wrong row count');
      if (round === 0) continue;
      samples.import.push(imported.ms);
      samples.parse.push(parse.ms);
      samples.insert.push(inserted.ms);
      // Paired in the same round, the ratio cancels most of the machine's noise.
      samples.ratio.push(imported.ms / inserted.ms);
      samples.rest.push(imported.ms - parse.ms - inserted.ms);
      console.log(`  round ${round}: import ${ms(imported.ms)}, parse ${ms(parse.ms)}, bare insert ${ms(inserted.ms)}`);
    }

    const imp = summarize(samples.import);
    const parse = summarize(samples.parse);
    const insert = summarize(samples.insert);
    const ratio = summarize(samples.ratio);
    const rest = summarize(samples.rest);
    const row = (name: string, s: ReturnType<typeof summarize>) => [
      name,
      ms(s.median),
      ms(s.min),
      ms(s.max),
      `${count(ROWS / (s.median / 1000))} rows/s`,
    ];
    const kib = (fileBytes / 1024).toFixed(0);
    const paragraphs = [
      [
        `Import of ${count(ROWS)} members from one .xlsx (${kib} KiB) into a fresh unit, end to end through`,
        "`importMembers`: read the workbook, validate every cell with the API's zod schema, check duplicate",
        'phones and e-mails inside the file and against the database (one query each), then insert members,',
        'memberships and statuses with `insertMembers` and write the audit event, in one transaction.',
      ],
      [
        `Baseline, measured in the same run: the bare bulk insert of ${count(ROWS)} already-prepared rows with`,
        '`insertMembers` in one transaction (no file, no checks) — the floor an import cannot go below.',
        'Parse: `parseMemberSheet` alone on the same file.',
      ],
      [
        `Dataset: ${count(ROWS)} generated members per round (seeded PRNG; Vietnamese names; 90 % with a phone,`,
        '20 % of those typed as numbers that lost their leading 0; 70 % with an e-mail; dates mostly real',
        'Excel dates, 10 % typed as dd/mm/yyyy text), written into the real import template. Phones and',
        'e-mails are unique per round, so all rounds go into the same, growing database',
        `(≈${count(2 * ROWS * (REPETITIONS + 1))} members at the end). ${REPETITIONS} recorded rounds after one`,
        'discarded warm-up; import and baseline alternate their order.',
      ],
      [`Database: ${server}.`],
    ];
    const markdown = [
      ...paragraphs.map((lines) => lines.join(' ')),
      table(
        ['measure', 'p50 (median)', 'min', 'max (= p95 = p99 here)', 'throughput at the median'],
        [row('import, end to end', imp), row('parse only', parse), row('baseline: bare bulk insert', insert)],
      ),
      [
        `With ${imp.n} samples per measure, p95 and p99 are simply the maximum: too few samples for real`,
        'tail percentiles, so read the median and the maximum.',
      ].join(' '),
      [
        `**import ÷ baseline: ${ratio.median.toFixed(2)}×** (median of the ${ratio.n} per-round ratios;` +
          ` range ${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}×)`,
        `split of an import (medians): parse ${ms(parse.median)}, insert ${ms(insert.median)}, the rest` +
          ` (database look-ups, cross-row checks, audit) ${ms(rest.median)} — per-round import − parse − insert,` +
          ' so only indicative',
        `target 10,000 rows in ≤ 3 s end to end (limit 10 s): median ${ms(imp.median)}, max ${ms(imp.max)}`,
      ]
        .map((line) => `- ${line}`)
        .join('\n'),
    ].join('\n\n');
    return { id: 'import-members', title: `Member import from Excel (${count(ROWS)} rows)`, markdown };
  } finally {
    await close();
  }
}
