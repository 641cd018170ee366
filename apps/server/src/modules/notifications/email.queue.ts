import { defineQueue } from '../../platform/jobs.js';

/**
 * The e-mail outbox: a job names the notifications (sent one by one, each marked when sent, so a
 * retry after a half-sent batch sends only the rest) or the daily digests it delivers. SMTP
 * errors fail the job and pg-boss retries it with back-off: 30 s, 1 min, 2 min… six tries.
 */
export interface EmailJob {
  notificationIds?: number[];
  digestIds?: number[];
}

export const emailQueue = defineQueue<EmailJob>({
  name: 'notification-email',
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 5 * 60,
});

/** Ids per e-mail job: small enough that one slow SMTP server does not hold a batch for long. */
export const EMAILS_PER_JOB = 50;
