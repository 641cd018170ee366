/**
 * The token of each attempt submitted on this page, kept in memory only (never in storage), so
 * its result can be read at once. After a reload the registration cookie (or the session) is
 * what proves the attempt is the reader's own.
 */

const tokens = new Map<number, string>();

export function rememberAttemptToken(attemptId: number, token: string): void {
  tokens.set(attemptId, token);
}

export function attemptTokenOf(attemptId: number): string | null {
  return tokens.get(attemptId) ?? null;
}
