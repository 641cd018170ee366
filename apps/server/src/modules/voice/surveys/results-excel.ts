import {
  SURVEY_COMPLEMENT_TEXT,
  SURVEY_QUESTION_KIND_LABELS,
  SURVEY_SUPPRESSED_TEXT,
  type SurveyResults,
} from '@lan-toa/contracts';
import ExcelJS from 'exceljs';
import { viDate } from '../../../platform/dates.js';

/**
 * A survey's results as .xlsx: the same figures as the results page, with the same suppression
 * (built from the suppressed results, never from raw answers).
 */
export async function resultsWorkbook(results: SurveyResults, unitName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const rateSheet = workbook.addWorksheet('Tỷ lệ trả lời');
  rateSheet.addRow([`Kết quả khảo sát: ${results.title}`]).font = { bold: true, size: 13 };
  rateSheet.addRow([
    `Đơn vị tổ chức: ${unitName} — ${results.anonymous ? 'ẩn danh' : 'ghi tên'} — tính đến ngày ${viDate(results.day)}`,
  ]);
  rateSheet.addRow(['Đơn vị', 'Số đoàn viên được khảo sát', 'Đã trả lời', 'Tỷ lệ (%)']).font = { bold: true };
  for (const row of results.responseRate.units) rateSheet.addRow([row.unitName, row.audience, row.responded, row.rate]);
  const rate = results.responseRate;
  rateSheet.addRow(['Tổng cộng', rate.audience, rate.responded, rate.rate]).font = { bold: true };
  [48, 26, 14, 12].forEach((w, i) => {
    rateSheet.getColumn(i + 1).width = w;
  });

  results.questions.forEach((item, index) => {
    const sheet = workbook.addWorksheet(`Câu ${index + 1}`);
    const q = item.question;
    sheet.addRow([`Câu ${index + 1}. ${q.text}`]).font = { bold: true };
    sheet.addRow([
      `Loại: ${SURVEY_QUESTION_KIND_LABELS[q.kind]}. Nhóm dưới ${results.minGroup} câu trả lời không hiển thị.`,
    ]);
    const keys =
      q.kind === 'scale'
        ? Array.from({ length: q.scaleMax ?? 5 }, (_, i) => ({ id: String(i + 1), text: `${i + 1} điểm` }))
        : q.options;
    const header = [
      'Đơn vị',
      'Số câu trả lời',
      ...keys.map((k) => k.text),
      ...(q.kind === 'scale' ? ['Điểm trung bình'] : []),
    ];
    sheet.addRow(header).font = { bold: true };
    for (const row of [item.total, ...item.units]) {
      const name = `${'   '.repeat(row.depth)}${row.unitName}`;
      if (row.suppressed)
        sheet.addRow([name, row.suppressedReason === 'small' ? SURVEY_SUPPRESSED_TEXT : SURVEY_COMPLEMENT_TEXT]);
      else if (q.kind === 'text') sheet.addRow([name, row.answers]);
      else
        sheet.addRow([
          name,
          row.answers,
          ...keys.map((k) => row.counts?.[k.id] ?? 0),
          ...(q.kind === 'scale' ? [row.mean] : []),
        ]);
    }
    if (item.texts.length > 0) {
      sheet.addRow([]);
      sheet.addRow(['Câu trả lời', ...(results.anonymous ? [] : ['Đơn vị'])]).font = { bold: true };
      for (const t of item.texts) sheet.addRow([t.text, ...(t.unitName ? [t.unitName] : [])]);
    }
    sheet.getColumn(1).width = 50;
    sheet.getColumn(2).width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
