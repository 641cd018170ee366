import type {
  attemptAdminRow,
  attemptResult,
  attemptView,
  contestPage,
  contestSummary,
  contestView,
  myContestStatus,
  participationRow,
  participationTable,
  questionDeleteResult,
  questionImportResult,
  questionPage,
  questionView,
  rankingPage,
  rankingRow,
  roundView,
} from '@lan-toa/contracts';

/** Output type of a contracts zod schema, without importing zod into the web workspace. */
type Out<T> = T extends { _zod: { output: infer O } } ? O : never;

export type ContestView = Out<typeof contestView>;
export type ContestSummary = Out<typeof contestSummary>;
export type RoundView = Out<typeof roundView>;
export type RoundState = RoundView['state'];
export type QuestionView = Out<typeof questionView>;
export type AttemptView = Out<typeof attemptView>;
export type AttemptQuestion = AttemptView['questions'][number];
export type AttemptResult = Out<typeof attemptResult>;
export type MyContestStatus = Out<typeof myContestStatus>;
export type MyRoundStatus = MyContestStatus['rounds'][number];
export type RankingPage = Out<typeof rankingPage>;
export type RankingRow = Out<typeof rankingRow>;
export type ParticipationTable = Out<typeof participationTable>;
export type ParticipationRow = Out<typeof participationRow>;
/** An attempt as organisers list it, with the essay and its score for the judges. */
export type AttemptAdminRow = Out<typeof attemptAdminRow>;

export type ContestList = Out<typeof contestPage>;

export interface AttemptAdminList {
  items: AttemptAdminRow[];
  total: number;
}

export type QuestionPage = Out<typeof questionPage>;
export type QuestionDeleteResult = Out<typeof questionDeleteResult>;
export type QuestionImportResult = Out<typeof questionImportResult>;

// Runtime lists (the contracts' zod module is not bundled into the browser).
export const CONTEST_AUDIENCE_VALUES = ['subtree', 'public'] as const;
export const BEST_OF_VALUES = ['highest', 'first', 'last'] as const;
export const QUESTION_KIND_VALUES = ['single', 'multiple'] as const;
export const DIFFICULTY_VALUES = [1, 2, 3] as const;
export const OPTION_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;
export type QuestionKind = (typeof QUESTION_KIND_VALUES)[number];
