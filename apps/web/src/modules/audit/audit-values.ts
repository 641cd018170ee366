import type { TFunction } from 'i18next';
import { formatDate, formatDateTime, formatNumber, isIsoDate } from '../../app/format';
import { labelOrRaw } from '../../app/i18n-dynamic';
import type { AuditEvent } from '../../app/types';

type Plain = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Snapshot keys whose values are one of the enums the locale files name. */
const ENUM_KEYS: Record<string, string> = {
  gender: 'enums.gender',
  position: 'enums.position',
  unionRole: 'enums.unionRole',
  status: 'enums.status',
  role: 'enums.role',
};

/** Counts are shown with the thousands separator; ids never are. */
const COUNT_KEYS = new Set(['created', 'fileRows', 'rows', 'membersMoved', 'childrenMoved', 'failedLogins']);

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u;

function grantLabel(t: TFunction, grant: unknown): string {
  if (!isPlainObject(grant) || typeof grant.role !== 'string') return JSON.stringify(grant);
  const role = labelOrRaw(t, 'enums.role', grant.role);
  return typeof grant.unitName === 'string' ? `${role} · ${grant.unitName}` : role;
}

/** A snapshot field's name as the interface calls it ("fullName" → "Họ và tên"). */
export function fieldLabel(t: TFunction, key: string): string {
  return labelOrRaw(t, 'audit.fields', key);
}

/** A snapshot value in the interface's words and formats (dd/mm/yyyy, Có/Không, role names…). */
export function valueLabel(t: TFunction, key: string, value: unknown): string {
  if (value === undefined) return '';
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return COUNT_KEYS.has(key) ? formatNumber(value) : String(value);
  if (typeof value === 'string') {
    const prefix = ENUM_KEYS[key];
    if (prefix) return labelOrRaw(t, prefix, value);
    if (isIsoDate(value)) return formatDate(value);
    if (TIMESTAMP.test(value)) return formatDateTime(value);
    return value;
  }
  if (key === 'roles' && Array.isArray(value)) return value.map((grant) => grantLabel(t, grant)).join('\n');
  if (isPlainObject(value)) {
    return Object.entries(value)
      .map(([name, inner]) => `${fieldLabel(t, name)}: ${valueLabel(t, name, inner)}`)
      .join('\n');
  }
  return JSON.stringify(value, null, 2);
}

function nameIn(snapshot: unknown): string | null {
  if (!isPlainObject(snapshot)) return null;
  for (const key of ['fullName', 'displayName', 'name'] as const) {
    const value = snapshot[key];
    if (typeof value === 'string' && value) return value;
  }
  return null;
}

/**
 * The name of what an event is about, when the event itself tells it: the snapshots carry
 * names for most changes, and sign-in events are about the actor's own account.
 */
export function entityName(event: AuditEvent): string | null {
  const fromSnapshot = nameIn(event.after) ?? nameIn(event.before);
  if (fromSnapshot) return fromSnapshot;
  if (event.entityType === 'account' && event.entityId !== null && event.entityId === event.actorId) {
    return event.actorName;
  }
  return null;
}
