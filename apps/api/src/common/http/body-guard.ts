import { ErrorCode, type ApiErrorDetail } from '@kindred/contracts';
import type { FastifyInstance } from 'fastify';

/** Far deeper than any real request (ours nest two levels). */
export const MAX_PAYLOAD_DEPTH = 32;

/**
 * class-transformer silently drops keys named like Object.prototype members (`toString`,
 * `hasOwnProperty`…), so they slipped past `forbidNonWhitelisted` as a 2xx; refuse them.
 */
const RESERVED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * What is wrong with a parsed JSON payload's structure, if anything. Iterative on purpose:
 * class-transformer recurses, so a 10,000-deep body (20 KB) overflowed the stack in the
 * validation pipe and came back as a 500 (found by tests/security/fuzz.test.ts).
 * Exported for socket payloads too.
 */
export function payloadStructureProblem(payload: unknown): ApiErrorDetail | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: payload, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_PAYLOAD_DEPTH) return { field: path || 'body', problem: `is nested more than ${MAX_PAYLOAD_DEPTH} levels deep` };
    const isArray = Array.isArray(value);
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (!isArray && RESERVED_KEYS.has(key)) return { field, problem: `property ${key} should not exist` };
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: field });
    }
  }
  return undefined;
}

/** Runs before Nest's pipes, so a hostile structure never reaches class-transformer. */
export function registerBodyGuard(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request, reply) => {
    const problem = payloadStructureProblem(request.body) ?? payloadStructureProblem(request.query);
    if (!problem) return;
    await reply
      .status(400)
      .type('application/json; charset=utf-8')
      .send({ statusCode: 400, code: ErrorCode.ValidationFailed, message: 'Some fields need attention.', details: [problem] });
  });
}
