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

/** Folding for client-side filtering, same rule as the server: no diacritics, đ → d, lower case. */
export { foldVietnamese } from '@lan-toa/contracts';
