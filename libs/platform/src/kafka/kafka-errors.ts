/** A message that can never be handled (bad JSON, wrong shape): parked in the DLQ at once. */
export class PoisonMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoisonMessageError';
  }
}

/** Exponential backoff with full jitter, capped; attempt counts from 1. */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
// PostgreSQL SQLSTATEs worth waiting out: connection exceptions (08), too many connections or
// out of resources (53), server shutting down (57P01-03), serialization failure and deadlock.
const TRANSIENT_SQLSTATE = /^(08|53)|^57P0[123]$|^40001$|^40P01$/;
const TRANSIENT_MESSAGES =
  /connection terminated|connection is closed|timeout exceeded when trying to connect|^timeout expired$|client has encountered a connection error|the database system is (starting up|shutting down)/i;

/**
 * True for failures of the infrastructure under a handler (database or network briefly gone),
 * which are retried for as long as they last rather than dead-lettered: the event is fine.
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') return false;
    const { code, message, retriable } = e as {
      code?: unknown;
      message?: unknown;
      retriable?: unknown;
    };
    if (
      typeof code === 'string' &&
      (TRANSIENT_NODE_CODES.has(code) || TRANSIENT_SQLSTATE.test(code))
    ) {
      return true;
    }
    if (typeof message === 'string' && TRANSIENT_MESSAGES.test(message)) return true;
    // kafkajs marks its retriable errors; they surface here when its own retries ran out.
    if (retriable === true && (e as Error).name?.startsWith('KafkaJS')) return true;
    e =
      (e as { cause?: unknown; driverError?: unknown }).driverError ??
      (e as { cause?: unknown }).cause;
  }
  return false;
}
