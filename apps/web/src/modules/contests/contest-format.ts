import type { TFunction } from 'i18next';
import { formatDate, formatNumber } from '../../app/format';

const VN_OFFSET_MS = 7 * 3_600_000;

/** Any ISO moment as Vietnam wall-clock parts: { date: "2025-09-05", time: "08:00" }. */
export function toVnParts(value: string): { date: string; time: string } {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return { date: '', time: '' };
  const iso = new Date(ms + VN_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Any ISO moment in Vietnam time: "05/09/2025 08:00" (contests run on Vietnam time wherever one is). */
export function formatVnMoment(value: string | null | undefined): string {
  if (!value) return '—';
  const { date, time } = toVnParts(value);
  return date ? `${formatDate(date)} ${time}` : value;
}

/** 1799000 → "29:59"; 3_723_000 → "1:02:03". */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(hours > 0 ? 2 : 1, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** 312.4 → "5 phút 12 giây"; 42 → "42 giây"; 3725 → "1 giờ 2 phút". */
export function formatDuration(seconds: number | null | undefined, t: TFunction): string {
  if (seconds === null || seconds === undefined) return '—';
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (hours > 0) return t('contests.duration.hoursMinutes', { hours, minutes });
  if (minutes > 0) return t('contests.duration.minutesSeconds', { minutes, seconds: secs });
  return t('contests.duration.seconds', { seconds: secs });
}

/**
 * A time used as a clock, for tables where durations must line up and stay on one line:
 * 463.24 → "7:43,2"; 3725.4 → "1:02:05,4" (minutes:seconds, tenths after the locale's decimal mark).
 */
export function formatClock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const tenths = Math.round(seconds * 10);
  const whole = Math.floor(tenths / 10);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = String(whole % 60).padStart(2, '0');
  // "0,5" in Vietnamese, "0.5" in English: the mark between the digits.
  const mark = formatNumber(0.5).replace(/\d/gu, '');
  const clock = hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
  return `${clock}${mark}${tenths % 10}`;
}

/** "còn 3 ngày" / "còn 5 giờ" / "còn 12 phút" until a moment; null once it has passed. */
export function timeLeft(value: string, t: TFunction, now = Date.now()): string | null {
  const ms = Date.parse(value) - now;
  if (Number.isNaN(ms) || ms <= 0) return null;
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return t('contests.left.minutes', { count: minutes, formatted: formatNumber(minutes) });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('contests.left.hours', { count: hours, formatted: formatNumber(hours) });
  const days = Math.floor(hours / 24);
  return t('contests.left.days', { count: days, formatted: formatNumber(days) });
}

/** "18/20". */
export function formatScore(correct: number | null, total: number): string {
  return `${correct === null ? '—' : formatNumber(correct)}/${formatNumber(total)}`;
}
