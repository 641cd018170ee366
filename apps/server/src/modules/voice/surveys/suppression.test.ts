import { describe, expect, it } from 'vitest';
import { visibleGroups } from './suppression.js';

/** Province 1 → A 2, B 3, commune 4 → schools C 5, D 6 (direct answers in brackets below). */
const node = (id: number, parentId: number | null, direct: number) => ({ id, parentId, direct });

describe('small-group suppression', () => {
  it('hides a small remainder of answers given at the parent itself together with the smallest child', () => {
    // Province: 2 answers directly, A 7, B 8 → total 17. Shown A and B would give the 2 by subtraction.
    const shown = visibleGroups([node(1, null, 2), node(2, 1, 7), node(3, 1, 8)], 1);
    expect(Object.fromEntries(shown)).toEqual({ 1: true, 2: false, 3: true });
  });

  it('shows every child when each has at least 5 and nothing is left over', () => {
    const shown = visibleGroups([node(1, null, 0), node(2, 1, 5), node(3, 1, 9)], 1);
    expect(Object.fromEntries(shown)).toEqual({ 1: true, 2: true, 3: true });
  });

  it('two small children hiding 5 or more together need no complement', () => {
    // A 3, B 2 (both hidden, together 5), commune 10 shown: 15 − 10 = 5 tells only "A and B gave 5".
    const shown = visibleGroups([node(1, null, 0), node(2, 1, 3), node(3, 1, 2), node(4, 1, 10)], 1);
    expect(Object.fromEntries(shown)).toEqual({ 1: true, 2: false, 3: false, 4: true });
  });

  it('works down the tree and hides everything under a hidden group', () => {
    // Commune 4 (direct 0) → C 6, D 3: the commune shows (9), D hidden, so C too (9 − 6 = 3).
    const nodes = [node(1, null, 0), node(2, 1, 12), node(4, 1, 0), node(5, 4, 6), node(6, 4, 3)];
    expect(Object.fromEntries(visibleGroups(nodes, 1))).toEqual({ 1: true, 2: true, 4: true, 5: false, 6: false });
  });

  it('hides the whole result under 5 answers', () => {
    expect(Object.fromEntries(visibleGroups([node(1, null, 1), node(2, 1, 3)], 1))).toEqual({ 1: false });
  });
});
