import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { addDays, todayInVietnam } from '../../platform/dates.js';

/**
 * Demo reports of harmful information for the demo province: named ones by the demo member
 * (so "Tin đã báo của tôi" has something to show) and anonymous ones, across platforms and every
 * status over the last three months, one answered with a clarification article of the demo news.
 * Descriptions are generic (no real people, no real posts) and links are example.com placeholders.
 */

interface DemoReport {
  daysAgo: number;
  platform: 'facebook' | 'zalo' | 'tiktok' | 'youtube' | 'news_site' | 'other';
  named: boolean;
  url: string | null;
  description: string;
  /** Days from the report to the start of verification, and to the conclusion. */
  triage?: { after: number; concludeAfter?: number; outcome?: 'verified' | 'false_alarm' | 'handed_over' };
  response?: { clarification?: boolean; letter?: { recipient: string; number: string }; notes?: string };
}

const REPORTS: DemoReport[] = [
  {
    daysAgo: 80,
    platform: 'facebook',
    named: true,
    url: 'https://example.com/trang-ca-nhan/bai-dang-1',
    description:
      'Bài đăng cho rằng Luật Công đoàn năm 2024 bắt buộc giáo viên đóng thêm đoàn phí 2% lương, kêu gọi rút khỏi công đoàn.',
    triage: { after: 1, concludeAfter: 3, outcome: 'verified' },
    response: {
      clarification: true,
      notes: 'Đã đăng bài giới thiệu những điểm mới của Luật Công đoàn năm 2024 và gửi các công đoàn cơ sở chia sẻ.',
    },
  },
  {
    daysAgo: 66,
    platform: 'zalo',
    named: false,
    url: null,
    description:
      'Tin nhắn chuyển tiếp trong nhóm phụ huynh nói một trường tiểu học sắp thu thêm khoản "quỹ công đoàn" của học sinh.',
    triage: { after: 2, concludeAfter: 4, outcome: 'false_alarm' },
    response: {
      notes:
        'Đã xác minh với nhà trường: tin nhắn nói về quỹ lớp do phụ huynh tự thỏa thuận, không liên quan công đoàn.',
    },
  },
  {
    daysAgo: 52,
    platform: 'tiktok',
    named: false,
    url: 'https://example.com/video/clip-cat-ghep',
    description:
      'Video cắt ghép cảnh lớp học, thêm lời bình xúc phạm nhà giáo và bịa đặt việc giáo viên đánh học sinh.',
    triage: { after: 0, concludeAfter: 2, outcome: 'handed_over' },
    response: {
      letter: {
        recipient: 'Công an tỉnh (Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao)',
        number: '38/CV-CĐGD',
      },
      notes: 'Đã báo cáo Thường trực Ban Thường vụ; đề nghị xử lý tài khoản đăng tải.',
    },
  },
  {
    daysAgo: 37,
    platform: 'news_site',
    named: true,
    url: 'https://example.net/tin-tuc/bai-viet-thieu-kiem-chung',
    description: 'Trang tin tự xưng là báo điện tử đưa tin sai về việc cắt giảm phụ cấp ưu đãi nghề của giáo viên.',
    triage: { after: 3, concludeAfter: 6, outcome: 'verified' },
    response: { notes: 'Đã đề nghị trang tin gỡ bài; đăng thông tin chính thức trên cổng thông tin.' },
  },
  {
    daysAgo: 21,
    platform: 'youtube',
    named: false,
    url: 'https://example.org/watch/kenh-binh-luan',
    description: 'Kênh bình luận nói xấu tổ chức công đoàn ngành, cho rằng công đoàn "chỉ thu phí, không bảo vệ ai".',
    triage: { after: 1 },
  },
  {
    daysAgo: 12,
    platform: 'facebook',
    named: true,
    url: 'https://example.com/nhom/bai-dang-2',
    description: 'Bài viết trong một nhóm công khai lan truyền danh sách "giáo viên bị kỷ luật" không rõ nguồn gốc.',
    triage: { after: 2 },
  },
  {
    daysAgo: 4,
    platform: 'zalo',
    named: false,
    url: null,
    description: 'Ảnh chụp văn bản giả mạo con dấu của Công đoàn Giáo dục tỉnh về việc thu tiền tham quan.',
  },
  {
    daysAgo: 1,
    platform: 'other',
    named: true,
    url: null,
    description: 'Tờ rơi phát trước cổng trường có nội dung sai lệch về chế độ nghỉ hưu của nhà giáo.',
  },
];

export async function seedDemoInfoReports(
  db: Db,
  actor: Actor,
  options: { provinceId: number; memberAccountId: number; memberId: number; memberUnitId: number },
): Promise<void> {
  const today = todayInVietnam();
  const article = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'published')
    .where('title', 'like', 'Những điểm mới của Luật Công đoàn%')
    .executeTakeFirst();
  await db.transaction().execute(async (tx) => {
    for (const r of REPORTS) {
      const reportedOn = addDays(today, -r.daysAgo);
      const triagedOn = r.triage ? addDays(reportedOn, r.triage.after) : null;
      const concludedOn = r.triage?.concludeAfter !== undefined ? addDays(reportedOn, r.triage.concludeAfter) : null;
      const status = r.triage?.outcome ?? (r.triage ? 'verifying' : 'new');
      const row = await tx
        .insertInto('info_reports')
        .values({
          province_unit_id: options.provinceId,
          anonymous: !r.named,
          reporter_account_id: r.named ? options.memberAccountId : null,
          reporter_member_id: r.named ? options.memberId : null,
          reporter_unit_id: r.named ? options.memberUnitId : null,
          platform: r.platform,
          url: r.url,
          description: r.description,
          reported_on: reportedOn,
          created_at: r.named ? new Date(`${reportedOn}T08:30:00+07:00`) : null,
          status,
          triaged_on: triagedOn,
          concluded_on: concludedOn,
          clarification_article_id: r.response?.clarification ? (article?.id ?? null) : null,
          letter_recipient: r.response?.letter?.recipient ?? null,
          letter_number: r.response?.letter?.number ?? null,
          letter_sent_on: r.response?.letter && concludedOn ? concludedOn : null,
          notes: r.response?.notes ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const events: { from: string | null; to: string; on: string }[] = [];
      if (triagedOn) events.push({ from: 'new', to: 'verifying', on: triagedOn });
      if (concludedOn && r.triage?.outcome) events.push({ from: 'verifying', to: r.triage.outcome, on: concludedOn });
      for (const event of events) {
        await tx
          .insertInto('info_report_events')
          .values({
            report_id: row.id,
            from_status: event.from,
            to_status: event.to,
            account_id: actor.accountId,
            note: null,
            at: new Date(`${event.on}T09:00:00+07:00`),
          })
          .execute();
      }
    }
  });
}
