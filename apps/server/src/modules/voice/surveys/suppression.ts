import { SURVEY_MIN_GROUP } from '@lan-toa/contracts';

/**
 * Which unit groups of one question may be shown. A group is the answers of a unit's subtree
 * (roll-up). Rules, applied from the top down:
 *
 * 1. a group with fewer than 5 answers is never shown (with it, every breakdown of it by option);
 * 2. differencing: a shown parent's total minus its shown children gives what is not shown — the
 *    answers given directly at the parent unit plus the hidden children. That remainder must be
 *    0 or at least 5, or it is itself a small group that can be computed. So when it is 1–4, the
 *    smallest shown children are hidden too (complementary suppression) until the remainder
 *    reaches 5 or nothing is left to hide. This keeps as many units visible as possible while
 *    no combination of shown rows isolates fewer than 5 answers;
 * 3. below a hidden group nothing is shown (its rows would be parts of a hidden whole).
 *
 * The same holds for each option's count inside a shown group: a group's breakdown is shown
 * only with the group (≥ 5 answers), so no cell isolates a person's group.
 */

export interface GroupNode {
  id: number;
  parentId: number | null;
  /** Answers given at this very unit. */
  direct: number;
}

export function visibleGroups(nodes: GroupNode[], rootId: number, min = SURVEY_MIN_GROUP): Map<number, boolean> {
  const children = new Map<number, number[]>();
  for (const node of nodes) {
    if (node.parentId === null || node.id === rootId) continue;
    children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.id]);
  }
  const direct = new Map(nodes.map((n) => [n.id, n.direct]));
  const total = new Map<number, number>();
  const sum = (id: number): number => {
    const known = total.get(id);
    if (known !== undefined) return known;
    const value = (direct.get(id) ?? 0) + (children.get(id) ?? []).reduce((acc, c) => acc + sum(c), 0);
    total.set(id, value);
    return value;
  };
  const shown = new Map<number, boolean>();
  const walk = (id: number) => {
    const kids = (children.get(id) ?? []).filter((c) => sum(c) > 0);
    const hidden = new Set(kids.filter((c) => sum(c) < min));
    let remainder = (direct.get(id) ?? 0) + [...hidden].reduce((acc, c) => acc + sum(c), 0);
    const candidates = kids.filter((c) => !hidden.has(c)).sort((a, b) => sum(a) - sum(b) || a - b);
    while (remainder > 0 && remainder < min && candidates.length > 0) {
      const next = candidates.shift() as number;
      hidden.add(next);
      remainder += sum(next);
    }
    for (const kid of kids) {
      shown.set(kid, !hidden.has(kid));
      if (!hidden.has(kid)) walk(kid);
    }
  };
  const rootShown = sum(rootId) >= min;
  shown.set(rootId, rootShown);
  if (rootShown) walk(rootId);
  return shown;
}

export function subtreeTotals(nodes: GroupNode[], rootId: number): Map<number, number> {
  const totals = new Map<number, number>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const node of nodes) {
    let at: GroupNode | undefined = node;
    while (at) {
      totals.set(at.id, (totals.get(at.id) ?? 0) + node.direct);
      if (at.id === rootId || at.parentId === null) break;
      at = byId.get(at.parentId);
    }
  }
  return totals;
}
