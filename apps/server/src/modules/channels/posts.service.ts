import type { ArticleChannelPostsView, ChannelName, DeliveriesView } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { ARTICLE_NOT_FOUND, canSeeChannels, unitForChannels } from './channels.policy.js';
import { type PostRow, presentPost } from './channels.presenter.js';
import { channelDeliveries, enqueuePost } from './outbox.js';

/**
 * An article's deliveries to the channels, and the manual retry. Seen by those who manage the
 * article's unit or the unit whose channels carry it; retried only by the latter.
 */

async function articlePlace(db: Db, articleId: number): Promise<{ unitPath: string } | null> {
  const row = await sql<{ unitPath: string }>`
    select u.path::text as "unitPath" from articles a join units u on u.id = a.unit_id where a.id = ${articleId}`.execute(
    db,
  );
  return row.rows[0] ?? null;
}

const POST_COLUMNS = sql`p.channel, p.status, p.attempts, p.will_retry, p.last_error, p.note, p.remote_id, p.remote_url,
  p.published_at, p.updated_at, u.path::text as unit_path`;

export async function articleChannelPosts(db: Db, actor: Actor, articleId: number): Promise<ArticleChannelPostsView> {
  const article = await articlePlace(db, articleId);
  if (!article) throw ARTICLE_NOT_FOUND();
  const rows = await sql<PostRow & { unit_path: string }>`
    select ${POST_COLUMNS} from article_channel_posts p join units u on u.id = p.unit_id
    where p.article_id = ${articleId} order by p.channel desc`.execute(db);
  const seesArticle = canSeeChannels(actor, article.unitPath);
  const posts = rows.rows.filter((row) => seesArticle || canSeeChannels(actor, row.unit_path));
  if (!seesArticle && posts.length === 0) throw ARTICLE_NOT_FOUND();
  return {
    articleId,
    posts: posts.map((row) => presentPost(row, canSeeChannels(actor, row.unit_path))),
  };
}

/** Puts a failed or disconnected delivery back in the queue (after the unit has reconnected). */
export async function retryChannelPost(db: Db, actor: Actor, articleId: number, channel: ChannelName): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const post = await sql<{ id: number; unit_id: number; status: string; unit_path: string }>`
      select p.id, p.unit_id, p.status, u.path::text as unit_path
      from article_channel_posts p join units u on u.id = p.unit_id
      where p.article_id = ${articleId} and p.channel = ${channel}
      for update of p`.execute(tx);
    const row = post.rows[0];
    if (!row || !canSeeChannels(actor, row.unit_path)) throw ARTICLE_NOT_FOUND();
    if (row.status !== 'failed' && row.status !== 'disconnected') {
      throw new AppError('CONFLICT', 'Chỉ gửi lại được bài đang lỗi hoặc mất kết nối.');
    }
    const connection = await tx
      .selectFrom('channel_connections')
      .select('status')
      .where('unit_id', '=', row.unit_id)
      .where('channel', '=', channel)
      .executeTakeFirst();
    if (connection?.status !== 'connected') {
      throw new AppError(
        'CONFLICT',
        channel === 'zalo'
          ? 'OA Zalo của đơn vị chưa được kết nối lại; hãy kết nối trong mục Kênh truyền thông trước.'
          : 'Trang Facebook của đơn vị chưa được kết nối lại; hãy kết nối trong mục Kênh truyền thông trước.',
      );
    }
    await tx
      .updateTable('article_channel_posts')
      .set({ status: 'pending', last_error: null, will_retry: false, updated_at: sql<Date>`now()` })
      .where('id', '=', row.id)
      .execute();
    await enqueuePost(tx, row.id);
    await recordAudit(tx, actor, {
      action: 'channel.retry',
      entityType: 'article',
      entityId: articleId,
      unitId: row.unit_id,
      after: { channel },
    });
  });
}

/** First instant of the month `monthsBack` months before this one, Vietnam time (UTC+7, no DST). */
function monthStart(monthsBack: number): Date {
  const vietnam = new Date(Date.now() + 7 * 3_600_000);
  return new Date(Date.UTC(vietnam.getUTCFullYear(), vietnam.getUTCMonth() - monthsBack, 1) - 7 * 3_600_000);
}

export async function unitDeliveries(db: Db, actor: Actor, unitId: number, months: number): Promise<DeliveriesView> {
  const unit = await unitForChannels(db, actor, unitId);
  const rows = await channelDeliveries(db, unit.path, { from: monthStart(months - 1), to: monthStart(-1) });
  return { unitId: unit.id, months: rows };
}
