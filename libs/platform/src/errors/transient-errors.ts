import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

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
// out of resources (53), server shutting down or starting (57P01-03), serialization failure and
// deadlock.
const TRANSIENT_SQLSTATE = /^(08|53)|^57P0[123]$|^40001$|^40P01$/;
const TRANSIENT_MESSAGES =
  /connection terminated|connection is closed|timeout exceeded when trying to connect|^timeout expired$|client has encountered a connection error|the database system is (starting up|shutting down)/i;
// ioredis gives up on a command after `maxRetriesPerRequest` reconnects; Redis is still gone.
// RedisStateGuard refuses while it writes back state that Redis lost.
const TRANSIENT_NAMES = new Set(['MaxRetriesPerRequestError', 'RedisStateRebuildingError']);

function isTransientItself(e: object): boolean {
  // TypeORM releases a transaction's query runner when its connection dies under it; the
  // transaction then fails at its next query or at COMMIT, which was never sent (rolled back).
  if (e instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  if (e instanceof QueryRunnerAlreadyReleasedError) return true;
  const { code, message, name, retriable } = e as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
    retriable?: unknown;
  };
  if (typeof code === 'string' && (TRANSIENT_NODE_CODES.has(code) || TRANSIENT_SQLSTATE.test(code)))
    return true;
  if (typeof message === 'string' && TRANSIENT_MESSAGES.test(message)) return true;
  if (typeof name !== 'string') return false;
  if (TRANSIENT_NAMES.has(name)) return true;
  // kafkajs marks its retriable errors (broker gone, no leader, request timed out); they surface
  // here when its own retries ran out, as the cause of KafkaJSNumberOfRetriesExceeded.
  return retriable === true && name.startsWith('KafkaJS');
}

/**
 * True for failures of the infrastructure under a request or an event handler (PostgreSQL, Redis
 * or Kafka briefly gone), never for bugs or bad data: the one classification behind HTTP's `503`
 * with `Retry-After` and the consumers' waiting instead of dead-lettering. Looks through
 * `driverError` (TypeORM), `cause` and AggregateError's `errors` (every one must be transient).
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  return isTransientAt(error, 0);
}

function isTransientAt(error: unknown, depth: number): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  if (isTransientItself(error)) return true;
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.every((e: unknown) => isTransientAt(e, depth + 1));
  }
  const { driverError, cause } = error as { driverError?: unknown; cause?: unknown };
  return isTransientAt(driverError ?? cause, depth + 1);
}
