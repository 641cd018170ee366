import { sql } from 'kysely';
import { loadConfig } from '../../config.js';
import { loadChannelKey, sealSecrets } from '../../modules/channels/secrets.js';
import type { Db } from '../database.js';

/**
 * Demo channels: the province's Zalo OA connected and its Facebook Page needing reconnection
 * (the token was revoked: what a unit meets in real life), the demo school's Facebook Page
 * connected; and for the units' published articles, the delivery history the outbox would have
 * written. The tokens are placeholders: if a new article is published in the demo, the real Zalo
 * refuses them and the status panel shows the connection as lost — the honest outcome. Post ids
 * are recorded without links (there are no such posts on the real platforms).
 */
export async function seedDemoChannels(db: Db, units: { provinceId: number; schoolId: number }): Promise<void> {
  // The same key the server will use (CHANNEL_SECRET_KEY, else the database's own).
  await loadChannelKey(db, loadConfig().channels.secretKey);
  const connections = [
    {
      unitId: units.provinceId,
      channel: 'zalo' as const,
      externalId: '1965432178901234567',
      appId: '2810475136920488123',
      ok: true,
    },
    { unitId: units.provinceId, channel: 'facebook' as const, externalId: '100089561234567', appId: null, ok: false },
    { unitId: units.schoolId, channel: 'facebook' as const, externalId: '100076543210987', appId: null, ok: true },
  ];
  for (const c of connections) {
    const placeholder = `demo-${c.channel}-${c.unitId}-khong-dung-that`;
    await db
      .insertInto('channel_connections')
      .values({
        unit_id: c.unitId,
        channel: c.channel,
        status: c.ok ? 'connected' : 'disconnected',
        external_id: c.externalId,
        app_id: c.appId,
        secrets: sealSecrets(
          c.unitId,
          c.channel,
          c.channel === 'zalo'
            ? { secretKey: placeholder, accessToken: `${placeholder}-a7Qx`, refreshToken: `${placeholder}-r` }
            : { accessToken: `${placeholder}-F3kd` },
        ),
        token_hint: c.channel === 'zalo' ? 'a7Qx' : 'F3kd',
        access_expires_at: c.channel === 'zalo' ? sql<Date>`now() + interval '20 hours'` : null,
        refresh_expires_at: c.channel === 'zalo' ? sql<Date>`now() + interval '80 days'` : null,
        last_error: c.ok
          ? null
          : 'Mã truy cập Trang Facebook đã hết hạn hoặc bị thu hồi (mã 190); hãy kết nối lại Trang.',
        connected_at: sql<Date>`now() - interval '40 days'`,
      })
      .onConflict((oc) => oc.columns(['unit_id', 'channel']).doNothing())
      .execute();
  }
  // History for published articles: the province's Facebook went down for the latest two.
  await sql`
    with published as (
      select a.id, a.publisher_unit_id as unit_id, a.published_at,
        row_number() over (partition by a.publisher_unit_id order by a.published_at desc, a.id desc) as recent
      from articles a
      where a.status = 'published' and a.published_at is not null
        and a.publisher_unit_id in (${units.provinceId}, ${units.schoolId})
    )
    insert into article_channel_posts
      (article_id, unit_id, channel, status, attempts, last_error, remote_id, published_at, created_at, updated_at)
    select p.id, p.unit_id, c.channel,
      case when c.channel = 'facebook' and p.unit_id = ${units.provinceId} and p.recent <= 2 then 'disconnected' else 'published' end,
      1,
      case when c.channel = 'facebook' and p.unit_id = ${units.provinceId} and p.recent <= 2
        then 'Mã truy cập Trang Facebook đã hết hạn hoặc bị thu hồi (mã 190); hãy kết nối lại Trang.' end,
      case when c.channel = 'facebook' and p.unit_id = ${units.provinceId} and p.recent <= 2 then null
        when c.channel = 'zalo' then (7203000000000000000 + p.id)::text
        else c.page || '_' || (122100000000000000 + p.id)::text end,
      case when c.channel = 'facebook' and p.unit_id = ${units.provinceId} and p.recent <= 2 then null
        else p.published_at + interval '2 minutes' end,
      p.published_at, p.published_at + interval '2 minutes'
    from published p
    join (values (${units.provinceId}::bigint, 'zalo', '1965432178901234567'),
                 (${units.provinceId}::bigint, 'facebook', '100089561234567'),
                 (${units.schoolId}::bigint, 'facebook', '100076543210987')) as c(unit_id, channel, page)
      on c.unit_id = p.unit_id
    on conflict (article_id, channel) do nothing`.execute(db);
}
