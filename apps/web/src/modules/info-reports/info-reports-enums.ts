import type { InfoPlatform, InfoReportStatus } from '@lan-toa/contracts';

/**
 * The platforms and statuses in display order. Kept here, typed against the contracts, because
 * the web build only takes runtime values from contracts-runtime.ts (no zod in the browser).
 */
export const PLATFORMS: readonly InfoPlatform[] = ['facebook', 'zalo', 'tiktok', 'youtube', 'news_site', 'other'];
export const STATUSES: readonly InfoReportStatus[] = ['new', 'verifying', 'verified', 'false_alarm', 'handed_over'];
