import type { Db } from '../../db/database.js';
import { createAccount } from '../../modules/access/accounts.service.js';
import { insertMembers, setMemberStatus, transferMember } from '../../modules/org/members.commands.js';
import { createRootUnit, createUnit, dissolveUnit, mergeUnit } from '../../modules/org/units.commands.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { generatePassword } from '../../platform/passwords.js';
import { seedDemoActivities } from './demo-activities.js';
import { seedDemoChannels } from './demo-channels.js';
import { seedDemoConcerns } from './demo-concerns.js';
import { seedDemoContest } from './demo-contest.js';
import { buildDemoOrganisation } from './demo-data.js';
import { seedDemoInfoReports } from './demo-info-reports.js';
import { seedDemoLibrary } from './demo-library.js';
import { seedDemoNews } from './demo-news.js';
import { dateDemoNotices, seedDemoNotifications } from './demo-notifications.js';
import { seedDemoSurveys } from './demo-surveys.js';
import { seedProvincePlan } from './seed-plan.js';

export interface DemoLogins {
  unitAdmin: { login: string; password: string; unitName: string };
  member: { login: string; password: string };
}

/**
 * Demo accounts get strong random passwords, printed once at first start like the admin's,
 * and are not forced to change them: they exist to be tried at once.
 *
 * Fills an empty database with the demo organisation (fixed seed: the same every time), going
 * through the same commands the API uses, so the demo data obeys every rule real data does.
 */
export async function seedDemo(db: Db, actor: Actor): Promise<DemoLogins> {
  const demo = buildDemoOrganisation();
  const kinds = new Map(
    (await db.selectFrom('unit_kinds').select(['id', 'code']).execute()).map((k) => [k.code, k.id]),
  );
  const unitIds = new Map<string, number>();
  for (const unit of demo.units) {
    const kindId = kinds.get(unit.kindCode);
    if (kindId === undefined) throw new Error(`unknown unit kind ${unit.kindCode}`);
    const parentId = unit.parentKey === null ? null : unitIds.get(unit.parentKey);
    const id =
      parentId === null || parentId === undefined
        ? await db
            .transaction()
            .execute((tx) => createRootUnit(tx, actor, { name: unit.name, kindId, validFrom: unit.validFrom }))
        : await createUnit(db, actor, { name: unit.name, kindId, parentId, validFrom: unit.validFrom });
    unitIds.set(unit.key, id);
  }
  const unitOf = (key: string) => {
    const id = unitIds.get(key);
    if (id === undefined) throw new Error(`unknown unit ${key}`);
    return id;
  };

  const memberIds = new Map<string, number>();
  await db.transaction().execute(async (tx) => {
    const ids = await insertMembers(
      tx,
      demo.members.map(({ key: _key, unitKey, ...member }) => ({ ...member, unitId: unitOf(unitKey) })),
    );
    for (const [i, member] of demo.members.entries()) memberIds.set(member.key, ids[i] as number);
    await recordAudit(tx, actor, {
      action: 'member.imported',
      entityType: 'unit',
      entityId: unitOf('province'),
      unitId: unitOf('province'),
      after: { created: ids.length, source: 'demo' },
    });
  });
  const memberOf = (key: string) => {
    const id = memberIds.get(key);
    if (id === undefined) throw new Error(`unknown member ${key}`);
    return id;
  };

  for (const event of demo.events) {
    switch (event.type) {
      case 'transfer':
        await transferMember(db, actor, memberOf(event.memberKey), {
          toUnitId: unitOf(event.toUnitKey),
          effectiveDate: event.date,
        });
        break;
      case 'status':
        await setMemberStatus(db, actor, memberOf(event.memberKey), {
          status: event.status,
          effectiveDate: event.date,
        });
        break;
      case 'merge':
        await mergeUnit(db, actor, unitOf(event.unitKey), {
          intoUnitId: unitOf(event.intoUnitKey),
          effectiveDate: event.date,
        });
        break;
      case 'dissolve':
        await dissolveUnit(db, actor, unitOf(event.unitKey), { effectiveDate: event.date });
        break;
    }
  }

  const adminMember = demo.members.find((m) => m.key === demo.unitAdmin.memberKey);
  const plainMember = demo.members.find((m) => m.key === demo.memberAccount.memberKey);
  const adminUnit = demo.units.find((u) => u.key === demo.unitAdmin.unitKey);
  if (!adminMember || !plainMember || !adminUnit) throw new Error('demo accounts refer to unknown people');
  const unitAdmin = await createAccount(
    db,
    actor,
    {
      displayName: adminMember.fullName,
      email: adminMember.email,
      phone: adminMember.phone,
      memberId: memberOf(adminMember.key),
      role: 'unit_admin',
      unitId: unitOf(adminUnit.key),
    },
    generatePassword(),
  );
  const member = await createAccount(
    db,
    actor,
    {
      displayName: plainMember.fullName,
      email: plainMember.email,
      phone: plainMember.phone,
      memberId: memberOf(plainMember.key),
      role: 'member',
      unitId: unitOf(plainMember.unitKey),
    },
    generatePassword(),
  );
  await seedProvincePlan(db, actor, unitOf('province'));
  await seedDemoActivities(db, actor);
  await seedDemoContest(db, actor, { demoMemberId: memberOf(plainMember.key) });
  await seedDemoLibrary(db, actor, { demoMemberId: memberOf(plainMember.key) });
  await seedDemoNews(db, actor, { schoolAdminAccountId: unitAdmin.account.id });
  await seedDemoChannels(db, { provinceId: unitOf('province'), schoolId: unitOf(adminUnit.key) });
  await seedDemoNotifications(db);
  await seedDemoSurveys(db, actor, { provinceId: unitOf('province'), demoMemberId: memberOf(plainMember.key) });
  await seedDemoInfoReports(db, actor, {
    provinceId: unitOf('province'),
    memberAccountId: member.account.id,
    memberId: memberOf(plainMember.key),
    memberUnitId: unitOf(plainMember.unitKey),
  });
  await seedDemoConcerns(db, {
    provinceId: unitOf('province'),
    schoolId: unitOf(adminUnit.key),
    adminAccountId: unitAdmin.account.id,
    memberId: memberOf(plainMember.key),
    memberAccountId: member.account.id,
    memberUnitId: unitOf(plainMember.unitKey),
  });
  await dateDemoNotices(db);
  return {
    unitAdmin: {
      login: adminMember.email ?? adminMember.phone ?? '',
      password: unitAdmin.temporaryPassword,
      unitName: adminUnit.name,
    },
    member: { login: plainMember.email ?? plainMember.phone ?? '', password: member.temporaryPassword },
  };
}
