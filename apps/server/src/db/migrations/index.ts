import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as historyFunctions from './0002-history-functions.js';
import * as plansAndActivities from './0003-plans-and-activities.js';
import * as activitiesExtra from './0004-activities-extra.js';
import * as files from './0005-files.js';
import * as progressSummary from './0006-progress-summary.js';
import * as activityTopics from './0007-activity-topics.js';
import * as contests from './0008-contests.js';
import * as contestStartLighter from './0009-contest-start-lighter.js';
import * as jobQueue from './0010-job-queue.js';
import * as library from './0011-library.js';
import * as news from './0012-news.js';
import * as channels from './0013-channels.js';
import * as notifications from './0014-notifications.js';
import * as concerns from './0015-concerns.js';
import * as surveys from './0016-surveys.js';
import * as infoReports from './0017-info-reports.js';

/** Every migration in order. Names are permanent once released. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-history-functions': historyFunctions,
  '0003-plans-and-activities': plansAndActivities,
  '0004-activities-extra': activitiesExtra,
  '0005-files': files,
  '0006-progress-summary': progressSummary,
  '0007-activity-topics': activityTopics,
  '0008-contests': contests,
  '0009-contest-start-lighter': contestStartLighter,
  '0010-job-queue': jobQueue,
  '0011-library': library,
  '0012-news': news,
  '0013-channels': channels,
  '0014-notifications': notifications,
  '0015-concerns': concerns,
  '0016-surveys': surveys,
  '0017-info-reports': infoReports,
};
