import { HttpException, HttpStatus, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ErrorCode, ErrorReason, type ApiErrorDetail } from '@kindred/contracts';
import { getMetadataStorage } from 'class-validator';
import { AppError } from '../errors/app-error.js';

/**
 * The numbers a broken rule was declared with (`@MaxLength(200)` → `{ limit: 200 }`, `@Length(3, 32)`
 * → `{ min: 3, max: 32 }`), so the app can say "200 characters" in the member's language.
 */
function constraintParams(target: object | undefined, property: string, constraint: string): ApiErrorDetail['params'] {
  if (!target) return undefined;
  const declared = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && m.name === constraint);
  const numbers = (declared?.constraints ?? []).filter((value): value is number => typeof value === 'number');
  if (numbers.length === 1) return { limit: numbers[0]! };
  if (numbers.length === 2) return { min: numbers[0]!, max: numbers[1]! };
  return undefined;
}

function flatten(errors: ValidationError[], parent = ''): ApiErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // The constraint's name is the stable reason (`validation.maxLength`); the app words it.
    const own = Object.entries(error.constraints ?? {}).map(([constraint, problem]) => {
      const params = constraintParams(error.target, error.property, constraint);
      return { field, problem, code: `validation.${constraint}`, ...(params ? { params } : {}) };
    });
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Our DTOs have no custom validators or transforms, so anything class-transformer,
 * class-validator or validator.js throws was caused by the value sent (validator's isEmail
 * threw URIError on a lone surrogate: a 500). The structural guard refuses the inputs we
 * know of; this keeps any we do not know of a 400 too. Shared by HTTP and socket payloads.
 */
export function refusalFromValidationCrash(error: unknown): Error {
  if (error instanceof AppError || error instanceof HttpException) return error;
  return AppError.validation('A value in the request could not be checked. Please check what you sent.', undefined, ErrorReason.UncheckableValue);
}

/** Strict everywhere: unknown fields are an error, not silently dropped. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      throw refusalFromValidationCrash(error);
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    // The target (the DTO instance) only serves to look up a rule's numbers; it never leaves.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new AppError({ status: HttpStatus.BAD_REQUEST, code: ErrorCode.ValidationFailed, message: 'Some fields need attention.', details });
    },
  });
}
