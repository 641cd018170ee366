import type { ActivityCategory, BestOf, contestSummary, contestView, roundView } from '@lan-toa/contracts';
import type { z } from 'zod';
import type { ContestPrize, ContestQuota } from '../../db/schema-contests.js';
import type { Actor } from '../../platform/access.js';
import { toVietnamIso } from '../activities/activity-time.js';
import { type ContestPlace, canManageContest } from './contests.policy.js';
import type { ContestRecord } from './contests.repository.js';

/**
 * Contests and rounds as the API shows them: times in Vietnam's offset, each round's state by
 * the server's clock, and what the viewer may do (`canManage`, `canEnter`). Raw rows never
 * leave the server.
 */

export type RoundView = z.infer<typeof roundView>;
export type ContestView = z.infer<typeof contestView>;
export type ContestSummary = z.infer<typeof contestSummary>;
export type RoundState = RoundView['state'];

export interface RoundRow {
  id: number;
  contest_id: number;
  number: number;
  title: string;
  opens_at: Date;
  closes_at: Date;
  question_count: number;
  quotas: ContestQuota[];
  shuffle_options: boolean;
  time_limit_seconds: number;
  attempts_allowed: number;
  best_of: BestOf;
  prediction_question: string | null;
  prediction_answer: number | null;
  essay_question: string | null;
  prizes: ContestPrize[];
  results_published_at: Date | null;
  /** Someone has started an attempt in it (it can no longer be deleted). */
  has_attempts: boolean;
}

export function roundState(round: { opens_at: Date; closes_at: Date }, now = new Date()): RoundState {
  if (now < round.opens_at) return 'upcoming';
  return now < round.closes_at ? 'open' : 'closed';
}

/** Where the viewer stands today as a member (active, with a current membership), if they are one. */
export interface MemberPlace {
  unitPath: string;
}

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/** A published contest a member may take part in: any member for a public one, else one inside the audience. */
export function canEnterContest(place: MemberPlace | null, contest: ContestPlace): boolean {
  if (contest.status !== 'published' || place === null) return false;
  return contest.audience === 'public' || within(place.unitPath, contest.audiencePath);
}

/**
 * `onlyOfPublished`: the round is the only one of a published contest, which must keep one
 * (the same rules `updateRound` and `deleteRound` apply).
 */
export function presentRound(row: RoundRow, canManage: boolean, now = new Date(), onlyOfPublished = false): RoundView {
  const resultsPublished = row.results_published_at !== null;
  const state = roundState(row, now);
  return {
    id: row.id,
    contestId: row.contest_id,
    number: row.number,
    title: row.title,
    opensAt: toVietnamIso(row.opens_at),
    closesAt: toVietnamIso(row.closes_at),
    questionCount: row.question_count,
    quotas: row.quotas,
    shuffleOptions: row.shuffle_options,
    timeLimitMinutes: Math.round(row.time_limit_seconds / 60),
    attemptsAllowed: row.attempts_allowed,
    bestOf: row.best_of,
    predictionQuestion: row.prediction_question,
    // The true figure is for players once the results are out; organisers see it as soon as it is known.
    predictionAnswer: canManage || resultsPublished ? row.prediction_answer : null,
    essayQuestion: row.essay_question,
    prizes: row.prizes,
    state,
    resultsPublished,
    canEdit: canManage && state !== 'closed',
    canDelete: canManage && !row.has_attempts && !onlyOfPublished,
  };
}

interface ContestHead extends ContestPlace {
  id: number;
  unitId: number;
  unitName: string;
  title: string;
  audienceUnitId: number;
  audienceUnitName: string;
  activityCategory: string | null;
}

function presentHead(actor: Actor | null, place: MemberPlace | null, contest: ContestHead, questionCount: number) {
  return {
    id: contest.id,
    unitId: contest.unitId,
    unitName: contest.unitName,
    title: contest.title,
    audience: contest.audience,
    audienceUnitId: contest.audienceUnitId,
    audienceUnitName: contest.audienceUnitName,
    status: contest.status,
    activityCategory: contest.activityCategory as ActivityCategory | null,
    questionCount,
    canManage: canManageContest(actor, contest),
    canEnter: canEnterContest(place, contest),
  };
}

export function presentContest(
  actor: Actor | null,
  place: MemberPlace | null,
  contest: ContestRecord,
  rounds: RoundRow[],
  questionCount: number,
): ContestView {
  const head = presentHead(actor, place, contest, questionCount);
  const now = new Date();
  return {
    ...head,
    rules: contest.rules,
    prizes: contest.prizes,
    rounds: rounds.map((round) =>
      presentRound(round, head.canManage, now, contest.status === 'published' && rounds.length === 1),
    ),
  };
}

export interface SummaryRow extends ContestHead {
  questionCount: number;
  openRoundId: number | null;
  openRoundTitle: string | null;
  openRoundClosesAt: Date | null;
  nextRoundId: number | null;
  nextRoundTitle: string | null;
  nextRoundOpensAt: Date | null;
}

export function presentSummary(actor: Actor | null, place: MemberPlace | null, row: SummaryRow): ContestSummary {
  return {
    ...presentHead(actor, place, row, row.questionCount),
    openRound:
      row.openRoundId !== null && row.openRoundClosesAt
        ? { id: row.openRoundId, title: row.openRoundTitle ?? '', closesAt: toVietnamIso(row.openRoundClosesAt) }
        : null,
    nextRound:
      row.nextRoundId !== null && row.nextRoundOpensAt
        ? { id: row.nextRoundId, title: row.nextRoundTitle ?? '', opensAt: toVietnamIso(row.nextRoundOpensAt) }
        : null,
  };
}
