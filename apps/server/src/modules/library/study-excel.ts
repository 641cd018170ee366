import { type StudyPendingMember, VI_LABELS } from '@lan-toa/contracts';
import ExcelJS from 'exceljs';
import { viDate } from '../../platform/dates.js';

/** Who has not confirmed an assignment, as .xlsx: the list a chair prints or forwards. */
export async function pendingWorkbook(
  assignment: { title: string; unitName: string; deadline: string },
  day: string,
  rows: StudyPendingMember[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Chưa xác nhận', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow([`Danh sách chưa xác nhận học tập: ${assignment.title}`]).font = { bold: true, size: 13 };
  sheet.addRow([
    `Đơn vị giao: ${assignment.unitName} — hạn ${viDate(assignment.deadline)} — tính đến ngày ${viDate(day)} — ${rows.length} người`,
  ]);
  const header = sheet.addRow(['STT', 'Họ và tên', 'Đơn vị', 'Chức danh công đoàn', 'Có tài khoản']);
  header.font = { bold: true };
  const roles = VI_LABELS.unionRole as Record<string, string>;
  rows.forEach((row, i) => {
    sheet.addRow([
      i + 1,
      row.fullName,
      row.unitName,
      roles[row.unionRole] ?? row.unionRole,
      row.hasAccount ? 'Có' : 'Chưa',
    ]);
  });
  [6, 32, 40, 22, 14].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
