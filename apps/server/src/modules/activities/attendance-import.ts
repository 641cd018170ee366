import { type ErrorDetail, foldVietnamese } from '@lan-toa/contracts';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { viDate } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { assertCanManageAttendance } from './activities.policy.js';
import { findActivity } from './activities.repository.js';
import { assertHasBegun, insertAttendance } from './attendance.commands.js';
import { type InvitedMember, invitedMembers } from './attendance.repository.js';
import { type AttendanceSheetRow, attendanceColumn, parseAttendanceSheet } from './attendance-excel.js';

/** Details beyond this many are summarised. */
const MAX_LISTED_ERRORS = 1_000;

interface Candidate extends InvitedMember {
  phone: string | null;
  email: string | null;
  foldedName: string;
  foldedUnit: string;
}

/** "Công đoàn Trường THPT Hoa Lư A" → "truong thpt hoa lu a", so "THPT Hoa Lư A" matches it. */
function foldUnit(name: string): string {
  return foldVietnamese(name).replace(/^cong doan\s+/u, '');
}

type Match = { memberId: number } | { error: ErrorDetail };

function cell(row: AttendanceSheetRow, key: 'fullName' | 'unit' | 'phone' | 'email', message: string): Match {
  return { error: { field: 'file', row: row.row, column: attendanceColumn(key).header, message } };
}

/**
 * Finds the one invited member a row names: by phone, else e-mail, else name (narrowed by unit).
 * A name given beside a phone or e-mail must agree with it, so a wrong number is caught.
 */
function matchRow(row: AttendanceSheetRow, candidates: Candidate[], day: string): Match {
  const shownDay = viDate(day);
  const nameAgrees = (member: Candidate) => !row.fullName || foldVietnamese(row.fullName) === member.foldedName;
  for (const key of ['phone', 'email'] as const) {
    const value = row[key];
    if (!value) continue;
    const label = key === 'phone' ? `số điện thoại ${value}` : `e-mail ${value}`;
    const member = candidates.find((candidate) => candidate[key] === value);
    if (!member) {
      return cell(row, key, `Không có đoàn viên nào có ${label} trong các đơn vị tham gia vào ngày ${shownDay}`);
    }
    if (!nameAgrees(member)) {
      return cell(row, 'fullName', `Họ và tên "${row.fullName}" không khớp với ${label} (của ${member.fullName})`);
    }
    return { memberId: member.memberId };
  }
  const name = row.fullName ?? '';
  const sameName = candidates.filter((candidate) => candidate.foldedName === foldVietnamese(name));
  if (sameName.length === 0) {
    return cell(row, 'fullName', `Không tìm thấy đoàn viên "${name}" trong các đơn vị tham gia vào ngày ${shownDay}`);
  }
  let found = sameName;
  if (row.unit) {
    const unit = foldUnit(row.unit);
    found = sameName.filter((candidate) => candidate.foldedUnit.includes(unit));
    if (found.length === 0) {
      const units = [...new Set(sameName.map((candidate) => candidate.unitName))].join('; ');
      return cell(row, 'unit', `Đoàn viên "${name}" không thuộc đơn vị "${row.unit}" (tìm thấy ở: ${units})`);
    }
  }
  if (found.length > 1) {
    const units = [...new Set(found.map((candidate) => candidate.unitName))].join('; ');
    return cell(
      row,
      'fullName',
      `Có ${found.length} đoàn viên tên "${name}" (${units}); hãy ghi thêm số điện thoại, e-mail hoặc đơn vị`,
    );
  }
  return { memberId: (found[0] as Candidate).memberId };
}

function rejection(errors: ErrorDetail[]): AppError {
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  if (errors.length > listed.length) {
    const rest = (errors.length - listed.length).toLocaleString('vi-VN');
    listed.push({ field: 'file', message: `Còn ${rest} lỗi khác chưa liệt kê; hãy sửa các lỗi trên rồi nhập lại.` });
  }
  const count = errors.length.toLocaleString('vi-VN');
  return new AppError('IMPORT_INVALID', `${count} lỗi trong tệp; chưa có dữ liệu nào được ghi.`, listed);
}

/**
 * Imports who took part from an .xlsx, all or nothing: every row must name exactly one member
 * the actor may record (invited that day, in a unit the actor manages). Rows naming someone
 * already recorded are fine; a person named twice counts once.
 */
export async function importAttendance(db: Db, actor: Actor, activityId: number, file: Buffer) {
  const { rows, errors } = await parseAttendanceSheet(file);
  return db.transaction().execute(async (tx) => {
    const activity = await findActivity(tx, activityId, true);
    assertCanManageAttendance(actor, activity);
    const day = assertHasBegun(activity);
    const invited = await invitedMembers(tx, activityId, day, { scope: { actor, capability: 'manageMembers' } });
    const contacts = new Map<number, { phone: string | null; email: string | null }>();
    const ids = invited.map((member) => member.memberId);
    for (let start = 0; start < ids.length; start += 5000) {
      const chunk = ids.slice(start, start + 5000);
      const found = await tx.selectFrom('members').select(['id', 'phone', 'email']).where('id', 'in', chunk).execute();
      for (const row of found) contacts.set(row.id, { phone: row.phone, email: row.email });
    }
    const candidates: Candidate[] = invited.map((member) => ({
      ...member,
      phone: contacts.get(member.memberId)?.phone ?? null,
      email: contacts.get(member.memberId)?.email?.toLowerCase() ?? null,
      foldedName: foldVietnamese(member.fullName),
      foldedUnit: foldUnit(member.unitName),
    }));
    const matched = new Set<number>();
    for (const row of rows) {
      const match = matchRow(row, candidates, day);
      if ('error' in match) errors.push(match.error);
      else matched.add(match.memberId);
    }
    if (errors.length > 0) throw rejection(errors);
    const added = await insertAttendance(tx, activity, day, [...matched], 'import');
    await recordAudit(tx, actor, {
      action: 'activity.attendance_imported',
      entityType: 'activity',
      entityId: activityId,
      unitId: activity.organisingUnitId,
      after: { rows: rows.length, matched: matched.size, added },
    });
    return { matched: matched.size, added, alreadyPresent: matched.size - added };
  });
}
