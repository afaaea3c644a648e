import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type ApiErrorDetail, type ErrorParams, type ErrorReason } from '@kindred/contracts';

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
  /** What the app needs to word the refusal in the member's language (`ErrorParams`). */
  params?: ErrorParams | undefined;
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
  readonly params?: ErrorParams | undefined;

  /** One options object, so a call names what each value is (a status is not a code). */
  constructor({ status, code, message, details, headers, retryAt, params }: AppErrorOptions) {
    super(message);
    this.name = 'AppError';
    this.statusCode = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
    this.retryAt = retryAt;
    this.params = params;
  }

  /** `what` names the kind of thing, so the app can say "We could not find that room". */
  static notFound(message = 'We could not find that.', what?: string): AppError {
    return new AppError({ status: HttpStatus.NOT_FOUND, code: ErrorCode.NotFound, message, params: what ? { what } : undefined });
  }

  static unauthenticated(message = 'Please sign in to continue.'): AppError {
    return new AppError({ status: HttpStatus.UNAUTHORIZED, code: ErrorCode.Unauthenticated, message });
  }

  static forbidden(message = 'You do not have permission to do that.', reason?: ErrorReason): AppError {
    return new AppError({ status: HttpStatus.FORBIDDEN, code: ErrorCode.Forbidden, message, params: reason ? { reason } : undefined });
  }

  static validation(message: string, details?: ApiErrorDetail[], reason?: ErrorReason): AppError {
    return new AppError({ status: HttpStatus.BAD_REQUEST, code: ErrorCode.ValidationFailed, message, details, params: reason ? { reason } : undefined });
  }

  static conflict(message: string, reason: ErrorReason): AppError {
    return new AppError({ status: HttpStatus.CONFLICT, code: ErrorCode.Conflict, message, params: { reason } });
  }
}
