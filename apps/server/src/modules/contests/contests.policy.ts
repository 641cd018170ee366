import { type Expression, type SqlBool, sql } from 'kysely';
import { type Actor, covers, scopeCondition, scopeOf } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';

/**
 * Who may do what with contests.
 *
 * - set up (edit, questions, rounds), read every attempt, void, score essays, see rankings
 *   before they are published: managers (manageMembers) of the organising unit;
 * - see a published contest: anyone in its audience subtree (and everyone above it, who
 *   watches their units take part); a public contest: anyone, signed in or not;
 * - see a draft: only its organisers;
 * - take part: members of the audience subtree (checked against their membership today), or
 *   for a public contest anyone who registers;
 * - the unit participation table: managers, for units they manage inside the audience.
 */

export const CONTEST_NOT_FOUND = () => new AppError('NOT_FOUND', 'Không tìm thấy cuộc thi.');

export interface ContestPlace {
  status: 'draft' | 'published';
  audience: 'subtree' | 'public';
  unitPath: string;
  audiencePath: string;
}

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

export function canManageContest(actor: Actor | null, contest: { unitPath: string }): boolean {
  return actor !== null && covers(actor, 'manageMembers', contest.unitPath);
}

export function canViewContest(actor: Actor | null, contest: ContestPlace): boolean {
  if (canManageContest(actor, contest)) return true;
  if (contest.status !== 'published') return false;
  if (contest.audience === 'public') return true;
  if (!actor) return false;
  const scope = scopeOf(actor, 'view');
  if (scope.all) return true;
  // Inside the audience (its members), or above it (those who watch it).
  return [...scope.subtrees, ...scope.exact].some(
    (root) => within(root, contest.audiencePath) || within(contest.audiencePath, root),
  );
}

/** The same rule in SQL over `c` (contests), `u` (organising unit) and `au` (audience unit). */
export function visibleContestCondition(actor: Actor | null): Expression<SqlBool> {
  const published = sql<SqlBool>`c.status = 'published'`;
  if (!actor) return sql<SqlBool>`(${published} and c.audience = 'public')`;
  const manage = scopeCondition(actor, 'manageMembers', 'u.path');
  const scope = scopeOf(actor, 'view');
  if (scope.all) return sql<SqlBool>`true`;
  const roots = [...scope.subtrees, ...scope.exact];
  const audience =
    roots.length === 0
      ? sql<SqlBool>`false`
      : sql<SqlBool>`(au.path @> any(${roots}::ltree[]) or au.path <@ any(${roots}::ltree[]))`;
  return sql<SqlBool>`(${manage} or (${published} and (c.audience = 'public' or ${audience})))`;
}
