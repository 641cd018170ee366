import { type TargetStatus, VI_LABELS } from '@lan-toa/contracts';
import ExcelJS from 'exceljs';
import type { progressTable } from './progress.service.js';

type Table = Awaited<ReturnType<typeof progressTable>>;
type FigureLike = Table['unit'][number];

const STATUS_FILL: Record<string, string> = {
  met: 'FFD3F9D8',
  on_track: 'FFE7F5FF',
  at_risk: 'FFFFF3BF',
  missed: 'FFFFE3E3',
};

function cell(figure: FigureLike | undefined): string {
  if (!figure || figure.value === null) return '—';
  const value = figure.measure === 'count' ? String(figure.value) : `${String(figure.value).replace('.', ',')}%`;
  const parts = figure.denominator === null ? value : `${value} (${figure.numerator}/${figure.denominator})`;
  return figure.manual ? `${parts} *` : parts;
}

function statusLabel(status: string): string {
  return status === 'not_applicable' ? 'Không áp dụng' : VI_LABELS.targetStatus[status as TargetStatus];
}

/** The unit × target table as .xlsx: one row per unit, a value and a status column per target. */
export async function buildProgressWorkbook(table: Table, unitName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tiến độ chỉ tiêu', { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  sheet.addRow([`Tiến độ thực hiện chỉ tiêu năm ${table.year} — ${unitName}`]).font = { bold: true, size: 13 };
  const header = ['Đơn vị', ...table.targets.flatMap((t) => [`${t.code}. ${t.title}`, `${t.code} — đánh giá`])];
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'top' };
  const addUnit = (name: string, figures: FigureLike[]) => {
    const row = sheet.addRow([name, ...figures.flatMap((f) => [cell(f), statusLabel(f.status)])]);
    figures.forEach((f, i) => {
      const fill = STATUS_FILL[f.status];
      if (fill) row.getCell(3 + i * 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
  };
  addUnit(`${unitName} (toàn đơn vị)`, table.unit);
  for (const row of table.rows) addUnit(row.unitName, row.figures);
  sheet.getColumn(1).width = 48;
  for (let i = 2; i <= header.length; i++) sheet.getColumn(i).width = 18;
  sheet.addRow([]);
  sheet.addRow(['* Số liệu nhập tay, có căn cứ kèm theo. Tỷ lệ tính theo tổng tử số trên tổng mẫu số của các đơn vị.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
