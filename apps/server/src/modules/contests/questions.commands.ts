import {
  type ErrorDetail,
  foldVietnamese,
  type QuestionInput,
  type QuestionPatch,
  questionInput,
} from '@lan-toa/contracts';
import type { Db, Tx } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { assertBankStillFills, auditContest, contestForSetup } from './contests.commands.js';
import type { ContestRecord } from './contests.repository.js';
import {
  findQuestion,
  presentQuestion,
  type QuestionRow,
  type QuestionView,
  wasDrawn,
} from './questions.repository.js';
import { column } from './questions-excel.js';
import { parseQuestionSheet } from './questions-excel-parse.js';
import { forgetContest } from './round-cache.js';

/**
 * The question bank of a contest: add, edit, delete or retire, import. A question drawn into an
 * attempt has its key copied there, so its options and answer never change afterwards, and it
 * is retired (no longer drawn) instead of deleted.
 */

const QUESTION_NOT_FOUND = () => new AppError('NOT_FOUND', 'Không tìm thấy câu hỏi.');
/** Details beyond this many are summarised. */
const MAX_LISTED_ERRORS = 1_000;

function row(input: QuestionInput) {
  return {
    kind: input.kind,
    text: input.text,
    options: JSON.stringify(input.options),
    correct: [...new Set(input.correct)].sort(),
    topic: input.topic,
    difficulty: input.difficulty,
  };
}

function snapshot(question: QuestionRow | QuestionView) {
  const { id, kind, text, options, correct, topic, difficulty, active } = question;
  return { id, kind, text, options, correct, topic, difficulty, active };
}

/** A question and its contest, locked for set-up; 404 for a question of a contest one may not see. */
async function questionForSetup(tx: Tx, actor: Actor, questionId: number) {
  const question = await findQuestion(tx, questionId);
  if (!question) throw QUESTION_NOT_FOUND();
  const contest = await contestForSetup(tx, actor, question.contest_id).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? QUESTION_NOT_FOUND() : error;
  });
  return { contest, question: (await findQuestion(tx, questionId)) ?? question };
}

export async function createQuestion(db: Db, actor: Actor, contestId: number, input: QuestionInput) {
  const view = await db.transaction().execute(async (tx) => {
    const contest = await contestForSetup(tx, actor, contestId);
    const created = await tx
      .insertInto('contest_questions')
      .values({ contest_id: contestId, ...row(input) })
      .returning(['id', 'contest_id', 'kind', 'text', 'options', 'correct', 'topic', 'difficulty', 'active'])
      .executeTakeFirstOrThrow();
    const question = presentQuestion(created);
    await auditContest(tx, actor, contest, 'question_created', { after: snapshot(question) });
    return question;
  });
  forgetContest(contestId);
  return view;
}

/** Zod issues of the merged question, as `body.…` field details. */
function invalid(issues: { path: PropertyKey[]; message: string }[]): AppError {
  const details = issues.map((issue) => ({
    field: ['body', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  return new AppError('VALIDATION_FAILED', details[0]?.message, details);
}

export async function updateQuestion(db: Db, actor: Actor, questionId: number, patch: QuestionPatch) {
  const result = await db.transaction().execute(async (tx) => {
    const { contest, question } = await questionForSetup(tx, actor, questionId);
    const merged = questionInput.safeParse({
      kind: patch.kind ?? question.kind,
      text: patch.text ?? question.text,
      options: patch.options ?? question.options,
      correct: patch.correct ?? question.correct,
      topic: patch.topic ?? question.topic,
      difficulty: patch.difficulty ?? question.difficulty,
    });
    if (!merged.success) throw invalid(merged.error.issues);
    const next = row(merged.data);
    const keyChanged =
      next.kind !== question.kind ||
      next.options !== JSON.stringify(question.options) ||
      next.correct.join() !== [...question.correct].sort().join();
    if (keyChanged && (await wasDrawn(tx, contest.id, questionId))) {
      throw new AppError(
        'CONFLICT',
        'Câu hỏi đã được rút vào lượt thi nên không đổi được loại, phương án hay đáp án (kết quả đã chấm theo đáp án cũ). ' +
          'Hãy ngừng dùng câu này và thêm câu mới.',
      );
    }
    const updated = await tx
      .updateTable('contest_questions')
      .set({ ...next, active: patch.active ?? question.active })
      .where('id', '=', questionId)
      .returning(['id', 'contest_id', 'kind', 'text', 'options', 'correct', 'topic', 'difficulty', 'active'])
      .executeTakeFirstOrThrow();
    await assertBankStillFills(tx, contest, 'CONFLICT', 'Chưa sửa được câu hỏi');
    const view = presentQuestion(updated);
    await auditContest(tx, actor, contest, 'question_updated', { before: snapshot(question), after: snapshot(view) });
    return { contestId: contest.id, view };
  });
  forgetContest(result.contestId);
  return result.view;
}

/** Deletes a question never drawn; a drawn one is retired (active = false) and kept for its attempts. */
export async function deleteQuestion(db: Db, actor: Actor, questionId: number) {
  const result = await db.transaction().execute(async (tx) => {
    const { contest, question } = await questionForSetup(tx, actor, questionId);
    const drawn = await wasDrawn(tx, contest.id, questionId);
    if (drawn) {
      await tx.updateTable('contest_questions').set({ active: false }).where('id', '=', questionId).execute();
    } else {
      await tx.deleteFrom('contest_questions').where('id', '=', questionId).execute();
    }
    await assertBankStillFills(tx, contest, 'CONFLICT', 'Chưa xóa được câu hỏi');
    await auditContest(tx, actor, contest, drawn ? 'question_deactivated' : 'question_deleted', {
      before: snapshot(question),
    });
    return { contestId: contest.id, drawn };
  });
  forgetContest(result.contestId);
  return result.drawn
    ? {
        outcome: 'deactivated' as const,
        message:
          'Câu hỏi đã được rút vào lượt thi nên được giữ lại cho các bài đã làm và chuyển sang ngừng dùng (không rút vào lượt mới).',
      }
    : { outcome: 'deleted' as const, message: 'Đã xóa câu hỏi.' };
}

/** The same question, whatever the case, spacing or diacritics typed. */
const sameText = (text: string) => foldVietnamese(text);

function rejection(errors: ErrorDetail[]): AppError {
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  if (errors.length > listed.length) {
    const rest = (errors.length - listed.length).toLocaleString('vi-VN');
    listed.push({ field: 'file', message: `Còn ${rest} lỗi khác chưa liệt kê; hãy sửa các lỗi trên rồi nhập lại.` });
  }
  const count = errors.length.toLocaleString('vi-VN');
  return new AppError('IMPORT_INVALID', `${count} lỗi trong tệp; chưa có câu hỏi nào được ghi.`, listed);
}

/** Questions repeated inside the file or already in the bank. */
async function duplicates(tx: Tx, contest: ContestRecord, rows: { row: number; question: QuestionInput }[]) {
  const header = column('text').header;
  const errors: ErrorDetail[] = [];
  const stored = await tx
    .selectFrom('contest_questions')
    .select(['id', 'text', 'active'])
    .where('contest_id', '=', contest.id)
    .execute();
  const inBank = new Map(stored.map((q) => [sameText(q.text), q]));
  const seen = new Map<string, number>();
  for (const { row: line, question } of rows) {
    const key = sameText(question.text);
    const earlier = seen.get(key);
    const existing = inBank.get(key);
    if (earlier !== undefined) {
      errors.push({ field: 'file', row: line, column: header, message: `Câu hỏi trùng với dòng ${earlier}` });
    } else if (existing) {
      const state = existing.active ? '' : ' (đang ngừng dùng; có thể dùng lại thay vì nhập mới)';
      errors.push({
        field: 'file',
        row: line,
        column: header,
        message: `Câu hỏi đã có trong ngân hàng (mã ${existing.id})${state}`,
      });
    } else seen.set(key, line);
  }
  return errors;
}

/** Adds every question of an .xlsx to the bank, or none: each problem is reported by row and column. */
export async function importQuestions(db: Db, actor: Actor, contestId: number, file: Buffer) {
  const { rows, errors } = await parseQuestionSheet(file);
  const imported = await db.transaction().execute(async (tx) => {
    const contest = await contestForSetup(tx, actor, contestId);
    errors.push(...(await duplicates(tx, contest, rows)));
    if (errors.length > 0) throw rejection(errors);
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      await tx
        .insertInto('contest_questions')
        .values(chunk.map(({ question }) => ({ contest_id: contestId, ...row(question) })))
        .execute();
    }
    await auditContest(tx, actor, contest, 'questions_imported', { after: { imported: rows.length } });
    return rows.length;
  });
  forgetContest(contestId);
  return { imported };
}
