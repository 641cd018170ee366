import { ARTICLE_ACTIONS, ARTICLE_STATUSES } from '@lan-toa/contracts';
import { describe, expect, it } from 'vitest';
import { type ArticleRelation, allows } from './news.policy.js';

/**
 * The workflow table, written out again by hand: every (action, status, relation) that is allowed.
 * Every other combination of the 7 actions × 6 statuses × 4 relation sets must be refused.
 */
const ALLOWED = `
  edit draft author
  edit rejected author
  edit submitted publisher
  edit approved publisher
  edit published publisher
  submit draft author
  submit rejected author
  approve submitted publisher
  reject submitted publisher
  reject approved publisher
  publish approved publisher
  archive draft author
  archive rejected author
  archive published publisher
  comment draft author
  comment draft publisher
  comment submitted author
  comment submitted publisher
  comment approved author
  comment approved publisher
  comment rejected author
  comment rejected publisher
  comment published author
  comment published publisher
`
  .trim()
  .split('\n')
  .map((line) => line.trim());

const RELATION_SETS: [string, ArticleRelation[]][] = [
  ['nobody (member, another school)', []],
  ['writer', ['author']],
  ['publisher only', ['publisher']],
  ['province editor (both)', ['author', 'publisher']],
];

describe('article workflow table', () => {
  for (const action of ARTICLE_ACTIONS) {
    for (const status of ARTICLE_STATUSES) {
      for (const [label, relations] of RELATION_SETS) {
        const expected = relations.some((relation) => ALLOWED.includes(`${action} ${status} ${relation}`));
        it(`${label}: ${action} from ${status} → ${expected ? 'allowed' : 'refused'}`, () => {
          expect(allows(action, status, new Set(relations))).toBe(expected);
        });
      }
    }
  }

  it('nothing at all can be done to an archived article, and members can do nothing anywhere', () => {
    for (const action of ARTICLE_ACTIONS) {
      expect(allows(action, 'archived', new Set(['author', 'publisher']))).toBe(false);
      for (const status of ARTICLE_STATUSES) expect(allows(action, status, new Set())).toBe(false);
    }
  });
});
