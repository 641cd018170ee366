/** Stable error codes; the server's messages for them are Vietnamese. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'CSRF_FAILED',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNIT_NOT_FOUND',
  'UNIT_KIND_NOT_FOUND',
  'UNIT_INACTIVE',
  'UNIT_MOVE_INTO_ITSELF',
  'UNIT_HAS_ACTIVE_MEMBERS',
  'MEMBER_NOT_FOUND',
  'ACCOUNT_NOT_FOUND',
  'DUPLICATE',
  'DATE_BEFORE_HISTORY',
  'WEAK_PASSWORD',
  'WRONG_PASSWORD',
  'IMPORT_INVALID',
  'FILE_INVALID',
  'PAYLOAD_TOO_LARGE',
  'CONFLICT',
  'NOT_IN_AUDIENCE',
  'ROUND_NOT_OPEN',
  'ATTEMPTS_EXHAUSTED',
  'ATTEMPT_CLOSED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  /** Dotted path of the field, e.g. "body.email"; for imports "row 12 / column Họ và tên". */
  field: string;
  message: string;
  row?: number;
  column?: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
}
