import {
  EMAIL_MODES,
  type EmailMode,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationView,
} from '@lan-toa/contracts';
import type { NotificationRow } from './notifications.repository.js';

export function presentNotification(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

/** Every kind, in the list's order, with the person's choice or the kind's default. */
export function presentPreferences(
  chosen: Map<string, EmailMode>,
  emailAddress: string | null,
): NotificationPreferences {
  return {
    emailAddress,
    items: NOTIFICATION_KINDS.map((k) => {
      const email = chosen.get(k.code);
      return {
        kind: k.code,
        label: k.label,
        description: k.description,
        email: email && (EMAIL_MODES as readonly string[]).includes(email) ? email : k.defaultEmail,
      };
    }),
  };
}
