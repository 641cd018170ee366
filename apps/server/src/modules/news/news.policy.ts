import { ARTICLE_ACTIONS, type ArticleAbilities, type ArticleAction, type ArticleStatus } from '@lan-toa/contracts';
import type { Expression, SqlBool } from 'kysely';
import { type Actor, covers, scopeCondition } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';

/**
 * Who may do what with an article — the whole editorial workflow in one table.
 *
 * An actor stands in up to two relations to an article:
 * - `author`: an editor or admin (manageMembers) of the writing unit or of a unit above it — at a
 *   school, its union's editors; the province's editors stand above every school, so they are
 *   authors too;
 * - `publisher`: an editor or admin of the publishing unit (the top of the writer's tree: the
 *   province), who approves, sends back, publishes and archives.
 * Members have neither and may do nothing here (they read the portal). An article one has no
 * relation to "does not exist" (404), even when published: the API is for the newsroom.
 *
 * Each cell says which relation may do the action from that status; what is not written is refused.
 */
export type ArticleRelation = 'author' | 'publisher';

export const ARTICLE_RULES: Record<ArticleAction, Partial<Record<ArticleStatus, readonly ArticleRelation[]>>> = {
  edit: {
    draft: ['author'],
    rejected: ['author'],
    // Under review the text is the editors' to correct; the writer waits for their answer.
    submitted: ['publisher'],
    approved: ['publisher'],
    published: ['publisher'],
  },
  submit: { draft: ['author'], rejected: ['author'] },
  approve: { submitted: ['publisher'] },
  reject: { submitted: ['publisher'], approved: ['publisher'] },
  // Publishing now, or at `publishAt` (the article waits approved until then).
  publish: { approved: ['publisher'] },
  archive: { draft: ['author'], rejected: ['author'], published: ['publisher'] },
  comment: {
    draft: ['author', 'publisher'],
    submitted: ['author', 'publisher'],
    approved: ['author', 'publisher'],
    rejected: ['author', 'publisher'],
    published: ['author', 'publisher'],
  },
};

/** The status an action leads to (edit and comment keep it; a scheduled publish stays approved). */
export const ARTICLE_NEXT_STATUS: Partial<Record<ArticleAction, ArticleStatus>> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  publish: 'published',
  archive: 'archived',
};

export interface ArticlePlace {
  status: ArticleStatus;
  /** ltree path of the writing unit and of the publishing unit. */
  unitPath: string;
  publisherPath: string;
}

export function relationsOf(actor: Actor | null, article: ArticlePlace): Set<ArticleRelation> {
  const relations = new Set<ArticleRelation>();
  if (!actor) return relations;
  if (covers(actor, 'manageMembers', article.unitPath)) relations.add('author');
  if (covers(actor, 'manageMembers', article.publisherPath)) relations.add('publisher');
  return relations;
}

export function allows(action: ArticleAction, status: ArticleStatus, relations: Set<ArticleRelation>): boolean {
  const allowed = ARTICLE_RULES[action][status] ?? [];
  return allowed.some((relation) => relations.has(relation));
}

export function canViewArticle(actor: Actor | null, article: ArticlePlace): boolean {
  return relationsOf(actor, article).size > 0;
}

export function abilitiesOf(actor: Actor | null, article: ArticlePlace): ArticleAbilities {
  const relations = relationsOf(actor, article);
  return Object.fromEntries(
    ARTICLE_ACTIONS.map((action) => [action, allows(action, article.status, relations)]),
  ) as ArticleAbilities;
}

const STATUS_WORDS: Record<ArticleStatus, string> = {
  draft: 'bản nháp',
  submitted: 'đang chờ duyệt',
  approved: 'đã duyệt',
  published: 'đã đăng',
  rejected: 'bị trả lại',
  archived: 'đã lưu trữ',
};
const ACTION_WORDS: Record<ArticleAction, string> = {
  edit: 'sửa',
  submit: 'gửi duyệt',
  approve: 'duyệt',
  reject: 'trả lại',
  publish: 'đăng',
  archive: 'lưu trữ',
  comment: 'góp ý',
};

/**
 * Throws unless the actor may do the action now: 403 when their relation never allows it (a
 * writer approving), 409 when it is the article's status that stands in the way.
 */
export function assertArticleAction(actor: Actor, article: ArticlePlace, action: ArticleAction): void {
  const relations = relationsOf(actor, article);
  if (allows(action, article.status, relations)) return;
  const someStatusAllows = Object.values(ARTICLE_RULES[action]).some((cell) =>
    cell?.some((relation) => relations.has(relation)),
  );
  if (!someStatusAllows) {
    throw new AppError('FORBIDDEN', `Bạn không có quyền ${ACTION_WORDS[action]} tin bài này.`);
  }
  throw new AppError('CONFLICT', `Không thể ${ACTION_WORDS[action]} tin bài ${STATUS_WORDS[article.status]}.`, [
    { field: 'status', message: `Tin bài đang ở trạng thái "${STATUS_WORDS[article.status]}".` },
  ]);
}

/** Units one may write for: those whose editors or admins one is (today's tree). */
export function canWriteFor(actor: Actor, unitPath: string): boolean {
  return covers(actor, 'manageMembers', unitPath);
}

/** The visibility rule in SQL over `u` (the writing unit): its editors and everyone's above it. */
export function visibleArticleCondition(actor: Actor): Expression<SqlBool> {
  return scopeCondition(actor, 'manageMembers', 'u.path');
}

export const ARTICLE_NOT_FOUND = () => new AppError('NOT_FOUND', 'Không tìm thấy tin bài.');
