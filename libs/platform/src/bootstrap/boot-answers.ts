import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { COMMON_ERRORS, DomainError, PROBLEM_CONTENT_TYPE } from '@rendezvous/contracts';
import { toProblem } from '../errors/to-problem';
import type { ReadinessSnapshot } from '../health/readiness-monitor';
import { assessReadiness } from '../health/readiness';
import { newTraceId, traceIdFromTraceparent } from '../trace/trace-context';

export interface BootAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const STARTING = 'The service is starting; try again shortly';

/**
 * What the port answers while the process boots (API.md, Conventions, Health): live, not ready
 * with one `errors` entry per dependency not connected yet and why, and `503` for anything else.
 */
export function bootAnswer(
  request: { method?: string; url?: string; traceparent?: unknown },
  snapshot: ReadinessSnapshot,
): BootAnswer {
  const traceId = traceIdFromTraceparent(request.traceparent) ?? newTraceId();
  const path = (request.url ?? '/').split('?')[0];
  const read = request.method === 'GET' || request.method === 'HEAD';
  if (read && path === '/health/live') {
    return { status: 200, headers: { 'content-type': 'application/json' }, body: { status: 'ok' } };
  }
  const problem = { 'content-type': PROBLEM_CONTENT_TYPE };
  if (read && path === '/health/ready') {
    const report = assessReadiness(snapshot, traceId, false);
    return { status: report.status, headers: problem, body: report.body };
  }
  const error = new DomainError(COMMON_ERRORS.SERVICE_UNAVAILABLE, STARTING, undefined, 1);
  const answer = toProblem(error, traceId);
  return {
    status: answer.problem.status,
    headers: { ...problem, 'retry-after': String(answer.retryAfterSeconds) },
    body: answer.problem,
  };
}

/** Listens on the service's port with the boot answers; resolves once the port is open. */
export function listenWithBootAnswers(
  snapshot: () => ReadinessSnapshot,
  port: number,
  host: string,
): Promise<Server> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const answer = bootAnswer(
      { method: request.method, url: request.url, traceparent: request.headers['traceparent'] },
      snapshot(),
    );
    // No keep-alive: the next request must reach whichever server holds the port then.
    response.writeHead(answer.status, { ...answer.headers, connection: 'close' });
    response.end(request.method === 'HEAD' ? undefined : JSON.stringify(answer.body));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
