import type { ErrorDetail } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { todayInVietnam } from '../../platform/dates.js';
import { AppError, uniqueViolation } from '../../platform/errors.js';
import { DUPLICATE_FIELDS, insertMembers } from './members.commands.js';
import { columnOrder, memberColumn } from './members-excel-columns.js';
import { formatDate, type ParsedRow, parseMemberSheet } from './members-excel-parse.js';
import { lockTreeShared } from './unit-versions.js';
import type { UnitRecord } from './units.repository.js';

/** Details beyond this many are summarised: a response listing 20,000 errors helps no one. */
const MAX_LISTED_ERRORS = 1_000;

type Contact = 'phone' | 'email';

function contactLabel(key: Contact, value: string): string {
  return key === 'phone' ? `Số điện thoại ${value}` : `E-mail ${value}`;
}

/** Every row sharing a phone or e-mail with another row is reported, naming the other rows. */
function duplicatesInFile(rows: ParsedRow[], key: Contact): ErrorDetail[] {
  const byValue = new Map<string, number[]>();
  for (const { row, member } of rows) {
    const value = member[key];
    if (!value) continue;
    const list = byValue.get(value);
    if (list) list.push(row);
    else byValue.set(value, [row]);
  }
  const column = memberColumn(key).header;
  const errors: ErrorDetail[] = [];
  for (const [value, list] of byValue) {
    if (list.length < 2) continue;
    for (const row of list) {
      const others = list.filter((other) => other !== row).join(', ');
      errors.push({ field: 'file', row, column, message: `${contactLabel(key, value)} trùng với dòng ${others}` });
    }
  }
  return errors;
}

/** Phones or e-mails of the file that already belong to someone: one query per column. */
async function alreadyStored(db: Db, rows: ParsedRow[], key: Contact): Promise<ErrorDetail[]> {
  const values = [...new Set(rows.map((r) => r.member[key]).filter((v): v is string => Boolean(v)))];
  if (values.length === 0) return [];
  const found = await db
    .selectFrom('members')
    .select(key)
    .where(sql<boolean>`${sql.ref(key)} = any(${values}::text[])`)
    .execute();
  const taken = new Set(found.map((row) => row[key]));
  const column = memberColumn(key).header;
  const errors: ErrorDetail[] = [];
  for (const { row, member } of rows) {
    const value = member[key];
    if (value && taken.has(value)) {
      errors.push({ field: 'file', row, column, message: `${contactLabel(key, value)} đã có trong hệ thống` });
    }
  }
  return errors;
}

function joinDateErrors(rows: ParsedRow[], unit: UnitRecord, today: string): ErrorDetail[] {
  const column = memberColumn('joinedUnitOn');
  const errors: ErrorDetail[] = [];
  for (const { row, joinedUnitOn } of rows) {
    const shown = formatDate(joinedUnitOn);
    if (joinedUnitOn < unit.validFrom) {
      const founded = formatDate(unit.validFrom);
      const message = `${column.label} ${shown} trước ngày thành lập đơn vị (${founded})`;
      errors.push({ field: 'file', row, column: column.header, message });
    } else if (joinedUnitOn > today) {
      errors.push({ field: 'file', row, column: column.header, message: `${column.label} ${shown} ở tương lai` });
    }
  }
  return errors;
}

function rejection(errors: ErrorDetail[]): AppError {
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || columnOrder(a.column) - columnOrder(b.column));
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  if (errors.length > listed.length) {
    const rest = (errors.length - listed.length).toLocaleString('vi-VN');
    listed.push({ field: 'file', message: `Còn ${rest} lỗi khác chưa liệt kê; hãy sửa các lỗi trên rồi nhập lại.` });
  }
  const count = errors.length.toLocaleString('vi-VN');
  return new AppError('IMPORT_INVALID', `${count} lỗi trong tệp; chưa có dữ liệu nào được ghi.`, listed);
}

/**
 * Imports a member list into `unit`, all or nothing. The route has already checked that the
 * actor manages the unit's members. Every error of the file is collected first (per cell,
 * across rows, against the database); only a clean file is written, in one transaction.
 */
export async function importMembers(db: Db, actor: Actor, unit: UnitRecord, file: Buffer): Promise<number> {
  if (unit.validTo !== null) throw new AppError('UNIT_INACTIVE');
  const { rows, errors } = await parseMemberSheet(file);
  if (rows.length > 0) {
    const [phones, emails] = await Promise.all([alreadyStored(db, rows, 'phone'), alreadyStored(db, rows, 'email')]);
    errors.push(
      ...duplicatesInFile(rows, 'phone'),
      ...duplicatesInFile(rows, 'email'),
      ...phones,
      ...emails,
      ...joinDateErrors(rows, unit, todayInVietnam()),
    );
  }
  if (errors.length > 0) throw rejection(errors);

  try {
    return await db.transaction().execute(async (tx) => {
      await lockTreeShared(tx);
      // Holding the unit row keeps it from being dissolved or merged while members arrive.
      const current = await tx
        .selectFrom('units')
        .select('valid_to')
        .where('id', '=', unit.id)
        .forShare()
        .executeTakeFirst();
      if (!current || current.valid_to !== null) throw new AppError('UNIT_INACTIVE');
      const ids = await insertMembers(
        tx,
        rows.map((r) => ({ ...r.member, unitId: unit.id, joinedUnitOn: r.joinedUnitOn })),
      );
      await recordAudit(tx, actor, {
        action: 'member.imported',
        entityType: 'unit',
        entityId: unit.id,
        unitId: unit.id,
        after: { created: ids.length, fileRows: rows.length },
      });
      return ids.length;
    });
  } catch (error) {
    // Someone else took a phone or e-mail between the check and the insert.
    throw uniqueViolation(error, DUPLICATE_FIELDS) ?? error;
  }
}
