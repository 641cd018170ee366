/**
 * The demo's articles: plausible news of union life in Ninh Bình's schools, written for the demo
 * (no real event is claimed, nobody is quoted). `unit`: the writing union by name (demo-data.ts);
 * `state`: where the article stands; `daysAgo`: when it was published.
 */
export interface DemoArticle {
  unit: string;
  category: string;
  title: string;
  summary: string;
  paragraphs: string[];
  state: 'published' | 'submitted' | 'draft';
  daysAgo: number;
  cover: boolean;
}

const PROVINCE = 'province';
const LVT = 'Công đoàn Trường THPT Chuyên Lương Văn Tụy';
const DTH = 'Công đoàn Trường THPT Đinh Tiên Hoàng';
const HOA_SEN = 'Công đoàn Trường Mầm non Hoa Sen';
const TH_DTH = 'Công đoàn Trường Tiểu học Đinh Tiên Hoàng';
const THS = 'Công đoàn Trường THCS Trương Hán Siêu';

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    unit: PROVINCE,
    category: 'hoat-dong-cong-doan',
    title: 'Tập huấn nghiệp vụ công tác tuyên truyền cho cán bộ công đoàn cơ sở năm học mới',
    summary:
      'Hơn 150 chủ tịch, phó chủ tịch công đoàn cơ sở trong ngành giáo dục tham dự lớp tập huấn về kỹ năng tuyên truyền, vận động đoàn viên.',
    paragraphs: [
      'Thực hiện kế hoạch công tác tuyên truyền, vận động giai đoạn 2023–2028, Công đoàn Giáo dục tỉnh tổ chức lớp tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở các trường học trên địa bàn tỉnh.',
      'Nội dung tập huấn tập trung vào kỹ năng nắm bắt tâm tư, nguyện vọng của đoàn viên, cách xây dựng kế hoạch tuyên truyền của công đoàn cơ sở, sử dụng mạng xã hội Zalo, Facebook trong thông tin đến đoàn viên và cách ghi nhận kết quả hoạt động trên nền tảng số.',
      'Các học viên được trao đổi, thảo luận theo nhóm, chia sẻ cách làm hay tại đơn vị mình. Kết thúc lớp, các công đoàn cơ sở thống nhất hoàn thành kế hoạch tuyên truyền năm học trước ngày 15 tháng 10.',
    ],
    state: 'published',
    daysAgo: 3,
    cover: true,
  },
  {
    unit: LVT,
    category: 'van-hoa-the-thao',
    title: 'Sôi nổi hội thao chào mừng Ngày Nhà giáo Việt Nam 20/11',
    summary:
      'Công đoàn trường tổ chức hội thao với các môn bóng chuyền hơi, cầu lông, kéo co thu hút đông đảo đoàn viên tham gia.',
    paragraphs: [
      'Hướng tới kỷ niệm Ngày Nhà giáo Việt Nam 20/11, Công đoàn Trường THPT Chuyên Lương Văn Tụy phối hợp với chuyên môn nhà trường tổ chức hội thao dành cho cán bộ, nhà giáo, người lao động.',
      'Trong hai ngày thi đấu, 12 đội đến từ các tổ chuyên môn tranh tài ở ba môn bóng chuyền hơi, cầu lông và kéo co. Các trận đấu diễn ra sôi nổi, đoàn kết, tạo không khí vui tươi trong nhà trường.',
      'Hội thao là dịp để đoàn viên rèn luyện sức khỏe, tăng cường giao lưu giữa các tổ chuyên môn, góp phần xây dựng môi trường văn hóa công sở lành mạnh.',
    ],
    state: 'published',
    daysAgo: 6,
    cover: true,
  },
  {
    unit: HOA_SEN,
    category: 'guong-nguoi-tot-viec-tot',
    title: 'Cô giáo mầm non nhiều năm tự tay làm đồ dùng dạy học từ vật liệu tái chế',
    summary:
      'Từ chai nhựa, vỏ hộp, bìa các-tông, một giáo viên Trường Mầm non Hoa Sen đã làm hàng trăm đồ dùng, đồ chơi cho trẻ.',
    paragraphs: [
      'Tại Trường Mầm non Hoa Sen, góc học tập của lớp mẫu giáo lớn luôn đầy ắp đồ chơi nhiều màu sắc. Phần lớn trong số đó được một giáo viên của lớp tự làm từ vật liệu tái chế do phụ huynh và đồng nghiệp gom góp.',
      'Mỗi năm học, cô cùng tổ chuyên môn làm mới các bộ đồ dùng theo chủ đề, vừa tiết kiệm kinh phí, vừa giúp trẻ làm quen với ý thức bảo vệ môi trường. Nhiều sản phẩm đạt giải tại hội thi đồ dùng dạy học tự làm cấp trường.',
      'Công đoàn trường đã biểu dương và đề nghị nhân rộng cách làm này trong phong trào thi đua "Đổi mới, sáng tạo trong dạy và học".',
    ],
    state: 'published',
    daysAgo: 9,
    cover: true,
  },
  {
    unit: PROVINCE,
    category: 'phap-luat',
    title: 'Những điểm mới của Luật Công đoàn năm 2024 đoàn viên cần biết',
    summary:
      'Luật Công đoàn (sửa đổi) được Quốc hội thông qua ngày 27/11/2024, có hiệu lực từ ngày 01/7/2025, với nhiều quy định mới về quyền của đoàn viên và tổ chức công đoàn.',
    paragraphs: [
      'Luật Công đoàn số 50/2024/QH15 được Quốc hội khóa XV thông qua tại Kỳ họp thứ 8, có hiệu lực thi hành từ ngày 01/7/2025.',
      'Luật mở rộng đối tượng được gia nhập công đoàn, làm rõ quyền, trách nhiệm của đoàn viên và của tổ chức công đoàn trong đại diện, bảo vệ quyền, lợi ích hợp pháp, chính đáng của người lao động; quy định cụ thể hơn về tài chính công đoàn.',
      'Công đoàn Giáo dục tỉnh đề nghị các công đoàn cơ sở tổ chức học tập, quán triệt nội dung Luật tới toàn thể đoàn viên và ghi nhận việc học tập trên hệ thống để tổng hợp kết quả theo kế hoạch.',
    ],
    state: 'published',
    daysAgo: 12,
    cover: true,
  },
  {
    unit: THS,
    category: 'dien-hinh-tien-tien',
    title: 'Tổ Toán – Tin: tập thể lao động xuất sắc nhiều năm liền',
    summary:
      'Tổ chuyên môn có nhiều sáng kiến trong đổi mới phương pháp dạy học, bồi dưỡng học sinh giỏi và ứng dụng công nghệ thông tin.',
    paragraphs: [
      'Với 14 giáo viên, tổ Toán – Tin Trường THCS Trương Hán Siêu nhiều năm liền được công nhận là tập thể lao động xuất sắc.',
      'Tổ duy trì sinh hoạt chuyên môn theo nghiên cứu bài học, xây dựng ngân hàng câu hỏi dùng chung và hướng dẫn học sinh tham gia các cuộc thi khoa học kỹ thuật. Các thành viên tích cực tham gia hoạt động công đoàn, giúp đỡ đồng nghiệp có hoàn cảnh khó khăn.',
      'Công đoàn trường đề nghị biểu dương tổ là điển hình tiên tiến trong phong trào thi đua của nhà trường.',
    ],
    state: 'published',
    daysAgo: 16,
    cover: false,
  },
  {
    unit: DTH,
    category: 'hoat-dong-cong-doan',
    title: 'Thăm hỏi, hỗ trợ đoàn viên có hoàn cảnh khó khăn',
    summary:
      'Công đoàn trường trao quà hỗ trợ đoàn viên ốm đau dài ngày và gia đình đoàn viên gặp khó khăn sau mưa lũ.',
    paragraphs: [
      'Thực hiện chức năng chăm lo đời sống đoàn viên, Ban Chấp hành Công đoàn Trường THPT Đinh Tiên Hoàng đã đến thăm hỏi, động viên các đoàn viên đang điều trị bệnh dài ngày.',
      'Từ quỹ "Tấm lòng vàng" do đoàn viên đóng góp, công đoàn trao quà hỗ trợ cho các gia đình bị ảnh hưởng bởi mưa lũ, giúp sửa chữa nhà ở và ổn định cuộc sống.',
    ],
    state: 'published',
    daysAgo: 21,
    cover: true,
  },
  {
    unit: TH_DTH,
    category: 'giao-duc',
    title: 'Chuyên đề đổi mới sinh hoạt chuyên môn theo hướng nghiên cứu bài học',
    summary:
      'Giáo viên khối 4, 5 thực hiện chuyên đề với tiết dạy minh họa và thảo luận về cách quan sát học sinh học tập.',
    paragraphs: [
      'Trường Tiểu học Đinh Tiên Hoàng tổ chức chuyên đề sinh hoạt chuyên môn theo hướng nghiên cứu bài học cho giáo viên khối 4, 5.',
      'Sau tiết dạy minh họa, giáo viên dự giờ tập trung phân tích việc học của học sinh thay vì nhận xét người dạy, từ đó đề xuất điều chỉnh cách tổ chức hoạt động trên lớp.',
      'Công đoàn trường phối hợp với chuyên môn động viên đoàn viên tích cực đổi mới, chia sẻ kinh nghiệm trong sinh hoạt tổ.',
    ],
    state: 'published',
    daysAgo: 27,
    cover: false,
  },
  {
    unit: PROVINCE,
    category: 'phap-luat',
    title: 'Tuyên truyền phòng, chống tín dụng đen và lừa đảo qua mạng trong nhà trường',
    summary:
      'Các công đoàn cơ sở tổ chức tuyên truyền giúp đoàn viên nhận diện các thủ đoạn lừa đảo qua điện thoại, mạng xã hội và vay nặng lãi.',
    paragraphs: [
      'Thời gian gần đây, các thủ đoạn lừa đảo qua mạng và cho vay nặng lãi ngày càng tinh vi. Công đoàn Giáo dục tỉnh đề nghị các công đoàn cơ sở lồng ghép tuyên truyền trong các buổi sinh hoạt công đoàn.',
      'Đoàn viên được khuyến cáo không cung cấp mã xác thực (OTP), không nhấp vào đường link lạ, không vay tiền qua ứng dụng không rõ nguồn gốc và báo ngay cho công đoàn, cơ quan công an khi phát hiện dấu hiệu lừa đảo.',
    ],
    state: 'published',
    daysAgo: 34,
    cover: true,
  },
  {
    unit: LVT,
    category: 'guong-nguoi-tot-viec-tot',
    title: 'Thầy giáo dành ngày nghỉ dạy thêm miễn phí cho học sinh khó khăn',
    summary:
      'Nhiều năm qua, một giáo viên Vật lý của trường dành các buổi chiều cuối tuần giúp học sinh có hoàn cảnh khó khăn ôn tập.',
    paragraphs: [
      'Các buổi chiều thứ Bảy, một phòng học của Trường THPT Chuyên Lương Văn Tụy vẫn sáng đèn. Đó là lớp ôn tập miễn phí do một thầy giáo tổ Vật lý tổ chức cho học sinh có hoàn cảnh khó khăn.',
      'Lớp học không thu học phí, tài liệu do thầy tự biên soạn. Nhiều học sinh từng theo học đã đỗ vào các trường đại học.',
      'Công đoàn trường ghi nhận đây là tấm gương người tốt, việc tốt tiêu biểu, lan tỏa tinh thần "Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo".',
    ],
    state: 'published',
    daysAgo: 41,
    cover: true,
  },
  {
    unit: PROVINCE,
    category: 'van-hoa-the-thao',
    title: 'Hội diễn văn nghệ "Tiếng hát nhà giáo" khối các trường trực thuộc',
    summary:
      'Mười tám đơn vị tham gia hội diễn với các tiết mục ca ngợi quê hương Ninh Bình, nghề dạy học và tổ chức công đoàn.',
    paragraphs: [
      'Hội diễn văn nghệ "Tiếng hát nhà giáo" quy tụ các đội văn nghệ của các trường trung học phổ thông và trung tâm giáo dục nghề nghiệp – giáo dục thường xuyên.',
      'Các tiết mục hát, múa, ngâm thơ được dàn dựng công phu, thể hiện tình yêu nghề, tình yêu quê hương. Ban tổ chức đã trao giải cho các tiết mục xuất sắc và giải toàn đoàn.',
    ],
    state: 'published',
    daysAgo: 55,
    cover: true,
  },
  {
    unit: LVT,
    category: 'hoat-dong-cong-doan',
    title: 'Công đoàn trường tổ chức hội thi "Nữ nhà giáo duyên dáng, tài năng"',
    summary:
      'Hội thi dành cho nữ đoàn viên nhân kỷ niệm Ngày Phụ nữ Việt Nam 20/10 với các phần thi trang phục, tài năng và ứng xử.',
    paragraphs: [
      'Nhân kỷ niệm Ngày Phụ nữ Việt Nam 20/10, Công đoàn Trường THPT Chuyên Lương Văn Tụy tổ chức hội thi "Nữ nhà giáo duyên dáng, tài năng".',
      'Các thí sinh đến từ 8 tổ chuyên môn tham gia ba phần thi: trang phục áo dài, tài năng và ứng xử về vai trò của người phụ nữ trong gia đình và nhà trường.',
    ],
    state: 'submitted',
    daysAgo: 0,
    cover: false,
  },
  {
    unit: LVT,
    category: 'giao-duc',
    title: 'Kế hoạch hưởng ứng Tuần lễ học tập suốt đời',
    summary: 'Dự thảo tin: công đoàn phối hợp với thư viện nhà trường tổ chức tuần lễ đọc sách cho đoàn viên.',
    paragraphs: [
      'Hưởng ứng Tuần lễ hưởng ứng học tập suốt đời, công đoàn trường dự kiến phối hợp với thư viện tổ chức trưng bày sách, giới thiệu sách hay và câu lạc bộ đọc sách dành cho đoàn viên.',
    ],
    state: 'draft',
    daysAgo: 0,
    cover: false,
  },
];
