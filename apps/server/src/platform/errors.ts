import type { ErrorBody, ErrorCode, ErrorDetail } from '@lan-toa/contracts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  WEAK_PASSWORD: 400,
  WRONG_PASSWORD: 400,
  IMPORT_INVALID: 400,
  FILE_INVALID: 400,
  DATE_BEFORE_HISTORY: 400,
  UNIT_MOVE_INTO_ITSELF: 400,
  UNIT_INACTIVE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  UNIT_NOT_FOUND: 404,
  UNIT_KIND_NOT_FOUND: 404,
  MEMBER_NOT_FOUND: 404,
  ACCOUNT_NOT_FOUND: 404,
  DUPLICATE: 409,
  CONFLICT: 409,
  NOT_IN_AUDIENCE: 403,
  ROUND_NOT_OPEN: 409,
  ATTEMPTS_EXHAUSTED: 409,
  ATTEMPT_CLOSED: 409,
  UNIT_HAS_ACTIVE_MEMBERS: 409,
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
};

const MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Dữ liệu gửi lên chưa hợp lệ.',
  UNAUTHENTICATED: 'Bạn cần đăng nhập.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  ACCOUNT_LOCKED: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.',
  RATE_LIMITED: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.',
  CSRF_FAILED: 'Phiên làm việc không hợp lệ. Vui lòng tải lại trang.',
  PASSWORD_CHANGE_REQUIRED: 'Bạn đang dùng mật khẩu tạm thời; hãy đặt mật khẩu mới trước khi tiếp tục.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_FOUND: 'Không tìm thấy.',
  UNIT_NOT_FOUND: 'Không tìm thấy đơn vị.',
  UNIT_KIND_NOT_FOUND: 'Không tìm thấy loại đơn vị.',
  UNIT_INACTIVE: 'Đơn vị đã giải thể hoặc sáp nhập.',
  UNIT_MOVE_INTO_ITSELF: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.',
  UNIT_HAS_ACTIVE_MEMBERS: 'Đơn vị còn đoàn viên đang sinh hoạt; hãy chuyển họ đi trước.',
  MEMBER_NOT_FOUND: 'Không tìm thấy đoàn viên.',
  ACCOUNT_NOT_FOUND: 'Không tìm thấy tài khoản.',
  DUPLICATE: 'Dữ liệu bị trùng.',
  DATE_BEFORE_HISTORY: 'Ngày hiệu lực phải sau lần thay đổi gần nhất.',
  WEAK_PASSWORD: 'Mật khẩu chưa đủ mạnh.',
  WRONG_PASSWORD: 'Mật khẩu hiện tại không đúng.',
  IMPORT_INVALID: 'Tệp có lỗi; chưa có dữ liệu nào được ghi.',
  FILE_INVALID: 'Tệp không đọc được.',
  PAYLOAD_TOO_LARGE: 'Tệp quá lớn.',
  CONFLICT: 'Dữ liệu đã thay đổi; vui lòng tải lại.',
  NOT_IN_AUDIENCE: 'Bạn không thuộc đối tượng dự thi của cuộc thi này.',
  ROUND_NOT_OPEN: 'Vòng thi chưa mở hoặc đã kết thúc.',
  ATTEMPTS_EXHAUSTED: 'Bạn đã dùng hết số lượt thi của vòng này.',
  ATTEMPT_CLOSED: 'Lượt thi đã kết thúc; câu trả lời không được ghi thêm.',
  INTERNAL: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.',
};

/** The one error type of the server: a stable code, a Vietnamese message, field details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly status: number;

  constructor(code: ErrorCode, message?: string, details: ErrorDetail[] = []) {
    super(message ?? MESSAGES[code]);
    this.code = code;
    this.details = details;
    this.status = STATUS[code] ?? 500;
  }
}

export function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field, message }]);
}

export function errorBody(code: ErrorCode, message: string, details: ErrorDetail[] = []): ErrorBody {
  return { error: { code, message, details } };
}

/** Maps a unique-constraint violation to a Vietnamese field error. */
export function uniqueViolation(error: unknown, fields: Record<string, string>): AppError | null {
  const pgError = error as { code?: string; constraint?: string };
  if (pgError?.code !== '23505') return null;
  for (const [column, message] of Object.entries(fields)) {
    if (pgError.constraint?.includes(column)) return new AppError('DUPLICATE', message, [{ field: column, message }]);
  }
  return new AppError('DUPLICATE');
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => {
        const path = issue.instancePath.replace(/^\//u, '').replaceAll('/', '.');
        const field = [error.validationContext, path].filter(Boolean).join('.');
        return { field, message: issue.message ?? MESSAGES.VALIDATION_FAILED };
      });
      return reply.status(400).send(errorBody('VALIDATION_FAILED', MESSAGES.VALIDATION_FAILED, details));
    }
    if (isClientDataError(error)) {
      return reply.status(400).send(errorBody('VALIDATION_FAILED', 'Dữ liệu chứa ký tự hoặc giá trị không hợp lệ.'));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return reply.status(429).send(errorBody('RATE_LIMITED', MESSAGES.RATE_LIMITED));
    if (status === 413) return reply.status(413).send(errorBody('PAYLOAD_TOO_LARGE', MESSAGES.PAYLOAD_TOO_LARGE));
    if (status >= 400 && status < 500) {
      // Malformed JSON, wrong content type and similar: the client's fault, said plainly.
      return reply.status(400).send(errorBody('VALIDATION_FAILED', MESSAGES.VALIDATION_FAILED, []));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL', MESSAGES.INTERNAL));
  });
}

/**
 * Input the schemas let through but PostgreSQL refuses (a NUL character, an out-of-range date)
 * and a multipart body without its boundary: the client's mistake, so a 400, never a 500.
 */
function isClientDataError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && ['22P05', '22021', '22008', '22007', '22003', '54000'].includes(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return (
    message === 'Boundary not found' ||
    message.startsWith('Unexpected end of form') ||
    message === 'Malformed part header'
  );
}
