import { type Expression, type SqlBool, sql } from 'kysely';
import { type Actor, covers, scopeCondition, scopeOf } from '../../../platform/access.js';
import { AppError } from '../../../platform/errors.js';

/**
 * Who may do what with surveys. Queries apply the same rules in SQL.
 *
 * - create, edit (while draft), publish, delete (while draft), see results and export: managers
 *   (unit admins and editors) of the organising unit or a unit above it;
 * - see and answer a published survey: the members whose unit today lies in an audience unit's
 *   subtree (answering also needs the survey open and the member active);
 * - anyone else: 404, as if the survey did not exist (a school never sees another's survey).
 */

export const SURVEY_NOT_FOUND = () => new AppError('NOT_FOUND', 'Không tìm thấy khảo sát.');

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

export interface SurveyPlace {
  unitPath: string;
  audiencePaths: string[];
  publishedAt: Date | null;
}

export function canManageSurvey(actor: Actor, survey: { unitPath: string }): boolean {
  return covers(actor, 'manageMembers', survey.unitPath);
}

/** The actor's own unit (a member grant) lies inside the audience. */
export function isInAudience(actor: Actor, survey: SurveyPlace): boolean {
  const scope = scopeOf(actor, 'view');
  const paths = [...scope.exact, ...scope.subtrees];
  return survey.audiencePaths.some((audience) => paths.some((path) => within(path, audience)));
}

export function canViewSurvey(actor: Actor, survey: SurveyPlace): boolean {
  if (canManageSurvey(actor, survey)) return true;
  return survey.publishedAt !== null && isInAudience(actor, survey);
}

export function assertCanViewSurvey(actor: Actor, survey: SurveyPlace): void {
  if (!canViewSurvey(actor, survey)) throw SURVEY_NOT_FOUND();
}

export function assertCanManageSurvey(actor: Actor, survey: SurveyPlace): void {
  assertCanViewSurvey(actor, survey);
  if (!canManageSurvey(actor, survey)) {
    throw new AppError('FORBIDDEN', 'Chỉ quản trị, biên tập viên của đơn vị tổ chức được quản lý khảo sát này.');
  }
}

/** Surveys the actor manages, as SQL over the organising unit `u`. */
export function managedCondition(actor: Actor): Expression<SqlBool> {
  return scopeCondition(actor, 'manageMembers', 'u.path');
}

/** Published surveys whose audience holds one of the actor's units, as SQL over `s`. */
export function audienceCondition(actor: Actor): Expression<SqlBool> {
  const scope = scopeOf(actor, 'view');
  const paths = [...scope.exact, ...scope.subtrees];
  if (paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(s.published_at is not null and exists (
    select 1 from survey_units su join units au on au.id = su.unit_id
    where su.survey_id = s.id and au.path @> any(${paths}::ltree[])))`;
}
