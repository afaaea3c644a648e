import { HttpException, HttpStatus } from '@nestjs/common';
import { ErrorCode, type ApiError, type ApiErrorDetail, type ErrorParams, ErrorReason } from '@kindred/contracts';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error.js';

export interface MappedError {
  body: ApiError;
  headers?: Record<string, string>;
  /** True when the error is ours (a bug or an outage), worth logging with its stack. */
  unexpected: boolean;
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_INVALID_TEXT = '22P02';
/**
 * Values PostgreSQL refuses to store or compare, all caused by what the client sent: NUL in
 * text (22021, e.g. a post body or a handle containing \u0000), untranslatable characters
 * (22P05), impossible dates and times (22007/22008, e.g. a cursor dated 2024-02-30). They
 * were 500s; the transaction rolled back, so nothing was written (tests/security/support/fuzz-rest-suite.ts).
 */
const PG_BAD_CLIENT_VALUE = new Set(['22021', '22P05', '22007', '22008']);
const PG_CONNECTION_CLASS = /^(08|57P0|53)/;

const fastifyCodes: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: HttpStatus.BAD_REQUEST,
    code: ErrorCode.MalformedJson,
    message: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: HttpStatus.BAD_REQUEST,
    code: ErrorCode.MalformedJson,
    message: 'The request body is empty but declared as JSON.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    code: ErrorCode.PayloadTooLarge,
    message: 'The request body is too large.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    code: ErrorCode.UnsupportedMediaType,
    message: 'Send the request body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: HttpStatus.BAD_REQUEST,
    code: ErrorCode.ValidationFailed,
    message: 'The Content-Length header does not match the body.',
  },
};

const statusCodes: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
  503: ErrorCode.ServiceUnavailable,
};

function shape(statusCode: number, code: ErrorCode, message: string, details?: ApiErrorDetail[], params?: ErrorParams): ApiError {
  return {
    statusCode,
    code,
    message,
    ...(details && details.length > 0 ? { details } : {}),
    ...(params && Object.keys(params).length > 0 ? { params } : {}),
  };
}

/**
 * A refusal that ends says when, in the parameters the app words it from: every Retry-After
 * and every `retryAt` becomes `retryAfterSeconds` / `retryAt` without each caller repeating it.
 */
function paramsOf(error: AppError): ErrorParams | undefined {
  const retryAfter = Number(error.headers?.['Retry-After']);
  return {
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    ...(error.retryAt ? { retryAt: error.retryAt.toISOString() } : {}),
    ...error.params,
  };
}

/** What an unknown endpoint answers; also what hides an endpoint from someone not allowed to know of it. */
export function routeNotFound(): ApiError {
  return shape(404, ErrorCode.RouteNotFound, 'There is no such endpoint.');
}

function fromHttpException(error: HttpException): ApiError {
  const status = error.getStatus();
  const response = error.getResponse();
  const code = statusCodes[status] ?? ErrorCode.HttpError;
  // Nest's router reports unmatched routes as "Cannot GET /path".
  if (status === 404 && /^Cannot [A-Z]+ /.test(error.message)) return routeNotFound();
  if (typeof response === 'object' && response !== null) {
    const r = response as { message?: unknown; details?: ApiErrorDetail[] };
    if (Array.isArray(r.message)) {
      return shape(status, code, 'Some fields need attention.', r.details ?? r.message.map((m) => ({ problem: String(m) })));
    }
    if (typeof r.message === 'string') return shape(status, code, r.message, r.details);
  }
  return shape(status, code, typeof response === 'string' ? response : error.message);
}

/** Maps anything thrown while serving a request to the one error shape. */
export function toApiError(error: unknown): MappedError {
  if (error instanceof AppError) {
    return { body: shape(error.statusCode, error.code, error.message, error.details, paramsOf(error)), headers: error.headers, unexpected: false };
  }
  if (error instanceof HttpException) {
    // Nest wraps Fastify's own errors (bad JSON, oversized body) and keeps them as the cause.
    const known = fastifyCodes[(error.cause as { code?: string } | undefined)?.code ?? ''];
    if (known) return { body: shape(known.status, known.code, known.message), unexpected: false };
    return { body: fromHttpException(error), unexpected: false };
  }
  if (error instanceof QueryFailedError) {
    const pgCode = (error.driverError as { code?: string } | undefined)?.code;
    if (pgCode === PG_UNIQUE_VIOLATION) {
      return { body: shape(409, ErrorCode.Conflict, 'That already exists.', undefined, { reason: ErrorReason.AlreadyExists }), unexpected: false };
    }
    if (pgCode === PG_INVALID_TEXT || (pgCode && PG_BAD_CLIENT_VALUE.has(pgCode))) {
      return { body: shape(400, ErrorCode.ValidationFailed, 'A value in the request has the wrong format.'), unexpected: false };
    }
    if (pgCode && PG_CONNECTION_CLASS.test(pgCode)) {
      return { body: serviceUnavailable(), unexpected: true };
    }
  }
  if (isDatabaseDown(error)) return { body: serviceUnavailable(), unexpected: true };

  const fastify = error as { statusCode?: number };
  // Fastify plugins mark client errors with a 4xx statusCode.
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const code = statusCodes[fastify.statusCode] ?? ErrorCode.HttpError;
    return { body: shape(fastify.statusCode, code, 'The request could not be processed.'), unexpected: false };
  }
  return {
    body: shape(500, ErrorCode.Internal, 'Something went wrong on our side. Your request was not completed; please try again.'),
    unexpected: true,
  };
}

function serviceUnavailable(): ApiError {
  return shape(503, ErrorCode.ServiceUnavailable, 'Kindred is briefly unavailable. Nothing was saved; please try again in a moment.');
}

function isDatabaseDown(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET' || e.code === '57P01' || e.code === 'EPIPE') return true;
  // A connection refused at start-up arrives as pg's own DatabaseError, not a QueryFailedError:
  // e.g. 57P03 "the database system is shutting down / starting up" while PostgreSQL restarts
  // was a 500, not a 503 (found by tests/faults/postgres-outage.test.ts).
  if (typeof e.code === 'string' && PG_CONNECTION_CLASS.test(e.code)) return true;
  return typeof e.message === 'string' && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/.test(e.message);
}
