import type { SurveyAnswer, SurveySummary, SurveyView } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/access.js';
import { todayInVietnam } from '../../../platform/dates.js';
import { assertCanViewSurvey, audienceCondition, canManageSurvey, managedCondition } from './surveys.policy.js';
import { audienceUnitOf, findSurvey, surveyQuestions, surveyStatus } from './surveys.repository.js';

interface ListRow {
  id: number;
  unitId: number;
  unitName: string;
  unitPath: string;
  kind: SurveySummary['kind'];
  title: string;
  anonymous: boolean;
  opensOn: string;
  closesOn: string;
  publishedAt: Date | null;
  questionCount: number;
  responded: boolean;
}

const ORDER = { open: 0, scheduled: 1, draft: 2, closed: 3 } as const;

/**
 * "mine": published surveys given to the viewer's unit, open ones first; "managed": the surveys of
 * the units the viewer manages, drafts included.
 */
export async function listSurveys(db: Executor, actor: Actor, scope: 'mine' | 'managed', today = todayInVietnam()) {
  const condition = scope === 'mine' ? audienceCondition(actor) : managedCondition(actor);
  const rows = await sql<ListRow>`
    select s.id, s.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath", s.kind, s.title,
      s.anonymous, s.opens_on as "opensOn", s.closes_on as "closesOn", s.published_at as "publishedAt",
      (select count(*)::int from survey_questions q where q.survey_id = s.id) as "questionCount",
      exists (select 1 from survey_respondents r where r.survey_id = s.id and ${actor.memberId ?? 0}::bigint = any(r.member_ids))
        as responded
    from surveys s join units u on u.id = s.unit_id
    where ${condition}
    order by s.closes_on desc, s.id desc
    limit 500`.execute(db);
  const items: SurveySummary[] = rows.rows.map((row) => ({
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    kind: row.kind,
    title: row.title,
    anonymous: row.anonymous,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    status: surveyStatus(row, today),
    questionCount: row.questionCount,
    responded: row.responded,
    canManage: canManageSurvey(actor, row),
  }));
  items.sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || (a.status === 'closed' ? 0 : a.closesOn.localeCompare(b.closesOn)),
  );
  return { items };
}

export async function viewSurvey(
  db: Executor,
  actor: Actor,
  id: number,
  today = todayInVietnam(),
): Promise<SurveyView> {
  const survey = await findSurvey(db, id);
  assertCanViewSurvey(actor, survey);
  const status = surveyStatus(survey, today);
  const memberId = actor.memberId;
  const responded =
    memberId !== null &&
    (
      await sql<{ yes: boolean }>`select exists (select 1 from survey_respondents where survey_id = ${id}
      and ${memberId}::bigint = any(member_ids)) as yes`.execute(db)
    ).rows[0]?.yes === true;
  const inAudience = memberId !== null && (await audienceUnitOf(db, id, memberId, today)) !== null;
  let myAnswers: SurveyAnswer[] | null = null;
  if (!survey.anonymous && memberId !== null && responded) {
    const rows = await db
      .selectFrom('survey_answers as a')
      .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
      .select(['a.question_id', 'a.option_ids', 'a.value', 'a.text'])
      .where('r.survey_id', '=', id)
      .where('r.member_id', '=', memberId)
      .execute();
    myAnswers = rows.map((a) => ({
      questionId: a.question_id,
      ...(a.option_ids ? { optionIds: a.option_ids } : {}),
      ...(a.value !== null ? { value: a.value } : {}),
      ...(a.text !== null ? { text: a.text } : {}),
    }));
  }
  const open = status === 'open' && inAudience;
  const questions = await surveyQuestions(db, id);
  return {
    id: survey.id,
    unitId: survey.unitId,
    unitName: survey.unitName,
    kind: survey.kind,
    title: survey.title,
    description: survey.description,
    anonymous: survey.anonymous,
    opensOn: survey.opensOn,
    closesOn: survey.closesOn,
    status,
    questionCount: questions.length,
    responded,
    canManage: canManageSurvey(actor, survey),
    audience: survey.audience,
    questions,
    canAnswer: open && !(survey.anonymous && responded),
    canEditAnswer: open && !survey.anonymous && responded,
    myAnswers,
  };
}
