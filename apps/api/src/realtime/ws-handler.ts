import { ErrorCode, type ChatError } from '@kindred/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Logger } from '@nestjs/common';
import { toApiError } from '../common/errors/to-api-error.js';
import { payloadStructureProblem } from '../common/http/body-guard.js';
import { refusalFromValidationCrash } from '../common/http/validation.js';

const logger = new Logger('ChatGateway');

export class WsRefusal extends Error {
  constructor(readonly ack: ChatError) {
    super(ack.message);
  }
}

/** Validates a socket payload as strictly as an HTTP body (whitelist, no extras, bounds). */
export async function parsePayload<T extends object>(type: new () => T, payload: unknown): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new WsRefusal({ ok: false, code: ErrorCode.ValidationFailed, message: 'The event needs an object payload.' });
  }
  // The same structural guard as HTTP bodies: class-transformer recurses (a very deep payload
  // overflowed the stack) and silently drops keys named like Object.prototype members.
  const problem = payloadStructureProblem(payload);
  if (problem) throw new WsRefusal({ ok: false, code: ErrorCode.ValidationFailed, message: `${problem.field}: ${problem.problem}` });
  let instance: T;
  let errors: Awaited<ReturnType<typeof validate>>;
  try {
    instance = plainToInstance(type, payload);
    errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  } catch (error) {
    const refusal = refusalFromValidationCrash(error);
    throw new WsRefusal({ ok: false, code: ErrorCode.ValidationFailed, message: refusal.message });
  }
  if (errors.length > 0) {
    const first = errors[0]!;
    const problem = Object.values(first.constraints ?? {})[0] ?? Object.values(first.children?.[0]?.constraints ?? {})[0] ?? 'is invalid';
    throw new WsRefusal({ ok: false, code: ErrorCode.ValidationFailed, message: `${first.property}: ${problem}` });
  }
  return instance;
}

/** Runs a handler and always produces an ack: `{ok:true,…}` or `{ok:false, code, message}`. */
export async function respond<T extends object>(work: () => Promise<T>): Promise<({ ok: true } & T) | ChatError> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    if (error instanceof WsRefusal) return error.ack;
    const mapped = toApiError(error);
    if (mapped.unexpected) logger.error({ err: error }, 'chat event failed');
    const retryAt = (error as { retryAt?: Date }).retryAt;
    const { params } = mapped.body;
    return { ok: false, code: mapped.body.code, message: mapped.body.message, ...(retryAt ? { retryAt: retryAt.toISOString() } : {}), ...(params ? { params } : {}) };
  }
}
