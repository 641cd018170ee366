import type { CultureEvaluationBody } from '@lan-toa/contracts';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { todayInVietnam, viDate } from '../../platform/dates.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { assertCanViewUnit } from '../org/org.policy.js';
import { findUnit } from '../org/units.repository.js';
import { canConfirmCulture, canEnterCulture } from './activities.policy.js';

/** Entering and confirming a unit's yearly cultural-movement results; one transaction each. */

function columns(input: CultureEvaluationBody) {
  return {
    unit_registered: input.unitRegistered,
    unit_achieved: input.unitAchieved,
    families_total: input.familiesTotal,
    families_registered: input.familiesRegistered,
    families_achieved: input.familiesAchieved,
  };
}

/**
 * Saves the unit's figures for the year. Any change after confirmation withdraws it: the level
 * above confirms what is there now, not what was there before.
 */
export async function enterCulture(
  db: Db,
  actor: Actor,
  unitId: number,
  year: number,
  input: CultureEvaluationBody,
): Promise<void> {
  const currentYear = Number(todayInVietnam().slice(0, 4));
  if (year > currentYear) throw fieldError('year', `Chưa thể nhập kết quả của năm ${year}.`);
  await db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, unitId);
    assertCanViewUnit(actor, unit);
    if (!canEnterCulture(actor, unit)) throw new AppError('FORBIDDEN');
    if (unit.validFrom > `${year}-12-31` || (unit.validTo !== null && unit.validTo <= `${year}-01-01`)) {
      const until = unit.validTo ? ` đến ${viDate(unit.validTo)}` : '';
      throw fieldError(
        'year',
        `Đơn vị chỉ hoạt động từ ${viDate(unit.validFrom)}${until}, không có kết quả năm ${year}.`,
      );
    }
    const before = await tx
      .selectFrom('culture_evaluations')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    const values = columns(input);
    const unchanged =
      before !== undefined &&
      (Object.keys(values) as (keyof typeof values)[]).every((key) => before[key] === values[key]);
    if (unchanged) return;
    await tx
      .insertInto('culture_evaluations')
      .values({ unit_id: unitId, year, ...values, entered_by: actor.accountId, entered_at: new Date() })
      .onConflict((oc) =>
        oc.columns(['unit_id', 'year']).doUpdateSet({
          ...values,
          entered_by: actor.accountId,
          entered_at: new Date(),
          confirmed_by: null,
          confirmed_at: null,
        }),
      )
      .execute();
    await recordAudit(tx, actor, {
      action: 'culture_evaluation.entered',
      entityType: 'unit',
      entityId: unitId,
      unitId,
      before: before ? { year, ...columns(fromRow(before)), confirmed: before.confirmed_at !== null } : undefined,
      after: { year, ...values },
    });
  });
}

function fromRow(row: {
  unit_registered: boolean;
  unit_achieved: boolean | null;
  families_total: number;
  families_registered: number;
  families_achieved: number;
}): CultureEvaluationBody {
  return {
    unitRegistered: row.unit_registered,
    unitAchieved: row.unit_achieved,
    familiesTotal: row.families_total,
    familiesRegistered: row.families_registered,
    familiesAchieved: row.families_achieved,
  };
}

/** Confirmed by a manager of the level above; confirming twice changes nothing. */
export async function confirmCulture(db: Db, actor: Actor, unitId: number, year: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, unitId);
    assertCanViewUnit(actor, unit);
    const row = await tx
      .selectFrom('culture_evaluations')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `Đơn vị chưa nhập kết quả năm ${year} nên chưa thể xác nhận.`);
    if (!canConfirmCulture(actor, unit)) {
      throw new AppError(
        'FORBIDDEN',
        'Kết quả do công đoàn cấp trên xác nhận; đơn vị không tự xác nhận kết quả của mình.',
      );
    }
    if (row.unit_registered && row.unit_achieved === null) {
      throw fieldError('unitAchieved', 'Đơn vị đã đăng ký nhưng chưa có kết quả đạt chuẩn văn hóa; chưa thể xác nhận.');
    }
    if (row.confirmed_at !== null) return;
    await tx
      .updateTable('culture_evaluations')
      .set({ confirmed_by: actor.accountId, confirmed_at: new Date() })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'culture_evaluation.confirmed',
      entityType: 'unit',
      entityId: unitId,
      unitId,
      after: { year, ...fromRow(row) },
    });
  });
}
