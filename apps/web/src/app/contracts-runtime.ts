/**
 * Build-time stand-in for `@lan-toa/contracts` (see vite.config.ts): the runtime values the web app
 * uses (enums, name helpers, error codes) without the zod schemas, which the browser never runs.
 * Types still come from the real package; a missing runtime export fails the build loudly.
 */
export * from '../../../../packages/contracts/src/enums';
export * from '../../../../packages/contracts/src/errors';
export * from '../../../../packages/contracts/src/names';
