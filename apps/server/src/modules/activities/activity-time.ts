import { todayInVietnam } from '../../platform/dates.js';

/**
 * Times of activities. Vietnam keeps one offset all year (UTC+7, no daylight saving), so a
 * fixed offset is exact; it is written out here rather than left to the server's time zone.
 */
const OFFSET_MS = 7 * 60 * 60 * 1000;
export const MINUTE_MS = 60_000;

/** '2024-09-05T08:00:00+07:00' — how every moment leaves the API. */
export function toVietnamIso(moment: Date): string {
  const local = new Date(moment.getTime() + OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+07:00`;
}

/** The local calendar day of a moment: the day attendance counts for. */
export function vietnamDay(moment: Date): string {
  return todayInVietnam(moment);
}

/** Midnight at the start of a local day. */
export function startOfVietnamDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** '08:00 05/09/2024', for messages. */
export function viDateTime(moment: Date): string {
  const local = toVietnamIso(moment);
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

export { addDays } from '../../platform/dates.js';
