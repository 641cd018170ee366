import type { ArticleAction, ArticleStatus } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { fieldError } from '../../platform/errors.js';
import { defineQueue, enqueue, onJob } from '../../platform/jobs.js';
import { auditArticle } from './news.commands.js';
import { articlePublished, type WorkflowNotice, workflowNotice } from './news.hooks.js';
import { ARTICLE_NEXT_STATUS, assertArticleAction } from './news.policy.js';
import { type ArticleRecord, findArticle, lockVisibleArticle } from './news.repository.js';

/**
 * The editorial workflow: submit, approve, reject (back to the writer, with a reason), publish now
 * or at a set time, archive. Each transition is checked against the policy table, written with
 * its audit event and its notices in one transaction.
 */

export type Transition =
  | { action: 'submit' | 'approve' | 'archive' }
  | { action: 'reject'; reason: string }
  | { action: 'publish'; publishAt?: Date | null };

/** Publishes an article whose time has come. Idempotent: only an approved article still due at that time. */
export const publishScheduledQueue = defineQueue<{ articleId: number; publishAt: string }>({
  name: 'news.publish-scheduled',
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 300,
});

const link = (id: number) => `/news/${id}`;

async function editorsOf(tx: Tx, unitId: number): Promise<number[]> {
  const rows = await tx
    .selectFrom('role_grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select('g.account_id')
    .distinct()
    .where('g.unit_id', '=', unitId)
    .where('g.role', 'in', ['unit_admin', 'unit_editor'])
    .where('a.disabled_at', 'is', null)
    .execute();
  return rows.map((row) => row.account_id);
}

const author = (article: ArticleRecord) => (article.authorAccountId === null ? [] : [article.authorAccountId]);

async function setStatus(tx: Tx, id: number, status: ArticleStatus, extra: Record<string, unknown> = {}) {
  await tx
    .updateTable('articles')
    .set({ status, updated_at: new Date(), ...extra })
    .where('id', '=', id)
    .execute();
}

/** Makes an approved article public now; the one path for both the button and the scheduled job. */
async function publishNow(tx: Tx, actor: Actor | null, article: ArticleRecord, scheduled: boolean) {
  await setStatus(tx, article.id, 'published', { published_at: new Date(), publish_at: null });
  await auditArticle(tx, actor, article, 'published', {
    before: { status: article.status },
    after: { status: 'published', scheduled },
  });
  await articlePublished(tx, {
    articleId: article.id,
    unitId: article.unitId,
    publisherUnitId: article.publisherUnitId,
  });
  await workflowNotice(tx, {
    accountIds: author(article),
    title: `Tin bài đã được đăng: ${article.title}`,
    link: link(article.id),
  });
}

export async function transitionArticle(db: Db, actor: Actor, id: number, transition: Transition): Promise<void> {
  const action: ArticleAction = transition.action;
  await db.transaction().execute(async (tx) => {
    const article = await lockVisibleArticle(tx, actor, id);
    assertArticleAction(actor, article, action);
    const before = { status: article.status };
    let notice: WorkflowNotice | null = null;
    switch (transition.action) {
      case 'submit': {
        if (article.bodyHtml.trim() === '') throw fieldError('bodyHtml', 'Nội dung tin bài còn trống.');
        await setStatus(tx, id, 'submitted', { rejection_reason: null });
        notice = {
          accountIds: await editorsOf(tx, article.publisherUnitId),
          title: `Tin bài chờ duyệt: ${article.title}`,
          body: `${article.unitName} gửi tin bài để duyệt.`,
          link: link(id),
        };
        break;
      }
      case 'approve':
        await setStatus(tx, id, 'approved');
        notice = {
          accountIds: author(article),
          title: `Tin bài đã được duyệt: ${article.title}`,
          link: link(id),
        };
        break;
      case 'reject':
        await setStatus(tx, id, 'rejected', { rejection_reason: transition.reason, publish_at: null });
        await tx
          .insertInto('article_comments')
          .values({ article_id: id, author_account_id: actor.accountId, kind: 'rejection', body: transition.reason })
          .execute();
        notice = {
          accountIds: author(article),
          title: `Tin bài bị trả lại: ${article.title}`,
          body: transition.reason,
          link: link(id),
        };
        break;
      case 'archive':
        await setStatus(tx, id, 'archived', { publish_at: null });
        break;
      case 'publish': {
        const at = transition.publishAt ?? null;
        if (at && at.getTime() > Date.now()) {
          await tx
            .updateTable('articles')
            .set({ publish_at: at, updated_at: new Date() })
            .where('id', '=', id)
            .execute();
          await enqueue(tx, publishScheduledQueue, { articleId: id, publishAt: at.toISOString() }, { startAfter: at });
          await auditArticle(tx, actor, article, 'scheduled', { before, after: { status: 'approved', publishAt: at } });
          return;
        }
        await publishNow(tx, actor, article, false);
        return;
      }
    }
    await auditArticle(tx, actor, article, ARTICLE_ACTION_AUDIT[transition.action], {
      before,
      after: {
        status: ARTICLE_NEXT_STATUS[action],
        ...(transition.action === 'reject' ? { reason: transition.reason } : {}),
      },
    });
    // Nobody is told of what they did themselves.
    if (notice)
      await workflowNotice(tx, { ...notice, accountIds: notice.accountIds.filter((a) => a !== actor.accountId) });
  });
}

const ARTICLE_ACTION_AUDIT = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  archive: 'archived',
} as const;

/**
 * The scheduled job: publishes the article if it is still approved and due at the time the job
 * was written for (a later reschedule or a rejection leaves it alone). Running it twice publishes once.
 */
export async function publishScheduled(db: Db, data: { articleId: number; publishAt: string }): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const due = await sql<{ early: boolean }>`
      select publish_at > now() as early from articles
      where id = ${data.articleId} and status = 'approved' and publish_at = ${data.publishAt}::timestamptz
      for update`.execute(tx);
    const row = due.rows[0];
    if (!row) return false;
    // Woken before its time (clocks of two machines): fail, and pg-boss tries again a little later.
    if (row.early) throw new Error('scheduled article not yet due');
    const article = await findArticle(tx, data.articleId);
    if (!article) return false;
    await publishNow(tx, null, article, true);
    return true;
  });
}

export function registerNewsJobs(db: Db): void {
  onJob(publishScheduledQueue, async (data) => {
    await publishScheduled(db, data);
  });
}
