import { INFO_PLATFORMS, INFO_REPORT_STATUSES, type InfoTrend } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../platform/access.js';
import { triageScopeCondition } from './info-reports.policy.js';

/**
 * The trend of reports the actor triages, for reports made between `from` and `to` (inclusive):
 * a count per week (ISO, from Monday) or month — every bucket present, zero when empty — and
 * counts by platform, status and outcome, and the median number of days from the report's date
 * to the day its triage began. Anonymous reports keep only their date, so days are the unit for
 * everyone. Shares are null, not 0, when there is nothing to divide by.
 */
export async function infoTrend(
  db: Db,
  actor: Actor,
  query: { from: string; to: string; bucket: 'week' | 'month' },
): Promise<InfoTrend> {
  const scoped = db
    .selectFrom('info_reports as r')
    .innerJoin('units as p', 'p.id', 'r.province_unit_id')
    .where(triageScopeCondition(actor))
    .where('r.reported_on', '>=', query.from)
    .where('r.reported_on', '<=', query.to);

  const bucket = sql.lit(query.bucket);
  const series = await db
    .with('reports', () => scoped.select(sql<string>`date_trunc(${bucket}, r.reported_on)::date`.as('period')))
    .selectFrom(
      sql<{ period: string }>`(select generate_series(date_trunc(${bucket}, ${query.from}::date),
        date_trunc(${bucket}, ${query.to}::date), ('1 ' || ${bucket})::interval)::date as period)`.as('b'),
    )
    .leftJoin('reports', 'reports.period', 'b.period')
    .select([
      sql<string>`to_char(b.period, 'YYYY-MM-DD')`.as('period'),
      sql<number>`count(reports.period)::int`.as('count'),
    ])
    .groupBy('b.period')
    .orderBy('b.period')
    .execute();

  const grouped = await scoped
    .select(['r.platform', 'r.status', sql<number>`count(*)::int`.as('count')])
    .groupBy(['r.platform', 'r.status'])
    .execute();

  const summary = await scoped
    .select([
      sql<number>`count(*) filter (where r.clarification_article_id is not null)::int`.as('withClarification'),
      sql<number>`count(*) filter (where r.letter_sent_on is not null or r.letter_number is not null)::int`.as(
        'withLetter',
      ),
      sql<number>`count(r.triaged_on)::int`.as('triaged'),
      sql<number | null>`percentile_cont(0.5) within group (order by r.triaged_on - r.reported_on)
        filter (where r.triaged_on is not null)`.as('median'),
    ])
    .executeTakeFirstOrThrow();

  const sum = (pick: (row: (typeof grouped)[number]) => boolean) =>
    grouped.filter(pick).reduce((total, row) => total + row.count, 0);
  const total = sum(() => true);
  const verified = sum((row) => row.status === 'verified' || row.status === 'handed_over');
  const concluded = sum((row) => ['verified', 'false_alarm', 'handed_over'].includes(row.status));
  return {
    from: query.from,
    to: query.to,
    bucket: query.bucket,
    total,
    series,
    byPlatform: INFO_PLATFORMS.map((platform) => ({ platform, count: sum((row) => row.platform === platform) })),
    byStatus: INFO_REPORT_STATUSES.map((status) => ({ status, count: sum((row) => row.status === status) })),
    concluded,
    verifiedShare: concluded === 0 ? null : verified / concluded,
    withClarification: summary.withClarification,
    withLetter: summary.withLetter,
    triaged: summary.triaged,
    medianTriageDays: summary.median === null ? null : Number(summary.median),
  };
}
