import {
  SURVEY_MIN_GROUP,
  type SurveyQuestion,
  type SurveyQuestionResult,
  type SurveyQuestionUnitRow,
  type SurveyRateRow,
  type SurveyResults,
} from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { type GroupNode, subtreeTotals, visibleGroups } from './suppression.js';
import type { SurveyRecord } from './surveys.repository.js';
import { surveyQuestions } from './surveys.repository.js';

/**
 * Results of a survey: per question, the figures of the organising unit (the total) and of each
 * unit of its subtree (roll-up of the answers given there), with small groups suppressed (see
 * suppression.ts); free text only for a group of at least 5, without the unit when anonymous;
 * and the response rate per unit on a day D: responded / members active on D in a unit inside
 * the audience (counted in their unit on D — someone who moved counts where they were on D).
 */

interface UnitRow {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
}

interface AnswerRow {
  unitId: number;
  questionId: number;
  optionIds: string[] | null;
  value: number | null;
  text: string | null;
}

const rate = (responded: number, audience: number) =>
  audience === 0 ? null : Math.round((responded / audience) * 1000) / 10;

async function responseRate(db: Executor, surveyId: number, day: string) {
  const rows = await sql<SurveyRateRow>`
    with audience as (
      select distinct s.unit_id from survey_units x, unit_subtree_at(x.unit_id, ${day}::date) s where x.survey_id = ${surveyId}
    ), answered as (
      select unnest(member_ids) as member_id from survey_respondents where survey_id = ${surveyId}
    )
    select u.id as "unitId", u.name as "unitName", count(*)::int as audience,
      count(*) filter (where m.member_id in (select member_id from answered))::int as responded, null::numeric as rate
    from memberships m
    join audience a on a.unit_id = m.unit_id
    join units u on u.id = m.unit_id
    where m.valid_from <= ${day}::date and (m.valid_to is null or m.valid_to > ${day}::date)
      and member_status_at(m.member_id, ${day}::date) = 'active'
    group by u.id, u.name
    order by u.name collate "vi-VN-x-icu", u.id`.execute(db);
  const units = rows.rows.map((r) => ({ ...r, rate: rate(r.responded, r.audience) }));
  const audience = units.reduce((acc, r) => acc + r.audience, 0);
  const responded = units.reduce((acc, r) => acc + r.responded, 0);
  return { audience, responded, rate: rate(responded, audience), units };
}

function figures(question: SurveyQuestion, answers: AnswerRow[]) {
  if (question.kind === 'text') return { counts: null, mean: null };
  const counts: Record<string, number> = {};
  const keys =
    question.kind === 'scale'
      ? Array.from({ length: question.scaleMax ?? 5 }, (_, i) => String(i + 1))
      : question.options.map((o) => o.id);
  for (const key of keys) counts[key] = 0;
  let sum = 0;
  for (const a of answers) {
    if (question.kind === 'scale' && a.value !== null) {
      counts[String(a.value)] = (counts[String(a.value)] ?? 0) + 1;
      sum += a.value;
    } else for (const id of a.optionIds ?? []) counts[id] = (counts[id] ?? 0) + 1;
  }
  const mean = question.kind === 'scale' && answers.length > 0 ? Math.round((sum / answers.length) * 100) / 100 : null;
  return { counts, mean };
}

export async function surveyResults(db: Executor, survey: SurveyRecord, day: string): Promise<SurveyResults> {
  const questions = await surveyQuestions(db, survey.id);
  const units = (
    await sql<UnitRow>`
      select u.id, u.parent_id as "parentId", u.name, u.path::text as path from units u
      where u.path <@ ${survey.unitPath}::ltree
      order by nlevel(u.path), u.name collate "vi-VN-x-icu", u.id`.execute(db)
  ).rows;
  const inTree = new Map(units.map((u) => [u.id, u]));
  const rootId = survey.unitId;
  // Tree order (a parent, then its children by name), for the tables.
  const order = new Map<number, number>();
  const visit = (id: number) => {
    order.set(id, order.size);
    for (const child of units.filter((u) => u.parentId === id && u.id !== id)) visit(child.id);
  };
  visit(rootId);
  const answers = (
    await sql<AnswerRow>`
      select r.unit_id as "unitId", a.question_id as "questionId", a.option_ids as "optionIds", a.value, a.text
      from survey_answers a join survey_responses r on r.id = a.response_id
      where r.survey_id = ${survey.id}
      order by a.text collate "vi-VN-x-icu" nulls last`.execute(db)
  ).rows.map((a) => ({ ...a, unitId: inTree.has(a.unitId) ? a.unitId : rootId }));
  const rootDepth = survey.unitPath.split('.').length;
  const subtreeIds = (id: number) => {
    const path = inTree.get(id)?.path ?? '';
    return new Set(units.filter((u) => u.path === path || u.path.startsWith(`${path}.`)).map((u) => u.id));
  };

  const results: SurveyQuestionResult[] = questions.map((question) => {
    const mine = answers.filter((a) => a.questionId === question.id);
    const nodes: GroupNode[] = units.map((u) => ({
      id: u.id,
      parentId: u.id === rootId ? null : u.parentId,
      direct: mine.filter((a) => a.unitId === u.id).length,
    }));
    const totals = subtreeTotals(nodes, rootId);
    const shown = visibleGroups(nodes, rootId);
    const row = (u: UnitRow): SurveyQuestionUnitRow => {
      const visible = shown.get(u.id) === true;
      const n = totals.get(u.id) ?? 0;
      const base = { unitId: u.id, unitName: u.name, depth: u.path.split('.').length - rootDepth };
      if (!visible) {
        return {
          ...base,
          suppressed: true,
          suppressedReason: n < SURVEY_MIN_GROUP ? 'small' : 'complement',
          answers: null,
          counts: null,
          mean: null,
        };
      }
      const ids = subtreeIds(u.id);
      return {
        ...base,
        suppressed: false,
        suppressedReason: null,
        answers: n,
        ...figures(
          question,
          mine.filter((a) => ids.has(a.unitId)),
        ),
      };
    };
    const root = inTree.get(rootId) as UnitRow;
    // Listed: shown units, and the hidden ones whose parent is shown (to say why they are missing).
    const listed = units
      .filter(
        (u) =>
          u.id !== rootId && shown.has(u.id) && (totals.get(u.id) ?? 0) > 0 && (shown.get(u.parentId ?? -1) ?? false),
      )
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const texts: { text: string; unitName: string | null }[] = [];
    if (question.kind === 'text' && shown.get(rootId)) {
      for (const a of mine) {
        if (!a.text) continue;
        let at: UnitRow | undefined = inTree.get(a.unitId);
        while (at && at.id !== rootId && shown.get(at.id) !== true) at = inTree.get(at.parentId ?? -1);
        texts.push({ text: a.text, unitName: survey.anonymous ? null : (at?.name ?? root.name) });
      }
    }
    return { question, total: row(root), units: listed.map(row), texts };
  });

  return {
    surveyId: survey.id,
    title: survey.title,
    anonymous: survey.anonymous,
    day,
    minGroup: SURVEY_MIN_GROUP,
    responseRate: await responseRate(db, survey.id, day),
    questions: results,
  };
}
