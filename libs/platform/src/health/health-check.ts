/** One dependency readiness depends on; `check` rejects when it does not answer. */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<void>;
}

/** Extra readiness detail that does not decide readiness (the gateway's view of its services). */
export interface ReadinessDetail {
  readonly key: string;
  collect(): Promise<Record<string, string>>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
export const READINESS_DETAILS = Symbol('READINESS_DETAILS');

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
