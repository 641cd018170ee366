import type { TopicDocumentJson } from '../schema.js';

/**
 * What the demo study sessions are about: their titles and their topic documents, the
 * resolutions, directives and laws the province plan (seeds/000_…txt, sections II and III) names.
 * Pure data: the planner draws no random number for it, so the rest of the demo stays the same.
 */

const doc = (title: string, number = ''): TopicDocumentJson => ({ title, number });

const NQ_02 = doc(
  'Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị (khóa XIII) về đổi mới tổ chức và hoạt động của ' +
    'Công đoàn Việt Nam trong tình hình mới',
  '02-NQ/TW',
);
const KH_36 = doc(
  'Kế hoạch số 36-KH/TU ngày 30/8/2021 triển khai thực hiện Nghị quyết số 02-NQ/TW của Bộ Chính trị',
  '36-KH/TU',
);
const CTR_08 = doc(
  'Chương trình hành động số 08/CTr-LĐLĐ ngày 07/10/2021 thực hiện Nghị quyết Đại hội XIII của Đảng, ' +
    'Nghị quyết số 02-NQ/TW và Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIII',
  '08/CTr-LĐLĐ',
);
const NQ_20 = doc(
  'Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa X) về tiếp tục xây dựng giai cấp công nhân ' +
    'Việt Nam thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước',
  '20-NQ/TW',
);
const CTR_17 = doc(
  'Chương trình hành động số 17-CTr/TU của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 20-NQ/TW',
  '17-CTr/TU',
);
const KL_79 = doc(
  'Kết luận số 79-KL/TW ngày 25/12/2013 của Bộ Chính trị (khóa XI) về đẩy mạnh thực hiện Nghị quyết số 20-NQ/TW',
  '79-KL/TW',
);
const KL_01 = doc(
  'Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW',
  '01-KL/TW',
);
const CT_05 = doc(
  'Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  '05-CT/TW',
);
const KH_06 = doc(
  'Kế hoạch số 06/KH-LĐLĐ ngày 18/01/2024 của Liên đoàn Lao động tỉnh Ninh Bình về nâng cao chất lượng công tác ' +
    'tuyên truyền, vận động đoàn viên và người lao động, giai đoạn 2023–2028',
  '06/KH-LĐLĐ',
);
const CONGRESS_VGCL = doc('Nghị quyết Đại hội XIII Công đoàn Việt Nam, nhiệm kỳ 2023–2028');
const CONGRESS_PROVINCE = doc('Nghị quyết Đại hội Công đoàn Giáo dục tỉnh lần thứ XVII, nhiệm kỳ 2023–2028');
const LABOUR_CODE = doc('Bộ luật Lao động năm 2019', '45/2019/QH14');
const EDUCATION_LAW = doc('Luật Giáo dục năm 2019', '43/2019/QH14');
const TRADE_UNION_LAW = doc('Luật Công đoàn năm 2024', '50/2024/QH15');

const RESOLUTION_STUDY: Record<number, { title: string; topics: TopicDocumentJson[] }> = {
  2023: {
    title: 'Học tập, quán triệt Nghị quyết Đại hội XIII Công đoàn Việt Nam, nhiệm kỳ 2023–2028',
    topics: [CONGRESS_VGCL, CONGRESS_PROVINCE],
  },
  2024: {
    title:
      'Học tập, quán triệt Nghị quyết số 02-NQ/TW của Bộ Chính trị ' +
      'về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam',
    topics: [NQ_02, KH_36, CTR_08],
  },
  2025: {
    title: 'Tuyên truyền Luật Công đoàn năm 2024 và Nghị quyết số 02-NQ/TW của Bộ Chính trị',
    topics: [TRADE_UNION_LAW, NQ_02],
  },
};

export interface StudySlot {
  from: string;
  to: string;
  task: string;
  title: (year: number) => string;
  topics: (year: number) => TopicDocumentJson[];
}

/** A school's study sessions in calendar order: resolutions (Feb–Mar), labour law (Apr), Hồ Chí Minh (Sep–Oct). */
export const STUDY_SLOTS: StudySlot[] = [
  {
    from: '02-20',
    to: '03-25',
    task: '1',
    title: (y) =>
      RESOLUTION_STUDY[y]?.title ?? `Học tập, quán triệt nghị quyết, chỉ thị của Đảng và Công đoàn năm ${y}`,
    topics: (y) => RESOLUTION_STUDY[y]?.topics ?? [NQ_02, NQ_20, CTR_17, KL_79],
  },
  {
    from: '04-05',
    to: '04-25',
    task: '3',
    title: () => 'Tuyên truyền Bộ luật Lao động và chế độ, chính sách đối với nhà giáo',
    topics: () => [LABOUR_CODE, EDUCATION_LAW],
  },
  {
    from: '09-10',
    to: '10-20',
    task: '2',
    title: (y) => `Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm ${y}`,
    topics: () => [KL_01, CT_05],
  },
];

/** The province's yearly conference for key officials: the plan's own sources once they exist (January 2024). */
export function conferenceTopics(year: number): TopicDocumentJson[] {
  return year <= 2023 ? [NQ_02, KH_36, CTR_08, NQ_20] : [CONGRESS_VGCL, CONGRESS_PROVINCE, KH_06, NQ_02];
}
