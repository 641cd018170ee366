import type { DocumentType } from '@lan-toa/contracts';

/**
 * The documents the seed plan (Kế hoạch 05/KH-CĐGD) cites, and the laws it names in III.3, with
 * their numbers, dates, issuers and titles. Only metadata: the summaries are the system's own
 * short descriptions, said to be so ("Tóm tắt do hệ thống tạo"), never passed off as the text of
 * the document; no file is attached. Where the plan gives no date, none is invented.
 */

export interface DemoDocument {
  type: DocumentType;
  number: string;
  issuedOn: string | null;
  issuer: string;
  title: string;
  summary: string;
  topics: string[];
}

const NOTE = 'Tóm tắt do hệ thống tạo, không phải nội dung văn bản; hãy đọc văn bản gốc.';
const summary = (text: string) => `${text}\n\n${NOTE}`;

const PARTY = 'Nghị quyết, chỉ thị của Đảng';
const UNION = 'Tổ chức và hoạt động công đoàn';
const HCM = 'Tư tưởng, đạo đức, phong cách Hồ Chí Minh';
const CULTURE = 'Văn hóa, đời sống văn hóa';

export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  {
    type: 'resolution',
    number: '02-NQ/TW',
    issuedOn: '2021-06-12',
    issuer: 'Bộ Chính trị (khóa XIII)',
    title: 'Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới',
    summary: summary(
      'Nghị quyết của Bộ Chính trị về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam; Kế hoạch 05/KH-CĐGD ' +
        'yêu cầu tiếp tục triển khai thực hiện có hiệu quả (mục III.1).',
    ),
    topics: [PARTY, UNION, 'Luật Công đoàn'],
  },
  {
    type: 'resolution',
    number: '20-NQ/TW',
    issuedOn: '2008-01-28',
    issuer: 'Ban Chấp hành Trung ương Đảng (khóa X)',
    title: 'Về tiếp tục xây dựng giai cấp công nhân Việt Nam thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước',
    summary: summary(
      'Nghị quyết Hội nghị Trung ương 6 khóa X về xây dựng giai cấp công nhân; kế hoạch nhắc tới qua Chương trình ' +
        'hành động số 17-CTr/TU và Kết luận số 79-KL/TW.',
    ),
    topics: [PARTY, UNION],
  },
  {
    type: 'conclusion',
    number: '79-KL/TW',
    issuedOn: '2013-12-25',
    issuer: 'Bộ Chính trị (khóa XI)',
    title: 'Về đẩy mạnh thực hiện Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa X)',
    summary: summary('Kết luận của Bộ Chính trị về đẩy mạnh thực hiện Nghị quyết số 20-NQ/TW về giai cấp công nhân.'),
    topics: [PARTY, UNION],
  },
  {
    type: 'program',
    number: '17-CTr/TU',
    issuedOn: null,
    issuer: 'Ban Thường vụ Tỉnh ủy Ninh Bình',
    title: 'Chương trình hành động thực hiện Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa X)',
    summary: summary(
      'Chương trình hành động của Tỉnh ủy thực hiện Nghị quyết số 20-NQ/TW (kế hoạch không ghi ngày ban hành).',
    ),
    topics: [PARTY, UNION],
  },
  {
    type: 'plan',
    number: '36-KH/TU',
    issuedOn: '2021-08-30',
    issuer: 'Tỉnh ủy Ninh Bình',
    title: 'Triển khai thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị',
    summary: summary('Kế hoạch của Tỉnh ủy triển khai Nghị quyết số 02-NQ/TW tại tỉnh Ninh Bình.'),
    topics: [PARTY, UNION],
  },
  {
    type: 'program',
    number: '08/CTr-LĐLĐ',
    issuedOn: '2021-10-07',
    issuer: 'Liên đoàn Lao động tỉnh Ninh Bình',
    title:
      'Chương trình hành động thực hiện Nghị quyết Đại hội XIII của Đảng, Nghị quyết số 02-NQ/TW ngày 12/6/2021 ' +
      'của Bộ Chính trị và Nghị quyết Đại hội đại biểu Đảng bộ tỉnh',
    summary: summary('Chương trình hành động của Liên đoàn Lao động tỉnh, được Kế hoạch 05/KH-CĐGD nêu ở mục III.1.'),
    topics: [PARTY, UNION],
  },
  {
    type: 'directive',
    number: '05-CT/TW',
    issuedOn: '2016-05-15',
    issuer: 'Bộ Chính trị (khóa XII)',
    title: 'Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    summary: summary('Chỉ thị của Bộ Chính trị về học tập và làm theo Bác; kế hoạch nêu ở mục III.2.'),
    topics: [PARTY, HCM],
  },
  {
    type: 'conclusion',
    number: '01-KL/TW',
    issuedOn: '2021-05-18',
    issuer: 'Bộ Chính trị (khóa XIII)',
    title:
      'Về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị “Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, ' +
      'phong cách Hồ Chí Minh”',
    summary: summary('Kết luận của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW; kế hoạch nêu ở mục III.2.'),
    topics: [PARTY, HCM],
  },
  {
    type: 'resolution',
    number: '33-NQ/TW',
    issuedOn: '2014-06-09',
    issuer: 'Ban Chấp hành Trung ương Đảng (khóa XI)',
    title: 'Về xây dựng và phát triển văn hóa, con người Việt Nam đáp ứng yêu cầu phát triển bền vững đất nước',
    summary: summary(
      'Nghị quyết về văn hóa, con người Việt Nam; kế hoạch nêu ở mục III.6 (đời sống văn hóa tinh thần).',
    ),
    topics: [PARTY, CULTURE],
  },
  {
    type: 'decision',
    number: '2214/QĐ-TTg',
    issuedOn: '2021-12-28',
    issuer: 'Thủ tướng Chính phủ',
    title:
      'Phê duyệt Chương trình thực hiện Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” giai đoạn 2021-2026',
    summary: summary(
      'Quyết định phê duyệt chương trình thực hiện phong trào; kế hoạch yêu cầu thực hiện nghiêm túc (mục III.6).',
    ),
    topics: [CULTURE],
  },
  {
    type: 'guide',
    number: '58/HD-TLĐ',
    issuedOn: '2022-05-10',
    issuer: 'Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam',
    title:
      'Hướng dẫn của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam (kế hoạch trích dẫn ở mục III.6, không nêu trích yếu)',
    summary: summary(
      'Hướng dẫn của Tổng Liên đoàn được kế hoạch nêu cùng Quyết định 2214/QĐ-TTg (mục III.6); trích yếu cần bổ sung theo văn bản gốc.',
    ),
    topics: [CULTURE, UNION],
  },
  {
    type: 'guide',
    number: '51/HD-LĐLĐ',
    issuedOn: null,
    issuer: 'Ban Thường vụ Liên đoàn Lao động tỉnh Ninh Bình',
    title: 'Triển khai thực hiện Quyết định số 2214/QĐ-TTg ngày 28/12/2021 của Thủ tướng Chính phủ',
    summary: summary('Hướng dẫn của Liên đoàn Lao động tỉnh (kế hoạch không ghi ngày ban hành).'),
    topics: [CULTURE, UNION],
  },
  {
    type: 'plan',
    number: '06/KH-LĐLĐ',
    issuedOn: '2024-01-18',
    issuer: 'Liên đoàn Lao động tỉnh Ninh Bình',
    title: 'Nâng cao chất lượng công tác tuyên truyền, vận động đoàn viên và người lao động, giai đoạn 2023-2028',
    summary: summary('Kế hoạch của Liên đoàn Lao động tỉnh mà Kế hoạch 05/KH-CĐGD thực hiện.'),
    topics: [UNION],
  },
  {
    type: 'law',
    number: '45/2019/QH14',
    issuedOn: '2019-11-20',
    issuer: 'Quốc hội',
    title: 'Bộ luật Lao động',
    summary: summary(
      'Bộ luật quy định tiêu chuẩn lao động, quyền và nghĩa vụ của người lao động, người sử dụng lao động.',
    ),
    topics: ['Bộ luật Lao động'],
  },
  {
    type: 'law',
    number: '50/2024/QH15',
    issuedOn: '2024-06-27',
    issuer: 'Quốc hội',
    title: 'Luật Công đoàn',
    summary: summary('Luật quy định về tổ chức, quyền, trách nhiệm của công đoàn và đoàn viên công đoàn.'),
    topics: ['Luật Công đoàn', UNION],
  },
  {
    type: 'law',
    number: '43/2019/QH14',
    issuedOn: '2019-06-14',
    issuer: 'Quốc hội',
    title: 'Luật Giáo dục',
    summary: summary('Luật về hệ thống giáo dục quốc dân, nhà giáo, người học và quản lý nhà nước về giáo dục.'),
    topics: ['Luật Giáo dục'],
  },
  {
    type: 'law',
    number: '41/2024/QH15',
    issuedOn: '2024-06-29',
    issuer: 'Quốc hội',
    title: 'Luật Bảo hiểm xã hội',
    summary: summary('Luật về các chế độ, chính sách bảo hiểm xã hội.'),
    topics: ['Bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp'],
  },
  {
    type: 'law',
    number: '24/2018/QH14',
    issuedOn: '2018-06-12',
    issuer: 'Quốc hội',
    title: 'Luật An ninh mạng',
    summary: summary('Luật về bảo vệ an ninh quốc gia, trật tự an toàn xã hội trên không gian mạng.'),
    topics: ['An ninh mạng'],
  },
  {
    type: 'law',
    number: '73/2021/QH14',
    issuedOn: '2021-03-30',
    issuer: 'Quốc hội',
    title: 'Luật Phòng, chống ma túy',
    summary: summary('Luật về phòng ngừa, ngăn chặn, đấu tranh chống tệ nạn ma túy.'),
    topics: ['Phòng, chống ma túy'],
  },
  {
    type: 'law',
    number: '53/2024/QH15',
    issuedOn: '2024-11-28',
    issuer: 'Quốc hội',
    title: 'Luật Phòng, chống mua bán người',
    summary: summary('Luật về phòng ngừa, phát hiện, xử lý hành vi mua bán người và bảo vệ nạn nhân.'),
    topics: ['Phòng, chống mua bán người'],
  },
];

/** The demo assignment's quiz: about what the metadata says, nothing more. */
export const DEMO_QUIZ = [
  {
    text: 'Nghị quyết số 02-NQ/TW về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam do cơ quan nào ban hành?',
    options: [
      { id: 'a', text: 'Bộ Chính trị' },
      { id: 'b', text: 'Quốc hội' },
      { id: 'c', text: 'Tổng Liên đoàn Lao động Việt Nam' },
    ],
    correct: 'a',
  },
  {
    text: 'Nghị quyết số 02-NQ/TW được ban hành vào ngày nào?',
    options: [
      { id: 'a', text: '28/01/2008' },
      { id: 'b', text: '12/06/2021' },
      { id: 'c', text: '22/01/2024' },
    ],
    correct: 'b',
  },
  {
    text: 'Luật Công đoàn hiện hành có số hiệu nào?',
    options: [
      { id: 'a', text: '45/2019/QH14' },
      { id: 'b', text: '43/2019/QH14' },
      { id: 'c', text: '50/2024/QH15' },
    ],
    correct: 'c',
  },
];
