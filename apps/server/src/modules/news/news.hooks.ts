import type { Tx } from '../../db/database.js';
import { enqueueArticlePosts } from '../channels/outbox.js';
import { notify } from '../notifications/notify.js';

/**
 * The one place where the news workflow tells other modules what happened, inside the
 * transaction of the change (nothing is posted or announced for a change that rolled back):
 * - a published article goes to the Zalo / Facebook outbox of the publishing unit (the province,
 *   whose portal carries it); the channels module posts it once per connected channel;
 * - the writer hears of approval, sending back and publication, the publisher's editors of a
 *   submission (notification kind `article_workflow`, in-app and by e-mail as each person chose).
 */

export interface PublishedArticle {
  articleId: number;
  /** The writing unit. */
  unitId: number;
  /** The unit whose channels post it. */
  publisherUnitId: number;
}

export async function articlePublished(tx: Tx, article: PublishedArticle): Promise<void> {
  await enqueueArticlePosts(tx, { articleId: article.articleId, unitId: article.publisherUnitId });
}

export interface WorkflowNotice {
  accountIds: number[];
  title: string;
  body?: string;
  link: string;
}

export async function workflowNotice(tx: Tx, notice: WorkflowNotice): Promise<void> {
  if (notice.accountIds.length === 0) return;
  await notify(tx, { ...notice, kind: 'article_workflow' });
}
