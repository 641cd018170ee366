import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { systemActor } from '../../../test/factories.js';
import { surveyResults } from '../../modules/voice/surveys/results.service.js';
import { viewSurvey } from '../../modules/voice/surveys/surveys.queries.js';
import { findSurvey } from '../../modules/voice/surveys/surveys.repository.js';
import { todayInVietnam } from '../../platform/dates.js';
import { seedDemo } from './seed-demo.js';

const { db } = await testDatabase();
let demoMember: { id: number; memberId: number };

beforeAll(async () => {
  const logins = await seedDemo(db, await systemActor(db));
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'member_id'])
    .where('email', '=', logins.member.login)
    .executeTakeFirstOrThrow();
  demoMember = { id: account.id, memberId: account.member_id as number };
}, 240_000);

describe('the demo surveys', () => {
  it('an open anonymous pulse survey with shown and suppressed units, the demo member yet to answer', async () => {
    const row = await db
      .selectFrom('surveys')
      .select('id')
      .where('title', '=', 'Khảo sát nhanh về đời sống, việc làm của CBNGNLĐ')
      .executeTakeFirstOrThrow();
    const survey = await findSurvey(db, row.id);
    const results = await surveyResults(db, survey, todayInVietnam());
    const [first] = results.questions;
    expect(first?.total.suppressed).toBe(false);
    expect(first?.units.some((u) => !u.suppressed)).toBe(true);
    expect(first?.units.some((u) => u.suppressed)).toBe(true);
    const unit = await db
      .selectFrom('memberships as m')
      .innerJoin('units as u', 'u.id', 'm.unit_id')
      .select(['u.id', 'u.name', 'u.path'])
      .where('m.member_id', '=', demoMember.memberId)
      .where('m.valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    const view = await viewSurvey(
      db,
      {
        accountId: demoMember.id,
        displayName: 'Đoàn viên',
        memberId: demoMember.memberId,
        grants: [{ role: 'member', unitId: unit.id, unitName: unit.name, unitPath: unit.path }],
        ip: null,
      },
      row.id,
    );
    expect(view).toMatchObject({ status: 'open', anonymous: true, canAnswer: true, responded: false });
  });

  it('a closed named questionnaire with answers', async () => {
    const row = await db
      .selectFrom('surveys')
      .select(['id', 'anonymous', 'closes_on'])
      .where('kind', '=', 'questionnaire')
      .executeTakeFirstOrThrow();
    expect(row.anonymous).toBe(false);
    expect(row.closes_on < todayInVietnam()).toBe(true);
    const answers = await db
      .selectFrom('survey_responses')
      .select('member_id')
      .where('survey_id', '=', row.id)
      .execute();
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.every((a) => a.member_id !== null)).toBe(true);
  });

  it('the demo member’s bell holds what is still to do, not October’s invitations', async () => {
    const notices = await db
      .selectFrom('notifications')
      .select(['kind', 'title', 'read_at', 'created_at'])
      .where('account_id', '=', demoMember.id)
      .where('kind', 'in', ['survey_open', 'study_assignment'])
      .orderBy('created_at')
      .execute();
    const unread = notices.filter((n) => n.read_at === null).map((n) => n.title);
    // The open survey and the running assignment wait; the closed questionnaire and the past
    // assignment (given two months ago) are read and dated when they were sent.
    expect(unread).toEqual([
      'Tài liệu cần học: Học tập, quán triệt Nghị quyết số 02-NQ/TW và Luật Công đoàn năm 2024',
      'Mời trả lời khảo sát “Khảo sát nhanh về đời sống, việc làm của CBNGNLĐ”',
    ]);
    expect(notices.filter((n) => n.read_at !== null)).toHaveLength(2);
    const today = todayInVietnam();
    const sentDays = notices.map((n) => todayInVietnam(n.created_at));
    expect(sentDays.filter((day) => day === today)).toEqual([]);
  });
});
