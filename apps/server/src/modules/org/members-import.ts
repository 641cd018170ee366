import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import type { UnitRecord } from './units.repository.js';

// Placeholder until the Excel work lands.
export async function importMembers(_db: Db, _actor: Actor, _unit: UnitRecord, _file: Buffer): Promise<number> {
  throw new Error('not implemented');
}
