import { describe, expect, it } from 'vitest';
import { amendPlanBody, createPlanBody, createTargetBody, targetProblems } from './plans.js';

describe('plan contracts', () => {
  it('keeps only the number when "Số:" is typed with it', () => {
    const parsed = createPlanBody.parse({
      unitId: 1,
      number: 'Số: 05/KH-CĐGD',
      title: 'Kế hoạch thử',
      termStart: 2023,
      termEnd: 2028,
    });
    expect(parsed.number).toBe('05/KH-CĐGD');
    expect(parsed.sections).toEqual({});
    expect(createPlanBody.safeParse({ unitId: 1, title: 'Kế hoạch thử', termStart: 2028, termEnd: 2023 }).success).toBe(
      false,
    );
  });

  it('names every field of a target that does not add up', () => {
    const count = {
      measure: 'count',
      population: null,
      categories: ['training'],
      organiser: 'issuer',
      threshold: 5,
    } as const;
    expect(targetProblems(count)).toEqual([]);
    expect(targetProblems({ ...count, organiser: null, threshold: 0 }).map((p) => p.field)).toEqual([
      'organiser',
      'threshold',
    ]);
    expect(
      targetProblems({
        measure: 'coverage',
        population: 'families',
        categories: ['study', 'study'],
        organiser: null,
        threshold: 95,
      }).map((p) => p.field),
    ).toEqual(['population', 'categories']);
    expect(
      targetProblems({
        measure: 'evaluation_share',
        population: 'units',
        categories: [],
        organiser: null,
        threshold: 95,
      }),
    ).toEqual([]);
    const parsed = createTargetBody.safeParse({
      code: '2.3a',
      title: 'Đơn vị đạt chuẩn',
      measure: 'evaluation_share',
      period: 'cycle2',
      threshold: 101,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['population', 'threshold']);
  });

  it('refuses an amendment without a change', () => {
    expect(amendPlanBody.safeParse({ reason: 'Không đổi gì', changes: {} }).success).toBe(false);
    expect(
      amendPlanBody.safeParse({ reason: 'Đổi nơi ban hành', changes: { fields: { place: 'Hoa Lư' } } }).success,
    ).toBe(true);
  });
});
