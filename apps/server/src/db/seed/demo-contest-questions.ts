import type { ContestOption, ContestPrize, ContestQuota } from '../schema-contests.js';

/**
 * The demo contest as text: its title, rules and prizes, and its question bank. Every question
 * rests on the province plan (shared/seeds/000_…txt: its targets 2.1–2.4, its tasks, the
 * documents it names; "05/KH-CĐGD" is the number the demo gives it, see seed-plan.ts), on the
 * Trade Union Law 2024 as passed (Luật số 50/2024/QH15), or on settled facts of the union's
 * history. Pure data.
 */

export const DEMO_CONTEST_TITLE =
  'Tìm hiểu Kế hoạch tuyên truyền, vận động của Công đoàn Giáo dục tỉnh Ninh Bình nhiệm kỳ 2023–2028 ' +
  'và Luật Công đoàn năm 2024';

export const DEMO_TOPICS = {
  plan: 'Kế hoạch 05/KH-CĐGD',
  law: 'Luật Công đoàn 2024',
  history: 'Lịch sử Công đoàn Việt Nam',
} as const;

/** Each attempt: 8 questions on the plan, 8 on the law, 4 on history. */
export const DEMO_QUOTAS: ContestQuota[] = [
  { topic: DEMO_TOPICS.plan, difficulty: null, count: 8 },
  { topic: DEMO_TOPICS.law, difficulty: null, count: 8 },
  { topic: DEMO_TOPICS.history, difficulty: null, count: 4 },
];
export const DEMO_QUESTION_COUNT = 20;
export const DEMO_TIME_LIMIT_MINUTES = 30;
export const DEMO_ATTEMPTS_ALLOWED = 2;

/** Weekly individual prizes, in rank order (the rules' "cơ cấu giải"). */
export const DEMO_ROUND_PRIZES: ContestPrize[] = [
  { name: 'Giải Nhất', count: 1 },
  { name: 'Giải Nhì', count: 2 },
  { name: 'Giải Ba', count: 3 },
  { name: 'Giải Khuyến khích', count: 5 },
];

export const predictionQuestion = (roundTitle: string) =>
  `Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi của ${roundTitle}?`;

export interface RoundDates {
  title: string;
  opensAt: Date;
  closesAt: Date;
}

/** "08 giờ 00 ngày 13/11/2026", in Vietnam's time. */
export function vietnameseDateTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${two(local.getUTCHours())} giờ ${two(local.getUTCMinutes())} ngày ` +
    `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`
  );
}

export function demoContestRules(rounds: RoundDates[]): string {
  const weeks = rounds.map(
    (r) => `- ${r.title}: từ ${vietnameseDateTime(r.opensAt)} đến ${vietnameseDateTime(r.closesAt)}.`,
  );
  return [
    'THỂ LỆ CUỘC THI',
    '',
    '1. Đối tượng dự thi',
    'Cán bộ, nhà giáo, người lao động là đoàn viên công đoàn đang sinh hoạt tại các công đoàn cơ sở thuộc ' +
      'Công đoàn Giáo dục tỉnh Ninh Bình (kể cả cơ quan Công đoàn Giáo dục tỉnh và công đoàn các xã, phường). ' +
      'Mỗi người dự thi bằng tài khoản của chính mình trên nền tảng Lan Tỏa; không thi hộ, không dùng nhiều tài khoản.',
    '',
    '2. Hình thức và thời gian',
    'Thi trắc nghiệm trực tuyến, tổ chức theo từng tuần:',
    ...weeks,
    'Các tuần tiếp theo (nếu có) được Ban Tổ chức thông báo trên trang cuộc thi.',
    '',
    '3. Nội dung, số câu hỏi',
    `Mỗi lượt thi gồm ${DEMO_QUESTION_COUNT} câu hỏi trắc nghiệm lấy ngẫu nhiên từ ngân hàng câu hỏi: ` +
      '08 câu về Kế hoạch số 05/KH-CĐGD ngày 22/01/2024 của Công đoàn Giáo dục tỉnh về nâng cao hiệu quả công tác ' +
      'tuyên truyền, vận động cán bộ, nhà giáo và người lao động, giai đoạn 2023–2028; 08 câu về Luật Công đoàn ' +
      'năm 2024; 04 câu về lịch sử Công đoàn Việt Nam. Có câu một đáp án đúng và câu nhiều đáp án đúng; câu nhiều ' +
      'đáp án đúng phải chọn đủ và đúng tất cả các đáp án mới được tính điểm. Kèm theo 01 câu hỏi dự đoán số người ' +
      'trả lời đúng tất cả các câu hỏi của tuần.',
    '',
    '4. Thời gian làm bài, số lượt thi',
    `Thời gian làm bài mỗi lượt là ${DEMO_TIME_LIMIT_MINUTES} phút, tính từ khi bắt đầu; hết giờ, hệ thống tự ` +
      'động thu bài và chấm điểm theo các câu đã trả lời. Câu trả lời được lưu ngay khi chọn, nên khi mất kết nối ' +
      `hoặc tải lại trang, người dự thi tiếp tục lượt đang làm. Mỗi tuần, mỗi người được thi tối đa ` +
      `0${DEMO_ATTEMPTS_ALLOWED} lượt; lượt có kết quả cao nhất được tính.`,
    '',
    '5. Cách tính điểm và xếp hạng',
    'Mỗi câu trả lời đúng được 01 điểm. Kết quả mỗi tuần xếp hạng lần lượt theo: (1) số điểm cao hơn; ' +
      '(2) số dự đoán gần với số người trả lời đúng tất cả các câu hỏi hơn (người không trả lời câu dự đoán xếp ' +
      'sau); (3) thời gian làm bài ít hơn. Kết quả được công bố trên trang cuộc thi sau khi tuần thi kết thúc.',
    '',
    '6. Tỷ lệ tham gia của công đoàn cơ sở',
    'Tỷ lệ tham gia = số đoàn viên của đơn vị có lượt thi được tính / tổng số đoàn viên của đơn vị. Tham gia ' +
      'cuộc thi được ghi nhận là tham gia hoạt động tuyên truyền, phổ biến pháp luật của Kế hoạch.',
    '',
    '7. Quy định chung',
    'Ban Tổ chức hủy kết quả các lượt thi có dấu hiệu gian lận và ghi rõ lý do. Quyết định của Ban Tổ chức là ' +
      'quyết định cuối cùng.',
  ].join('\n');
}

export const DEMO_CONTEST_PRIZES = [
  'CƠ CẤU GIẢI THƯỞNG',
  '',
  '1. Giải cá nhân (mỗi tuần thi)',
  '- 01 giải Nhất: 1.000.000 đồng;',
  '- 02 giải Nhì: mỗi giải 700.000 đồng;',
  '- 03 giải Ba: mỗi giải 500.000 đồng;',
  '- 05 giải Khuyến khích: mỗi giải 300.000 đồng.',
  '',
  '2. Giải tập thể (toàn cuộc thi)',
  '03 giải cho 03 công đoàn cơ sở có tỷ lệ đoàn viên tham gia dự thi cao nhất, mỗi giải 1.500.000 đồng.',
  '',
  'Cá nhân, tập thể đạt giải được Ban Chấp hành Công đoàn Giáo dục tỉnh tặng Giấy khen kèm theo tiền thưởng.',
].join('\n');

export interface DemoQuestion {
  kind: 'single' | 'multiple';
  text: string;
  options: ContestOption[];
  correct: string[];
  topic: string;
  difficulty: 1 | 2 | 3;
}

/** A question whose right options are marked with a leading `*`; options get ids a, b, c, … */
function q(topic: string, difficulty: 1 | 2 | 3, text: string, options: string[]): DemoQuestion {
  const marked = options.map((option, i) => ({ id: 'abcdefgh'[i] as string, right: option.startsWith('*'), option }));
  const correct = marked.filter((o) => o.right).map((o) => o.id);
  return {
    kind: correct.length > 1 ? 'multiple' : 'single',
    text,
    options: marked.map((o) => ({ id: o.id, text: o.right ? o.option.slice(1) : o.option })),
    correct,
    topic,
    difficulty,
  };
}

const PLAN = DEMO_TOPICS.plan;
const LAW = DEMO_TOPICS.law;
const HISTORY = DEMO_TOPICS.history;
const MANY = ' (chọn tất cả các đáp án đúng)';

export const DEMO_QUESTIONS: DemoQuestion[] = [
  // Kế hoạch số 05/KH-CĐGD (shared/seeds/000_…txt)
  q(
    PLAN,
    1,
    'Kế hoạch số 05/KH-CĐGD của Công đoàn Giáo dục tỉnh Ninh Bình về nâng cao hiệu quả công tác tuyên truyền, ' +
      'vận động cán bộ, nhà giáo và người lao động được ban hành ngày nào?',
    ['18/01/2024', '*22/01/2024', '12/6/2021', '28/12/2021'],
  ),
  q(PLAN, 1, 'Kế hoạch số 05/KH-CĐGD về nâng cao hiệu quả công tác tuyên truyền, vận động áp dụng cho giai đoạn nào?', [
    '2021–2026',
    '2024–2029',
    '*2023–2028',
    '2020–2025',
  ]),
  q(
    PLAN,
    2,
    'Theo phần mở đầu, Kế hoạch số 05/KH-CĐGD được Công đoàn Giáo dục tỉnh xây dựng để thực hiện kế hoạch nào ' +
      'của Liên đoàn Lao động tỉnh Ninh Bình?',
    [
      'Kế hoạch số 36-KH/TU ngày 30/8/2021 của Tỉnh ủy',
      '*Kế hoạch số 06/KH-LĐLĐ ngày 18/01/2024 về nâng cao chất lượng công tác tuyên truyền, vận động đoàn viên và ' +
        'người lao động, giai đoạn 2023–2028',
      'Chương trình hành động số 17-CTr/TU của Ban Thường vụ Tỉnh ủy',
      'Hướng dẫn số 58/HD-TLĐ ngày 10/5/2022 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam',
    ],
  ),
  q(
    PLAN,
    1,
    'Theo chỉ tiêu 2.1 của Kế hoạch, hằng năm bao nhiêu phần trăm cán bộ công đoàn chủ chốt các cấp được quán triệt, ' +
      'học tập các nghị quyết, chỉ thị của Đảng, chính sách pháp luật của Nhà nước liên quan đến lao động và công đoàn?',
    ['80%', '90%', '95%', '*100%'],
  ),
  q(
    PLAN,
    2,
    'Theo chỉ tiêu 2.1 của Kế hoạch, hằng năm tỷ lệ đoàn viên, người lao động trong các đơn vị có tổ chức Công đoàn ' +
      'được quán triệt, học tập các nghị quyết, chỉ thị của Đảng, chính sách pháp luật của Nhà nước liên quan đến ' +
      'lao động và công đoàn là bao nhiêu?',
    ['*95% trở lên', '90% trở lên', '85% trở lên', '80% trở lên'],
  ),
  q(
    PLAN,
    2,
    'Theo chỉ tiêu 2.2 của Kế hoạch, trong nhiệm kỳ Công đoàn Giáo dục tỉnh tổ chức bao nhiêu cuộc tập huấn về ' +
      'nghiệp vụ công tác tuyên giáo công đoàn cho cán bộ công đoàn?',
    ['03 cuộc', '04 cuộc', '*05 cuộc', '10 cuộc'],
  ),
  q(
    PLAN,
    2,
    'Theo chỉ tiêu 2.3 của Kế hoạch, theo định kỳ 2 năm và 5 năm, tỷ lệ cơ quan, đơn vị đạt chuẩn văn hóa là bao nhiêu?',
    ['80%', '90%', '*95%', '100%'],
  ),
  q(
    PLAN,
    2,
    'Chỉ tiêu 2.3 của Kế hoạch đặt ra tỷ lệ gia đình cán bộ, nhà giáo, người lao động đạt gia đình văn hóa là bao nhiêu?',
    ['85% trở lên', '*95% trở lên', '90% trở lên', '75% trở lên'],
  ),
  q(PLAN, 3, `Theo chỉ tiêu 2.4, Kế hoạch đặt ra những yêu cầu nào về hội diễn văn nghệ và giải thể thao?${MANY}`, [
    '*Trong nhiệm kỳ, tổ chức ít nhất 01 hội diễn văn nghệ trong cán bộ, nhà giáo, người lao động',
    'Trong nhiệm kỳ, tổ chức 05 hội diễn văn nghệ',
    '*Hằng năm tổ chức 01 giải thể thao trong cán bộ, nhà giáo, người lao động',
    'Hai năm tổ chức 01 giải thể thao',
  ]),
  q(
    PLAN,
    2,
    `Chỉ tiêu 2.4 của Kế hoạch nêu tên những môn, nội dung văn nghệ, thể thao nào được tổ chức hằng năm trong cán bộ, ` +
      `nhà giáo, người lao động?${MANY}`,
    ['*Cầu lông', 'Bóng đá', '*Bóng chuyền hơi', '*Dân vũ', 'Cờ tướng'],
  ),
  q(PLAN, 1, 'Kế hoạch yêu cầu tuyên truyền hoạt động của tổ chức Công đoàn là tổ chức như thế nào?', [
    'Tổ chức nghề nghiệp của nhà giáo',
    'Tổ chức của cán bộ quản lý, vì sự phát triển của nhà trường',
    '*Tổ chức của người lao động, do người lao động và vì người lao động',
    'Tổ chức xã hội tự quản của người lao động',
  ]),
  q(
    PLAN,
    2,
    'Theo Kế hoạch, Công đoàn Giáo dục tỉnh tổ chức sơ kết giữa nhiệm kỳ và tổng kết, đánh giá kết quả thực hiện ' +
      'Kế hoạch vào những năm nào?',
    [
      'Sơ kết năm 2025, tổng kết năm 2028',
      '*Sơ kết năm 2026, tổng kết năm 2028',
      'Sơ kết năm 2026, tổng kết năm 2027',
      'Sơ kết năm 2024, tổng kết năm 2026',
    ],
  ),
  q(PLAN, 2, 'Theo Kế hoạch, “Tháng Công nhân” hằng năm được tổ chức theo chủ đề gắn với hoạt động nào?', [
    '*Tháng hành động về an toàn, vệ sinh lao động',
    'Tháng hành động vì trẻ em',
    'Tháng Thanh niên',
    'Tháng hành động quốc gia phòng, chống HIV/AIDS',
  ]),
  q(PLAN, 1, 'Trong các hoạt động “Tháng Công nhân”, Kế hoạch yêu cầu tuyên truyền về ý nghĩa của ngày lễ nào?', [
    'Ngày Nhà giáo Việt Nam (20/11)',
    '*Ngày Quốc tế Lao động (1/5)',
    'Ngày thành lập Công đoàn Việt Nam (28/7)',
    'Ngày Quốc khánh (2/9)',
  ]),
  q(
    PLAN,
    3,
    'Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị (khóa XIII), được Kế hoạch yêu cầu tiếp tục triển khai, ' +
      'có nội dung gì?',
    [
      'Tiếp tục xây dựng giai cấp công nhân Việt Nam thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước',
      '*Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới',
      'Xây dựng và phát triển văn hóa, con người Việt Nam đáp ứng yêu cầu phát triển bền vững đất nước',
      'Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    ],
  ),
  q(
    PLAN,
    3,
    'Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa X), được nêu trong Kế hoạch, có nội dung gì?',
    [
      'Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới',
      'Xây dựng và phát triển văn hóa, con người Việt Nam đáp ứng yêu cầu phát triển bền vững đất nước',
      '*Tiếp tục xây dựng giai cấp công nhân Việt Nam thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước',
      'Phê duyệt Chương trình thực hiện phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”',
    ],
  ),
  q(
    PLAN,
    3,
    'Theo Kế hoạch, Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị là về việc tiếp tục thực hiện văn bản nào?',
    [
      'Nghị quyết số 33-NQ/TW ngày 09/6/2014 của Ban Chấp hành Trung ương (khóa XI)',
      'Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa X)',
      'Quyết định số 2214/QĐ-TTg ngày 28/12/2021 của Thủ tướng Chính phủ',
      '*Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    ],
  ),
  q(
    PLAN,
    3,
    'Quyết định số 2214/QĐ-TTg ngày 28/12/2021 của Thủ tướng Chính phủ, được nêu trong Kế hoạch, phê duyệt chương ' +
      'trình thực hiện phong trào nào?',
    [
      '*Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” giai đoạn 2021–2026',
      'Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” giai đoạn 2023–2028',
      'Phong trào thi đua “Dạy tốt, học tốt” giai đoạn 2021–2026',
      'Phong trào “Xanh – Sạch – Đẹp” giai đoạn 2021–2025',
    ],
  ),
  q(
    PLAN,
    2,
    `Theo nhiệm vụ 3 của Kế hoạch, công tác tuyên truyền, phổ biến, giáo dục pháp luật tới người lao động cần chú ` +
      `trọng (“nhất là”) những luật nào?${MANY}`,
    ['*Bộ luật Lao động', 'Luật Đất đai', '*Luật Công đoàn', '*Luật Giáo dục', 'Luật Giao thông đường bộ'],
  ),
  q(
    PLAN,
    3,
    'Kế hoạch yêu cầu xây dựng chương trình, kế hoạch tuyên truyền nhằm thực hiện có hiệu quả Nghị quyết Đại hội ' +
      'Công đoàn Giáo dục tỉnh lần thứ mấy?',
    ['Lần thứ XIII', 'Lần thứ XVI', '*Lần thứ XVII', 'Lần thứ XXII'],
  ),
  q(
    PLAN,
    2,
    `Theo mục tiêu tổng quát của Kế hoạch, công tác tuyên truyền, vận động góp phần thực hiện thắng lợi những nghị ` +
      `quyết nào?${MANY}`,
    [
      '*Nghị quyết Đại hội Đảng bộ tỉnh Ninh Bình lần thứ XXII',
      'Nghị quyết Đại hội Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp',
      '*Nghị quyết Đại hội Công đoàn các cấp',
      'Nghị quyết Đại hội Hội Cựu giáo chức tỉnh',
    ],
  ),
  q(PLAN, 1, 'Kế hoạch giao nhiệm vụ vận động đoàn viên tham gia những cuộc thi nào?', [
    'Chỉ các cuộc thi trực tiếp do công đoàn cơ sở tổ chức',
    'Chỉ các cuộc thi trực tuyến do Tổng Liên đoàn Lao động Việt Nam tổ chức',
    '*Các cuộc thi trực tuyến và trực tiếp do các cấp, các ngành tổ chức',
    'Các cuộc thi do đơn vị tự chọn, không bắt buộc tuyên truyền',
  ]),

  // Luật Công đoàn năm 2024 (Luật số 50/2024/QH15, as passed)
  q(LAW, 1, 'Luật Công đoàn năm 2024 có số hiệu nào?', [
    '12/2012/QH13',
    '45/2019/QH14',
    '*50/2024/QH15',
    '43/2019/QH14',
  ]),
  q(LAW, 1, 'Luật Công đoàn năm 2024 có hiệu lực thi hành từ ngày nào?', [
    '01/01/2025',
    '*01/7/2025',
    '01/01/2026',
    '28/7/2025',
  ]),
  q(LAW, 2, 'Luật Công đoàn năm 2024 do Quốc hội khóa nào thông qua?', [
    'Khóa XIII',
    'Khóa XIV',
    '*Khóa XV',
    'Khóa XVI',
  ]),
  q(LAW, 2, 'Luật Công đoàn năm 2024 thay thế luật nào?', [
    '*Luật Công đoàn số 12/2012/QH13',
    'Bộ luật Lao động số 45/2019/QH14',
    'Luật Giáo dục số 43/2019/QH14',
    'Luật Viên chức năm 2010',
  ]),
  q(
    LAW,
    2,
    'Theo Luật Công đoàn năm 2024, cơ quan, tổ chức, doanh nghiệp đóng kinh phí công đoàn bằng bao nhiêu phần trăm ' +
      'quỹ tiền lương làm căn cứ đóng bảo hiểm xã hội cho người lao động?',
    ['1%', '1,5%', '*2%', '3%'],
  ),
  q(LAW, 2, 'Theo Luật Công đoàn, kinh phí công đoàn do ai đóng?', [
    'Đoàn viên công đoàn, trích từ tiền lương hằng tháng',
    '*Cơ quan, tổ chức, doanh nghiệp sử dụng lao động',
    'Người lao động chưa là đoàn viên công đoàn',
    'Ngân sách nhà nước cấp toàn bộ',
  ]),
  q(LAW, 2, `Theo Luật Công đoàn, tài chính công đoàn gồm những nguồn thu nào dưới đây?${MANY}`, [
    '*Đoàn phí công đoàn',
    '*Kinh phí công đoàn',
    'Tiền xử phạt vi phạm hành chính trong lĩnh vực lao động',
    '*Ngân sách nhà nước hỗ trợ',
  ]),
  q(LAW, 1, 'Theo Luật Công đoàn, Công đoàn Việt Nam được thành lập trên cơ sở nào?', [
    'Bắt buộc đối với mọi người lao động',
    'Chỉ định của cơ quan nhà nước',
    'Đề nghị của người sử dụng lao động',
    '*Tự nguyện',
  ]),
  q(LAW, 1, 'Theo Luật Công đoàn, Công đoàn Việt Nam hoạt động dưới sự lãnh đạo của tổ chức nào?', [
    '*Đảng Cộng sản Việt Nam',
    'Quốc hội',
    'Chính phủ',
    'Bộ Giáo dục và Đào tạo',
  ]),
  q(
    LAW,
    2,
    'Theo Luật Công đoàn, người lao động là người Việt Nam làm việc trong cơ quan, tổ chức, doanh nghiệp có quyền gì ' +
      'đối với tổ chức công đoàn?',
    [
      'Chỉ được gia nhập công đoàn khi người sử dụng lao động đồng ý',
      '*Thành lập, gia nhập và hoạt động công đoàn',
      'Bắt buộc gia nhập công đoàn ngay khi ký hợp đồng lao động',
      'Chỉ được gia nhập công đoàn sau 5 năm công tác',
    ],
  ),
  q(LAW, 3, 'Điểm mới của Luật Công đoàn năm 2024 về người lao động là người nước ngoài làm việc tại Việt Nam là gì?', [
    'Không được gia nhập công đoàn trong mọi trường hợp',
    'Chỉ được gia nhập công đoàn khi đã có quốc tịch Việt Nam',
    '*Được gia nhập, hoạt động công đoàn tại công đoàn cơ sở theo quy định của Luật',
    'Được thành lập tổ chức công đoàn riêng ngoài hệ thống Công đoàn Việt Nam',
  ]),
  q(LAW, 2, `Theo Luật Công đoàn, những hành vi nào dưới đây bị nghiêm cấm?${MANY}`, [
    '*Cản trở, gây khó khăn trong việc thực hiện quyền công đoàn',
    'Vận động người lao động gia nhập công đoàn',
    '*Phân biệt đối xử hoặc có hành vi gây bất lợi đối với người lao động vì lý do thành lập, gia nhập, hoạt ' +
      'động công đoàn',
    'Tổ chức đối thoại giữa người lao động và người sử dụng lao động',
  ]),
  q(LAW, 3, `Theo Luật Công đoàn, Công đoàn có những chức năng nào dưới đây?${MANY}`, [
    '*Đại diện, chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên công đoàn và người lao động',
    '*Tham gia quản lý nhà nước, quản lý kinh tế – xã hội',
    'Quyết định việc tuyển dụng, bố trí nhân sự của cơ quan, đơn vị',
    '*Tuyên truyền, vận động người lao động học tập nâng cao trình độ, kỹ năng nghề nghiệp, chấp hành pháp luật',
  ]),
  q(
    LAW,
    3,
    `Theo Luật Công đoàn, công đoàn có quyền, trách nhiệm nào dưới đây trong việc đại diện, bảo vệ quyền, lợi ích ` +
      `hợp pháp, chính đáng của người lao động?${MANY}`,
    [
      'Thay người sử dụng lao động trả lương cho người lao động',
      '*Thương lượng, ký kết và giám sát việc thực hiện thỏa ước lao động tập thể',
      '*Hướng dẫn, tư vấn cho người lao động về quyền, nghĩa vụ khi giao kết, thực hiện hợp đồng lao động',
      'Quyết định kỷ luật người lao động vi phạm nội quy lao động',
    ],
  ),

  // Lịch sử Công đoàn Việt Nam
  q(HISTORY, 1, 'Công đoàn Việt Nam được thành lập ngày, tháng, năm nào?', [
    '03/02/1930',
    '*28/7/1929',
    '01/5/1930',
    '02/9/1945',
  ]),
  q(HISTORY, 2, 'Ngày 28/7/1929 – Ngày thành lập Công đoàn Việt Nam – gắn với sự ra đời của tổ chức nào?', [
    'Hội Công nhân cứu quốc',
    'Tổng Liên đoàn Lao động Việt Nam',
    '*Tổng Công hội Đỏ Bắc Kỳ',
    'Hội Việt Nam Cách mạng Thanh niên',
  ]),
  q(HISTORY, 3, 'Đại hội thành lập Tổng Công hội Đỏ Bắc Kỳ ngày 28/7/1929 được tổ chức ở đâu?', [
    'Số nhà 5D phố Hàm Long, Hà Nội',
    '*Số nhà 15 phố Hàng Nón, Hà Nội',
    'Số nhà 48 phố Hàng Ngang, Hà Nội',
    'Hương Cảng (Trung Quốc)',
  ]),
  q(
    HISTORY,
    3,
    'Đồng chí nào được bầu làm Trưởng ban Chấp hành lâm thời Tổng Công hội Đỏ Bắc Kỳ tại Đại hội thành lập ngày 28/7/1929?',
    ['Trần Phú', 'Tôn Đức Thắng', '*Nguyễn Đức Cảnh', 'Hoàng Quốc Việt'],
  ),
  q(HISTORY, 2, 'Công đoàn Việt Nam ra đời trước hay sau ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930)?', [
    '*Trước',
    'Sau',
    'Cùng ngày',
    'Cùng năm 1930',
  ]),
  q(HISTORY, 2, 'Năm 2029, Công đoàn Việt Nam kỷ niệm bao nhiêu năm Ngày thành lập?', [
    '90 năm',
    '95 năm',
    '*100 năm',
    '105 năm',
  ]),
  q(HISTORY, 1, '“Tháng Công nhân” do tổ chức Công đoàn phát động được tổ chức vào tháng nào hằng năm?', [
    'Tháng 3',
    '*Tháng 5',
    'Tháng 7',
    'Tháng 11',
  ]),
  q(HISTORY, 1, 'Đại hội Công đoàn Việt Nam nhiệm kỳ 2023–2028 là Đại hội lần thứ mấy?', [
    'Lần thứ XI',
    'Lần thứ XII',
    '*Lần thứ XIII',
    'Lần thứ XIV',
  ]),
  q(HISTORY, 2, 'Đại hội XIII Công đoàn Việt Nam được tổ chức vào năm nào?', ['2022', '*2023', '2024', '2025']),
  q(
    HISTORY,
    3,
    'Đồng chí nào được bầu làm Chủ tịch Tổng Liên đoàn Lao động Việt Nam tại Đại hội XIII Công đoàn Việt Nam?',
    ['Bùi Văn Cường', '*Nguyễn Đình Khang', 'Đặng Ngọc Tùng', 'Cù Thị Hậu'],
  ),
];
