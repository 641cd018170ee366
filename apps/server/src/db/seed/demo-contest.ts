import { sql } from 'kysely';
import { closeAssignments } from '../../modules/contests/attempts.service.js';
import { forgetContest } from '../../modules/contests/round-cache.js';
import { publishClosedRounds } from '../../modules/contests/sweeper.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { todayInVietnam } from '../../platform/dates.js';
import type { Db, Tx } from '../database.js';
import type { DrawnQuestion } from '../schema-contests.js';
import { addDays, DemoWorld } from './demo-activities-world.js';
import {
  DEMO_ATTEMPTS_ALLOWED,
  DEMO_CONTEST_PRIZES,
  DEMO_CONTEST_TITLE,
  DEMO_QUESTION_COUNT,
  DEMO_QUESTIONS,
  DEMO_QUOTAS,
  DEMO_ROUND_PRIZES,
  DEMO_TIME_LIMIT_MINUTES,
  demoContestRules,
  predictionQuestion,
} from './demo-contest-questions.js';
import { Rng } from './random.js';

/**
 * The demo's online contest, ready to be tried right after `npm start`: the province union's
 * contest on its plan and the Trade Union Law 2024, for the whole province. "Tuần 1" closed a
 * week ago — a share of every school took part (some schools lag), its results were published
 * by the engine's own sweeper (ranking, the prediction's true figure, the law-outreach activity
 * and its attendance); "Tuần 2" is open for a month and a few have already played it, never the
 * demo member, who can start at once. Attempts are scored by the engine's own SQL. Deterministic
 * for a given day (seeded Rng); written in bulk.
 */

const SEED = 28_071_929;
const MINUTE = 60_000;
const LIMIT_MS = DEMO_TIME_LIMIT_MINUTES * MINUTE;

interface BankEntry {
  id: number;
  kind: 'single' | 'multiple';
  optionIds: string[];
  correct: string[];
  topic: string;
  difficulty: number;
}

interface Round {
  id: number;
  opensAt: Date;
  closesAt: Date;
}

interface Person {
  memberId: number;
  unitId: number;
  unitName: string;
  /** Chance of answering a question of middling difficulty right. */
  skill: number;
}

interface PlannedAttempt {
  person: Person;
  round: 0 | 1;
  attemptNo: number;
  startedAt: Date;
  deadline: Date;
  closedAt: Date;
  status: 'submitted' | 'expired';
  questions: DrawnQuestion[];
  key: Record<string, string[]>;
  answers: Record<string, string[]>;
  allRight: boolean;
  prediction: number | null;
}

/** A local (Vietnam) day and time as an instant. */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);

const shuffle = <T>(rng: Rng, items: readonly T[]): T[] => rng.sample(items, items.length);

/** One attempt's questions, drawn as the engine does: per quota without repeats, then shuffled, options too. */
function draw(rng: Rng, bank: BankEntry[]): { questions: DrawnQuestion[]; key: Record<string, string[]> } {
  const picked: BankEntry[] = [];
  for (const quota of DEMO_QUOTAS) {
    const fits = bank.filter(
      (q) =>
        !picked.includes(q) &&
        (quota.topic === null || q.topic === quota.topic) &&
        (quota.difficulty === null || q.difficulty === quota.difficulty),
    );
    picked.push(...rng.sample(fits, quota.count));
  }
  const questions = shuffle(rng, picked).map((q) => ({ id: q.id, options: shuffle(rng, q.optionIds) }));
  const key: Record<string, string[]> = {};
  for (const q of picked) key[String(q.id)] = [...q.correct].sort();
  return { questions, key };
}

/** A wrong choice: for a multiple-choice question, the right set with one option too many or too few. */
function wrongChoice(rng: Rng, q: BankEntry): string[] {
  const wrong = q.optionIds.filter((id) => !q.correct.includes(id));
  if (q.kind === 'single' || wrong.length === 0) return [rng.pick(wrong.length > 0 ? wrong : q.optionIds)];
  const choice = rng.chance(0.5)
    ? q.correct.filter((id) => id !== rng.pick(q.correct))
    : [...q.correct, rng.pick(wrong)];
  return (choice.length > 0 ? choice : [rng.pick(wrong)]).sort();
}

/** A start time in [from, to − the time limit], mostly between 6:30 and 22:30 Vietnam time. */
function startBetween(rng: Rng, from: Date, to: Date): Date | null {
  const last = to.getTime() - LIMIT_MS;
  if (last <= from.getTime()) return null;
  for (let tries = 0; tries < 20; tries++) {
    const t = Math.round(rng.between(from.getTime(), last));
    const minuteOfDay = (t / MINUTE + 7 * 60) % 1440;
    if (minuteOfDay >= 6.5 * 60 && minuteOfDay < 22.5 * 60) return new Date(t);
  }
  return new Date(Math.round(rng.between(from.getTime(), last)));
}

function playAttempt(
  rng: Rng,
  bank: Map<number, BankEntry>,
  all: BankEntry[],
  person: Person,
  round: 0 | 1,
  attemptNo: number,
  startedAt: Date,
  closesAt: Date,
): PlannedAttempt {
  const { questions, key } = draw(rng, all);
  const deadline = new Date(Math.min(startedAt.getTime() + LIMIT_MS, closesAt.getTime()));
  // A few run out of time: what they answered before the deadline counts.
  const expired = rng.chance(0.06);
  const answered = expired ? rng.int(12, questions.length) : questions.length;
  const answers: Record<string, string[]> = {};
  let right = 0;
  for (const drawn of questions.slice(0, answered)) {
    const q = bank.get(drawn.id) as BankEntry;
    const chance = Math.min(0.995, Math.max(0.1, person.skill + (2 - q.difficulty) * 0.07 + (attemptNo - 1) * 0.05));
    if (rng.chance(chance)) {
      answers[String(q.id)] = [...q.correct].sort();
      right++;
    } else answers[String(q.id)] = wrongChoice(rng, q);
  }
  const closedAt = expired
    ? deadline
    : new Date(Math.min(deadline.getTime(), startedAt.getTime() + rng.int(6 * MINUTE, 28 * MINUTE)));
  return {
    person,
    round,
    attemptNo,
    startedAt,
    deadline,
    closedAt,
    status: expired ? 'expired' : 'submitted',
    questions,
    key,
    answers,
    allRight: right === questions.length,
    prediction: null,
  };
}

/** Who took part in a round and how: a share of each unit's members, one or two attempts each. */
function playRound(
  rng: Rng,
  bank: BankEntry[],
  units: { unitId: number; unitName: string; members: number[]; share: number }[],
  skills: Map<number, number>,
  round: 0 | 1,
  from: Date,
  to: Date,
  always: number | null,
): PlannedAttempt[] {
  const byId = new Map(bank.map((q) => [q.id, q]));
  const attempts: PlannedAttempt[] = [];
  for (const unit of units) {
    const chosen = new Set(rng.sample(unit.members, Math.round(unit.members.length * unit.share)));
    if (always !== null && unit.members.includes(always)) chosen.add(always);
    for (const memberId of [...chosen].sort((a, b) => a - b)) {
      const person = { memberId, unitId: unit.unitId, unitName: unit.unitName, skill: skills.get(memberId) ?? 0.8 };
      const startedAt = startBetween(rng, from, to);
      if (!startedAt) continue;
      const first = playAttempt(rng, byId, bank, person, round, 1, startedAt, to);
      attempts.push(first);
      // Some try again to do better, later that day or in the following days.
      if (first.allRight || !rng.chance(0.35)) continue;
      const again = startBetween(rng, new Date(first.closedAt.getTime() + rng.int(5, 48 * 60) * MINUTE), to);
      if (again) attempts.push(playAttempt(rng, byId, bank, person, round, 2, again, to));
    }
  }
  return attempts;
}

/** Guesses of how many will answer everything right: scattered widely around the true figure. */
function predict(rng: Rng, attempts: PlannedAttempt[], truth: number, share: number): void {
  for (const attempt of attempts) {
    if (!rng.chance(share)) continue;
    const guess = rng.chance(0.15)
      ? truth + rng.int(-3, 3)
      : Math.round(truth * rng.between(0.3, 2.5) + rng.int(0, 30));
    attempt.prediction = Math.max(0, guess);
  }
}

async function insertChunked<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) await write(rows.slice(start, start + 500));
}

export interface DemoContest {
  contestId: number;
  roundIds: [number, number];
}

async function existing(db: Db, rootId: number): Promise<DemoContest | null> {
  const contest = await db
    .selectFrom('contests')
    .select('id')
    .where('unit_id', '=', rootId)
    .where('title', '=', DEMO_CONTEST_TITLE)
    .executeTakeFirst();
  if (!contest) return null;
  const rounds = await db
    .selectFrom('contest_rounds')
    .select('id')
    .where('contest_id', '=', contest.id)
    .orderBy('number')
    .execute();
  return { contestId: contest.id, roundIds: [rounds[0]?.id ?? 0, rounds[1]?.id ?? 0] };
}

/**
 * Seeds the contest once (a second call finds it and returns it), then lets the engine publish
 * what has closed (Tuần 1): its ranking, the prediction's true figure, the law-outreach activity
 * and its attendance. The activity is then tied to the plan's task III.3 ("vận động đoàn viên
 * tham gia các cuộc thi trực tuyến"), as the organiser would. `demoMemberId`, the member whose
 * login is printed at first start, took part in Tuần 1 and has not started Tuần 2.
 */
export async function seedDemoContest(
  db: Db,
  actor: Actor,
  options: { demoMemberId?: number | null; now?: Date } = {},
): Promise<DemoContest> {
  const world = await DemoWorld.load(db);
  const found = await existing(db, world.root.id);
  if (found) return found;
  const today = todayInVietnam(options.now ?? new Date());
  const contest = await insertContest(db, actor, world, options.demoMemberId ?? null, today);
  await publishClosedRounds(db);
  forgetContest(contest.contestId);
  await sql`
    insert into activity_links (activity_id, target_id, task_id)
    select r.activity_id, null, t.id from contest_rounds r
    join tasks t on t.code = '3' and t.plan_id = (
      select id from plans where unit_id = ${world.root.id} and parent_plan_id is null order by id limit 1)
    where r.contest_id = ${contest.contestId} and r.activity_id is not null
    on conflict do nothing`.execute(db);
  return contest;
}

async function insertContest(
  db: Db,
  actor: Actor,
  world: DemoWorld,
  demoMemberId: number | null,
  today: string,
): Promise<DemoContest> {
  const rng = new Rng(SEED);

  const schedule = [
    { title: 'Tuần 1', opensAt: at(addDays(today, -14), '08:00'), closesAt: at(addDays(today, -7), '08:00') },
    { title: 'Tuần 2', opensAt: at(addDays(today, -1), '08:00'), closesAt: at(addDays(today, 30), '17:00') },
  ];
  const [week1, week2] = schedule as [(typeof schedule)[0], (typeof schedule)[0]];

  // Everyone active in the same unit from the first round's opening to today.
  const firstDay = todayInVietnam(week1.opensAt);
  const units = world.units
    .filter((unit) => world.exists(unit, firstDay) && world.exists(unit, today))
    .map((unit) => {
      const later = new Set(world.membersOn(unit.id, today).map((m) => m.id));
      const members = world
        .membersOn(unit.id, firstDay)
        .map((m) => m.id)
        .filter((id) => later.has(id));
      return { unit, members };
    })
    .filter(({ members }) => members.length > 0);
  const skills = new Map<number, number>();
  for (const { members } of units) {
    for (const id of members) {
      skills.set(
        id,
        rng.weighted([
          [rng.between(0.92, 0.995), 25],
          [rng.between(0.7, 0.92), 50],
          [rng.between(0.45, 0.7), 25],
        ]),
      );
    }
  }
  // Schools take part unevenly (20–80 % of members); the union offices more fully.
  const week1Units = units.map(({ unit, members }) => ({
    unitId: unit.id,
    unitName: unit.name,
    members,
    share: unit.kind === 'grassroots_union' ? rng.between(0.2, 0.8) : rng.between(0.6, 0.95),
  }));
  // Tuần 2 opened a day ago: a few have played already, never the demo member.
  const week2Units = week1Units.map((unit) => ({
    ...unit,
    members: unit.members.filter((id) => id !== demoMemberId),
    share: rng.between(0, 0.15),
  }));

  return db.transaction().execute(async (tx) => {
    const createdAt = at(addDays(today, -21), '09:00');
    const contest = await tx
      .insertInto('contests')
      .values({
        unit_id: world.root.id,
        title: DEMO_CONTEST_TITLE,
        rules: demoContestRules(schedule),
        prizes: DEMO_CONTEST_PRIZES,
        audience: 'subtree',
        audience_unit_id: world.root.id,
        status: 'published',
        activity_category: 'law_outreach',
        created_by: actor.accountId,
        created_at: createdAt,
        updated_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inserted = await tx
      .insertInto('contest_questions')
      .values(
        DEMO_QUESTIONS.map((q) => ({
          contest_id: contest.id,
          kind: q.kind,
          text: q.text,
          options: JSON.stringify(q.options),
          correct: q.correct,
          topic: q.topic,
          difficulty: q.difficulty,
          created_at: createdAt,
        })),
      )
      .returning(['id', 'kind', 'correct', 'topic', 'difficulty'])
      .execute();
    const bank: BankEntry[] = inserted.map((row, i) => ({
      ...row,
      optionIds: (DEMO_QUESTIONS[i]?.options ?? []).map((o) => o.id),
    }));
    const rounds: Round[] = [];
    for (const [i, round] of schedule.entries()) {
      const row = await tx
        .insertInto('contest_rounds')
        .values({
          contest_id: contest.id,
          number: i + 1,
          title: round.title,
          opens_at: round.opensAt,
          closes_at: round.closesAt,
          question_count: DEMO_QUESTION_COUNT,
          quotas: JSON.stringify(DEMO_QUOTAS),
          time_limit_seconds: DEMO_TIME_LIMIT_MINUTES * 60,
          attempts_allowed: DEMO_ATTEMPTS_ALLOWED,
          best_of: 'highest',
          prediction_question: predictionQuestion(round.title),
          prizes: JSON.stringify(DEMO_ROUND_PRIZES),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      rounds.push({ id: row.id, ...round });
    }

    const played1 = playRound(rng, bank, week1Units, skills, 0, week1.opensAt, week1.closesAt, demoMemberId);
    // Tuần 2 so far: played yesterday, after it opened, so every attempt closed before now.
    const played2 = playRound(rng, bank, week2Units, skills, 1, week2.opensAt, at(today, '00:00'), null);
    const perfect = new Set(played1.filter((a) => a.allRight).map((a) => a.person.memberId)).size;
    predict(rng, played1, perfect, 0.6);
    predict(rng, played2, perfect, 0.6);
    const attempts = [...played1, ...played2];

    await writeAttempts(tx, contest.id, rounds, attempts);
    await recordAudit(tx, actor, {
      action: 'contest.seeded',
      entityType: 'contest',
      entityId: contest.id,
      unitId: world.root.id,
      after: { questions: bank.length, attempts: attempts.length, source: 'demo' },
    });
    return { contestId: contest.id, roundIds: [rounds[0]?.id ?? 0, rounds[1]?.id ?? 0] as [number, number] };
  });
}

/** Entries, attempts (scored by the engine's SQL) and their trail of events. */
async function writeAttempts(tx: Tx, contestId: number, rounds: Round[], attempts: PlannedAttempt[]) {
  const accounts = new Map(
    (await tx.selectFrom('accounts').select(['id', 'member_id']).where('member_id', 'is not', null).execute()).map(
      (a) => [a.member_id as number, a.id],
    ),
  );
  const firstStart = new Map<number, PlannedAttempt>();
  for (const attempt of attempts) {
    const first = firstStart.get(attempt.person.memberId);
    if (!first || attempt.startedAt < first.startedAt) firstStart.set(attempt.person.memberId, attempt);
  }
  const people = [...firstStart.values()].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const names = new Map(
    (
      await tx
        .selectFrom('members')
        .select(['id', 'full_name'])
        .where(
          'id',
          'in',
          people.map((p) => p.person.memberId),
        )
        .execute()
    ).map((m) => [m.id, m.full_name]),
  );
  const entryIds = new Map<number, number>();
  await insertChunked(people, async (chunk) => {
    const rows = await tx
      .insertInto('contest_entries')
      .values(
        chunk.map(({ person, startedAt }) => ({
          contest_id: contestId,
          member_id: person.memberId,
          account_id: accounts.get(person.memberId) ?? null,
          full_name: names.get(person.memberId) ?? '',
          unit_id: person.unitId,
          unit_name: person.unitName,
          created_at: startedAt,
        })),
      )
      .returning(['id', 'member_id'])
      .execute();
    for (const row of rows) entryIds.set(row.member_id as number, row.id);
  });
  const ordered = [...attempts].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  await insertChunked(ordered, (chunk) =>
    tx
      .insertInto('contest_attempts')
      .values(
        chunk.map((a) => ({
          round_id: (rounds[a.round] as Round).id,
          entry_id: entryIds.get(a.person.memberId) as number,
          attempt_no: a.attemptNo,
          started_at: a.startedAt,
          deadline: a.deadline,
          questions: JSON.stringify(a.questions),
          answer_key: JSON.stringify(a.key),
          answers: JSON.stringify(a.answers),
          prediction: a.prediction,
          status: a.status,
          closed_at: a.closedAt,
        })),
      )
      .execute(),
  );
  const roundIds = rounds.map((r) => r.id);
  // Scored exactly as a submission or the sweeper scores: same function, same time used, same flags.
  await sql`
    update contest_attempts t set ${closeAssignments(sql`t.answers`, sql`t.closed_at`)}
    where t.round_id = any(${roundIds}::bigint[])`.execute(tx);
  // The trail a real attempt leaves after its start: its submission, or the sweeper's expiry.
  await sql`
    insert into contest_attempt_events (attempt_id, kind, at, detail)
    select id, case when status = 'submitted' then 'submit' else 'expire' end,
      case when status = 'submitted' then closed_at else closed_at + interval '7 seconds' end,
      case when status = 'submitted' then jsonb_build_object('answersSent', 0, 'correct', correct)
        else jsonb_build_object('correct', correct) end
    from contest_attempts where round_id = any(${roundIds}::bigint[])
    order by 3`.execute(tx);
}
