import type { ArgumentMetadata } from '@nestjs/common';
import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import { receivedInputProblem } from '../http/input-bounds';
import { OBJECTIONABLE_TEXT_RULE } from '../http/validators';

export const INVALID_FIELDS = 'The request has invalid fields';
export const OBJECTIONABLE_TEXT = 'The request has text that cannot be posted';

/** The one validation error: `400` naming each bad field. */
export function invalidFields(errors: FieldError[]): DomainError {
  return new DomainError(COMMON_ERRORS.VALIDATION_FAILED, INVALID_FIELDS, errors);
}

interface FailedRule extends FieldError {
  rule: string;
}

function flatten(errors: ValidationError[], parent: string): FailedRule[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      path,
      message,
      rule,
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

function firstPerPath(errors: ValidationError[], parent: string): FailedRule[] {
  const byPath = new Map<string, FailedRule>();
  for (const error of flatten(errors, parent)) {
    if (!byPath.has(error.path)) byPath.set(error.path, error);
  }
  return [...byPath.values()];
}

/**
 * One entry per bad field (API.md), with dotted paths into nested objects and arrays; where
 * several rules refuse one field, the first one's message speaks for it.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return firstPerPath(errors, parent).map(({ path, message }) => ({ path, message }));
}

/**
 * The error for a DTO that failed validation. When every bad field is text refused for its words,
 * the code is `COMMON.OBJECTIONABLE_TEXT`; when other fields fail too, it stays
 * `COMMON.VALIDATION_FAILED` with every entry, so the client learns of all its mistakes at once
 * and a form error is never reported as a moderation one.
 */
export function validationFailure(errors: ValidationError[]): DomainError {
  const failed = firstPerPath(errors, '');
  const fields = failed.map(({ path, message }) => ({ path, message }));
  const onlyWords =
    failed.length > 0 && failed.every(({ rule }) => rule === OBJECTIONABLE_TEXT_RULE);
  return onlyWords
    ? new DomainError(COMMON_ERRORS.OBJECTIONABLE_TEXT, OBJECTIONABLE_TEXT, fields)
    : invalidFields(fields);
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
      const problem = receivedInputProblem(value, metadata.data ?? '', metadata.type);
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
    exceptionFactory: validationFailure,
  });
}
