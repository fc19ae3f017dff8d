import { STATUS_CODES } from 'node:http';
import type { FieldError, ProblemDetails } from '@rendezvous/contracts';
import { COMMON_ERRORS, problemType } from '@rendezvous/contracts';
import type { HealthCheck, ReadinessDetail } from './health-check';
import { withTimeout } from './health-check';

export interface ReadinessReport {
  status: number;
  body: Record<string, unknown>;
}

const CHECK_TIMEOUT_MS = 2_000;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs every check at once; `200` with each one `up`, or `503` problem details naming what is down. */
export async function assessReadiness(
  checks: readonly HealthCheck[],
  details: readonly ReadinessDetail[],
  traceId: string,
  draining: boolean,
): Promise<ReadinessReport> {
  const [results, extras] = await Promise.all([
    Promise.all(
      checks.map(async (c) => {
        try {
          await withTimeout(c.check(), CHECK_TIMEOUT_MS, c.name);
          return { name: c.name, error: undefined };
        } catch (error) {
          return { name: c.name, error: message(error) };
        }
      }),
    ),
    Promise.all(details.map(async (d) => [d.key, await d.collect()] as const)),
  ]);
  const checksBody = Object.fromEntries(results.map((r) => [r.name, r.error ? 'down' : 'up']));
  const extra = Object.fromEntries(extras);
  const errors: FieldError[] = results
    .filter((r) => r.error !== undefined)
    .map((r) => ({ path: r.name, message: r.error as string }));
  if (draining) errors.push({ path: 'process', message: 'shutting down' });
  if (errors.length === 0)
    return { status: 200, body: { status: 'ok', checks: checksBody, ...extra } };
  const problem: ProblemDetails = {
    type: problemType(COMMON_ERRORS.DEPENDENCY_UNAVAILABLE),
    title: STATUS_CODES[503] ?? 'Service Unavailable',
    status: 503,
    detail: `Not ready: ${errors.map((e) => e.path).join(', ')}`,
    code: COMMON_ERRORS.DEPENDENCY_UNAVAILABLE,
    traceId,
    errors,
  };
  return { status: 503, body: { ...problem, checks: checksBody, ...extra } };
}
