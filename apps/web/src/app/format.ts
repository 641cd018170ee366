import { currentLanguage } from './i18n';

const DATE = /^(\d{4})-(\d{2})-(\d{2})/u;

function locale(): string {
  // en-GB keeps dd/mm/yyyy in the English interface too.
  return currentLanguage() === 'en' ? 'en-GB' : 'vi-VN';
}

/** "2024-09-05" → "05/09/2024"; null → "—". Calendar dates are never shifted by time zones. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const match = DATE.exec(value);
  if (!match) return value;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** ISO timestamp → "05/09/2024 14:03" in the viewer's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const day = new Intl.DateTimeFormat(locale(), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
  const time = new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
  return `${day} ${time}`;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'vi-VN').format(value);
}

/** Today's date in the viewer's time zone as "YYYY-MM-DD". */
export function today(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(value);
}

const TYPED_DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/u;
const TYPED_DIGITS = /^(\d{2})(\d{2})(\d{4})$/u;
const TYPED_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * A date typed by hand — "5/9/2024", "05/09/2024", "05.09.2024", "05-09-2024", "05092024" (day
 * first) or a pasted "2024-09-05" — as "YYYY-MM-DD"; null when it is not a real calendar date.
 * Pure string arithmetic: no Date object, so no time zone can shift the day.
 */
export function parseTypedDate(text: string): string | null {
  const value = text.trim();
  const dmy = TYPED_DMY.exec(value) ?? TYPED_DIGITS.exec(value);
  const iso = dmy ? null : TYPED_ISO.exec(value);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Folding for client-side filtering, same rule as the server: no diacritics, đ → d, lower case. */
export { foldVietnamese } from '@lan-toa/contracts';

/** 95.24 → "95,2%" (one decimal at most); with `minDigits` 1, 87 → "87,0%" (columns that line up). */
export function formatPercent(value: number, digits = 1, minDigits = 0): string {
  const text = new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'vi-VN', {
    minimumFractionDigits: minDigits,
    maximumFractionDigits: Math.max(digits, minDigits),
  }).format(value);
  return `${text}%`;
}

const VN_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/u;

const OTHER_OFFSET = /(?:Z|[+-](?!07:?00$)\d{2}:?\d{2})$/u;

/**
 * Activities live in Vietnam time: the server answers "2024-09-05T08:00:00+07:00". These helpers
 * read and write the wall-clock digits, so the time shown is the time in Vietnam wherever the
 * browser is. A timestamp in another offset (confirmations, answers: "2024-09-05T01:00:00.000Z")
 * is first moved to Vietnam time, so it does not show UTC's digits.
 */
export function vnParts(value: string): { date: string; time: string } {
  const match = VN_DATE_TIME.exec(OTHER_OFFSET.test(value) ? inVietnam(value) : value);
  if (!match) return { date: '', time: '' };
  return { date: `${match[1]}-${match[2]}-${match[3]}`, time: `${match[4]}:${match[5]}` };
}

/** "2024-09-05T01:00:00.000Z" → "2024-09-05T08:00:00.000" (Vietnam's wall clock); unparsable: as is. */
function inVietnam(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms + 7 * 3_600_000).toISOString().slice(0, 23);
}

/** "2024-09-05T08:00:00+07:00" (or the same instant in UTC) → "05/09/2024 08:00". */
export function formatVnDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const { date, time } = vnParts(value);
  return date ? `${formatDate(date)} ${time}` : value;
}

/** "2024-09-05T08:00:00+07:00" → "08:00". */
export function formatVnTime(value: string): string {
  return vnParts(value).time;
}

/** "2024-09-05" + "08:00" → "2024-09-05T08:00:00+07:00". */
export function toVnIso(date: string, time: string): string {
  return `${date}T${time || '00:00'}:00+07:00`;
}

/** A start and end on the same day: "05/09/2024 08:00–11:30"; else both in full. */
export function formatVnRange(start: string, end: string): string {
  const a = vnParts(start);
  const b = vnParts(end);
  if (a.date && a.date === b.date) return `${formatDate(a.date)} ${a.time}–${b.time}`;
  return `${formatVnDateTime(start)} – ${formatVnDateTime(end)}`;
}

/** Today in Vietnam as "YYYY-MM-DD" (the day the server counts attendance for). */
export function vnToday(): string {
  const now = new Date(Date.now() + 7 * 3_600_000);
  return now.toISOString().slice(0, 10);
}

/** Now, as Vietnam wall-clock time with its offset: "2024-09-05T08:03:00+07:00". */
export function vnNowIso(): string {
  const now = new Date(Date.now() + 7 * 3_600_000).toISOString();
  return `${now.slice(0, 16)}:00+07:00`;
}
