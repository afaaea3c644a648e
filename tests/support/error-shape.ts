import { expect } from '@jest/globals';
import type { Response } from 'supertest';

/** Asserts the one error shape: {statusCode, code, message, details?} and nothing leaking. */
export function expectApiError(res: Response, status: number, code?: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(res.body.statusCode).toBe(status);
  expect(typeof res.body.code).toBe('string');
  expect(typeof res.body.message).toBe('string');
  if (code) expect(res.body.code).toBe(code);
  const allowed = new Set(['statusCode', 'code', 'message', 'details', 'params']);
  for (const key of Object.keys(res.body)) expect(allowed.has(key)).toBe(true);
  // Parameters are flat words and numbers the app puts into its own sentence.
  for (const value of Object.values((res.body.params ?? {}) as object)) expect(['string', 'number']).toContain(typeof value);
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(js|ts):\d+/);
}
