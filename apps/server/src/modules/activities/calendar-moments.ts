import type { CalendarItem } from '@lan-toa/contracts';

/**
 * The plan's recurring moments (Kế hoạch 05/KH-CĐGD, sections III.5 and IV.1): every May is
 * Tháng Công nhân together with the occupational safety action month, opened by 1 May; the
 * mid-term review falls in 2026 and the final review in 2028 (placed in their Decembers, when
 * yearly reviews are held). They are dates of the plan, not records, so they are computed.
 */
interface Moment {
  kind: CalendarItem['kind'];
  title: (year: number) => string;
  /** Month and day of the first and last day, or null for every year. */
  start: string;
  end: string;
  onlyYear?: number;
}

const MOMENTS: readonly Moment[] = [
  { kind: 'workers_month', title: (y) => `Tháng Công nhân năm ${y}`, start: '05-01', end: '05-31' },
  { kind: 'may_day', title: () => 'Ngày Quốc tế Lao động 1/5', start: '05-01', end: '05-01' },
  {
    kind: 'safety_month',
    title: (y) => `Tháng hành động về an toàn, vệ sinh lao động năm ${y}`,
    start: '05-01',
    end: '05-31',
  },
  {
    kind: 'midterm_review',
    title: () => 'Sơ kết giữa nhiệm kỳ thực hiện Kế hoạch giai đoạn 2023–2028',
    start: '12-01',
    end: '12-31',
    onlyYear: 2026,
  },
  {
    kind: 'final_review',
    title: () => 'Tổng kết thực hiện Kế hoạch giai đoạn 2023–2028',
    start: '12-01',
    end: '12-31',
    onlyYear: 2028,
  },
];

/** The moments overlapping [from, to] (both 'YYYY-MM-DD', inclusive), in date order. */
export function planMoments(from: string, to: string): CalendarItem[] {
  const items: CalendarItem[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const moment of MOMENTS) {
      if (moment.onlyYear !== undefined && moment.onlyYear !== year) continue;
      const start = `${year}-${moment.start}`;
      const end = `${year}-${moment.end}`;
      if (end < from || start > to) continue;
      items.push({ kind: moment.kind, title: moment.title(year), start, end, allDay: true });
    }
  }
  return items;
}
