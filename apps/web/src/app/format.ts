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
