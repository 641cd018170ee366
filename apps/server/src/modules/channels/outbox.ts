import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { ChannelName } from '../../db/schema-channels.js';
import { defineQueue, enqueue } from '../../platform/jobs.js';

/**
 * The outbox of articles going to Zalo and Facebook. The news module calls
 * `enqueueArticlePosts` inside the transaction that publishes an article: one row per
 * (article, channel) and one job per row, both existing exactly when the publication commits.
 */

export const CHANNELS = ['zalo', 'facebook'] as const satisfies readonly ChannelName[];

export interface PostJob {
  postId: number;
}

/** About 2 h of retries with back-off (30 s doubling, 8 times) before a row stays 'failed'. */
export const channelPostQueue = defineQueue<PostJob>({
  name: 'channel-post',
  retryLimit: 8,
  retryDelaySeconds: 30,
  retryBackoff: true,
  // Three platform calls of at most 20 s each fit; a run that crashed is retried after this.
  expireInSeconds: 120,
});

export const DISCONNECTED_MESSAGE: Record<ChannelName, string> = {
  zalo: 'OA Zalo của đơn vị đang mất kết nối; hãy kết nối lại rồi bấm Thử lại.',
  facebook: 'Trang Facebook của đơn vị đang mất kết nối; hãy kết nối lại rồi bấm Thử lại.',
};

/** One job for a row; at most one waits per row, so a double click does not queue two. */
export async function enqueuePost(executor: Executor, postId: number): Promise<void> {
  await enqueue(executor, channelPostQueue, { postId }, { singletonKey: `channel-post:${postId}` });
}

/**
 * Queues the article for the unit's channels (all of them, or those in `channels`). A channel
 * the unit has connected gets a 'pending' row and a job; one whose connection was lost gets a
 * 'disconnected' row (the editors see why it did not go out, and retry after reconnecting); a
 * channel never connected gets nothing. An article already queued for a channel is left as it
 * is: publishing it again never posts it twice. Returns the rows written now.
 */
export async function enqueueArticlePosts(
  tx: Executor,
  input: { articleId: number; unitId: number; channels?: ChannelName[] },
): Promise<{ channel: ChannelName; status: 'pending' | 'disconnected' }[]> {
  const wanted = input.channels ?? [...CHANNELS];
  if (wanted.length === 0) return [];
  const connections = await tx
    .selectFrom('channel_connections')
    .select(['channel', 'status'])
    .where('unit_id', '=', input.unitId)
    .where('channel', 'in', wanted)
    .execute();
  const written: { channel: ChannelName; status: 'pending' | 'disconnected' }[] = [];
  for (const connection of connections) {
    const status = connection.status === 'connected' ? ('pending' as const) : ('disconnected' as const);
    const row = await tx
      .insertInto('article_channel_posts')
      .values({
        article_id: input.articleId,
        unit_id: input.unitId,
        channel: connection.channel,
        status,
        last_error: status === 'disconnected' ? DISCONNECTED_MESSAGE[connection.channel] : null,
      })
      .onConflict((oc) => oc.columns(['article_id', 'channel']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) continue;
    if (status === 'pending') await enqueuePost(tx, row.id);
    written.push({ channel: connection.channel, status });
  }
  return written;
}

/** Deliveries per channel and month of a unit's subtree (reach figures), from the outbox. */
export async function channelDeliveries(
  db: Executor,
  unitPath: string,
  range: { from: Date; to: Date },
): Promise<{ month: string; channel: ChannelName; published: number; failed: number; pending: number }[]> {
  const rows = await sql<{ month: string; channel: ChannelName; published: number; failed: number; pending: number }>`
    select to_char(coalesce(p.published_at, p.created_at) at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as month,
      p.channel,
      count(*) filter (where p.status = 'published')::int as published,
      count(*) filter (where p.status in ('failed', 'disconnected'))::int as failed,
      count(*) filter (where p.status in ('pending', 'publishing'))::int as pending
    from article_channel_posts p join units u on u.id = p.unit_id
    where u.path <@ ${unitPath}::ltree
      and coalesce(p.published_at, p.created_at) >= ${range.from} and coalesce(p.published_at, p.created_at) < ${range.to}
    group by 1, 2 order by 1 desc, 2`.execute(db);
  return rows.rows;
}
