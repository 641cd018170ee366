import type { Actor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';

/**
 * Who may do what with notifications: a person reads, marks and configures their own, and
 * nobody else's — not even a system administrator (they are personal). Every repository query
 * is written for `ownerOf(actor)`; someone else's notice answers 404, as if it did not exist.
 */
export function ownerOf(actor: Actor): number {
  return actor.accountId;
}

export const NOTIFICATION_NOT_FOUND = () => new AppError('NOT_FOUND', 'Không tìm thấy thông báo.');
