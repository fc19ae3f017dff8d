import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '@nestjs/common';
import type { FieldError } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError, PROBLEM_CONTENT_TYPE } from '@rendezvous/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { sendProblem } from '../errors/problem-details.filter';
import { toProblem } from '../errors/to-problem';
import { invalidFields } from '../errors/validation';
import { isNormalisedUrl, normaliseRequestUrl } from '../http/request-url';
import { newTraceId } from '../trace/trace-context';

/** Where a request whose URL cannot be normalised is routed, to be answered `400`. */
const REJECTED_URL_ROUTE = '/__rejected-url';
const REJECTED = Symbol('rejected-url');
// Longer than any URL Node accepts (16 KiB of headers): an over-long id reaches its route and
// is refused there, naming the parameter.
const MAX_PARAM_LENGTH = 16 * 1024;

type RejectableMessage = IncomingMessage & { [REJECTED]?: FieldError };

const uriTooLong = () =>
  new DomainError(COMMON_ERRORS.URI_TOO_LONG, 'The request URL is longer than allowed');

/** Why the router could not take a request, as problem details. */
function frameworkError(error: { code?: string }): DomainError {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return uriTooLong();
  if (error.code === 'FST_ERR_BAD_URL') {
    return invalidFields([{ path: 'path', message: 'path is not a valid URL path' }]);
  }
  // A route constraint (Nest's `Accept-Version`) that could not read the request.
  return invalidFields([{ path: 'headers', message: 'headers could not be read' }]);
}

/** What Node's HTTP parser refused before any request existed (timeouts, huge headers, junk). */
function clientError(error: { code?: string }): DomainError {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new DomainError(COMMON_ERRORS.REQUEST_TIMEOUT, 'The request took too long to arrive');
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return new DomainError(COMMON_ERRORS.HEADERS_TOO_LARGE, 'The request headers are too large');
  }
  if (error.code === 'HPE_URI_TOO_LONG') return uriTooLong();
  return invalidFields([{ path: 'request', message: 'request is not valid HTTP/1.1' }]);
}

function writeClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const { problem } = toProblem(clientError(error), newTraceId());
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? 'Error'}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

/**
 * Server options that keep every answer problem details, whatever a client sends: URLs are
 * normalised before routing (one spelling for every decision and forward), router and parser
 * errors are mapped instead of Fastify's own JSON.
 */
export function httpEdgeOptions(logger: Logger): Partial<FastifyServerOptions> {
  return {
    rewriteUrl: (raw) => {
      const result = normaliseRequestUrl(raw.url ?? '/');
      if (isNormalisedUrl(result)) return result.url;
      (raw as RejectableMessage)[REJECTED] = result;
      return REJECTED_URL_ROUTE;
    },
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: (error, request, reply) =>
      sendProblem(frameworkError(error), request, reply, logger),
    clientErrorHandler: writeClientError,
  };
}

/** Answers the requests `httpEdgeOptions` routed aside with the reason their URL was refused. */
export function answerRejectedUrls(fastify: FastifyInstance, logger: Logger): void {
  fastify.all(REJECTED_URL_ROUTE, (request: FastifyRequest, reply: FastifyReply) => {
    const problem = (request.raw as RejectableMessage)[REJECTED];
    const error = problem
      ? invalidFields([problem])
      : new DomainError(COMMON_ERRORS.ROUTE_NOT_FOUND, 'No such route');
    sendProblem(error, request, reply, logger);
  });
}
