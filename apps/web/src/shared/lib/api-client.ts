import type { ApiError, ApiErrorDetail } from '@kindred/contracts';
import { ErrorCode } from '@kindred/contracts';

/** Thrown for every failed request, so callers handle one error shape. */
export class ApiRequestError extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiRequestError';
    this.error = error;
  }

  get status(): number {
    return this.error.statusCode;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Query parameters; empty and undefined values are left out. */
  query?: Record<string, string | number | undefined | null>;
  /** Lets the request finish after the page is hidden or closed (a draft saved on the way out). */
  keepalive?: boolean;
}

const UNREACHABLE_MESSAGE =
  "We couldn't reach Kindred just now. Please check your connection and try again.";
const UNEXPECTED_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | undefined;
  if (method !== 'GET') {
    // Always send a JSON body on writes: the server expects JSON and rejects an empty one.
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
      ...(options.keepalive ? { keepalive: true } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError({
      statusCode: 0,
      code: ErrorCode.ServiceUnavailable,
      message: UNREACHABLE_MESSAGE,
    });
  }

  const payload = await readJson(response);
  if (!response.ok) throw new ApiRequestError(toApiError(response.status, payload));
  return payload as T;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** True when the server says there is no session (expired, revoked, or never started). */
export function isUnauthenticated(cause: unknown): boolean {
  return cause instanceof ApiRequestError && cause.status === 401;
}

/** Client errors (4xx) will not get better by retrying; network and server errors might. */
export function isRetryable(cause: unknown): boolean {
  if (!(cause instanceof ApiRequestError)) return true;
  return cause.status === 0 || cause.status >= 500;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  if (isApiError(payload)) return payload;
  return {
    statusCode: status,
    code: status >= 500 ? ErrorCode.ServiceUnavailable : ErrorCode.HttpError,
    message: status >= 500 ? UNEXPECTED_MESSAGE : `The request failed (status ${status}).`,
  };
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

/** Turns an unknown thrown value into the API error shape for display. */
export function toDisplayError(cause: unknown): ApiError {
  if (cause instanceof ApiRequestError) return cause.error;
  return { statusCode: 0, code: ErrorCode.Internal, message: UNEXPECTED_MESSAGE };
}

/**
 * Field problems keyed by field name, several for one field read as one text (a weak
 * password comes back as what makes it guessable, then suggestions); problems without a
 * field are returned separately. `describe` puts each in the member's language.
 */
export function fieldProblems(
  error: ApiError | null,
  describe: (detail: ApiErrorDetail) => string = (detail) => detail.problem,
): {
  byField: Record<string, string>;
  general: string[];
} {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const detail of error?.details ?? ([] as ApiErrorDetail[])) {
    const problem = describe(detail);
    if (!detail.field) general.push(problem);
    else if (!byField[detail.field]) byField[detail.field] = problem;
    else if (!byField[detail.field].includes(problem)) byField[detail.field] += ` ${problem}`;
  }
  return { byField, general };
}
