import { STATUS_CODES } from 'node:http';
import type { FieldError, ProblemDetails } from '@rendezvous/contracts';
import { COMMON_ERRORS, problemType } from '@rendezvous/contracts';
import type { DependencyState, ReadinessSnapshot } from './readiness-monitor';

export interface ReadinessReport {
  status: number;
  body: Record<string, unknown>;
}

/** Why a dependency keeps the process unready, or undefined when it does not. */
function blocker(dependency: DependencyState): string | undefined {
  if (!dependency.everUp) return dependency.error ?? 'not checked yet';
  if (dependency.gates && !dependency.up) return dependency.error ?? 'down';
  return undefined;
}

/**
 * Readiness from the monitor's last verdicts (API.md, Conventions): `503` problem details while
 * the process starts, until each dependency has answered once, while one the service's requests need is down, and while
 * the process shuts down; otherwise `200`, a dependency it can do without shown as `down`.
 * `checkAgeMs` says how old each verdict is.
 */
export function assessReadiness(
  snapshot: ReadinessSnapshot,
  traceId: string,
  draining: boolean,
  now = Date.now(),
): ReadinessReport {
  const { dependencies } = snapshot;
  const checks = Object.fromEntries(dependencies.map((d) => [d.name, d.up ? 'up' : 'down']));
  const checkAgeMs = Object.fromEntries(
    dependencies.flatMap((d) =>
      d.checkedAt === undefined ? [] : [[d.name, Math.max(0, now - d.checkedAt)]],
    ),
  );
  const errors: FieldError[] = dependencies.flatMap((d) => {
    const why = blocker(d);
    return why === undefined ? [] : [{ path: d.name, message: why }];
  });
  if (snapshot.process !== undefined) errors.push({ path: 'process', message: snapshot.process });
  if (draining) errors.push({ path: 'process', message: 'shutting down' });
  const extra = { checks, checkAgeMs, ...snapshot.details };
  if (errors.length === 0) return { status: 200, body: { status: 'ok', ...extra } };
  const problem: ProblemDetails = {
    type: problemType(COMMON_ERRORS.DEPENDENCY_UNAVAILABLE),
    title: STATUS_CODES[503] ?? 'Service Unavailable',
    status: 503,
    detail: `Not ready: ${errors.map((e) => e.path).join(', ')}`,
    code: COMMON_ERRORS.DEPENDENCY_UNAVAILABLE,
    traceId,
    errors,
  };
  return { status: 503, body: { ...problem, ...extra } };
}
