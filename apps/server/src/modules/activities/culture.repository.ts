import type { CultureEvaluationList, CultureEvaluationView } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { type Actor, scopeCondition } from '../../platform/access.js';
import { todayInVietnam } from '../../platform/dates.js';
import { canConfirmCulture, canEnterCulture } from './activities.policy.js';
import { toVietnamIso } from './activity-time.js';

/**
 * Yearly cultural-movement results. A year's list is the unit's subtree as it stood at the end
 * of that year (or today, for the running year), each unit with its row or "not entered".
 */

interface CultureRow {
  unitId: number;
  unitName: string;
  parentId: number | null;
  kindName: string;
  path: string;
  leaf: boolean;
  unitRegistered: boolean | null;
  unitAchieved: boolean | null;
  familiesTotal: number | null;
  familiesRegistered: number | null;
  familiesAchieved: number | null;
  enteredBy: string | null;
  enteredAt: Date | null;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  hasRow: boolean;
}

/** The day a year's tree is read at: its last day, or today while the year runs. */
export function referenceDay(year: number): string {
  const today = todayInVietnam();
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

async function cultureRows(db: Executor, actor: Actor, year: number, units: { root: number } | { only: number }) {
  const day = referenceDay(year);
  const source =
    'root' in units
      ? sql`unit_subtree_at(${units.root}, ${day}::date) s`
      : sql`(select ${units.only}::bigint as unit_id) s`;
  const result = await sql<CultureRow>`
    select u.id as "unitId", coalesce(v.name, u.name) as "unitName", coalesce(v.parent_id, u.parent_id) as "parentId",
      k.name as "kindName", u.path::text as path,
      not exists (
        select 1 from unit_versions c
        where c.parent_id = u.id and c.valid_from <= ${day}::date and (c.valid_to is null or c.valid_to > ${day}::date)
      ) as leaf,
      e.unit_registered as "unitRegistered", e.unit_achieved as "unitAchieved",
      e.families_total as "familiesTotal", e.families_registered as "familiesRegistered",
      e.families_achieved as "familiesAchieved",
      ea.display_name as "enteredBy", e.entered_at as "enteredAt",
      ca.display_name as "confirmedBy", e.confirmed_at as "confirmedAt",
      e.id is not null as "hasRow"
    from ${source}
    join units u on u.id = s.unit_id
    join unit_kinds k on k.id = u.kind_id
    left join unit_versions v on v.unit_id = u.id
      and v.valid_from <= ${day}::date and (v.valid_to is null or v.valid_to > ${day}::date)
    left join culture_evaluations e on e.unit_id = u.id and e.year = ${year}
    left join accounts ea on ea.id = e.entered_by
    left join accounts ca on ca.id = e.confirmed_by
    where ${scopeCondition(actor, 'view', 'u.path')}
    order by k.sort_order, coalesce(v.name, u.name) collate "vi-VN-x-icu", u.id`.execute(db);
  return result.rows;
}

function present(actor: Actor, year: number, row: CultureRow): CultureEvaluationView {
  const status = !row.hasRow ? 'not_entered' : row.confirmedAt ? 'confirmed' : 'entered';
  return {
    unitId: row.unitId,
    unitName: row.unitName,
    parentId: row.parentId,
    kindName: row.kindName,
    leaf: row.leaf,
    year,
    status,
    unitRegistered: row.unitRegistered,
    unitAchieved: row.unitAchieved,
    familiesTotal: row.familiesTotal,
    familiesRegistered: row.familiesRegistered,
    familiesAchieved: row.familiesAchieved,
    enteredBy: row.enteredBy,
    enteredAt: row.enteredAt ? toVietnamIso(row.enteredAt) : null,
    confirmedBy: row.confirmedBy,
    confirmedAt: row.confirmedAt ? toVietnamIso(row.confirmedAt) : null,
    abilities: {
      edit: canEnterCulture(actor, row),
      confirm: status === 'entered' && canConfirmCulture(actor, row),
    },
  };
}

export async function listCulture(
  db: Executor,
  actor: Actor,
  unitId: number,
  year: number,
): Promise<CultureEvaluationList> {
  const items = (await cultureRows(db, actor, year, { root: unitId })).map((row) => present(actor, year, row));
  const entered = items.filter((item) => item.status !== 'not_entered');
  const sum = (pick: (item: CultureEvaluationView) => number | null) =>
    entered.reduce((total, item) => total + (pick(item) ?? 0), 0);
  return {
    unitId,
    year,
    items,
    totals: {
      units: items.length,
      entered: entered.length,
      confirmed: items.filter((item) => item.status === 'confirmed').length,
      unitsRegistered: entered.filter((item) => item.unitRegistered).length,
      unitsAchieved: entered.filter((item) => item.unitAchieved === true).length,
      familiesTotal: sum((item) => item.familiesTotal),
      familiesRegistered: sum((item) => item.familiesRegistered),
      familiesAchieved: sum((item) => item.familiesAchieved),
    },
  };
}

export async function findCulture(
  db: Executor,
  actor: Actor,
  unitId: number,
  year: number,
): Promise<CultureEvaluationView | null> {
  const [row] = await cultureRows(db, actor, year, { only: unitId });
  return row ? present(actor, year, row) : null;
}
