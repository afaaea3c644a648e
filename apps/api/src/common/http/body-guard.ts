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
 * JSON may carry lone UTF-16 surrogates (`"\ud800"`); no text a person writes holds one, and
 * validator.js throws on them (isEmail → URIError: a 500), so they never reach a validator.
 */
const ILL_FORMED = 'contains a broken character (a lone UTF-16 surrogate)';

/**
 * What is wrong with a parsed JSON payload's structure, if anything. Iterative on purpose:
 * class-transformer recurses, so a 10,000-deep body (20 KB) overflowed the stack in the
 * validation pipe and came back as a 500 (found by tests/security/support/fuzz-rest-suite.ts).
 * Exported for socket payloads too.
 */
export function payloadStructureProblem(payload: unknown): ApiErrorDetail | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: payload, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value === 'string' && !value.isWellFormed()) return { field: path || 'body', problem: ILL_FORMED };
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_PAYLOAD_DEPTH) return { field: path || 'body', problem: `is nested more than ${MAX_PAYLOAD_DEPTH} levels deep` };
    const isArray = Array.isArray(value);
    for (const key of Object.keys(value)) {
      // The answer names the field, so it must itself be well-formed text.
      const field = path ? `${path}.${key.toWellFormed()}` : key.toWellFormed();
      if (!key.isWellFormed()) return { field, problem: `name ${ILL_FORMED}` };
      if (!isArray && RESERVED_KEYS.has(key)) return { field, problem: `property ${key} should not exist` };
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: field });
    }
  }
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Fastify's query parser keeps an escape that is not UTF-8 (`%ED%A0%80`, an encoded
 * surrogate; `%C0%AF`, overlong) as the raw `%…` text, so a handler silently got something
 * other than what was sent. Any `%XX` run must decode as UTF-8; a stray `%` stays literal.
 */
export function queryEncodingProblem(url: string): ApiErrorDetail | undefined {
  const start = url.indexOf('?');
  if (start < 0) return undefined;
  for (const run of url.slice(start + 1).match(/(?:%[0-9A-Fa-f]{2})+/g) ?? []) {
    const bytes = Uint8Array.from(run.slice(1).split('%'), (hex) => Number.parseInt(hex, 16));
    try {
      strictUtf8.decode(bytes);
    } catch {
      return { field: 'query', problem: 'is not valid UTF-8 once decoded' };
    }
  }
  return undefined;
}

/** Runs before Nest's pipes, so a hostile structure never reaches class-transformer. */
export function registerBodyGuard(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request, reply) => {
    const problem = queryEncodingProblem(request.url) ?? payloadStructureProblem(request.body) ?? payloadStructureProblem(request.query);
    if (!problem) return;
    await reply
      .status(400)
      .type('application/json; charset=utf-8')
      .send({ statusCode: 400, code: ErrorCode.ValidationFailed, message: 'Some fields need attention.', details: [problem] });
  });
}
