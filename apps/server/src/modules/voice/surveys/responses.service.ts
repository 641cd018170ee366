import type { ErrorDetail, SurveyAnswer, SurveyQuestion } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db, Tx } from '../../../db/database.js';
import type { Actor } from '../../../platform/access.js';
import { todayInVietnam, viDate } from '../../../platform/dates.js';
import { AppError } from '../../../platform/errors.js';
import { displayUnitFor } from '../anonymity.js';
import { assertCanViewSurvey } from './surveys.policy.js';
import { audienceUnitOf, findSurvey, surveyQuestions, surveyStatus } from './surveys.repository.js';

/**
 * Answering a survey. A member of the audience (active today in a unit inside it) answers once
 * while it is open.
 *
 * - Named survey: the response carries the member and may be replaced until the close date.
 * - Anonymous survey: one submission, no edit. Editing would need to find one's response again,
 *   i.e. a link from the person (or a secret the person keeps) to the response — exactly what an
 *   anonymous survey must not have. The response keeps no member, no account, no IP, only the date
 *   and the display unit; the member is added to the survey's sorted "has answered" set in the
 *   same transaction (see migration 0016 for why a set and not a row per person). No audit event
 *   names the actor, nothing goes to a job or a log.
 */

interface CleanAnswer {
  questionId: number;
  optionIds: string[] | null;
  value: number | null;
  text: string | null;
}

/** Every answer checked against its question; all errors at once, fields "answers.<question id>". */
export function checkAnswers(questions: SurveyQuestion[], answers: SurveyAnswer[]): CleanAnswer[] {
  const errors: ErrorDetail[] = [];
  const byQuestion = new Map<number, SurveyAnswer>();
  for (const answer of answers) {
    if (!questions.some((q) => q.id === answer.questionId)) {
      errors.push({ field: `answers.${answer.questionId}`, message: 'Câu hỏi không thuộc khảo sát này.' });
    } else if (byQuestion.has(answer.questionId)) {
      errors.push({ field: `answers.${answer.questionId}`, message: 'Một câu hỏi được trả lời hai lần.' });
    }
    byQuestion.set(answer.questionId, answer);
  }
  const clean: CleanAnswer[] = [];
  for (const [index, q] of questions.entries()) {
    const field = `answers.${q.id}`;
    const label = `Câu ${index + 1}`;
    const answer = byQuestion.get(q.id);
    const fail = (message: string) => errors.push({ field, message: `${label}: ${message}` });
    if (q.kind === 'single' || q.kind === 'multiple') {
      const ids = [...new Set(answer?.optionIds ?? [])];
      if (ids.some((id) => !q.options.some((o) => o.id === id))) fail('phương án không hợp lệ.');
      else if (q.kind === 'single' && ids.length > 1) fail('chỉ chọn một phương án.');
      else if (ids.length === 0) {
        if (q.required) fail('cần chọn câu trả lời.');
      } else clean.push({ questionId: q.id, optionIds: ids.sort(), value: null, text: null });
    } else if (q.kind === 'scale') {
      const value = answer?.value;
      if (value === undefined) {
        if (q.required) fail('cần chọn điểm.');
      } else if (value < 1 || value > (q.scaleMax ?? 5)) fail(`điểm phải từ 1 đến ${q.scaleMax ?? 5}.`);
      else clean.push({ questionId: q.id, optionIds: null, value, text: null });
    } else {
      const text = answer?.text?.trim() ?? '';
      if (text === '') {
        if (q.required) fail('cần nhập câu trả lời.');
      } else clean.push({ questionId: q.id, optionIds: null, value: null, text });
    }
  }
  if (errors.length > 0) {
    throw new AppError('VALIDATION_FAILED', errors[0]?.message ?? 'Câu trả lời chưa hợp lệ.', errors);
  }
  return clean;
}

async function writeAnswers(tx: Tx, responseId: string, answers: CleanAnswer[]) {
  if (answers.length === 0) return;
  await tx
    .insertInto('survey_answers')
    .values(
      answers.map((a) => ({
        response_id: responseId,
        question_id: a.questionId,
        option_ids: a.optionIds,
        value: a.value,
        text: a.text,
      })),
    )
    .execute();
}

/** Adds the member to the survey's sorted "has answered" set; false if they were in it already. */
async function markResponded(tx: Tx, surveyId: number, memberId: number): Promise<boolean> {
  await sql`insert into survey_respondents (survey_id) values (${surveyId}) on conflict do nothing`.execute(tx);
  const result = await sql`
    update survey_respondents
    set member_ids = (select array_agg(x order by x) from unnest(array_append(member_ids, ${memberId}::bigint)) x)
    where survey_id = ${surveyId} and not (${memberId}::bigint = any(member_ids))`.execute(tx);
  return Number(result.numAffectedRows ?? 0) === 1;
}

export async function answerSurvey(
  db: Db,
  actor: Actor,
  surveyId: number,
  answers: SurveyAnswer[],
  today = todayInVietnam(),
): Promise<{ saved: boolean; replaced: boolean }> {
  const survey = await findSurvey(db, surveyId);
  assertCanViewSurvey(actor, survey);
  const status = surveyStatus(survey, today);
  if (status === 'draft' || status === 'scheduled')
    throw new AppError('CONFLICT', `Khảo sát chưa mở (mở từ ${viDate(survey.opensOn)}).`);
  if (status === 'closed') throw new AppError('CONFLICT', `Khảo sát đã đóng ngày ${viDate(survey.closesOn)}.`);
  const memberId = actor.memberId;
  const unitId = memberId === null ? null : await audienceUnitOf(db, surveyId, memberId, today);
  if (memberId === null || unitId === null)
    throw new AppError('NOT_IN_AUDIENCE', 'Bạn không thuộc đối tượng của khảo sát này.');
  const clean = checkAnswers(await surveyQuestions(db, surveyId), answers);

  return db.transaction().execute(async (tx) => {
    if (survey.anonymous) {
      if (!(await markResponded(tx, surveyId, memberId)))
        throw new AppError('CONFLICT', 'Bạn đã trả lời khảo sát ẩn danh này. Câu trả lời ẩn danh không sửa được.');
      const shownUnit = await displayUnitFor(tx, unitId, today);
      const row = await tx
        .insertInto('survey_responses')
        .values({ survey_id: surveyId, member_id: null, unit_id: shownUnit, answered_on: today })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAnswers(tx, row.id, clean);
      return { saved: true, replaced: false };
    }
    const fresh = await markResponded(tx, surveyId, memberId);
    const row = await sql<{ id: string }>`
      insert into survey_responses (survey_id, member_id, unit_id, answered_on)
      values (${surveyId}, ${memberId}, ${unitId}, ${today})
      on conflict (survey_id, member_id) where member_id is not null
      do update set unit_id = excluded.unit_id, answered_on = excluded.answered_on
      returning id`.execute(tx);
    const id = row.rows[0]?.id as string;
    await tx.deleteFrom('survey_answers').where('response_id', '=', id).execute();
    await writeAnswers(tx, id, clean);
    return { saved: true, replaced: !fresh };
  });
}
