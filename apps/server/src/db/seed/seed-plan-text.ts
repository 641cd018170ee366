import type { PlanSections } from '@lan-toa/contracts';

/**
 * The text of the Ninh Bình provincial Education Union's plan 2023–2028 (shared/seeds), word for
 * word, as simple HTML. Generated from the seed text; long paragraphs are split into pieces only to
 * keep lines short — `text()` joins them back with single spaces. Two paragraphs the source breaks
 * across a page (in II.1 and task 7) are joined again.
 */

const text = (...parts: string[]) => parts.join(' ');
const escapeHtml = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const p = (...parts: string[]) => `<p>${escapeHtml(text(...parts))}</p>`;
const h3 = (title: string) => `<h3>${escapeHtml(title)}</h3>`;
const h4 = (title: string) => `<h4>${escapeHtml(title)}</h4>`;
const ul = (...items: string[][]) =>
  `<ul>${items.map((item) => `<li>${escapeHtml(text(...item))}</li>`).join('')}</ul>`;

const purposeSection = [
  p(
    'Thực hiện Kế hoạch số 06/KH-LĐLĐ ngày 18/01/2024 của Liên đoàn Lao động tỉnh Ninh Bình về nâng cao chất',
    'lượng công tác tuyên truyền, vận động đoàn viên và người lao động, giai đoạn 2023-2028; Ban Chấp hành Công',
    'đoàn Giáo dục tỉnh xây dựng Kế hoạch nâng cao chất lượng công tác vận động cán bộ, nhà giáo, người lao',
    'động, giai đoạn 2023-2028 như sau:',
  ),
  h3('I. MỤC ĐÍCH, YÊU CẦU'),
  h4('1. Mục đích'),
  ul(
    [
      'Nâng cao nhận thức của cán bộ, nhà giáo, người lao động (CBNGNLD) và các cấp công đoàn về hiệu quả công',
      'tác tuyên truyền, vận động; xây dựng đội ngũ CBNGNLD có bản lĩnh chính trị vững vàng, có phẩm chất đạo',
      'đức, ý thức tổ chức kỷ luật, tác phong công nghiệp; có trình độ học vấn và nghề nghiệp đáp ứng yêu cầu',
      'trong tình hình mới; tích cực tham gia xây dựng Đảng, chính quyền vững mạnh.',
    ],
    [
      'Quảng bá các hình ảnh của tỉnh Ninh Bình, tuyên truyền kết quả đã đạt được của ngành, tuyên truyền hoạt',
      'động của tổ chức Công đoàn là "Tổ chức của người lao động, do người lao động và vì người lao động"; đẩy',
      'lùi thông tin tiêu cực, bảo vệ quyền, lợi ích hợp pháp, chính đáng của CBNGNLD.',
    ],
  ),
  h4('2. Yêu cầu'),
  ul(
    [
      'Đẩy mạnh công tác tuyên truyền tập trung vào việc sử dụng công nghệ và kỹ thuật truyền thông hiện đại',
      'gắn với tổ chức nghiên cứu xây dựng hoạt động trọng tâm, trọng điểm của các cấp công đoàn trong công tác',
      'tuyên truyền.',
    ],
    [
      'Các cấp công đoàn tham mưu đề xuất với các cấp ủy Đảng, chính quyền, quan tâm tới công tác tuyên truyền;',
      'Công đoàn Giáo dục tỉnh triển khai, xây dựng kế hoạch và triển khai thực hiện có hiệu quả.',
    ],
  ),
].join('');

const targetsSection = [
  h3('II. MỤC TIÊU VÀ CHỈ TIÊU ĐẾN NĂM 2028'),
  h4('1. Mục tiêu tổng quát'),
  ul(
    [
      'Thông qua công tác tuyên truyền, vận động CBNGNLD nhằm thúc đẩy các phong trào thi đua, các hoạt động',
      'của tổ chức công đoàn, của ngành tại cơ sở được sôi nổi, rộng khắp, thiết thực và hiệu quả; góp phần',
      'thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh Ninh Bình lần thứ XXII, Nghị quyết Đại hội Công đoàn',
      'các cấp.',
    ],
    [
      'Đẩy mạnh các hoạt động tuyên truyền trên các phương tiện thông tin đại chúng, không gian mạng để lan tỏa',
      'thông tin tích cực, nhân văn; phát hiện, xử lý thông tin tiêu cực, tin xấu, độc góp phần xây dựng đội',
      'ngũ CBNGNLD có bản lĩnh chính trị vững vàng, có phẩm chất đạo đức, ý thức tổ chức kỷ luật, tác phong',
      'công nghiệp; có trình độ học vấn và nghề nghiệp đáp ứng yêu cầu trong tình hình mới; tích cực tham gia',
      'xây dựng Đảng, chính quyền vững mạnh; xây dựng lòng tin, duy trì củng cố mối liên hệ gắn bó giữa tổ chức',
      'công đoàn, cán bộ công đoàn với đoàn viên công đoàn.',
    ],
  ),
  h4('2. Chỉ tiêu đến năm 2028'),
  p(
    '2.1. Hằng năm có 100% cán bộ công đoàn chủ chốt các cấp, 95% trở lên đoàn viên, người lao động trong các',
    'đơn vị có tổ chức Công đoàn được quán triệt, học tập các nghị quyết, chỉ thị của Đảng, chính sách pháp',
    'luật của Nhà nước liên quan đến lao động và công đoàn.',
  ),
  p(
    '2.2. Trong nhiệm kỳ, CĐGD tỉnh tổ chức 05 cuộc tập huấn về nghiệp vụ công tác tuyên giáo công đoàn cho cán',
    'bộ công đoàn.',
  ),
  p(
    '2.3. Tuyên truyền, vận động các cơ quan, đơn vị và CBNGNLD thực hiện tốt phong trào toàn dân đoàn kết xây',
    'dựng đời sống văn hóa; phần theo định kỳ 2 năm và 5 năm có 95% cơ quan, đơn vị đạt chuẩn văn hóa. 95% trở',
    'lên gia đình CBNGNLD đạt gia đình văn hoá.',
  ),
  p(
    '2.4. Hằng năm, tổ chức các giải văn nghệ, thể thao như: Cầu lông, bóng chuyền hơi, khiêu vũ, dân vũ, thi',
    'tiếng hát trong CBNGNLD. Trong nhiệm kỳ, tổ chức ít nhất 01 hội diễn văn nghệ và hàng năm tổ chức 01 giải',
    'thể thao trong CBNGNLD.',
  ),
].join('');

const tasksSection = [
  h3('III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU'),
  p(
    '1. Đẩy mạnh công tác tuyên truyền, vận động bằng nhiều hình thức, nội dung và phương pháp. Nội dung tuyên',
    'truyền tập trung vào các chỉ thị, nghị quyết của Đảng, của Công đoàn, của Ngành; chính sách, pháp luật của',
    'Nhà nước có liên quan trực tiếp đến CBNGNLD.',
  ),
  p(
    'Tiếp tục triển khai thực hiện có hiệu quả Chương trình hành động số 17-CTr/TU của Ban Thường vụ Tỉnh ủy',
    'thực hiện Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa X) về “Tiếp tục xây dựng giai cấp',
    'công nhân Việt Nam thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước”; Kế hoạch số 36-KH/TU, ngày',
    '30/8/2021 triển khai thực hiện Nghị quyết 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị khóa XIII về “Đổi mới',
    'tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới”; Nghị quyết Đại hội công đoàn các cấp,',
    'nhiệm kỳ 2023-2028; Chương trình hành động số 08/CTr-LĐLĐ ngày 07/10/2021 thực hiện Nghị quyết Đại hội',
    'XIII của Đảng, Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị và Nghị quyết Đại hội đại biểu Đảng',
    'bộ tỉnh lần thứ XIII; Kế hoạch của LĐLĐ tỉnh về tiếp tục triển khai thực hiện nội dung Kết luận số',
    '79-KL/TW ngày 25/12/2013 của Bộ Chính trị (khóa XI) về đẩy mạnh thực hiện Nghị quyết số 20 của BCH Trung',
    'ương Đảng (Khóa X).',
  ),
  p(
    '2. Tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo tinh thần Kết',
    'luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính',
    'trị “Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”.',
  ),
  p(
    '3. Tiếp tục tổ chức tốt công tác tư vấn, tuyên truyền, phổ biến, giáo dục pháp luật tới người lao động,',
    'nhất là Bộ luật Lao động, Luật Công đoàn, Luật Giáo dục, bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất',
    'nghiệp; công tác phòng, chống ma túy, HIV/AIDS; an ninh mạng, tín dụng đen; phòng, chống mua bán người và',
    'các tệ nạn xã hội...',
  ),
  p(
    'Tích cực đẩy mạnh công tác truyền thông trên các phương tiện thông tin đại chúng, mạng xã hội zalo,',
    'facebook... tăng cường đưa tin, bài phản ánh hoạt động của tổ chức công đoàn nhằm tạo sự lan tỏa mạnh mẽ',
    'góp phần tạo dựng hình ảnh, vị thế của Công đoàn Việt Nam trong tình hình mới. Vận động đoàn viên tham gia',
    'các cuộc thi trực tuyến và trực tiếp do các cấp, các ngành tổ chức.',
  ),
  p(
    '4. Chỉ đạo các cấp công đoàn trong tỉnh tập trung hướng mạnh về cơ sở, kịp thời nắm bắt tâm tư, nguyện',
    'vọng, diễn biến tư tưởng của đoàn viên; giải quyết và tham gia giải quyết những vấn đề bức xúc, nổi cộm',
    'ngay từ cơ sở, tạo môi trường văn hóa, văn minh trong cơ quan, đơn vị.',
  ),
  p(
    '5. Tổ chức “Tháng Công nhân” hằng năm theo chủ đề gắn với Tháng hành động về an toàn vệ sinh lao động,',
    'trong đó tập trung các nội dung sau:',
  ),
  ul(
    [
      'Tăng cường các hoạt động tuyên truyền; phối hợp có hiệu quả các phương tiện truyền thông đại chúng, các',
      'trang thông tin điện tử, các fanpage, facebook, Zalo của công đoàn; tuyên truyền về các phong trào thi',
      'đua; gương người tốt, việc tốt.',
    ],
    [
      'Tuyên truyền về ý nghĩa ngày Quốc tế Lao động (1/5). Nắm bắt tâm tư, nguyện vọng, kịp thời giải quyết',
      'những vấn đề bức xúc trong CBNGNLD, tổ chức hiệu quả hoạt động hưởng ứng Tháng hành động về an toàn vệ',
      'sinh lao động; hỗ trợ CBNGNLD có hoàn cảnh khó khăn.',
    ],
  ),
  p(
    '6. Nâng cao đời sống văn hóa tinh thần, tiếp tục tổ chức thực hiện hiệu quả Nghị quyết số 33/NQ-TW ngày',
    '09/6/2014 của Ban Chấp hành Trung ương (khóa XI) “về xây dựng và phát triển văn hóa, con người Việt Nam',
    'đáp ứng yêu cầu phát triển bền vững đất nước”; Chương trình phối hợp giữa Tổng Liên đoàn Lao động Việt Nam',
    'và Bộ Văn hóa Thể thao và Du lịch về xây dựng đời sống văn hóa trong công chức, viên chức và công nhân lao',
    'động giai đoạn 2021-2026. Chỉ đạo các cấp công đoàn phối hợp với các cơ quan chức năng thực hiện nghiêm',
    'túc Quyết định 2214/QĐ-TTg ngày 28/12/2021 của Thủ tướng Chính phủ phê duyệt chương trình thực hiện phong',
    'trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” giai đoạn 2021-2026; Hướng dẫn số 58/HD-TLĐ, ngày',
    '10/5/2022 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam; Hướng dẫn số 51/HD-LĐLĐ của Ban Thường vụ',
    'Liên đoàn Lao động tỉnh về triển khai thực hiện QĐ số 2214/QĐ-TTg ngày 28/12/2021 của Thủ tướng Chính phủ',
    'phê duyệt Chương trình thực hiện Phong trào “Toàn dân đoàn kết XD đời sống văn hóa” giai đoạn 2021-2026.',
    'Tiếp tục tuyên truyền, vận động đoàn viên và người lao động tham gia đăng ký và thực hiện tốt phong trào',
    '“Toàn dân đoàn kết xây dựng đời sống văn hóa”, xây dựng cơ quan, đơn vị đạt chuẩn văn hóa; gia đình văn',
    'hóa hằng năm.',
  ),
  p(
    '7. Tăng cường tuyên truyền, phổ biến để nâng cao nhận thức, trách nhiệm về học tập suốt đời, xây dựng xã',
    'hội học tập trong nền kinh tế số, xã hội số thông qua các phương tiện thông tin đại chúng, truyền thông xã',
    'hội, hệ thống thông tin cơ sở, các cơ sở giáo dục và các phương thức khác.',
  ),
  p(
    '8. Các cấp công đoàn chú trọng đào tạo, tập huấn, bồi dưỡng cho cán bộ công đoàn thực sự vững vàng về tư',
    'tưởng, chính trị, tinh thông về lý luận; giỏi về chuyên môn, thành thạo về nghiệp vụ và có sự nhạy cảm',
    'chính trị.',
  ),
].join('');

const organisationSection = [
  h3('IV. TỔ CHỨC THỰC HIỆN'),
  h4('1. Công đoàn Giáo dục tỉnh'),
  ul(
    [
      'Xây dựng các chương trình, kế hoạch, hướng dẫn công đoàn cơ sở triển khai các hoạt động tuyên truyền có',
      'trọng tâm, trọng điểm nhằm thực hiện có hiệu quả Nghị quyết Đại hội Công đoàn Giáo dục tỉnh lần thứ',
      'XVII, Công đoàn Giáo dục Việt Nam, Công đoàn tỉnh lần thứ XVI, nghị quyết Đại hội XIII Công đoàn Việt',
      'Nam nhiệm kỳ 2023 - 2028.',
    ],
    [
      'Triển khai các hoạt động tuyên truyền trên các nền tảng mạng xã hội; tiếp tục duy trì, triển khai các',
      'chương trình phối hợp với các sở, ban, ngành chức năng, các cơ quan báo chí của tỉnh và Trung ương để',
      'tuyên truyền về hoạt động công đoàn và của ngành.',
    ],
    [
      'Định kỳ hằng năm sơ kết, tổng kết, biểu dương, khen thưởng kịp thời và nhân rộng các điển hình tiên tiến',
      'trong việc thực hiện kế hoạch; tổ chức sơ kết giữa nhiệm kỳ vào năm 2026 và tổng kết, đánh giá kết quả',
      'thực hiện Kế hoạch vào năm 2028.',
    ],
  ),
  h4('2. Các Công đoàn cơ sở'),
  ul(
    [
      'Căn cứ Kế hoạch của CĐGD tỉnh và tình hình thực tế của CĐCS xây dựng kế hoạch, triển khai tổ chức thực',
      'hiện. Lựa chọn những nội dung trọng tâm, tổ chức nhiều mô hình hoạt động lồng ghép, bảo đảm tổ chức có',
      'hiệu quả các phong trào thi đua và hoạt động công đoàn ở từng cơ quan, đơn vị.',
    ],
    [
      'Tham mưu với cấp ủy Đảng, tăng cường sự phối hợp của chính quyền, chuyên môn, các tổ chức chính trị-xã',
      'hội trong tổ chức các hoạt động công đoàn; kịp thời làm tốt công tác sơ kết, tổng kết, khen thưởng các',
      'hoạt động.',
    ],
  ),
  p(
    'Trên đây là Kế hoạch nâng cao chất lượng công tác tuyên truyền, vận động CBNGNLD giai đoạn 2023-2028. Ban',
    'Chấp hành Công đoàn Giáo dục tỉnh yêu cầu CĐCS xây dựng chương trình, kế hoạch phù hợp với tình hình thực',
    'tế của cơ quan, đơn vị. Trong quá trình thực hiện nếu phát sinh vướng mắc, kịp thời báo cáo về Ban Thường',
    'vụ CĐGD tỉnh để giải quyết./.',
  ),
].join('');

const recipientsSection = [
  '<p><strong>Nơi nhận:</strong></p>',
  ul(['LĐLĐ tỉnh (để báo cáo);'], ['BCH CĐGD tỉnh (để thực hiện);'], ['Các CĐCS (để thực hiện);'], ['Lưu VT, CĐGD.']),
].join('');

export const SEED_PLAN_SECTIONS: PlanSections = {
  purpose: purposeSection,
  targets: targetsSection,
  tasks: tasksSection,
  organisation: organisationSection,
  recipients: recipientsSection,
};

/** Section III, task by task: the title is the task's opening words, the description its full text. */
export const SEED_PLAN_TASKS: { code: string; title: string; description: string }[] = [
  {
    code: '1',
    title: 'Đẩy mạnh công tác tuyên truyền, vận động bằng nhiều hình thức, nội dung và phương pháp',
    description: [
      text(
        'Đẩy mạnh công tác tuyên truyền, vận động bằng nhiều hình thức, nội dung và phương pháp. Nội dung tuyên',
        'truyền tập trung vào các chỉ thị, nghị quyết của Đảng, của Công đoàn, của Ngành; chính sách, pháp luật',
        'của Nhà nước có liên quan trực tiếp đến CBNGNLD.',
      ),
      text(
        'Tiếp tục triển khai thực hiện có hiệu quả Chương trình hành động số 17-CTr/TU của Ban Thường vụ Tỉnh',
        'ủy thực hiện Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa X) về “Tiếp tục xây dựng',
        'giai cấp công nhân Việt Nam thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước”; Kế hoạch số',
        '36-KH/TU, ngày 30/8/2021 triển khai thực hiện Nghị quyết 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị',
        'khóa XIII về “Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới”; Nghị quyết Đại',
        'hội công đoàn các cấp, nhiệm kỳ 2023-2028; Chương trình hành động số 08/CTr-LĐLĐ ngày 07/10/2021 thực',
        'hiện Nghị quyết Đại hội XIII của Đảng, Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị và Nghị',
        'quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIII; Kế hoạch của LĐLĐ tỉnh về tiếp tục triển khai thực',
        'hiện nội dung Kết luận số 79-KL/TW ngày 25/12/2013 của Bộ Chính trị (khóa XI) về đẩy mạnh thực hiện',
        'Nghị quyết số 20 của BCH Trung ương Đảng (Khóa X).',
      ),
    ].join('\n'),
  },

  {
    code: '2',
    title: 'Tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    description: [
      text(
        'Tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo tinh thần',
        'Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ',
        'Chính trị “Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”.',
      ),
    ].join('\n'),
  },

  {
    code: '3',
    title: text('Tiếp tục tổ chức tốt công tác tư vấn, tuyên truyền, phổ biến, giáo dục pháp luật tới người lao động'),
    description: [
      text(
        'Tiếp tục tổ chức tốt công tác tư vấn, tuyên truyền, phổ biến, giáo dục pháp luật tới người lao động,',
        'nhất là Bộ luật Lao động, Luật Công đoàn, Luật Giáo dục, bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất',
        'nghiệp; công tác phòng, chống ma túy, HIV/AIDS; an ninh mạng, tín dụng đen; phòng, chống mua bán người',
        'và các tệ nạn xã hội...',
      ),
      text(
        'Tích cực đẩy mạnh công tác truyền thông trên các phương tiện thông tin đại chúng, mạng xã hội zalo,',
        'facebook... tăng cường đưa tin, bài phản ánh hoạt động của tổ chức công đoàn nhằm tạo sự lan tỏa mạnh',
        'mẽ góp phần tạo dựng hình ảnh, vị thế của Công đoàn Việt Nam trong tình hình mới. Vận động đoàn viên',
        'tham gia các cuộc thi trực tuyến và trực tiếp do các cấp, các ngành tổ chức.',
      ),
    ].join('\n'),
  },

  {
    code: '4',
    title: text(
      'Chỉ đạo các cấp công đoàn trong tỉnh tập trung hướng mạnh về cơ sở, kịp thời nắm bắt tâm tư, nguyện',
      'vọng, diễn biến tư tưởng của đoàn viên',
    ),
    description: [
      text(
        'Chỉ đạo các cấp công đoàn trong tỉnh tập trung hướng mạnh về cơ sở, kịp thời nắm bắt tâm tư, nguyện',
        'vọng, diễn biến tư tưởng của đoàn viên; giải quyết và tham gia giải quyết những vấn đề bức xúc, nổi',
        'cộm ngay từ cơ sở, tạo môi trường văn hóa, văn minh trong cơ quan, đơn vị.',
      ),
    ].join('\n'),
  },

  {
    code: '5',
    title: text('Tổ chức “Tháng Công nhân” hằng năm theo chủ đề gắn với Tháng hành động về an toàn vệ sinh lao động'),
    description: [
      text(
        'Tổ chức “Tháng Công nhân” hằng năm theo chủ đề gắn với Tháng hành động về an toàn vệ sinh lao động,',
        'trong đó tập trung các nội dung sau:',
      ),
      text(
        '- Tăng cường các hoạt động tuyên truyền; phối hợp có hiệu quả các phương tiện truyền thông đại chúng,',
        'các trang thông tin điện tử, các fanpage, facebook, Zalo của công đoàn; tuyên truyền về các phong trào',
        'thi đua; gương người tốt, việc tốt.',
      ),
      text(
        '- Tuyên truyền về ý nghĩa ngày Quốc tế Lao động (1/5). Nắm bắt tâm tư, nguyện vọng, kịp thời giải',
        'quyết những vấn đề bức xúc trong CBNGNLD, tổ chức hiệu quả hoạt động hưởng ứng Tháng hành động về an',
        'toàn vệ sinh lao động; hỗ trợ CBNGNLD có hoàn cảnh khó khăn.',
      ),
    ].join('\n'),
  },

  {
    code: '6',
    title: 'Nâng cao đời sống văn hóa tinh thần',
    description: [
      text(
        'Nâng cao đời sống văn hóa tinh thần, tiếp tục tổ chức thực hiện hiệu quả Nghị quyết số 33/NQ-TW ngày',
        '09/6/2014 của Ban Chấp hành Trung ương (khóa XI) “về xây dựng và phát triển văn hóa, con người Việt',
        'Nam đáp ứng yêu cầu phát triển bền vững đất nước”; Chương trình phối hợp giữa Tổng Liên đoàn Lao động',
        'Việt Nam và Bộ Văn hóa Thể thao và Du lịch về xây dựng đời sống văn hóa trong công chức, viên chức và',
        'công nhân lao động giai đoạn 2021-2026. Chỉ đạo các cấp công đoàn phối hợp với các cơ quan chức năng',
        'thực hiện nghiêm túc Quyết định 2214/QĐ-TTg ngày 28/12/2021 của Thủ tướng Chính phủ phê duyệt chương',
        'trình thực hiện phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” giai đoạn 2021-2026; Hướng',
        'dẫn số 58/HD-TLĐ, ngày 10/5/2022 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam; Hướng dẫn số',
        '51/HD-LĐLĐ của Ban Thường vụ Liên đoàn Lao động tỉnh về triển khai thực hiện QĐ số 2214/QĐ-TTg ngày',
        '28/12/2021 của Thủ tướng Chính phủ phê duyệt Chương trình thực hiện Phong trào “Toàn dân đoàn kết XD',
        'đời sống văn hóa” giai đoạn 2021-2026. Tiếp tục tuyên truyền, vận động đoàn viên và người lao động',
        'tham gia đăng ký và thực hiện tốt phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”, xây dựng',
        'cơ quan, đơn vị đạt chuẩn văn hóa; gia đình văn hóa hằng năm.',
      ),
    ].join('\n'),
  },

  {
    code: '7',
    title: text(
      'Tăng cường tuyên truyền, phổ biến để nâng cao nhận thức, trách nhiệm về học tập suốt đời, xây dựng xã',
      'hội học tập trong nền kinh tế số, xã hội số',
    ),
    description: [
      text(
        'Tăng cường tuyên truyền, phổ biến để nâng cao nhận thức, trách nhiệm về học tập suốt đời, xây dựng xã',
        'hội học tập trong nền kinh tế số, xã hội số thông qua các phương tiện thông tin đại chúng, truyền',
        'thông xã hội, hệ thống thông tin cơ sở, các cơ sở giáo dục và các phương thức khác.',
      ),
    ].join('\n'),
  },

  {
    code: '8',
    title: 'Các cấp công đoàn chú trọng đào tạo, tập huấn, bồi dưỡng cho cán bộ công đoàn',
    description: [
      text(
        'Các cấp công đoàn chú trọng đào tạo, tập huấn, bồi dưỡng cho cán bộ công đoàn thực sự vững vàng về tư',
        'tưởng, chính trị, tinh thông về lý luận; giỏi về chuyên môn, thành thạo về nghiệp vụ và có sự nhạy cảm',
        'chính trị.',
      ),
    ].join('\n'),
  },
];
