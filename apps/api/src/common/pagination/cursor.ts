import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@kindred/contracts';
import { AppError } from '../errors/app-error.js';

const invalid = () => new AppError({ status: HttpStatus.BAD_REQUEST, code: ErrorCode.InvalidCursor, message: 'That page link is not valid any more. Please start from the first page.' });

/** Cursors are opaque to clients: base64url JSON of the last row's sort key. */
export function encodeCursor(value: Record<string, string | number | boolean>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Decodes and checks a cursor; anything malformed is a 400, never a 500. */
export function decodeCursor<T extends Record<string, unknown>>(cursor: string, isValid: (value: Record<string, unknown>) => value is T): T {
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !isValid(parsed as Record<string, unknown>)) throw invalid();
  return parsed as T;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
/** ISO timestamps with microseconds, as PostgreSQL keeps them (see `toIsoMicros`). */
export const isTimestamp = (v: unknown): v is string =>
  typeof v === 'string' &&
  v.length <= 40 &&
  /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v) &&
  !Number.isNaN(Date.parse(v)) &&
  // Date.parse rolls 2024-02-30 over to March and accepts year 0000; PostgreSQL refuses
  // both, which turned a tampered cursor into a 500 (tests/security/support/fuzz-rest-suite.ts).
  v.slice(0, 4) !== '0000' &&
  new Date(Date.parse(v)).toISOString().slice(0, 10) === v.slice(0, 10);
