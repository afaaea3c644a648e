import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type ApiErrorDetail } from '@kindred/contracts';

/**
 * A feature error with a stable code and a message meant for the person who will read it.
 * The global filter turns it into the one error shape; nothing else formats errors.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiErrorDetail[],
    /** Extra response headers such as Retry-After. */
    readonly headers?: Record<string, string>,
    /** When the refusal ends (a mute, slow mode); chat acks carry it as `retryAt`. */
    readonly retryAt?: Date,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(message = 'We could not find that.'): AppError {
    return new AppError(HttpStatus.NOT_FOUND, ErrorCode.NotFound, message);
  }

  static unauthenticated(message = 'Please sign in to continue.'): AppError {
    return new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated, message);
  }

  static forbidden(message = 'You do not have permission to do that.'): AppError {
    return new AppError(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, message);
  }

  static validation(message: string, details?: ApiErrorDetail[]): AppError {
    return new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, message, details);
  }
}
