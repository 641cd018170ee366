import type { InfoPlatform, InfoReportStatus } from '@lan-toa/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../../db/database.js';

/** A report with the places the policy needs (`p` = the province unit). */
export function reportQuery(db: Executor) {
  return db
    .selectFrom('info_reports as r')
    .innerJoin('units as p', 'p.id', 'r.province_unit_id')
    .leftJoin('members as m', 'm.id', 'r.reporter_member_id')
    .leftJoin('accounts as a', 'a.id', 'r.reporter_account_id')
    .leftJoin('units as ru', 'ru.id', 'r.reporter_unit_id')
    .leftJoin('articles as art', 'art.id', 'r.clarification_article_id')
    .select([
      'r.id',
      'r.status',
      'r.platform',
      'r.url',
      'r.description',
      'r.has_screenshot as hasScreenshot',
      'r.anonymous',
      'r.reporter_account_id as reporterAccountId',
      'r.province_unit_id as provinceUnitId',
      'p.name as provinceUnitName',
      sql<string>`p.path::text`.as('provincePath'),
      sql<string | null>`coalesce(m.full_name, a.display_name)`.as('reporterName'),
      'ru.name as reporterUnitName',
      sql<string>`to_char(r.reported_on, 'YYYY-MM-DD')`.as('reportedOn'),
      sql<string | null>`to_char(r.triaged_on, 'YYYY-MM-DD')`.as('triagedOn'),
      sql<string | null>`to_char(r.concluded_on, 'YYYY-MM-DD')`.as('concludedOn'),
      'art.id as articleId',
      'art.title as articleTitle',
      'art.slug as articleSlug',
      'r.letter_recipient as letterRecipient',
      sql<string | null>`to_char(r.letter_sent_on, 'YYYY-MM-DD')`.as('letterSentOn'),
      'r.letter_number as letterNumber',
      'r.notes',
    ]);
}

export type ReportRow = Omit<
  NonNullable<Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirst']>>>,
  'status' | 'platform'
> & { status: InfoReportStatus; platform: InfoPlatform };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export async function findReport(db: Executor, id: string, forUpdate = false): Promise<ReportRow | undefined> {
  if (!UUID.test(id)) return undefined;
  let query = reportQuery(db).where('r.id', '=', id);
  if (forUpdate) query = query.forUpdate('r');
  return (await query.executeTakeFirst()) as ReportRow | undefined;
}

export async function listReports(
  db: Executor,
  condition: Expression<SqlBool>,
  filters: { status?: string; platform?: string; page: number; pageSize: number },
) {
  let query = reportQuery(db).where(condition);
  if (filters.status) query = query.where('r.status', '=', filters.status);
  if (filters.platform) query = query.where('r.platform', '=', filters.platform);
  const rows = (await query
    .orderBy('r.reported_on', 'desc')
    .orderBy('r.id')
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
    .execute()) as ReportRow[];
  let countQuery = db
    .selectFrom('info_reports as r')
    .innerJoin('units as p', 'p.id', 'r.province_unit_id')
    .where(condition);
  if (filters.platform) countQuery = countQuery.where('r.platform', '=', filters.platform);
  const counts = await countQuery
    .select(['r.status', sql<number>`count(*)::int`.as('count')])
    .groupBy('r.status')
    .execute();
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c.count]));
  const total = filters.status ? (byStatus[filters.status] ?? 0) : counts.reduce((sum, c) => sum + c.count, 0);
  return { rows, total, counts: byStatus };
}

export async function listEvents(db: Executor, id: string) {
  return db
    .selectFrom('info_report_events as e')
    .leftJoin('accounts as a', 'a.id', 'e.account_id')
    .select(['e.from_status as from', 'e.to_status as to', 'e.at', 'a.display_name as by', 'e.note'])
    .where('e.report_id', '=', id)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}
