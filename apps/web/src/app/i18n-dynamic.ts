import type { TFunction } from 'i18next';
import { i18n } from './i18n';

/**
 * Label for a value whose set is open-ended (audit actions, end reasons): the translation under
 * `prefix.value` when there is one, else the raw value.
 */
export function labelOrRaw(t: TFunction, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  if (!i18n.exists(key)) return value;
  return (t as unknown as (key: string) => string)(key);
}
