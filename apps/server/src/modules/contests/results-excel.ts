import ExcelJS from 'exceljs';
import type { overallRanking, participation, roundRanking } from './results.service.js';

type Ranking = Awaited<ReturnType<typeof roundRanking>> | Awaited<ReturnType<typeof overallRanking>>;
type Participation = Awaited<ReturnType<typeof participation>>;

const decimal = (value: number | null) => (value === null ? '—' : String(value).replace('.', ','));

/** A ranking as .xlsx: every row, with prizes. */
export async function rankingWorkbook(title: string, ranking: Ranking): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Xếp hạng', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([title]).font = { bold: true, size: 13 };
  const header = sheet.addRow([
    'Hạng',
    'Họ và tên',
    'Đơn vị',
    'Điểm',
    'Số câu đúng',
    'Thời gian (giây)',
    'Chênh lệch dự đoán',
    'Số lượt thi',
    'Giải',
  ]);
  header.font = { bold: true };
  for (const row of ranking.items) {
    sheet.addRow([
      row.rank,
      row.fullName,
      row.unitName,
      row.score,
      row.correct,
      row.timeUsedSeconds,
      row.predictionDistance ?? '—',
      row.attempts,
      row.prize ?? '',
    ]);
  }
  [8, 32, 40, 8, 12, 16, 18, 12, 16].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The unit participation table as .xlsx: the figure organisers report upward. */
export async function participationWorkbook(title: string, table: Participation): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tỷ lệ tham gia', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([title]).font = { bold: true, size: 13 };
  const header = sheet.addRow(['Hạng', 'Đơn vị', 'Số đoàn viên', 'Số người dự thi', 'Tỷ lệ tham gia (%)']);
  header.font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow([row.rank ?? '—', row.unitName, row.members, row.participants, decimal(row.rate)]);
  }
  const total = sheet.addRow([
    '',
    `${table.total.unitName} (toàn đơn vị)`,
    table.total.members,
    table.total.participants,
    decimal(table.total.rate),
  ]);
  total.font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([
    `Số đoàn viên tính theo ngày ${table.referenceDay.split('-').reverse().join('/')}; người dự thi ngoài danh sách đoàn viên (khách): ${table.guests}. Tỷ lệ = số người dự thi / số đoàn viên.`,
  ]);
  [8, 48, 14, 16, 18].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
