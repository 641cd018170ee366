/**
 * What a visitor without an account needs to read their own result, kept in this page's memory
 * only (never in storage): the token of each attempt they submitted here, and the name they
 * registered with. A reload forgets both; the contest page then lists their attempts from the
 * registration cookie instead.
 */

const tokens = new Map<number, string>();
const entrants = new Map<number, { fullName: string; unitName: string }>();

export function rememberAttemptToken(attemptId: number, token: string): void {
  tokens.set(attemptId, token);
}

export function attemptTokenOf(attemptId: number): string | null {
  return tokens.get(attemptId) ?? null;
}

export function rememberEntrant(contestId: number, entrant: { fullName: string; unitName: string }): void {
  entrants.set(contestId, entrant);
}

export function entrantOf(contestId: number): { fullName: string; unitName: string } | null {
  return entrants.get(contestId) ?? null;
}
