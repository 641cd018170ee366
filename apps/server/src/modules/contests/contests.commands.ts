import type { contestInput, contestPatch, ErrorCode, ErrorDetail } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Executor, Tx } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { assertCanManageMembersOf } from '../org/org.policy.js';
import { findUnit, type UnitRecord } from '../org/units.repository.js';
import { canManageContest } from './contests.policy.js';
import { type RoundRow, roundState } from './contests.presenter.js';
import { contestRounds } from './contests.queries.js';
import { type ContestRecord, findVisibleContest } from './contests.repository.js';
import { type BankQuestion, bankShortfalls, forgetContest } from './round-cache.js';

/**
 * Setting up a contest: create, edit, publish, delete. Each write is one transaction with its
 * audit event (entity 'contest', unit: the organising unit), and drops the contest's rounds
 * from the play cache so the next start reads the change.
 */

type ContestInput = z.infer<typeof contestInput>;
type ContestPatch = z.infer<typeof contestPatch>;

/**
 * The contest an actor sets up, locked for this transaction: 404 when they may not see it, 403
 * when they see it but do not organise it. `for no key update` leaves players' entries (which
 * only reference the row) unblocked.
 */
export async function contestForSetup(tx: Tx, actor: Actor, id: number): Promise<ContestRecord> {
  await sql`select 1 from contests where id = ${id} for no key update`.execute(tx);
  const contest = await findVisibleContest(tx, actor, id);
  if (!canManageContest(actor, contest)) throw new AppError('FORBIDDEN', 'Chỉ ban tổ chức cuộc thi được thay đổi.');
  return contest;
}

export async function auditContest(
  tx: Tx,
  actor: Actor,
  contest: { id: number; unitId: number },
  action: string,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  await recordAudit(tx, actor, {
    action: `contest.${action}`,
    entityType: 'contest',
    entityId: contest.id,
    unitId: contest.unitId,
    ...change,
  });
}

export async function contestBank(db: Executor, contestId: number): Promise<BankQuestion[]> {
  const rows = await db
    .selectFrom('contest_questions')
    .select(['id', 'kind', 'text', 'options', 'correct', 'topic', 'difficulty', 'active'])
    .where('contest_id', '=', contestId)
    .execute();
  return rows;
}

/** One detail per round (and per missing quota) the bank cannot fill. */
export function roundShortfalls(bank: BankQuestion[], rounds: RoundRow[]): ErrorDetail[] {
  return rounds.flatMap((round) =>
    bankShortfalls(bank, round.question_count, round.quotas).map((problem) => ({
      field: `rounds.${round.number}`,
      message: `Vòng ${round.number} (${round.title}): ${problem}`,
    })),
  );
}

/**
 * After a change to a published contest's bank or rounds: every round not yet closed must still
 * be fillable, or players would meet the error at start. Throws with one detail per problem.
 */
export async function assertBankStillFills(tx: Tx, contest: ContestRecord, code: ErrorCode, what: string) {
  if (contest.status !== 'published') return;
  const now = new Date();
  const rounds = (await contestRounds(tx, contest.id)).filter((round) => roundState(round, now) !== 'closed');
  const details = roundShortfalls(await contestBank(tx, contest.id), rounds);
  if (details.length > 0) {
    throw new AppError(code, `${what}: ngân hàng câu hỏi sẽ không đủ cho vòng thi chưa kết thúc.`, details);
  }
}

const isWithin = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

function assertActive(unit: UnitRecord, field: string): void {
  if (unit.validTo !== null) throw fieldError(field, `Đơn vị "${unit.name}" đã giải thể hoặc sáp nhập.`);
}

/** The audience: the organising unit or a unit inside its subtree, still active. */
async function checkAudience(tx: Tx, organiser: { id: number; path: string }, audienceUnitId: number) {
  if (audienceUnitId === organiser.id) return;
  const unit = await tx
    .selectFrom('units')
    .select(['id', 'name', 'path', 'valid_to as validTo'])
    .where('id', '=', audienceUnitId)
    .executeTakeFirst();
  if (!unit || !isWithin(unit.path, organiser.path)) {
    throw fieldError('audienceUnitId', 'Đối tượng dự thi phải là đơn vị tổ chức hoặc một đơn vị trực thuộc.');
  }
  if (unit.validTo !== null) {
    throw fieldError('audienceUnitId', `Đơn vị "${unit.name}" đã giải thể hoặc sáp nhập.`);
  }
}

function snapshot(contest: ContestRecord) {
  return {
    title: contest.title,
    rules: contest.rules,
    prizes: contest.prizes,
    audience: contest.audience,
    audienceUnitId: contest.audienceUnitId,
    activityCategory: contest.activityCategory,
    status: contest.status,
  };
}

export async function createContest(db: Db, actor: Actor, input: ContestInput): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, input.unitId);
    assertCanManageMembersOf(actor, unit);
    assertActive(unit, 'unitId');
    const audienceUnitId = input.audienceUnitId ?? unit.id;
    await checkAudience(tx, unit, audienceUnitId);
    const created = await tx
      .insertInto('contests')
      .values({
        unit_id: unit.id,
        title: input.title,
        rules: input.rules,
        prizes: input.prizes,
        audience: input.audience,
        audience_unit_id: audienceUnitId,
        activity_category: input.activityCategory,
        created_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditContest(tx, actor, { id: created.id, unitId: unit.id }, 'created', {
      after: { ...input, audienceUnitId },
    });
    return created.id;
  });
}

export async function updateContest(db: Db, actor: Actor, id: number, patch: ContestPatch): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await contestForSetup(tx, actor, id);
    const audience = patch.audience ?? before.audience;
    const audienceUnitId = patch.audienceUnitId ?? before.audienceUnitId;
    if (audience !== before.audience || audienceUnitId !== before.audienceUnitId) {
      const entered = await tx
        .selectFrom('contest_entries')
        .select('id')
        .where('contest_id', '=', id)
        .executeTakeFirst();
      if (entered) {
        throw new AppError('CONFLICT', 'Đã có người dự thi nên không thể đổi đối tượng dự thi của cuộc thi.', [
          { field: patch.audience === undefined ? 'audienceUnitId' : 'audience', message: 'Đã có người dự thi.' },
        ]);
      }
      await checkAudience(tx, { id: before.unitId, path: before.unitPath }, audienceUnitId);
    }
    await tx
      .updateTable('contests')
      .set({
        title: patch.title ?? before.title,
        rules: patch.rules ?? before.rules,
        prizes: patch.prizes ?? before.prizes,
        audience,
        audience_unit_id: audienceUnitId,
        activity_category: patch.activityCategory === undefined ? before.activityCategory : patch.activityCategory,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const after = await findVisibleContest(tx, actor, id);
    await auditContest(tx, actor, before, 'updated', { before: snapshot(before), after: snapshot(after) });
  });
  forgetContest(id);
}

export async function deleteContest(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await contestForSetup(tx, actor, id);
    if (before.status !== 'draft') {
      throw new AppError(
        'CONFLICT',
        'Chỉ xóa được cuộc thi còn là bản nháp; cuộc thi đã công bố được giữ lại cùng kết quả.',
      );
    }
    const counts = await sql<{ rounds: number; questions: number }>`
      select (select count(*)::int from contest_rounds where contest_id = ${id}) as rounds,
        (select count(*)::int from contest_questions where contest_id = ${id}) as questions`.execute(tx);
    await tx.deleteFrom('contests').where('id', '=', id).execute();
    await auditContest(tx, actor, before, 'deleted', { before: { ...snapshot(before), ...counts.rows[0] } });
  });
  forgetContest(id);
}

/**
 * Publishing: the contest becomes visible to its audience. Refused, with one detail per
 * problem, when it has no round or when the bank cannot fill a round's quotas.
 */
export async function publishContest(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const contest = await contestForSetup(tx, actor, id);
    if (contest.status === 'published') return;
    const rounds = await contestRounds(tx, id);
    const details: ErrorDetail[] =
      rounds.length === 0
        ? [{ field: 'rounds', message: 'Cuộc thi chưa có vòng thi nào; hãy thêm ít nhất một vòng.' }]
        : roundShortfalls(await contestBank(tx, id), rounds);
    if (details.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Chưa công bố được cuộc thi.', details);
    }
    await tx
      .updateTable('contests')
      .set({ status: 'published', updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await auditContest(tx, actor, contest, 'published', {
      after: { rounds: rounds.map((round) => ({ id: round.id, number: round.number, title: round.title })) },
    });
  });
  forgetContest(id);
}
