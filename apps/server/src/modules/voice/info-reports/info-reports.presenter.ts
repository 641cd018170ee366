import type { InfoReportStatus, InfoReportView } from '@lan-toa/contracts';
import type { Actor } from '../../../platform/access.js';
import { abilitiesFor, canTriage } from './info-reports.policy.js';
import type { ReportRow } from './info-reports.repository.js';

/** A report as the actor may see it: the reporter's name only to province staff. */
export function presentReport(actor: Actor, row: ReportRow): InfoReportView {
  const staff = canTriage(actor, row);
  return {
    id: row.id,
    status: row.status,
    platform: row.platform,
    url: row.url,
    description: row.description,
    hasScreenshot: row.hasScreenshot,
    anonymous: row.anonymous,
    reporterName: staff && !row.anonymous ? row.reporterName : null,
    reporterUnitName: staff && !row.anonymous ? row.reporterUnitName : null,
    provinceUnitId: row.provinceUnitId,
    provinceUnitName: row.provinceUnitName,
    reportedOn: row.reportedOn,
    triagedOn: row.triagedOn,
    concludedOn: row.concludedOn,
    clarificationArticle:
      row.articleId !== null && row.articleTitle !== null && row.articleSlug !== null
        ? { id: row.articleId, title: row.articleTitle, slug: row.articleSlug }
        : null,
    letterRecipient: row.letterRecipient,
    letterSentOn: row.letterSentOn,
    letterNumber: row.letterNumber,
    notes: staff ? row.notes : null,
    abilities: abilitiesFor(actor, { ...row, status: row.status as InfoReportStatus }),
  };
}
