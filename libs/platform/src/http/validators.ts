import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsObject, ValidateBy, ValidateIf, ValidateNested, isEmail } from 'class-validator';
import type { ValidationArguments } from 'class-validator';
import { isLanguageCode } from '@rendezvous/contracts';
import { instantProblem } from './instant';
import { isObjectionableText } from './objectionable-text';
import { textProblem } from './text';

// Each decorator checks type and limits in one constraint, so a bad field yields one error.

function rule(
  name: string,
  check: (value: unknown, args: ValidationArguments) => boolean,
  message: string,
): PropertyDecorator {
  return ValidateBy({
    name,
    validator: { validate: check, defaultMessage: (args) => `${args?.property ?? ''} ${message}` },
  });
}

export function isText(value: unknown, min: number, max: number): value is string {
  return (
    typeof value === 'string' &&
    value.length >= min &&
    value.length <= max &&
    textProblem(value) === null
  );
}

/**
 * A field that may be left out; `null` is validated like any other value, so it is refused
 * unless the field says it accepts it. (class-validator's `IsOptional` also skips `null`.)
 */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);

/** A field that may be left out or set to `null` (to clear it). */
export const Nullable = () => ValidateIf((_object, value) => value !== undefined && value !== null);

export const IsText = (max: number, min = 0) =>
  rule('isText', (v) => isText(v, min, max), `must be a string of ${min} to ${max} characters`);

/** The constraint name that marks a field refused for its words, not its form. */
export const OBJECTIONABLE_TEXT_RULE = 'isPostableText';

/**
 * Text written for others to read (API.md, Safety and moderation): `IsText`, then the word filter.
 * Two constraints, each passing what the other refuses, so a bad field still yields one error and
 * the validation pipe can tell a refused word from a bad form.
 */
export const IsPostableText = (max: number, min = 0) =>
  applyDecorators(
    IsText(max, min),
    rule(
      OBJECTIONABLE_TEXT_RULE,
      (v) => !isText(v, min, max) || !isObjectionableText(v),
      'must not contain objectionable language',
    ),
  );

export const IsEmailAddress = (max: number) =>
  rule('isEmailAddress', (v) => isText(v, 3, max) && isEmail(v), 'must be an email address');

export const IsTextList = (maxItems: number, maxLength: number) =>
  rule(
    'isTextList',
    (v) =>
      Array.isArray(v) && v.length <= maxItems && v.every((item) => isText(item, 1, maxLength)),
    `must be a list of at most ${maxItems} strings of 1 to ${maxLength} characters`,
  );

export const IsOneOf = (values: readonly string[]) =>
  rule('isOneOf', (v) => values.includes(v as string), `must be one of ${values.join(', ')}`);

export const IsListOf = (values: readonly string[]) =>
  rule(
    'isListOf',
    (v) => Array.isArray(v) && v.every((item) => values.includes(item as string)),
    `must be a list of ${values.join(', ')}`,
  );

export const IsLanguageList = (maxItems: number) =>
  rule(
    'isLanguageList',
    (v) => Array.isArray(v) && v.length <= maxItems && v.every(isLanguageCode),
    `must be a list of at most ${maxItems} ISO 639-1 codes`,
  );

export const IsNumberIn = (min: number, max: number, integer = false) =>
  rule(
    'isNumberIn',
    (v) =>
      typeof v === 'number' &&
      Number.isFinite(v) &&
      v >= min &&
      v <= max &&
      (!integer || Number.isInteger(v)),
    `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`,
  );

export const IsBool = () => rule('isBool', (v) => typeof v === 'boolean', 'must be a boolean');

/** A custom check whose function returns the problem (or null when the value is fine). */
export function Check(
  name: string,
  problem: (value: unknown, object: Record<string, unknown>) => string | null,
): PropertyDecorator {
  const objectOf = (object: object | undefined) => (object ?? {}) as Record<string, unknown>;
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown, args) => problem(value, objectOf(args?.object)) === null,
      defaultMessage: (args) =>
        `${args?.property ?? ''} ${problem(args?.value, objectOf(args?.object)) ?? 'is invalid'}`,
    },
  });
}

/** An RFC 3339 date-time with a zone whose UTC value lies in the years 0001-9999. */
export const IsInstant = () => Check('isInstant', instantProblem);

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * A number sent as query text: plain decimal notation only. Anything else (`0x10`, `1e3`,
 * ` 5`, `Infinity`, a repeated parameter) stays as sent, so the field's rule refuses it by name.
 */
export const QueryNumber = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value,
  );

/** A nested object of the given class: arrays and other non-objects are refused with `message`. */
export const NestedObject = (type: () => new () => object, message: string) =>
  applyDecorators(IsObject({ message }), ValidateNested({ message }), Type(type));
