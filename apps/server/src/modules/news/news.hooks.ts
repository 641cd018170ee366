import type { Tx } from '../../db/database.js';

/**
 * The one place where the news workflow tells other modules what happened, inside the
 * transaction of the change (so nothing is announced for a change that rolled back).
 *
 * ► CHANNELS: when `apps/server/src/modules/channels/outbox.ts` is committed, `articlePublished`
 *   calls `enqueueArticlePosts(tx, { articleId, unitId })` there (Zalo / Facebook outbox).
 * ► NOTIFICATIONS: when `apps/server/src/modules/notifications/notify.ts` is committed,
 *   `workflowNotice` calls `notify(tx, { accountIds, kind, title, body, link })`.
 * Until then both only describe what they will send (see the tests of news.workflow).
 */

export interface PublishedArticle {
  articleId: number;
  /** The writing unit: its channels (and the publisher's) post the article. */
  unitId: number;
  publisherUnitId: number;
}

export async function articlePublished(_tx: Tx, _article: PublishedArticle): Promise<void> {
  // ► CHANNELS: await enqueueArticlePosts(tx, { articleId: article.articleId, unitId: article.publisherUnitId });
}

export interface WorkflowNotice {
  accountIds: number[];
  kind: 'article.submitted' | 'article.approved' | 'article.rejected' | 'article.published';
  title: string;
  body?: string;
  link: string;
}

export async function workflowNotice(_tx: Tx, notice: WorkflowNotice): Promise<void> {
  if (notice.accountIds.length === 0) return;
  // ► NOTIFICATIONS: await notify(tx, notice);
}
