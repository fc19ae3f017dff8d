import { ValidateBy } from 'class-validator';

// One constraint per decorator checks type and limits together, so a bad field yields one error.

/** A field check whose function returns what is wrong (`null` when the value is fine). */
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

export function textProblem(value: unknown, min: number, max: number): string | null {
  return typeof value === 'string' && value.length >= min && value.length <= max
    ? null
    : `must be a string of ${min} to ${max} characters`;
}

export const IsText = (max: number, min = 0) =>
  Check('isText', (value) => textProblem(value, min, max));

export const IsOneOf = (values: readonly string[]) =>
  Check('isOneOf', (value) =>
    values.includes(value as string) ? null : `must be one of ${values.join(', ')}`,
  );

export function numberProblem(
  value: unknown,
  min: number,
  max: number,
  integer = false,
): string | null {
  const fine =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value));
  return fine ? null : `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
}

export const IsNumberIn = (min: number, max: number, integer = false) =>
  Check('isNumberIn', (value) => numberProblem(value, min, max, integer));
