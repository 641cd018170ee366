import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { kind, makeMembers, makeTree, systemActor } from '../../../test/factories.js';
import { createUnit } from '../../modules/org/units.commands.js';
import { findPlan, planTargets, planTasks, planVersionList } from '../../modules/plans/plans.repository.js';
import { planCascade } from '../../modules/plans/plans-cascade.js';
import { pickPlanBuilders, SEED_PLAN_NUMBER, SEED_PLAN_TARGETS, seedProvincePlan } from './seed-plan.js';
import { SEED_PLAN_SECTIONS, SEED_PLAN_TASKS } from './seed-plan-text.js';

const { db } = await testDatabase();

/** The words of an HTML fragment, tags and entities gone, one space between words. */
function plain(html: string): string {
  return html
    .replace(/<[^>]+>/gu, ' ')
    .replaceAll('&amp;', '&')
    .replace(/\s+/gu, ' ')
    .trim();
}

describe('the seed plan', () => {
  it('enters the province plan 2023–2028 exactly: fields, sections, 9 targets, 8 tasks, issued', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    const { planId } = await seedProvincePlan(db, actor, tree.province);
    const plan = await findPlan(db, planId);
    expect(plan).toMatchObject({
      number: SEED_PLAN_NUMBER,
      title:
        'Nâng cao hiệu quả công tác tuyên truyền, vận động cán bộ, nhà giáo và người lao động, giai đoạn 2023-2028',
      place: 'Ninh Bình',
      signedOn: '2024-01-22',
      termStart: 2023,
      termEnd: 2028,
      status: 'issued',
      version: 1,
      signerTitle: 'TM. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH',
      signerName: 'Nguyễn Thị Hưng',
      parentPlanId: null,
    });
    expect(plan.number).toBe('05/KH-CĐGD');
    expect(plan.issuedAt?.toISOString()).toBe('2024-01-22T02:00:00.000Z');
    // The text went through the sanitiser unchanged: it holds only the allowed tags.
    expect(plan.sections).toEqual(SEED_PLAN_SECTIONS);

    const text = Object.fromEntries(Object.entries(plan.sections).map(([key, html]) => [key, plain(html)]));
    expect(text.purpose).toMatch(/^Thực hiện Kế hoạch số 06\/KH-LĐLĐ ngày 18\/01\/2024/u);
    expect(text.purpose).toContain('"Tổ chức của người lao động, do người lao động và vì người lao động"');
    expect(text.targets).toContain('2.2. Trong nhiệm kỳ, CĐGD tỉnh tổ chức 05 cuộc tập huấn');
    expect(text.targets).toContain('phát hiện, xử lý thông tin tiêu cực, tin xấu, độc góp phần');
    expect(text.targets).toContain('Trong nhiệm kỳ, tổ chức ít nhất 01 hội diễn văn nghệ và hàng năm tổ chức 01 giải');
    expect(text.tasks).toMatch(/^III\. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU 1\. Đẩy mạnh/u);
    expect(text.tasks).toContain('xã hội học tập trong nền kinh tế số, xã hội số thông qua các phương tiện');
    expect(text.organisation).toContain('tổ chức sơ kết giữa nhiệm kỳ vào năm 2026 và tổng kết');
    expect(text.organisation).toMatch(/kịp thời báo cáo về Ban Thường vụ CĐGD tỉnh để giải quyết\.\/\.$/u);
    expect(text.recipients).toBe(
      'Nơi nhận: LĐLĐ tỉnh (để báo cáo); BCH CĐGD tỉnh (để thực hiện); Các CĐCS (để thực hiện); Lưu VT, CĐGD.',
    );

    const targets = await planTargets(db, planId);
    expect(targets).toHaveLength(9);
    expect(
      targets.map((t) => [t.code, t.measure, t.population, t.categories, t.organiser, t.period, t.threshold]),
    ).toEqual([
      ['2.1a', 'coverage', 'key_officials', ['study'], null, 'year', 100],
      ['2.1b', 'coverage', 'all_members', ['study'], null, 'year', 95],
      ['2.2', 'count', null, ['training'], 'issuer', 'term', 5],
      ['2.3a', 'evaluation_share', 'units', [], null, 'cycle2', 95],
      ['2.3b', 'evaluation_share', 'units', [], null, 'cycle5', 95],
      ['2.3c', 'evaluation_share', 'families', [], null, 'year', 95],
      ['2.4a', 'count', null, ['culture_arts', 'sports'], 'subtree', 'year', 1],
      ['2.4b', 'count', null, ['festival'], 'issuer', 'term', 1],
      ['2.4c', 'count', null, ['sports'], 'issuer', 'year', 1],
    ]);
    expect(targets.map((t) => t.title)).toEqual(SEED_PLAN_TARGETS.map((t) => t.title));

    const tasks = await planTasks(db, planId);
    expect(tasks.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(tasks[0]?.title).toBe(
      'Đẩy mạnh công tác tuyên truyền, vận động bằng nhiều hình thức, nội dung và phương pháp',
    );
    expect(tasks[4]?.description.split('\n')).toHaveLength(3);
    for (const [index, task] of tasks.entries()) {
      expect(task.description.startsWith(task.title), task.code).toBe(true);
      // Section III holds each task's full text after its number.
      const [first, ...rest] = task.description.split('\n');
      expect(text.tasks).toContain(`${task.code}. ${first}`);
      for (const paragraph of rest) expect(text.tasks).toContain(paragraph.replace(/^- /u, ''));
      expect(task.description).toBe(SEED_PLAN_TASKS[index]?.description);
    }
    expect(await planVersionList(db, planId)).toEqual([expect.objectContaining({ version: 1, reason: null })]);
  });

  it('has a few units below with issued plans (one aiming higher), a few drafts and most with none', async () => {
    const actor = await systemActor(db);
    const tree = await makeTree(db);
    const grassroots = await kind(db, 'grassroots_union');
    for (let i = 1; i <= 8; i++) {
      await createUnit(db, actor, {
        name: `Công đoàn Trường Mầm non ${String(i).padStart(2, '0')}`,
        kindId: grassroots,
        parentId: tree.province,
        validFrom: '2020-01-01',
      });
    }
    await makeMembers(db, tree.schoolB, ['Phạm Thị Chủ Tịch'], '2021-09-01', { unionRole: 'chair' });
    const seeded = await seedProvincePlan(db, actor, tree.province);

    const plans = await Promise.all([...seeded.issued, ...seeded.drafts].map((id) => findPlan(db, id)));
    expect(plans.map((p) => [p.unitName, p.status, p.number])).toEqual([
      ['Công đoàn xã Thử', 'issued', '02/KH-CĐ'],
      ['Công đoàn Trường Mầm non 02', 'issued', '01/KH-CĐCS'],
      ['Công đoàn Trường THPT B', 'issued', '02/KH-CĐCS'],
      ['Công đoàn Trường Mầm non 06', 'draft', ''],
    ]);
    expect(plans.every((p) => p.parentPlanId === seeded.planId)).toBe(true);
    expect(plans[2]).toMatchObject({ signerName: 'Phạm Thị Chủ Tịch', signedOn: '2024-02-08' });
    const thresholds = async (planId: number) =>
      Object.fromEntries((await planTargets(db, planId)).map((t) => [t.code, t.threshold]));
    expect((await thresholds(seeded.issued[1] ?? 0))['2.1b']).toBe(100);
    expect((await thresholds(seeded.issued[2] ?? 0))['2.1b']).toBe(95);

    const cascade = await planCascade(db, actor, await findPlan(db, seeded.planId), { sort: 'status' });
    expect(cascade.counts).toEqual({ total: 12, none: 8, draft: 1, issued: 3 });
  });

  it('picks the same units every time', () => {
    const names = Array.from({ length: 40 }, (_, i) => `Trường ${i}`);
    expect(pickPlanBuilders(names)).toEqual({
      issued: ['Trường 1', 'Trường 9', 'Trường 17', 'Trường 25', 'Trường 33'],
      drafts: ['Trường 5', 'Trường 13', 'Trường 21', 'Trường 29', 'Trường 37'],
    });
  });
});
