import type { SurveyInput } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { answerSurvey } from '../../modules/voice/surveys/responses.service.js';
import { createSurvey, publishSurvey } from '../../modules/voice/surveys/surveys.commands.js';
import type { Actor } from '../../platform/access.js';
import { addDays, todayInVietnam } from '../../platform/dates.js';
import { Rng } from './random.js';

/**
 * Demo surveys of the province: an open anonymous pulse survey with answers from many schools —
 * some with enough answers to be shown, some with too few (suppressed) — that the demo member has
 * not answered yet; and a closed named questionnaire from two months ago. Answers go through the
 * same service members use (one per person, display units for anonymous answers).
 */

const PULSE: Omit<SurveyInput, 'unitId' | 'opensOn' | 'closesOn'> = {
  kind: 'pulse',
  title: 'Khảo sát nhanh về đời sống, việc làm của CBNGNLĐ',
  description:
    'Ban Thường vụ Công đoàn Giáo dục tỉnh muốn nắm bắt tâm tư, nguyện vọng về đời sống, việc làm của cán bộ, nhà giáo, ' +
    'người lao động để kịp thời kiến nghị, giải quyết. Khảo sát ẩn danh, khoảng 2 phút.',
  anonymous: true,
  audienceUnitIds: [],
  questions: [
    {
      kind: 'scale',
      text: 'Thầy cô hài lòng thế nào với thu nhập hiện nay?',
      required: true,
      options: [],
      scaleMax: 5,
      scaleMinLabel: 'Rất không hài lòng',
      scaleMaxLabel: 'Rất hài lòng',
    },
    {
      kind: 'single',
      text: 'Thu nhập từ nghề có đủ trang trải cuộc sống gia đình không?',
      required: true,
      options: ['Đủ và có tích lũy', 'Vừa đủ', 'Không đủ, phải làm thêm'],
      scaleMax: null,
      scaleMinLabel: '',
      scaleMaxLabel: '',
    },
    {
      kind: 'multiple',
      text: 'Điều thầy cô lo lắng nhất lúc này (chọn nhiều)',
      required: false,
      options: [
        'Áp lực công việc, hồ sơ sổ sách',
        'Sắp xếp, tinh giản biên chế',
        'Nhà ở',
        'Sức khỏe',
        'Con cái học hành',
      ],
      scaleMax: null,
      scaleMinLabel: '',
      scaleMaxLabel: '',
    },
    {
      kind: 'text',
      text: 'Kiến nghị của thầy cô với tổ chức công đoàn',
      required: false,
      options: [],
      scaleMax: null,
      scaleMinLabel: '',
      scaleMaxLabel: '',
    },
  ],
};

const WISHES = [
  'Đề nghị giảm bớt hồ sơ, sổ sách để giáo viên có thời gian đầu tư bài giảng.',
  'Mong công đoàn kiến nghị sớm chi trả phụ cấp thâm niên đúng hạn.',
  'Cần thêm hoạt động chăm lo cho con đoàn viên có hoàn cảnh khó khăn.',
  'Đề nghị tổ chức khám sức khỏe định kỳ cho cả nhân viên hợp đồng.',
  'Mong có thông tin rõ ràng về sắp xếp trường lớp năm học tới.',
  'Hỗ trợ nhà công vụ cho giáo viên ở xa.',
];

const QUESTIONNAIRE: Omit<SurveyInput, 'unitId' | 'opensOn' | 'closesOn'> = {
  kind: 'questionnaire',
  title: 'Phiếu hỏi ý kiến về tổ chức Tháng Công nhân năm 2025',
  description: 'Ý kiến của đoàn viên giúp Ban Thường vụ chọn hình thức hoạt động phù hợp cho năm sau.',
  anonymous: false,
  audienceUnitIds: [],
  questions: [
    {
      kind: 'single',
      text: 'Hình thức hoạt động thầy cô muốn tham gia nhất',
      required: true,
      options: [
        'Hội thao, văn nghệ',
        'Tham quan, dã ngoại',
        'Tọa đàm, chia sẻ kinh nghiệm',
        'Thăm hỏi đoàn viên khó khăn',
      ],
      scaleMax: null,
      scaleMinLabel: '',
      scaleMaxLabel: '',
    },
    {
      kind: 'scale',
      text: 'Đánh giá chung các hoạt động Tháng Công nhân năm nay',
      required: true,
      options: [],
      scaleMax: 10,
      scaleMinLabel: 'Chưa tốt',
      scaleMaxLabel: 'Rất tốt',
    },
  ],
};

interface Person {
  memberId: number;
  unitId: number;
  unitName: string;
  unitPath: string;
}

/** Members active on the day in the grassroots units of the province, grouped by unit, largest first. */
async function peopleBySchool(db: Db, provinceId: number, day: string): Promise<Person[][]> {
  const rows = await sql<Person>`
    select m.member_id as "memberId", u.id as "unitId", u.name as "unitName", u.path::text as "unitPath"
    from memberships m join units u on u.id = m.unit_id
    join units p on p.id = ${provinceId} and u.path <@ p.path
    where m.valid_from <= ${day}::date and (m.valid_to is null or m.valid_to > ${day}::date)
      and member_status_at(m.member_id, ${day}::date) = 'active' and u.id <> p.id
    order by u.id, m.member_id`.execute(db);
  const groups = new Map<number, Person[]>();
  for (const row of rows.rows) groups.set(row.unitId, [...(groups.get(row.unitId) ?? []), row]);
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

const asMember = (p: Person): Actor => ({
  accountId: 0,
  displayName: 'Đoàn viên',
  memberId: p.memberId,
  grants: [{ role: 'member', unitId: p.unitId, unitName: p.unitName, unitPath: p.unitPath }],
  ip: null,
});

export async function seedDemoSurveys(
  db: Db,
  actor: Actor,
  options: { provinceId: number; demoMemberId: number },
): Promise<void> {
  const rng = new Rng(2026);
  const random = () => rng.next();
  const today = todayInVietnam();

  // 1. Open, anonymous: answers in some schools (shown when ≥ 5) and a few in others (suppressed).
  const pulseId = await createSurvey(
    db,
    actor,
    { ...PULSE, unitId: options.provinceId, opensOn: addDays(today, -3), closesOn: addDays(today, 14) },
    addDays(today, -3),
  );
  await publishSurvey(db, actor, pulseId, addDays(today, -3));
  const pulseQuestions = await db
    .selectFrom('survey_questions')
    .select('id')
    .where('survey_id', '=', pulseId)
    .orderBy('position')
    .execute();
  const [scale, enough, worries, wish] = pulseQuestions.map((q) => q.id) as [number, number, number, number];
  const schools = await peopleBySchool(db, options.provinceId, today);
  const plan = [9, 7, 6, 3, 8, 2, 6, 4, 5, 1];
  for (const [i, school] of schools.slice(0, plan.length).entries()) {
    const people = school.filter((p) => p.memberId !== options.demoMemberId).slice(0, plan[i]);
    for (const person of people) {
      const value = 1 + Math.min(4, Math.floor(random() * 5));
      await answerSurvey(
        db,
        asMember(person),
        pulseId,
        [
          { questionId: scale, value },
          { questionId: enough, optionIds: [value >= 4 ? 'o1' : value >= 3 ? 'o2' : 'o3'] },
          { questionId: worries, optionIds: ['o1', 'o2', 'o3', 'o4', 'o5'].filter(() => random() < 0.4) },
          ...(random() < 0.5
            ? [{ questionId: wish, text: WISHES[Math.floor(random() * WISHES.length)] as string }]
            : []),
        ],
        today,
      );
    }
  }

  // 2. Closed, named: two months ago.
  const opened = addDays(today, -60);
  const namedId = await createSurvey(
    db,
    actor,
    { ...QUESTIONNAIRE, unitId: options.provinceId, opensOn: opened, closesOn: addDays(today, -45) },
    opened,
  );
  await publishSurvey(db, actor, namedId, opened);
  const namedQuestions = await db
    .selectFrom('survey_questions')
    .select('id')
    .where('survey_id', '=', namedId)
    .orderBy('position')
    .execute();
  const [kind, score] = namedQuestions.map((q) => q.id) as [number, number];
  const then = addDays(today, -50);
  for (const school of (await peopleBySchool(db, options.provinceId, then)).slice(0, 8)) {
    for (const person of school.slice(0, 4 + Math.floor(random() * 6))) {
      await answerSurvey(
        db,
        asMember(person),
        namedId,
        [
          { questionId: kind, optionIds: [`o${1 + Math.floor(random() * 4)}`] },
          { questionId: score, value: 5 + Math.floor(random() * 6) },
        ],
        then,
      ).catch(() => undefined); // someone who left the audience since is simply skipped
    }
  }
}
