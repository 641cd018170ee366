import type { TFunction } from 'i18next';
import { ApiError } from './api';
import { currentLanguage } from './i18n';

/**
 * The message to show for a failed call. The server speaks Vietnamese, so in Vietnamese we show its
 * message as is; in English we translate by code when we can.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.code === 'NETWORK') return t('errors.network');
  if (currentLanguage() === 'en' || !error.message) {
    const key = `errors.codes.${error.code}` as const;
    if (t(key, { defaultValue: '' })) return t(key);
    if (error.message) return error.message;
    return error.status >= 500 ? t('errors.server') : t('errors.unknown');
  }
  return error.message;
}

/** "body.email" → "email"; "body.items.0.name" → "items.0.name". */
function fieldName(path: string): string {
  return path.replace(/^(body|query|params)\./u, '');
}

/** Field-level messages of a 400, keyed by field name, first message wins. */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const detail of error.details) {
    if (detail.row !== undefined) continue;
    const name = fieldName(detail.field);
    if (name && !(name in result)) result[name] = detail.message;
  }
  return result;
}

/** Details of a 400 that do not belong to any of the given fields (shown above the form). */
export function otherDetails(error: unknown, fields: readonly string[]): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.details
    .filter((detail) => detail.row === undefined && !fields.includes(fieldName(detail.field)))
    .map((detail) => detail.message);
}
