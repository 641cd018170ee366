import type { Executor } from '../../db/database.js';
import { type Actor, covers } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { findUnit, type UnitRecord } from '../org/units.repository.js';

/**
 * Who may do what with a unit's channels.
 *
 * - see the connections, the deliveries and an article's channel status, retry a delivery: the
 *   unit's managers (unit editors and administrators) and those above them;
 * - connect, disconnect, test: the unit's administrators (manageUnits) and those above them;
 * - anyone else gets 404: they do not learn that the unit or the article exists.
 */

const UNIT_NOT_FOUND = () => new AppError('UNIT_NOT_FOUND');
export const ARTICLE_NOT_FOUND = () => new AppError('NOT_FOUND', 'Không tìm thấy bài viết.');

export const canSeeChannels = (actor: Actor, unitPath: string) => covers(actor, 'manageMembers', unitPath);
export const canManageChannels = (actor: Actor, unitPath: string) => covers(actor, 'manageUnits', unitPath);

export async function unitForChannels(db: Executor, actor: Actor, unitId: number): Promise<UnitRecord> {
  const unit = await findUnit(db, unitId).catch(() => null);
  if (!unit || !canSeeChannels(actor, unit.path)) throw UNIT_NOT_FOUND();
  return unit;
}

export async function unitToManageChannels(db: Executor, actor: Actor, unitId: number): Promise<UnitRecord> {
  const unit = await unitForChannels(db, actor, unitId);
  if (!canManageChannels(actor, unit.path)) {
    throw new AppError('FORBIDDEN', 'Chỉ quản trị viên của đơn vị được kết nối hoặc ngắt kết nối kênh truyền thông.');
  }
  return unit;
}

/** An article's channel rows are seen by those who manage the unit whose channels carry it. */
export function canSeePost(actor: Actor, post: { unitPath: string }): boolean {
  return canSeeChannels(actor, post.unitPath);
}
