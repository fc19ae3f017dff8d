import { HttpError } from 'react-admin';

/** RFC 9457 problem details as the API sends them (API.md, Conventions). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  traceId?: string;
  errors?: { path: string; message: string }[];
}

/** Nested `{ field: message }` for react-admin's server-side validation (dotted paths nest). */
export type FieldErrors = { [field: string]: string | FieldErrors };

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && ('title' in body || 'detail' in body);

export function fieldErrors(problem: Problem): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of problem.errors ?? []) {
    const keys = path.split('.').filter(Boolean);
    if (keys.length === 0) continue;
    let node = errors;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      node = typeof next === 'object' ? next : (node[key] = {});
    }
    const last = keys[keys.length - 1];
    if (typeof node[last] !== 'object')
      node[last] = node[last] ? `${node[last]}; ${message}` : message;
  }
  return errors;
}

/** Seconds from a `Retry-After` header: delta-seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds / 3600)} hours`;
}

/** The sentence a moderator reads for an error answer. */
export function problemMessage(status: number, body: unknown, retryAfter: number | null): string {
  if (status === 429) {
    const base =
      isProblem(body) && body.detail ? body.detail.replace(/\.?$/, '.') : 'Too many requests.';
    return retryAfter === null
      ? `${base} Try again shortly.`
      : `${base} Try again in ${waitText(retryAfter)}.`;
  }
  if (!isProblem(body)) return `The server answered ${status}.`;
  const fields = (body.errors ?? []).map((error) => error.message);
  const head = body.detail || body.title || `The server answered ${status}.`;
  if (fields.length === 0 || fields.every((message) => head.includes(message))) return head;
  return `${head.replace(/\.?$/, ':')} ${fields.join('; ')}`;
}

/** An API error as react-admin expects it: `body.errors` drives server-side form validation. */
export class ApiError extends HttpError {
  constructor(
    readonly problem: Problem,
    status: number,
    readonly retryAfter: number | null,
  ) {
    const errors = fieldErrors(problem);
    super(problemMessage(status, problem, retryAfter), status, {
      problem,
      ...(Object.keys(errors).length > 0 ? { errors } : {}),
    });
    // HttpError resets the prototype to its own, which would lose this class (and subclasses).
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ApiError';
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

/** The ApiError for an answer whose body openapi-fetch already read (JSON, text or nothing). */
export function apiErrorFrom(response: Response, body: unknown): ApiError {
  const problem: Problem = isProblem(body)
    ? body
    : { status: response.status, title: response.statusText };
  return new ApiError(
    problem,
    response.status,
    retryAfterSeconds(response.headers.get('retry-after')),
  );
}
