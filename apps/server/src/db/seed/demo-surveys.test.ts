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
});
