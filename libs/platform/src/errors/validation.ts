import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';

/** One entry per bad field, with dotted paths into nested objects and arrays. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/** Global pipe: strips nothing silently — unknown fields are rejected and named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new DomainError(
        COMMON_ERRORS.VALIDATION_FAILED,
        'The request has invalid fields',
        flattenValidationErrors(errors),
      ),
  });
}
