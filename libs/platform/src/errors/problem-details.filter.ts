import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, Logger } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE } from '@rendezvous/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { throwError } from 'rxjs';
import { newTraceId } from '../trace/trace-context';
import { toProblem } from './to-problem';

/** Writes any error as problem details; for raw Fastify routes and hooks outside Nest's filters. */
export function sendProblem(
  error: unknown,
  request: Pick<FastifyRequest, 'id'>,
  reply: FastifyReply,
  logger: Pick<Logger, 'error'>,
): void {
  const traceId = typeof request.id === 'string' && request.id ? request.id : newTraceId();
  const { problem, retryAfterSeconds, unexpected } = toProblem(error, traceId);
  if (unexpected) logger.error({ err: error, traceId }, 'unhandled error while serving a request');
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

/**
 * The single exception filter: HTTP errors become RFC 9457 problem details; errors from
 * Kafka handlers are passed on untouched so the transport can retry or dead-letter them.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    sendProblem(
      exception,
      http.getRequest<FastifyRequest>(),
      http.getResponse<FastifyReply>(),
      this.logger,
    );
    return undefined;
  }
}
