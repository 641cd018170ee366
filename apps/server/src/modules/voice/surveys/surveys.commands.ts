import type { SurveyInput, SurveyPatch, SurveyQuestionInput } from '@lan-toa/contracts';
import type { Db, Tx } from '../../../db/database.js';
import type { Actor } from '../../../platform/access.js';
import { recordAudit } from '../../../platform/audit.js';
import { todayInVietnam, viDate } from '../../../platform/dates.js';
import { AppError, fieldError } from '../../../platform/errors.js';
import { notifyMembersOf } from '../../notifications/audience.js';
import { assertCanManageMembersOf } from '../../org/org.policy.js';
import { findUnit } from '../../org/units.repository.js';
import { assertCanManageSurvey } from './surveys.policy.js';
import { findSurvey } from './surveys.repository.js';

/**
 * Making a survey, changing it while it is a draft, publishing it (the audience is told in the
 * same transaction) and deleting a draft. A published survey cannot change: answers would no
 * longer mean the same thing.
 */

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

function checkQuestions(questions: SurveyQuestionInput[]) {
  for (const [i, q] of questions.entries()) {
    if (q.kind === 'single' || q.kind === 'multiple') {
      if (q.options.length < 2) throw fieldError(`questions.${i}.options`, 'Câu hỏi lựa chọn cần ít nhất 2 phương án.');
      if (new Set(q.options.map((o) => o.toLowerCase())).size !== q.options.length)
        throw fieldError(`questions.${i}.options`, 'Hai phương án trùng nhau.');
    }
    if (q.kind === 'scale' && q.scaleMax === null)
      throw fieldError(`questions.${i}.scaleMax`, 'Cần chọn thang điểm 1–5 hoặc 1–10.');
  }
}

function checkDates(input: { opensOn: string; closesOn: string }, today: string) {
  if (input.closesOn < input.opensOn) throw fieldError('closesOn', 'Ngày đóng không được trước ngày mở.');
  if (input.closesOn < today) throw fieldError('closesOn', `Ngày đóng không được trước hôm nay (${viDate(today)}).`);
}

async function checkAudience(tx: Tx, unit: { id: number; path: string }, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [unit.id];
  const rows = await tx
    .selectFrom('units')
    .select(['id', 'name', 'path', 'valid_to as validTo'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const [i, id] of ids.entries()) {
    const found = byId.get(id);
    if (!found || !within(found.path, unit.path))
      throw fieldError(`audienceUnitIds.${i}`, 'Chỉ khảo sát được đơn vị mình hoặc các đơn vị trực thuộc.');
    if (found.validTo !== null)
      throw fieldError(`audienceUnitIds.${i}`, `Đơn vị "${found.name}" đã giải thể hoặc sáp nhập.`);
  }
  const chosen = [...new Set(ids)].map((id) => byId.get(id) as { id: number; path: string });
  return chosen.filter((u) => !chosen.some((o) => o.id !== u.id && within(u.path, o.path))).map((u) => u.id);
}

async function writeContent(tx: Tx, surveyId: number, audience: number[], questions: SurveyQuestionInput[]) {
  await tx.deleteFrom('survey_units').where('survey_id', '=', surveyId).execute();
  await tx.deleteFrom('survey_questions').where('survey_id', '=', surveyId).execute();
  await tx
    .insertInto('survey_units')
    .values(audience.map((unit_id) => ({ survey_id: surveyId, unit_id })))
    .execute();
  await tx
    .insertInto('survey_questions')
    .values(
      questions.map((q, position) => ({
        survey_id: surveyId,
        position,
        kind: q.kind,
        text: q.text,
        required: q.required,
        options: JSON.stringify(
          q.kind === 'single' || q.kind === 'multiple' ? q.options.map((text, k) => ({ id: `o${k + 1}`, text })) : [],
        ),
        scale_max: q.kind === 'scale' ? q.scaleMax : null,
        scale_min_label: q.kind === 'scale' ? q.scaleMinLabel : '',
        scale_max_label: q.kind === 'scale' ? q.scaleMaxLabel : '',
      })),
    )
    .execute();
}

export async function createSurvey(
  db: Db,
  actor: Actor,
  input: SurveyInput,
  today = todayInVietnam(),
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, input.unitId).catch(() => {
      throw fieldError('unitId', 'Không tìm thấy đơn vị tổ chức.');
    });
    assertCanManageMembersOf(actor, unit);
    if (unit.validTo !== null) throw fieldError('unitId', `Đơn vị "${unit.name}" đã giải thể hoặc sáp nhập.`);
    checkDates(input, today);
    checkQuestions(input.questions);
    const audience = await checkAudience(tx, unit, input.audienceUnitIds);
    const row = await tx
      .insertInto('surveys')
      .values({
        unit_id: unit.id,
        kind: input.kind,
        title: input.title,
        description: input.description,
        anonymous: input.anonymous,
        opens_on: input.opensOn,
        closes_on: input.closesOn,
        published_at: null,
        created_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeContent(tx, row.id, audience, input.questions);
    await recordAudit(tx, actor, { action: 'survey.create', entityType: 'survey', entityId: row.id, unitId: unit.id });
    return row.id;
  });
}

async function draftOf(tx: Tx, actor: Actor, id: number) {
  const survey = await findSurvey(tx, id);
  assertCanManageSurvey(actor, survey);
  if (survey.publishedAt !== null) throw new AppError('CONFLICT', 'Khảo sát đã công bố, không sửa hoặc xóa được nữa.');
  return survey;
}

export async function updateSurvey(db: Db, actor: Actor, id: number, input: SurveyPatch, today = todayInVietnam()) {
  await db.transaction().execute(async (tx) => {
    const survey = await draftOf(tx, actor, id);
    checkDates(input, today);
    checkQuestions(input.questions);
    const unit = await findUnit(tx, survey.unitId);
    const audience = await checkAudience(tx, unit, input.audienceUnitIds);
    await tx
      .updateTable('surveys')
      .set({
        kind: input.kind,
        title: input.title,
        description: input.description,
        anonymous: input.anonymous,
        opens_on: input.opensOn,
        closes_on: input.closesOn,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await writeContent(tx, id, audience, input.questions);
    await recordAudit(tx, actor, {
      action: 'survey.update',
      entityType: 'survey',
      entityId: id,
      unitId: survey.unitId,
    });
  });
}

export async function deleteSurvey(db: Db, actor: Actor, id: number) {
  await db.transaction().execute(async (tx) => {
    const survey = await draftOf(tx, actor, id);
    await tx.deleteFrom('surveys').where('id', '=', id).execute();
    await recordAudit(tx, actor, {
      action: 'survey.delete',
      entityType: 'survey',
      entityId: id,
      unitId: survey.unitId,
    });
  });
}

/** Publishing: fixed from now on; the audience's members are told (in-app, e-mail as each chose). */
export async function publishSurvey(db: Db, actor: Actor, id: number, today = todayInVietnam()) {
  return db.transaction().execute(async (tx) => {
    const survey = await draftOf(tx, actor, id);
    if (survey.closesOn < today)
      throw fieldError('closesOn', `Ngày đóng đã qua (${viDate(survey.closesOn)}); hãy sửa ngày trước khi công bố.`);
    await tx
      .updateTable('surveys')
      .set({ published_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const audience = await tx.selectFrom('survey_units').select('unit_id').where('survey_id', '=', id).execute();
    const when =
      survey.opensOn <= today
        ? `đến hết ${viDate(survey.closesOn)}`
        : `từ ${viDate(survey.opensOn)} đến ${viDate(survey.closesOn)}`;
    const result = await notifyMembersOf(
      tx,
      audience.map((a) => a.unit_id),
      {
        kind: 'survey_open',
        title: `Mời trả lời khảo sát “${survey.title}”`.slice(0, 300),
        body: `${survey.unitName} mời bạn trả lời ${survey.anonymous ? 'khảo sát ẩn danh' : 'khảo sát'} ${when}.`,
        link: `/surveys/${id}`,
      },
    );
    await recordAudit(tx, actor, {
      action: 'survey.publish',
      entityType: 'survey',
      entityId: id,
      unitId: survey.unitId,
    });
    return result;
  });
}
