import { HttpException, HttpStatus, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ErrorCode, ErrorReason, type ApiErrorDetail } from '@kindred/contracts';
import { AppError } from '../errors/app-error.js';

function flatten(errors: ValidationError[], parent = ''): ApiErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // The constraint's name is the stable reason (`validation.maxLength`); the app words it.
    const own = Object.entries(error.constraints ?? {}).map(([constraint, problem]) => ({ field, problem, code: `validation.${constraint}` }));
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
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new AppError({ status: HttpStatus.BAD_REQUEST, code: ErrorCode.ValidationFailed, message: 'Some fields need attention.', details });
    },
  });
}
