import type { FuzzCase } from './operation-cases';
import type { RawOutcome } from './raw-http';

/** One broken promise of the contract, with what it takes to reproduce it. */
export interface Violation {
  rule: string;
  /** The documented route the request was made from. */
  route: string;
  method: string;
  target: string;
  input: string;
  /** The start of the request body sent, to reproduce it. */
  sent?: string;
  status?: number;
  body: string;
}

const PROBLEM_FIELDS = ['type', 'title', 'status', 'detail', 'code', 'traceId'] as const;

interface Problem {
  type?: unknown;
  title?: unknown;
  status?: unknown;
  detail?: unknown;
  code?: unknown;
  traceId?: unknown;
  errors?: { path?: unknown }[];
}

function parse(body: string): Problem | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as Problem) : undefined;
  } catch {
    return undefined;
  }
}

const normalisedPath = (path: string) =>
  path.replace(/\[(\d+)\]/g, '.$1').replace(/^(body|query)\./, '');

/** An `errors` entry names the field itself, a part of it, or the object holding it. */
function namesField(problem: Problem, field: string): boolean {
  return (problem.errors ?? []).some(({ path }) => {
    if (typeof path !== 'string') return false;
    const named = normalisedPath(path);
    return named === field || named.startsWith(`${field}.`) || field.startsWith(`${named}.`);
  });
}

/**
 * A 400 for a faulty field whose `errors` name other fields only. Those may be at fault too
 * (cross-field rules such as `radiusKm` needing `near`), so the request is then tried without the
 * fault: if that passes, the 400 named the wrong fields.
 */
export function namesOnlyOtherFields(outcome: RawOutcome, fuzzCase: FuzzCase): boolean {
  if (outcome.kind !== 'answer' || outcome.status !== 400 || !fuzzCase.faultPath) return false;
  const problem = parse(outcome.body);
  return (
    problem !== undefined &&
    (problem.errors ?? []).length > 0 &&
    !namesField(problem, fuzzCase.faultPath)
  );
}

function problemShape(problem: Problem | undefined, status: number): string | undefined {
  if (!problem) return 'the body is not a JSON object';
  const missing = PROBLEM_FIELDS.filter((field) => problem[field] === undefined);
  if (missing.length > 0) return `the problem lacks ${missing.join(', ')}`;
  if (problem.status !== status)
    return `the problem's status ${String(problem.status)} is not ${status}`;
  if (problem.type !== `urn:rendezvous:problem:${String(problem.code)}`) {
    return `type ${String(problem.type)} does not match code ${String(problem.code)}`;
  }
  if (typeof problem.traceId !== 'string' || !/^[0-9a-f]{32}$/.test(problem.traceId)) {
    return `traceId ${String(problem.traceId)} is not 32 hex digits`;
  }
  return undefined;
}

export const sentBody = (fuzzCase: FuzzCase) => fuzzCase.body?.subarray(0, 200).toString('utf8');

// A frame with a file position (`at fn (/app/x.js:10:5)`), not any text that says "at".
const STACK_TRACE = /\bat \S+ \([^)]*:\d+:\d+\)|\.[jt]s:\d+:\d+/;

interface Context {
  fuzzCase: FuzzCase;
  route: string;
  /** The documented route needs a token and none valid was presented. */
  tokenless: boolean;
}

/** Everything wrong with one answer; an empty list when it keeps the contract. */
export function checkOutcome(
  outcome: RawOutcome,
  { fuzzCase, route, tokenless }: Context,
): Violation[] {
  const violation = (rule: string, status?: number, body = ''): Violation => ({
    rule,
    route,
    method: fuzzCase.method,
    target: fuzzCase.target,
    input: fuzzCase.label,
    status,
    body: body.slice(0, 300),
    sent: sentBody(fuzzCase),
  });
  if (outcome.kind === 'no-answer') return [violation(`no answer: ${outcome.reason}`)];
  const { status, headers, body } = outcome;
  const found: Violation[] = [];
  const add = (rule: string) => found.push(violation(rule, status, body));
  if (status >= 500) add('5xx answer');
  if (status < 200) add(`${status} interim answer as the final one`);
  if (STACK_TRACE.test(body)) add('a stack trace in the body');
  const isHead = fuzzCase.method === 'HEAD';
  if (status >= 400 && status < 500) {
    const type = headers.get('content-type') ?? '';
    if (!type.startsWith('application/problem+json')) {
      add(`4xx without Content-Type application/problem+json (got ${type || 'none'})`);
    } else if (!isHead) {
      const shape = problemShape(parse(body), status);
      if (shape) add(`4xx problem details malformed: ${shape}`);
    }
    if (status === 429 && !headers.has('retry-after')) add('429 without Retry-After');
  }
  if (status === 400 && fuzzCase.faultPath && !isHead) {
    // A 400 naming only other fields is judged by the caller once the baseline is known.
    const problem = parse(body);
    if (problem && (problem.errors ?? []).length === 0) {
      add(`400 for a field at fault without errors naming it (${fuzzCase.faultPath})`);
    }
  }
  if (status >= 200 && status < 300) {
    if (fuzzCase.mustReject) add('2xx for input the contract refuses');
    if (tokenless && fuzzCase.method !== 'OPTIONS')
      add('2xx on a secured route without a valid token');
  }
  return found;
}
