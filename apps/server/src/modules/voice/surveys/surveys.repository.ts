import type { SurveyQuestion, SurveyStatus } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { SurveyOptionJson } from '../../../db/schema-surveys.js';
import { todayInVietnam } from '../../../platform/dates.js';
import { SURVEY_NOT_FOUND, type SurveyPlace } from './surveys.policy.js';

export interface SurveyRecord extends SurveyPlace {
  id: number;
  unitId: number;
  unitName: string;
  kind: 'pulse' | 'questionnaire';
  title: string;
  description: string;
  anonymous: boolean;
  opensOn: string;
  closesOn: string;
  audience: { id: number; name: string }[];
}

/** Draft until published; then by the dates (Vietnam's calendar days, both ends included). */
export function surveyStatus(
  survey: { publishedAt: Date | null; opensOn: string; closesOn: string },
  today = todayInVietnam(),
): SurveyStatus {
  if (survey.publishedAt === null) return 'draft';
  if (today < survey.opensOn) return 'scheduled';
  if (today > survey.closesOn) return 'closed';
  return 'open';
}

export async function findSurvey(db: Executor, id: number): Promise<SurveyRecord> {
  const result = await sql<SurveyRecord>`
    select s.id, s.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath", s.kind, s.title,
      s.description, s.anonymous, s.opens_on as "opensOn", s.closes_on as "closesOn", s.published_at as "publishedAt",
      array(select au.path::text from survey_units x join units au on au.id = x.unit_id
            where x.survey_id = s.id order by au.id) as "audiencePaths",
      coalesce((select json_agg(json_build_object('id', au.id, 'name', au.name) order by au.name collate "vi-VN-x-icu")
                from survey_units x join units au on au.id = x.unit_id where x.survey_id = s.id), '[]') as audience
    from surveys s join units u on u.id = s.unit_id
    where s.id = ${id}`.execute(db);
  const row = result.rows[0];
  if (!row) throw SURVEY_NOT_FOUND();
  return row;
}

interface QuestionRow {
  id: number;
  kind: SurveyQuestion['kind'];
  text: string;
  required: boolean;
  options: SurveyOptionJson[];
  scale_max: number | null;
  scale_min_label: string;
  scale_max_label: string;
}

export async function surveyQuestions(db: Executor, surveyId: number): Promise<SurveyQuestion[]> {
  const rows = (await db
    .selectFrom('survey_questions')
    .select(['id', 'kind', 'text', 'required', 'options', 'scale_max', 'scale_min_label', 'scale_max_label'])
    .where('survey_id', '=', surveyId)
    .orderBy('position')
    .execute()) as QuestionRow[];
  return rows.map((q) => ({
    id: q.id,
    kind: q.kind,
    text: q.text,
    required: q.required,
    options: q.options,
    scaleMax: q.scale_max,
    scaleMinLabel: q.scale_min_label,
    scaleMaxLabel: q.scale_max_label,
  }));
}

/** The member's unit today, when the member is active today in a unit inside the survey's audience. */
export async function audienceUnitOf(
  db: Executor,
  surveyId: number,
  memberId: number,
  day: string,
): Promise<number | null> {
  const result = await sql<{ unitId: number }>`
    select m.unit_id as "unitId"
    from memberships m
    where m.member_id = ${memberId} and m.valid_from <= ${day}::date and (m.valid_to is null or m.valid_to > ${day}::date)
      and member_status_at(m.member_id, ${day}::date) = 'active'
      and exists (select 1 from survey_units x, unit_subtree_at(x.unit_id, ${day}::date) t
                  where x.survey_id = ${surveyId} and t.unit_id = m.unit_id)
    limit 1`.execute(db);
  return result.rows[0]?.unitId ?? null;
}
