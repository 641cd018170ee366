import { sql } from 'kysely';
import { createAssignment } from '../../modules/library/assignments.commands.js';
import { createDocument } from '../../modules/library/documents.commands.js';
import type { Actor } from '../../platform/access.js';
import { todayInVietnam } from '../../platform/dates.js';
import type { Db } from '../database.js';
import { addDays } from './demo-activities-world.js';
import { DEMO_DOCUMENTS, DEMO_QUIZ } from './demo-library-documents.js';

/**
 * The demo library, right after `npm start`: the province's documents (those the seed plan
 * cites, metadata only) and two study assignments from the province to the whole province,
 * both counted as briefing for target 2.1:
 *
 * - "Chỉ thị 05-CT/TW và Kết luận 01-KL/TW", given two months ago, its deadline a month past:
 *   most members confirmed, the demo member among them;
 * - "Nghị quyết 02-NQ/TW và Luật Công đoàn", given 12 days ago with a three-question quiz
 *   (2 right to pass), due in 18 days: about half have confirmed — schools at different paces —
 *   never the demo member, who can do it at once; the who-has-not list is long.
 *
 * Documents and assignments go through the module's own commands; the confirmations that the
 * members "made" in the past days are written in bulk, each with its attendance of the
 * assignment's study session, as a confirmation through the API would have written them.
 */

export const DEMO_ASSIGNMENT_TITLE = 'Học tập, quán triệt Nghị quyết số 02-NQ/TW và Luật Công đoàn năm 2024';
export const DEMO_PAST_ASSIGNMENT_TITLE = 'Học tập Chỉ thị số 05-CT/TW và Kết luận số 01-KL/TW';

export async function seedDemoLibrary(
  db: Db,
  actor: Actor,
  options: { demoMemberId: number | null; now?: Date },
): Promise<{ current: number; past: number }> {
  const now = options.now ?? new Date();
  const today = todayInVietnam(now);
  const root = await db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const topics = new Map(
    (await db.selectFrom('library_topics').select(['id', 'name']).execute()).map((t) => [t.name, t.id]),
  );
  const ids = new Map<string, number>();
  for (const document of DEMO_DOCUMENTS) {
    const { topics: names, ...fields } = document;
    const id = await createDocument(db, actor, {
      ...fields,
      unitId: root.id,
      topicIds: names.map((name) => {
        const topicId = topics.get(name);
        if (topicId === undefined) throw new Error(`unknown library topic ${name}`);
        return topicId;
      }),
    });
    ids.set(document.number, id);
  }
  const doc = (number: string) => ids.get(number) as number;

  const pastGiven = addDays(today, -60);
  const past = await createAssignment(
    db,
    actor,
    {
      unitId: root.id,
      title: DEMO_PAST_ASSIGNMENT_TITLE,
      note: 'Đề nghị các công đoàn cơ sở tổ chức cho đoàn viên đọc, nắm nội dung và xác nhận trên hệ thống.',
      deadline: addDays(today, -30),
      documentIds: [doc('05-CT/TW'), doc('01-KL/TW')],
      audienceUnitIds: [],
      countsAsStudy: true,
      questions: [],
      passMark: null,
    },
    pastGiven,
  );
  const currentGiven = addDays(today, -12);
  const current = await createAssignment(
    db,
    actor,
    {
      unitId: root.id,
      title: DEMO_ASSIGNMENT_TITLE,
      note:
        'Đoàn viên đọc Nghị quyết số 02-NQ/TW và Luật Công đoàn năm 2024, trả lời 3 câu hỏi (đúng từ 2 câu) và ' +
        'xác nhận đã đọc, nắm nội dung trước hạn.',
      deadline: addDays(today, 18),
      documentIds: [doc('02-NQ/TW'), doc('50/2024/QH15')],
      audienceUnitIds: [],
      countsAsStudy: true,
      questions: DEMO_QUIZ,
      passMark: 2,
    },
    currentGiven,
  );

  await backdate(db, past, pastGiven);
  await backdate(db, current, currentGiven);
  // Past: about 85 % in every school, over the month it ran; the demo member on day 3.
  await confirmInBulk(db, past, {
    from: pastGiven,
    days: 28,
    rate: sql`85`,
    demoMemberId: options.demoMemberId,
    demoMemberConfirms: true,
    now,
  });
  // Current: each school at its own pace (15–85 %), over the 12 days so far; never the demo member.
  await confirmInBulk(db, current, {
    from: currentGiven,
    days: 12,
    rate: sql`15 + (m.unit_id * 37) % 71`,
    demoMemberId: options.demoMemberId,
    demoMemberConfirms: false,
    now,
  });
  return { current, past };
}

async function backdate(db: Db, assignmentId: number, day: string): Promise<void> {
  const given = new Date(`${day}T08:00:00+07:00`);
  const row = await db
    .updateTable('study_assignments')
    .set({ created_at: given, updated_at: given })
    .where('id', '=', assignmentId)
    .returning('activity_id')
    .executeTakeFirstOrThrow();
  if (row.activity_id !== null) {
    await db
      .updateTable('activities')
      .set({ starts_at: given, created_at: given, updated_at: given })
      .where('id', '=', row.activity_id)
      .execute();
  }
}

/**
 * Confirmations of the members active today in the province, chosen by a fixed hash of their id
 * (`rate` percent of each unit), on a day within [from, from + days) and not after now; each with
 * a passed quiz attempt when there is a quiz, and its attendance.
 */
async function confirmInBulk(
  db: Db,
  assignmentId: number,
  input: {
    from: string;
    days: number;
    rate: ReturnType<typeof sql>;
    demoMemberId: number | null;
    demoMemberConfirms: boolean;
    now: Date;
  },
): Promise<void> {
  const today = todayInVietnam(input.now);
  await sql`
    with lagging as (
      -- The schools the demo's activities show lagging this year (below 95 % briefed) stay behind:
      -- few of their members confirm, so the dashboard and the chair's to-do list still have a story.
      select m.unit_id from memberships m
      where m.valid_to is null and member_status_at(m.member_id, ${today}::date) = 'active'
      group by m.unit_id
      having count(*) filter (where exists (
        select 1 from attendances t where t.member_id = m.member_id and t.category = 'study'
          and extract(year from t.attended_on) = extract(year from ${today}::date))) < 0.95 * count(*)
    ),
    chosen as (
      select m.member_id, m.unit_id,
        least(
          (${input.from}::date + ((m.member_id * 13) % ${input.days})::int + time '07:30'
            + ((m.member_id * 7) % 600) * interval '1 minute') at time zone 'Asia/Ho_Chi_Minh',
          ${input.now}::timestamptz - interval '1 hour') as at,
        (select count(*) from study_questions q where q.assignment_id = ${assignmentId}) as questions
      from memberships m
      where m.valid_to is null and member_status_at(m.member_id, ${today}::date) = 'active'
        and (
          (m.member_id = ${input.demoMemberId ?? 0} and ${input.demoMemberConfirms})
          or (m.member_id <> ${input.demoMemberId ?? 0} and (m.member_id * 7919) % 100
            < case when m.unit_id in (select unit_id from lagging) then 5 else ${input.rate} end)
        )
    ),
    attempts as (
      insert into study_quiz_attempts (assignment_id, member_id, answers, correct, passed, at)
      select ${assignmentId}, member_id, '{}'::jsonb, questions - (member_id % 2), true, at
      from chosen where questions > 0
    ),
    confirmed as (
      insert into study_confirmations (assignment_id, member_id, unit_id, confirmed_at, correct)
      select ${assignmentId}, member_id, unit_id, at, case when questions > 0 then questions - (member_id % 2) end
      from chosen
      returning member_id, confirmed_at
    )
    insert into attendances (activity_id, member_id, category, attended_on, source, recorded_at)
    select a.activity_id, c.member_id, 'study', (c.confirmed_at at time zone 'Asia/Ho_Chi_Minh')::date, 'study', c.confirmed_at
    from confirmed c cross join study_assignments a
    where a.id = ${assignmentId} and a.activity_id is not null`.execute(db);
}
