import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type ApiErrorDetail } from '@kindred/contracts';

export interface AppErrorOptions {
  /** The HTTP status of the response. */
  status: number;
  code: ErrorCode;
  message: string;
  /** Per-field problems, for forms to show beside their fields. */
  details?: ApiErrorDetail[] | undefined;
  /** Extra response headers such as Retry-After. */
  headers?: Record<string, string> | undefined;
  /** When the refusal ends (a mute, slow mode); chat acks carry it as `retryAt`. */
  retryAt?: Date | undefined;
}

/**
 * A feature error with a stable code and a message meant for the person who will read it.
 * The global filter turns it into the one error shape; nothing else formats errors.
 */
export class AppError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly details?: ApiErrorDetail[] | undefined;
  readonly headers?: Record<string, string> | undefined;
  readonly retryAt?: Date | undefined;

  /** One options object, so a call names what each value is (a status is not a code). */
  constructor({ status, code, message, details, headers, retryAt }: AppErrorOptions) {
    super(message);
    this.name = 'AppError';
    this.statusCode = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
    this.retryAt = retryAt;
  }

  static notFound(message = 'We could not find that.'): AppError {
    return new AppError({ status: HttpStatus.NOT_FOUND, code: ErrorCode.NotFound, message });
  }

  static unauthenticated(message = 'Please sign in to continue.'): AppError {
    return new AppError({ status: HttpStatus.UNAUTHORIZED, code: ErrorCode.Unauthenticated, message });
  }

  static forbidden(message = 'You do not have permission to do that.'): AppError {
    return new AppError({ status: HttpStatus.FORBIDDEN, code: ErrorCode.Forbidden, message });
  }

  static validation(message: string, details?: ApiErrorDetail[]): AppError {
    return new AppError({ status: HttpStatus.BAD_REQUEST, code: ErrorCode.ValidationFailed, message, details });
  }
}
