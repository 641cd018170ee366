import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ConcernStatusCode } from '../../db/schema-concerns.js';
import { displayUnitFor, newTrackingCode, trackingCodeHash } from '../../modules/voice/anonymity.js';
import { addDays, todayInVietnam } from '../../platform/dates.js';

/**
 * Demo concerns for the demo province: a dozen across categories and statuses, named and
 * anonymous — new ones waiting in the demo school admin's inbox, one escalated to the province,
 * one overdue at the province, some answered and rated, the demo member's own (one answered and
 * waiting for their rating). Written directly with dates in the past so the figures show
 * something; anonymous ones the way the API writes them (date only, display unit, code hash).
 */

interface DemoConcern {
  at: 'school' | 'member' | 'other';
  named: 'member' | 'colleague' | false;
  category: string;
  title: string;
  body: string;
  daysAgo: number;
  status: ConcernStatusCode;
  /** Days after submission. */
  receivedAfter?: number;
  answeredAfter?: number;
  answer?: string;
  escalated?: { after: number; reason: string; dueInDays: number };
  rating?: number;
  reopened?: string;
}

const CONCERNS: DemoConcern[] = [
  {
    at: 'school',
    named: 'colleague',
    category: 'working_conditions',
    title: 'Phòng học tầng 3 thiếu quạt, nóng vào buổi chiều',
    body: 'Các phòng học tầng 3 dãy B chỉ có 2 quạt trần, buổi chiều rất nóng. Đề nghị công đoàn kiến nghị nhà trường lắp thêm quạt treo tường.',
    daysAgo: 1,
    status: 'new',
  },
  {
    at: 'school',
    named: false,
    category: 'living',
    title: 'Bữa trưa bán trú của giáo viên chưa đảm bảo',
    body: 'Suất ăn trưa bán trú của giáo viên ít rau, thực đơn lặp lại nhiều ngày. Mong công đoàn trao đổi với bếp ăn.',
    daysAgo: 2,
    status: 'new',
  },
  {
    at: 'school',
    named: 'colleague',
    category: 'salary',
    title: 'Chậm chi trả tiền dạy thêm giờ học kỳ I',
    body: 'Tiền dạy thêm giờ học kỳ I đến nay chưa được chi trả. Đề nghị công đoàn đề nghị nhà trường cho biết thời gian chi.',
    daysAgo: 5,
    status: 'received',
    receivedAfter: 1,
  },
  {
    at: 'school',
    named: 'colleague',
    category: 'union_activity',
    title: 'Đề nghị tổ chức lại giải cầu lông chào mừng 20/11',
    body: 'Năm nay nhiều đoàn viên mong công đoàn tổ chức giải cầu lông giao lưu như các năm trước.',
    daysAgo: 6,
    status: 'in_progress',
    receivedAfter: 0,
  },
  {
    at: 'school',
    named: false,
    category: 'union_activity',
    title: 'Minh bạch thu chi quỹ công đoàn cơ sở',
    body: 'Đề nghị công khai thu chi quỹ công đoàn cơ sở năm học trước tại hội nghị cán bộ, viên chức.',
    daysAgo: 9,
    status: 'resolved',
    receivedAfter: 1,
    answeredAfter: 3,
    answer: 'Ban Chấp hành đã niêm yết báo cáo thu chi tại phòng hội đồng và sẽ báo cáo tại hội nghị tháng tới.',
  },
  {
    at: 'school',
    named: 'colleague',
    category: 'policy',
    title: 'Chế độ phụ cấp thâm niên cho giáo viên chuyển vùng',
    body: 'Giáo viên chuyển từ huyện khác về chưa được tính nối thời gian hưởng phụ cấp thâm niên.',
    daysAgo: 10,
    status: 'escalated',
    receivedAfter: 1,
    escalated: {
      after: 3,
      reason: 'Thuộc thẩm quyền của Sở Giáo dục và Đào tạo; trường không tự giải quyết được.',
      dueInDays: 15,
    },
  },
  {
    at: 'member',
    named: 'member',
    category: 'living',
    title: 'Hỗ trợ đoàn viên có hoàn cảnh khó khăn sau bão',
    body: 'Gia đình một số đoàn viên bị thiệt hại nhà cửa sau bão. Đề nghị công đoàn vận động hỗ trợ.',
    daysAgo: 6,
    status: 'resolved',
    receivedAfter: 0,
    answeredAfter: 2,
    answer: 'Công đoàn đã phát động quyên góp và trao 6 suất hỗ trợ, mỗi suất 2 triệu đồng, vào thứ Sáu tuần trước.',
  },
  {
    at: 'member',
    named: 'member',
    category: 'salary',
    title: 'Truy lĩnh chênh lệch lương khi nâng bậc',
    body: 'Quyết định nâng bậc lương có hiệu lực từ tháng 3 nhưng chưa được truy lĩnh phần chênh lệch.',
    daysAgo: 30,
    status: 'closed',
    receivedAfter: 1,
    answeredAfter: 6,
    answer: 'Kế toán đã lập hồ sơ truy lĩnh; khoản chênh lệch được chi cùng kỳ lương tháng này.',
    rating: 4,
  },
  {
    at: 'member',
    named: 'member',
    category: 'working_conditions',
    title: 'Máy chiếu phòng học hỏng lâu chưa sửa',
    body: 'Máy chiếu ở phòng 204 hỏng hơn một tháng, ảnh hưởng việc dạy học.',
    daysAgo: 45,
    status: 'closed',
    receivedAfter: 2,
    answeredAfter: 8,
    answer: 'Nhà trường đã thay bóng đèn máy chiếu và kiểm tra lại toàn bộ thiết bị phòng 204.',
    reopened: 'Máy chiếu vẫn mờ, chưa dùng được.',
    rating: 2,
  },
  {
    at: 'other',
    named: false,
    category: 'other',
    title: 'Góp ý về giờ họp hội đồng',
    body: 'Nên họp hội đồng vào đầu giờ chiều thay vì cuối buổi để giáo viên có con nhỏ đón con đúng giờ.',
    daysAgo: 20,
    status: 'closed',
    receivedAfter: 1,
    answeredAfter: 2,
    answer: 'Ban Giám hiệu đã đồng ý chuyển giờ họp hội đồng sang 14 giờ từ tháng sau.',
    rating: 5,
  },
  {
    at: 'other',
    named: 'colleague',
    category: 'policy',
    title: 'Chế độ thai sản cho giáo viên hợp đồng',
    body: 'Giáo viên hợp đồng nghỉ thai sản chưa được hướng dẫn thủ tục hưởng chế độ.',
    daysAgo: 25,
    status: 'escalated',
    escalated: { after: 8, reason: 'Quá hạn xử lý', dueInDays: 14 },
  },
  {
    at: 'other',
    named: 'colleague',
    category: 'union_activity',
    title: 'Đề nghị tham quan học tập hè cho đoàn viên',
    body: 'Đề nghị công đoàn tổ chức chuyến tham quan học tập trong dịp hè.',
    daysAgo: 40,
    status: 'closed',
    receivedAfter: 2,
    answeredAfter: 5,
    answer: 'Công đoàn đã đưa vào kế hoạch hoạt động hè và sẽ lấy ý kiến đoàn viên về địa điểm.',
  },
];

const atHour = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:30:00+07:00`);

async function schoolMembers(
  db: Db,
  unitId: number,
  today: string,
): Promise<{ memberId: number; accountId: number | null }[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .leftJoin('accounts as a', 'a.member_id', 'm.member_id')
    .select(['m.member_id as memberId', 'a.id as accountId'])
    .where('m.unit_id', '=', unitId)
    .where('m.valid_from', '<=', today)
    .where('m.valid_to', 'is', null)
    .orderBy('m.member_id')
    .limit(20)
    .execute();
  return rows;
}

export async function seedDemoConcerns(
  db: Db,
  options: {
    provinceId: number;
    schoolId: number;
    adminAccountId: number;
    memberId: number;
    memberAccountId: number;
    memberUnitId: number;
  },
): Promise<void> {
  const today = todayInVietnam();
  const categories = new Map(
    (await db.selectFrom('concern_categories').select(['code', 'deadline_days']).execute()).map((c) => [
      c.code,
      c.deadline_days,
    ]),
  );
  // Another school of the province with members, for the province-wide figures.
  const other = await sql<{ unit_id: number }>`
    select m.unit_id from memberships m join units u on u.id = m.unit_id
    where u.path <@ (select path from units where id = ${options.provinceId}) and m.valid_to is null
      and m.unit_id not in (${options.schoolId}, ${options.memberUnitId}) and u.valid_to is null
    group by m.unit_id having count(*) >= 10 order by m.unit_id limit 1`.execute(db);
  const otherId = other.rows[0]?.unit_id ?? options.schoolId;
  const colleagues = new Map<number, { memberId: number; accountId: number | null }[]>();
  for (const unit of [options.schoolId, otherId]) {
    colleagues.set(
      unit,
      (await schoolMembers(db, unit, today)).filter((m) => m.memberId !== options.memberId),
    );
  }
  let pick = 0;
  await db.transaction().execute(async (tx) => {
    for (const item of CONCERNS) {
      const submittedOn = addDays(today, -item.daysAgo);
      const home = item.at === 'school' ? options.schoolId : item.at === 'member' ? options.memberUnitId : otherId;
      const unitId = item.named ? home : await displayUnitFor(tx, home, submittedOn);
      const author =
        item.named === 'member'
          ? { memberId: options.memberId, accountId: options.memberAccountId }
          : item.named === 'colleague'
            ? (colleagues.get(home)?.[pick++ % Math.max(1, colleagues.get(home)?.length ?? 1)] ?? null)
            : null;
      const days = categories.get(item.category) ?? 15;
      const firstDue = addDays(submittedOn, days);
      const submittedAt = atHour(submittedOn, 8);
      const dayAt = (after: number, hour: number) => atHour(addDays(submittedOn, after), hour);
      const answeredAt = item.answeredAfter === undefined ? null : dayAt(item.answeredAfter, 15);
      const escalatedOn = item.escalated ? addDays(submittedOn, item.escalated.after) : null;
      const handling = item.escalated ? options.provinceId : unitId;
      const dueOn = item.escalated && escalatedOn ? addDays(escalatedOn, item.escalated.dueInDays) : firstDue;
      const row = await tx
        .insertInto('concerns')
        .values({
          category: item.category,
          title: item.title,
          body: item.body,
          anonymous: !item.named,
          member_id: author?.memberId ?? null,
          account_id: author?.accountId ?? null,
          submitted_at: item.named ? submittedAt : null,
          tracking_hash: item.named ? null : await trackingCodeHash(tx, newTrackingCode(), 'concern'),
          submitted_on: submittedOn,
          origin_unit_id: unitId,
          unit_id: handling,
          status: item.status,
          due_on: dueOn,
          first_due_on: firstDue,
          escalations: item.escalated ? 1 : 0,
          answer: item.answer ?? null,
          answered_unit_id: item.answer ? handling : null,
          first_answered_at: answeredAt,
          answered_at: answeredAt,
          resolved_at: answeredAt,
          reopened: item.reopened !== undefined,
          rating: item.rating ?? null,
          closed_on:
            item.status === 'closed' && answeredAt ? addDays(submittedOn, (item.answeredAfter ?? 0) + 2) : null,
          announced: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const events: {
        kind: string;
        from: string;
        to: string;
        after: number;
        note?: string;
        unit: number;
        actor: boolean;
      }[] = [];
      if (item.receivedAfter !== undefined)
        events.push({
          kind: 'received',
          from: 'new',
          to: 'received',
          after: item.receivedAfter,
          unit: unitId,
          actor: true,
        });
      if (item.escalated) {
        events.push({
          kind: 'escalated',
          from: 'received',
          to: 'escalated',
          after: item.escalated.after,
          note: item.escalated.reason,
          unit: options.provinceId,
          actor: item.escalated.reason !== 'Quá hạn xử lý',
        });
      }
      if (item.answer && item.answeredAfter !== undefined) {
        if (item.reopened) {
          events.push({
            kind: 'answered',
            from: 'received',
            to: 'resolved',
            after: item.answeredAfter - 3,
            note: 'Nhà trường sẽ kiểm tra máy chiếu trong tuần.',
            unit: handling,
            actor: true,
          });
          events.push({
            kind: 'reopened',
            from: 'resolved',
            to: 'in_progress',
            after: item.answeredAfter - 2,
            note: item.reopened,
            unit: handling,
            actor: false,
          });
        }
        events.push({
          kind: 'answered',
          from: 'in_progress',
          to: 'resolved',
          after: item.answeredAfter,
          note: item.answer,
          unit: handling,
          actor: true,
        });
      }
      if (item.rating)
        events.push({
          kind: 'rated',
          from: 'resolved',
          to: 'closed',
          after: (item.answeredAfter ?? 0) + 2,
          note: `${item.rating}/5`,
          unit: handling,
          actor: false,
        });
      for (const e of events) {
        const exact = e.actor || (e.kind !== 'rated' && e.kind !== 'reopened') || Boolean(item.named);
        await tx
          .insertInto('concern_events')
          .values({
            concern_id: row.id,
            kind: e.kind,
            from_status: e.from,
            to_status: e.to,
            unit_id: e.unit,
            actor_account_id: e.actor && e.unit === options.schoolId ? options.adminAccountId : null,
            actor_name: e.actor
              ? e.unit === options.schoolId
                ? 'Chủ tịch công đoàn trường'
                : 'Ban Thường vụ'
              : e.kind === 'escalated'
                ? 'Hệ thống'
                : null,
            note: e.note ?? '',
            at: exact ? dayAt(e.after, 10) : null,
            on_date: addDays(submittedOn, e.after),
          })
          .execute();
      }
    }
  });
}
