import type { FieldError } from '@rendezvous/contracts';
import { textProblem } from './text';

/** JSON nested deeper than this is refused (API.md, Conventions: input bounds). */
export const MAX_INPUT_DEPTH = 32;

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * The first place where a request value (body, query or path parameters) breaks the input
 * bounds every route shares: text with NUL or an unpaired surrogate, or nesting deeper than
 * `MAX_INPUT_DEPTH`. Runs before class-transformer, whose recursion a deep body would overflow.
 */
export function inputBoundsProblem(
  value: unknown,
  path = '',
  root = 'body',
  depth = 0,
): FieldError | null {
  const at = path || root;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path: at, message: `${at} ${problem}` } : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_INPUT_DEPTH) {
    return { path: at, message: `${at} is nested deeper than ${MAX_INPUT_DEPTH} levels` };
  }
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, item] of entries) {
    const keyProblem = textProblem(key);
    if (keyProblem) return { path: at, message: `a field name in ${at} ${keyProblem}` };
    const problem = inputBoundsProblem(item, join(path, key), root, depth + 1);
    if (problem) return problem;
  }
  return null;
}

// Bodies the JSON parser has walked already, so the validation pipe does not walk them twice.
const walkedBodies = new WeakSet<object>();

/** `inputBoundsProblem` for a body as parsed, remembered when it passes. */
export function parsedBodyProblem(body: unknown): FieldError | null {
  const problem = inputBoundsProblem(body);
  if (!problem && typeof body === 'object' && body !== null) walkedBodies.add(body);
  return problem;
}

/** `inputBoundsProblem` for a value a handler receives, skipping a body the parser walked. */
export function receivedInputProblem(
  value: unknown,
  path: string,
  root: string,
): FieldError | null {
  if (typeof value === 'object' && value !== null && walkedBodies.has(value)) return null;
  return inputBoundsProblem(value, path, root);
}
