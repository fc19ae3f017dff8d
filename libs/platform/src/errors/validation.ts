import type { ArgumentMetadata } from '@nestjs/common';
import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import { inputBoundsProblem } from '../http/input-bounds';

export const INVALID_FIELDS = 'The request has invalid fields';

/** The one validation error: `400` naming each bad field. */
export function invalidFields(errors: FieldError[]): DomainError {
  return new DomainError(COMMON_ERRORS.VALIDATION_FAILED, INVALID_FIELDS, errors);
}

function flatten(errors: ValidationError[], parent: string): FieldError[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * One entry per bad field (API.md), with dotted paths into nested objects and arrays; where
 * several rules refuse one field, the first one's message speaks for it.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const byPath = new Map<string, FieldError>();
  for (const error of flatten(errors, parent)) {
    if (!byPath.has(error.path)) byPath.set(error.path, error);
  }
  return [...byPath.values()];
}

const isDto = (type: ArgumentMetadata['metatype']) =>
  typeof type === 'function' && type !== Object && type !== Array;

const isJsonObject = (value: unknown) =>
  value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value));

/** Checks the input bounds every route shares before class-transformer sees the value. */
class BoundedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && isDto(metadata.metatype) && !isJsonObject(value)) {
      throw invalidFields([{ path: 'body', message: 'body must be a JSON object' }]);
    }
    if (metadata.type !== 'custom') {
      const problem = inputBoundsProblem(value, metadata.data ?? '', metadata.type);
      if (problem) throw invalidFields([problem]);
    }
    return super.transform(value, metadata);
  }
}

/** Global pipe: strips nothing silently — unknown fields are rejected and named. */
export function createValidationPipe(): ValidationPipe {
  return new BoundedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidFields(flattenValidationErrors(errors)),
  });
}
