import { sql } from 'kysely';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { ChannelName, PostStatus } from '../../db/schema-channels.js';
import { type JobContext, onJob } from '../../platform/jobs.js';
import { ChannelError } from './channel-error.js';
import { facebookPost, facebookPostUrl } from './facebook-client.js';
import { channelPostQueue, DISCONNECTED_MESSAGE } from './outbox.js';
import { type ArticleForChannels, facebookMessage, zaloArticle } from './post-content.js';
import { type FacebookSecrets, openSecrets, type ZaloSecrets } from './secrets.js';
import { zaloCreateArticle, zaloVerifyArticle } from './zalo-client.js';
import { withZaloToken, type ZaloConnection } from './zalo-tokens.js';

/**
 * The job that publishes one outbox row. Never twice:
 *
 * - a row with `remote_id` is done — a job that runs again (retry, duplicate, manual) stops;
 * - a run starts with a compare-and-set ('pending' | 'failed' → 'publishing', with a lease in
 *   `claimed_at`): of two runs at once, one claims the row and the other returns;
 * - Zalo: the token that `article/create` answers is saved before verifying, so a run that died
 *   after creating finishes the same article with `article/verify` instead of creating another;
 * - Facebook has no such handle. The window left: Facebook accepted the post and the process died
 *   before the UPDATE recording its id committed (or the answer was lost on the way). The lease
 *   expires, the retry posts again, and Facebook usually refuses the identical message as a
 *   duplicate (506), which we record as published; if it does not, the Page shows the post twice.
 *   Closing that would need an idempotency key, which the Graph API does not offer for /feed.
 */

export type ChannelSettings = Config['channels'] & { publicUrl: string };

/** A run that died keeps its claim this long; then another run may take the row over. */
const LEASE_SECONDS = 90;

interface ClaimedPost {
  id: number;
  article_id: number;
  unit_id: number;
  channel: ChannelName;
  verify_token: string | null;
}

async function claim(db: Db, postId: number): Promise<ClaimedPost | null> {
  const row = await sql<ClaimedPost>`
    update article_channel_posts
    set status = 'publishing', attempts = attempts + 1, claimed_at = now(), updated_at = now()
    where id = ${postId} and remote_id is null
      and (status in ('pending', 'failed')
        or (status = 'publishing' and claimed_at < now() - make_interval(secs => ${LEASE_SECONDS})))
    returning id, article_id, unit_id, channel, verify_token`.execute(db);
  return row.rows[0] ?? null;
}

async function settle(
  db: Db,
  postId: number,
  change: { status: PostStatus; lastError?: string | null; willRetry?: boolean; note?: string | null },
): Promise<void> {
  await db
    .updateTable('article_channel_posts')
    .set({
      status: change.status,
      last_error: change.lastError ?? null,
      will_retry: change.willRetry ?? false,
      ...(change.note === undefined ? {} : { note: change.note }),
      claimed_at: null,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', postId)
    .where('remote_id', 'is', null)
    .execute();
}

async function recordPublished(
  db: Db,
  postId: number,
  result: { remoteId: string | null; remoteUrl: string | null; note?: string },
): Promise<void> {
  await db
    .updateTable('article_channel_posts')
    .set({
      status: 'published',
      remote_id: result.remoteId,
      remote_url: result.remoteUrl,
      note: result.note ?? null,
      last_error: null,
      will_retry: false,
      claimed_at: null,
      published_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', postId)
    .where('remote_id', 'is', null)
    .execute();
}

async function loadArticle(db: Db, post: ClaimedPost): Promise<ArticleForChannels | null> {
  const row = await sql<ArticleForChannels>`
    select a.title, a.summary, a.body_html as "bodyHtml", a.slug, a.status, u.name as "unitName",
      a.cover_file_id as "coverFileId"
    from articles a, units u where a.id = ${post.article_id} and u.id = ${post.unit_id}`.execute(db);
  return row.rows[0] ?? null;
}

async function loadConnection(db: Db, post: ClaimedPost) {
  return db
    .selectFrom('channel_connections')
    .select(['id', 'unit_id', 'status', 'external_id', 'app_id', 'secrets', 'access_expires_at'])
    .where('unit_id', '=', post.unit_id)
    .where('channel', '=', post.channel)
    .executeTakeFirst();
}
type ConnectionRow = NonNullable<Awaited<ReturnType<typeof loadConnection>>>;

async function publishToZalo(
  db: Db,
  settings: ChannelSettings,
  post: ClaimedPost,
  row: ConnectionRow,
  article: ArticleForChannels,
) {
  const connection: ZaloConnection = {
    id: row.id,
    unitId: row.unit_id,
    appId: row.app_id ?? '',
    accessExpiresAt: row.access_expires_at,
    secrets: openSecrets<ZaloSecrets>(row.unit_id, 'zalo', row.secrets),
  };
  let token = post.verify_token;
  if (!token) {
    const content = zaloArticle(article, settings.publicUrl);
    token = await withZaloToken(db, settings, connection, (access) => zaloCreateArticle(settings, access, content));
    // Saved before verifying: from here on, a retry finishes this article rather than creating one.
    await db.updateTable('article_channel_posts').set({ verify_token: token }).where('id', '=', post.id).execute();
  }
  const verifyToken = token;
  const remoteId = await withZaloToken(db, settings, connection, (access) =>
    zaloVerifyArticle(settings, access, verifyToken),
  );
  return { remoteId, remoteUrl: null };
}

async function publishToFacebook(settings: ChannelSettings, row: ConnectionRow, article: ArticleForChannels) {
  const secrets = openSecrets<FacebookSecrets>(row.unit_id, 'facebook', row.secrets);
  const link = `${settings.publicUrl}/tin-tuc/${article.slug}`;
  try {
    const id = await facebookPost(
      settings,
      { pageId: row.external_id, accessToken: secrets.accessToken },
      {
        message: facebookMessage(article),
        link,
      },
    );
    return { remoteId: id, remoteUrl: facebookPostUrl(id) };
  } catch (error) {
    // 506: this exact message is already on the Page — posted by an earlier run of this job whose
    // answer never reached us (see the header). Recorded as published, without a post id.
    if (error instanceof ChannelError && error.kind === 'duplicate') {
      return { remoteId: null, remoteUrl: null, note: 'Facebook báo bài đã có trên Trang (mã 506); coi như đã đăng.' };
    }
    throw error;
  }
}

async function disconnect(db: Db, post: ClaimedPost, message: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('channel_connections')
      .set({ status: 'disconnected', last_error: message, updated_at: sql<Date>`now()` })
      .where('unit_id', '=', post.unit_id)
      .where('channel', '=', post.channel)
      .execute();
    await tx
      .updateTable('article_channel_posts')
      .set({
        status: 'disconnected',
        last_error: message,
        will_retry: false,
        claimed_at: null,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', post.id)
      .where('remote_id', 'is', null)
      .execute();
  });
}

/** The job handler (exported for tests, which also run it through pg-boss with runNextJob). */
export async function publishPost(db: Db, settings: ChannelSettings, postId: number, job: JobContext): Promise<void> {
  const post = await claim(db, postId);
  if (!post) return;
  try {
    const article = await loadArticle(db, post);
    if (article?.status !== 'published') {
      await settle(db, post.id, {
        status: 'failed',
        lastError: 'Bài viết không còn ở trạng thái đã đăng nên không gửi lên kênh.',
      });
      return;
    }
    const connection = await loadConnection(db, post);
    if (connection?.status !== 'connected') {
      await settle(db, post.id, { status: 'disconnected', lastError: DISCONNECTED_MESSAGE[post.channel] });
      return;
    }
    const result =
      post.channel === 'zalo'
        ? await publishToZalo(db, settings, post, connection, article)
        : await publishToFacebook(settings, connection, article);
    await recordPublished(db, post.id, result);
  } catch (error) {
    const willRetry = job.retryCount < job.retryLimit;
    if (!(error instanceof ChannelError)) {
      await settle(db, post.id, {
        status: 'failed',
        lastError: 'Lỗi hệ thống khi gửi bài; sẽ thử lại sau.',
        willRetry,
      });
      throw error;
    }
    if (error.kind === 'auth' || error.kind === 'permission') {
      await disconnect(db, post, error.message);
      return;
    }
    if (error.kind === 'rejected') {
      await settle(db, post.id, { status: 'failed', lastError: error.message });
      return;
    }
    // transient or still processing: pg-boss runs the job again after its back-off.
    await settle(db, post.id, {
      status: error.kind === 'processing' && willRetry ? 'pending' : 'failed',
      lastError: willRetry
        ? error.message
        : `${error.message.replace(/; sẽ (thử|xác nhận) lại sau\.$/u, '.')} Đã hết số lần tự thử lại.`,
      willRetry,
    });
    throw error;
  }
}

/** Binds the handler to this process's database and settings (buildApp, via the routes). */
export function startChannelPublishing(db: Db, settings: ChannelSettings): void {
  onJob(channelPostQueue, ({ postId }, job) => publishPost(db, settings, postId, job));
}
