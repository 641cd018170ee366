import { randomBytes } from 'node:crypto';
import { foldVietnamese } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db } from '../../apps/server/src/db/database.js';
import { createAccount } from '../../apps/server/src/modules/access/accounts.service.js';
import { attemptToken, loadAttemptSecret } from '../../apps/server/src/modules/contests/attempt-token.js';
import { drawQuestions, playRound } from '../../apps/server/src/modules/contests/round-cache.js';
import { createRootUnit, createUnit } from '../../apps/server/src/modules/org/units.commands.js';
import { systemAdminActor } from '../../apps/server/src/platform/access.js';
import { hashToken } from '../../apps/server/src/platform/sessions.js';
import { createRng } from './members-data.js';

/**
 * The contest load benchmark's data: a province with its schools, members with current
 * memberships, one member account and one live session per member, and published contests.
 * Members, accounts and sessions are written with plain SQL (no password hashing: nobody logs in
 * here; sessions are made the way createSession makes them, and their tokens kept for the load).
 */

export interface ContestDataset {
  provinceId: number;
  schools: number;
  members: number;
  /** [session token, CSRF token] of member i's account, in member order. */
  sessions: [string, string][];
  /** Seconds per step. */
  timings: Record<string, number>;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Thị', 'Văn', 'Thị Thu', 'Đức', 'Ngọc', 'Minh', 'Thị Hồng', 'Quang', 'Thanh', 'Hữu'];
const GIVEN = ['Hà', 'Lan', 'Hương', 'Hùng', 'Dũng', 'Thảo', 'Tuấn', 'Ngân', 'Long', 'Trang', 'Nam', 'Yến', 'Sơn'];
/** A fixed, well-formed argon2id string: these accounts never log in, so nothing is hashed. */
const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$ZG8taGlldS1uYW5nLWxhbnRvYQ$0uF4dbbMoe1W0rsEH6PSFMbyZd9C1cl6cQH0bmHdzzs';

const literal = (items: string[]) => `array[${items.map((s) => `'${s.replaceAll("'", "''")}'`).join(',')}]::text[]`;
/** Item `(g * step) % n` of a literal array: a fixed spread of names over the rows. */
const pick = (items: string[], step: number) => `(${literal(items)})[1 + ((g * ${step}) % ${items.length})]`;

async function step<T>(timings: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  timings[name] = (performance.now() - start) / 1000;
  return result;
}

export async function buildContestDataset(
  db: Db,
  options: { members: number; schools: number },
): Promise<ContestDataset> {
  const timings: Record<string, number> = {};
  const { account } = await createAccount(
    db,
    null,
    { displayName: 'Đo tải cuộc thi', email: 'contest-bench@lantoa.local', role: 'system_admin', unitId: null },
    'mat-khau-do-tai-cuoc-thi',
  );
  const actor = systemAdminActor(account);
  const kinds = await db.selectFrom('unit_kinds').select(['id', 'code']).execute();
  const kind = (code: string) => kinds.find((k) => k.code === code)?.id ?? 0;
  const { provinceId, schoolIds } = await step(timings, 'units', async () => {
    const provinceId = await db.transaction().execute((tx) =>
      createRootUnit(tx, actor, {
        name: 'Công đoàn Giáo dục tỉnh (đo tải)',
        kindId: kind('province_union'),
        validFrom: '2015-01-01',
      }),
    );
    const schoolIds: number[] = [];
    for (let i = 1; i <= options.schools; i++) {
      schoolIds.push(
        await createUnit(db, actor, {
          name: `Công đoàn Trường ${['Mầm non', 'Tiểu học', 'THCS', 'THPT'][i % 4]} số ${i}`,
          kindId: kind('grassroots_union'),
          parentId: provinceId,
          validFrom: '2015-01-01',
        }),
      );
    }
    return { provinceId, schoolIds };
  });

  const n = options.members;
  const fold = (items: string[]) => items.map((s) => foldVietnamese(s));
  await step(timings, 'members', () =>
    sql
      .raw(`
        with made as (
          insert into members (full_name, family_name, middle_name, given_name, search_text, gender, position,
              union_role, union_joined_on, phone)
            select ${pick(FAMILY, 7)} || ' ' || ${pick(MIDDLE, 3)} || ' ' || ${pick(GIVEN, 5)},
              ${pick(FAMILY, 7)}, ${pick(MIDDLE, 3)}, ${pick(GIVEN, 5)},
              ${pick(fold(FAMILY), 7)} || ' ' || ${pick(fold(MIDDLE), 3)} || ' ' || ${pick(fold(GIVEN), 5)},
              case when g % 4 = 0 then 'male' else 'female' end, 'teacher', 'member', '2015-09-01',
              '08' || lpad(g::text, 8, '0')
            from generate_series(1, ${n}) g order by g
            returning id
        ),
        placed as (
          insert into memberships (member_id, unit_id, valid_from)
            select id, (array[${schoolIds.join(',')}]::bigint[])[1 + id % ${schoolIds.length}], '2021-09-01' from made
        )
        insert into member_statuses (member_id, status, valid_from) select id, 'active', '2021-09-01' from made`)
      .execute(db),
  );
  await step(timings, 'accounts', async () => {
    await sql`
      insert into accounts (display_name, email, member_id, password_hash)
      select full_name, 'doan.vien.' || id || '@do-tai.lantoa.vn', id, ${DUMMY_PASSWORD_HASH} from members order by id`.execute(
      db,
    );
    await sql`
      insert into role_grants (account_id, role, unit_id)
      select a.id, 'member', m.unit_id from accounts a join memberships m on m.member_id = a.member_id and m.valid_to is null
      order by a.id`.execute(db);
  });
  const sessions = await step(timings, 'sessions', async () => {
    const accounts = await sql<{ id: number }>`
      select id from accounts where member_id is not null order by member_id`.execute(db);
    const made: [string, string][] = [];
    const CHUNK = 20_000;
    for (let start = 0; start < accounts.rows.length; start += CHUNK) {
      const chunk = accounts.rows.slice(start, start + CHUNK);
      const tokens = chunk.map(() => [randomBytes(32).toString('base64url'), randomBytes(24).toString('base64url')]);
      await sql`
        insert into sessions (token_hash, account_id, csrf_token, expires_at, last_seen_at)
        select h, a, c, now() + interval '12 hours', now()
        from unnest(${tokens.map(([t]) => hashToken(t as string))}::text[], ${chunk.map((a) => a.id)}::bigint[],
          ${tokens.map(([, c]) => c as string)}::text[]) as t(h, a, c)`.execute(db);
      made.push(...(tokens as [string, string][]));
    }
    return made;
  });
  await step(timings, 'vacuum analyze', () => sql`vacuum analyze`.execute(db));
  return { provinceId, schools: schoolIds.length, members: n, sessions, timings };
}

const STEMS = [
  'Theo Điều lệ Công đoàn Việt Nam khóa XIII, đoàn viên công đoàn có những quyền nào sau đây khi tham gia sinh hoạt tại công đoàn cơ sở?',
  'Nghị quyết Đại hội XIII Công đoàn Việt Nam xác định khâu đột phá nào trong nhiệm kỳ 2023–2028 đối với công tác phát triển đoàn viên?',
  'Công đoàn cơ sở trường học có trách nhiệm gì trong việc tổ chức hội nghị cán bộ, công chức, viên chức hằng năm?',
  'Theo Luật Công đoàn năm 2024, kinh phí công đoàn được trích nộp theo tỷ lệ nào so với quỹ tiền lương làm căn cứ đóng bảo hiểm xã hội?',
  'Phong trào thi đua “Đổi mới, sáng tạo trong dạy và học” do Công đoàn Giáo dục Việt Nam phát động nhằm mục tiêu chủ yếu nào?',
  'Trong cuộc vận động “Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo”, tiêu chí nào được nhấn mạnh nhất?',
];
const OPTIONS = [
  'Được thông tin, thảo luận, đề xuất và biểu quyết công việc của công đoàn',
  'Được công đoàn hướng dẫn, tư vấn và trợ giúp pháp lý miễn phí',
  'Được ứng cử, đề cử, bầu cử cơ quan lãnh đạo công đoàn các cấp',
  'Tất cả các phương án trên đều đúng theo quy định hiện hành',
  'Chỉ áp dụng với đoàn viên đã tham gia công đoàn từ đủ 12 tháng trở lên',
];

export interface BenchContest {
  contestId: number;
  roundId: number;
}

/**
 * A published contest for the whole province with one open round: a bank of `questions`
 * (the first `multiple` of them multiple choice, the rest single choice; texts of a real
 * contest's length), 20 drawn per attempt, options shuffled, 30 minutes, one attempt.
 */
export async function makeBenchContest(
  db: Db,
  provinceId: number,
  title: string,
  options: { questions: number; multiple: number },
): Promise<BenchContest> {
  const contest = await db
    .insertInto('contests')
    .values({
      unit_id: provinceId,
      title,
      rules: 'Mỗi đoàn viên được thi một lượt mỗi tuần; 20 câu hỏi trắc nghiệm trong 30 phút.',
      audience: 'subtree',
      audience_unit_id: provinceId,
      status: 'published',
      activity_category: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('contest_questions')
    .values(
      Array.from({ length: options.questions }, (_, i) => ({
        contest_id: contest.id,
        kind: i < options.multiple ? ('multiple' as const) : ('single' as const),
        text: `Câu ${i + 1}. ${STEMS[i % STEMS.length]}`,
        options: JSON.stringify(
          ['a', 'b', 'c', 'd'].map((id, k) => ({ id, text: OPTIONS[(i + k) % OPTIONS.length] as string })),
        ),
        correct: i < options.multiple ? ['a', 'c'] : [['a', 'b', 'c', 'd'][i % 4] as string],
        topic: i % 2 === 0 ? 'Điều lệ' : 'Nghị quyết',
        difficulty: 1 + (i % 3),
      })),
    )
    .execute();
  const round = await db
    .insertInto('contest_rounds')
    .values({
      contest_id: contest.id,
      number: 1,
      title: 'Tuần 1',
      opens_at: new Date(Date.now() - 60 * 60_000),
      closes_at: new Date(Date.now() + 24 * 60 * 60_000),
      question_count: 20,
      time_limit_seconds: 30 * 60,
      attempts_allowed: 1,
      best_of: 'highest',
      prediction_question: null,
      essay_question: null,
      prizes: JSON.stringify([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { contestId: contest.id, roundId: round.id };
}

/**
 * Complete submissions of the round's open attempts (oldest first): the attempt token as its
 * start answer gave it, and an answer to each of its 20 questions — right about two times in
 * three, by a seeded PRNG — the way the player page sends them on "Nộp bài".
 */
export async function submissionsOf(db: Db, roundId: number, seed: number): Promise<[number, string, string][]> {
  await loadAttemptSecret(db);
  const rows = await sql<{
    id: number;
    questions: { id: number; options: string[] }[];
    answer_key: Record<string, string[]>;
  }>`select id, questions, answer_key from contest_attempts where round_id = ${roundId} and status = 'open' order by id`.execute(
    db,
  );
  const rng = createRng(seed);
  return rows.rows.map((row) => {
    const answers: Record<string, string[]> = {};
    for (const question of row.questions) {
      const right = row.answer_key[String(question.id)] ?? [];
      const wrong = question.options.filter((o) => !right.includes(o)).slice(0, 1);
      answers[String(question.id)] = rng() < 0.67 ? right : wrong;
    }
    return [row.id, attemptToken(row.id, roundId), JSON.stringify({ answers })];
  });
}

/**
 * Attempts made without the HTTP start, for when the starts measured fall short of what the
 * submission phase needs: for members [from, from + count) (member order, none entered yet),
 * the entry memberEntry would make and the attempt startAttempt would make — questions drawn by
 * the app's own drawQuestions, the key, the deadline — written in bulk.
 * Returns how many were made.
 */
export async function topUpAttempts(db: Db, roundId: number, from: number, count: number): Promise<number> {
  if (count <= 0) return 0;
  const round = await playRound(db, roundId);
  const members = await sql<{ id: number }>`
    select id from members order by id offset ${from} limit ${count}`.execute(db);
  const CHUNK = 5_000;
  let made = 0;
  for (let start = 0; start < members.rows.length; start += CHUNK) {
    const ids = members.rows.slice(start, start + CHUNK).map((m) => m.id);
    const entries = await sql<{ id: number }>`
      insert into contest_entries (contest_id, member_id, account_id, full_name, unit_id, unit_name, ip)
      select ${round.contestId}, p.id, a.id, p.full_name, m.unit_id, u.name, '127.0.0.1'::inet
      from members p
      join memberships m on m.member_id = p.id and m.valid_to is null
      join units u on u.id = m.unit_id
      join accounts a on a.member_id = p.id
      where p.id = any(${ids}::bigint[])
      order by p.id
      returning id`.execute(db);
    const drawn = entries.rows.map(() => drawQuestions(round));
    const attempts = await sql<{ id: number }>`
      with made as (
        insert into contest_attempts (round_id, entry_id, attempt_no, deadline, questions, answer_key, ip)
        select ${round.id}, e, 1, least(now() + ${round.timeLimitMs} * interval '1 millisecond', ${new Date(round.closesAt)}::timestamptz),
          q, k, '127.0.0.1'::inet
        from unnest(${entries.rows.map((e) => e.id)}::bigint[], ${drawn.map((d) => JSON.stringify(d.questions))}::jsonb[],
          ${drawn.map((d) => JSON.stringify(d.key))}::jsonb[]) as t(e, q, k)
        returning id
      )
      select id from made`.execute(db);
    made += attempts.rows.length;
  }
  return made;
}
