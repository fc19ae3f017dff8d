import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from '@nestjs/common';
import type { FieldError } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError, PROBLEM_CONTENT_TYPE } from '@rendezvous/contracts';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { sendProblem } from '../errors/problem-details.filter';
import { toProblem } from '../errors/to-problem';
import { invalidFields } from '../errors/validation';
import { parsedBodyProblem } from '../http/input-bounds';
import { isNormalisedUrl, normaliseRequestUrl } from '../http/request-url';
import { newTraceId } from '../trace/trace-context';
import { BODY_LIMIT_BYTES } from './body-limit';
import { closeLingering, lingerOnClose } from './lingering-close';

/** Where a request whose URL cannot be normalised is routed, to be answered `400`. */
const REJECTED_URL_ROUTE = '/__rejected-url';
const REJECTED = Symbol('rejected-url');
// Longer than any URL Node accepts (16 KiB of headers): an over-long id reaches its route and
// is refused there, naming the parameter.
const MAX_PARAM_LENGTH = 16 * 1024;

type RejectableMessage = IncomingMessage & { [REJECTED]?: FieldError };

const uriTooLong = () =>
  new DomainError(COMMON_ERRORS.URI_TOO_LONG, 'The request URL is longer than allowed');

/** HTTP/1.1 requires a Host header (RFC 9112 §3.2). */
function hostProblem(raw: IncomingMessage): FieldError | null {
  const needsHost = raw.httpVersionMajor === 1 && raw.httpVersionMinor >= 1;
  return needsHost && !raw.headers.host
    ? { path: 'host', message: 'host header is required in HTTP/1.1' }
    : null;
}

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

/** Answers on a socket no request object exists for, and closes it. */
function endWithProblem(socket: Duplex, error: DomainError): void {
  const { problem } = toProblem(error, newTraceId());
  const body = JSON.stringify(problem);
  closeLingering(
    socket,
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? 'Error'}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

/** Node's own field: the answer being written on a connection, if any. */
type ConnectionSocket = Socket & { _httpMessage?: ServerResponse | null };

function writeClientError(error: Error & { code?: string }, socket: ConnectionSocket): void {
  // Not writable: answered already, and closing; the parser refuses each chunk that follows.
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  // Written now, the problem would land ahead of the answer to a request read in full before
  // the bad bytes (pipelined), which the client would take it for, or inside an answer already
  // begun. Node attaches the next queued answer before this listener runs, so the check repeats
  // until none is left. The bad request's own answer, not begun, is the one written here.
  const inFlight = socket._httpMessage;
  if (inFlight && !inFlight.writableFinished && (inFlight.req.complete || inFlight.headersSent)) {
    inFlight.once('finish', () => writeClientError(error, socket));
    return;
  }
  endWithProblem(socket, clientError(error));
}

/**
 * Server options that keep every answer problem details, whatever a client sends: URLs are
 * normalised before routing (one spelling for every decision and forward), router and parser
 * errors are mapped instead of Fastify's own JSON.
 */
export function httpEdgeOptions(
  logger: Logger,
): Partial<FastifyServerOptions> & { http: ServerOptions } {
  return {
    rewriteUrl: (raw) => {
      const result = hostProblem(raw) ?? normaliseRequestUrl(raw.url ?? '/');
      if (isNormalisedUrl(result)) return result.url;
      (raw as RejectableMessage)[REJECTED] = result;
      return REJECTED_URL_ROUTE;
    },
    // Checked in `rewriteUrl` instead, so the answer is problem details like every other.
    http: { requireHostHeader: false },
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: (error, request, reply) =>
      sendProblem(frameworkError(error), request, reply, logger),
    clientErrorHandler: writeClientError,
  };
}

/**
 * What `httpEdgeOptions` cannot set up front: the answer to requests routed aside for their URL,
 * a JSON body parser that applies the input bounds to every body (routes that take none
 * included), and problem details for what Node answers by itself (`CONNECT`, an `Expect` other
 * than `100-continue`).
 */
export function configureHttpEdge(app: NestFastifyApplication, logger: Logger): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.all(REJECTED_URL_ROUTE, (request: FastifyRequest, reply: FastifyReply) => {
    const problem = (request.raw as RejectableMessage)[REJECTED];
    const error = problem
      ? invalidFields([problem])
      : new DomainError(COMMON_ERRORS.ROUTE_NOT_FOUND, 'No such route');
    sendProblem(error, request, reply, logger);
  });

  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT_BYTES }, (request, body, done) =>
    parseJson(request as never, body as never, (error, parsed) => {
      const problem = error ? null : parsedBodyProblem(parsed);
      done(error ?? (problem ? invalidFields([problem]) : null), parsed);
    }),
  );

  const server = app.getHttpServer() as Server;
  lingerOnClose(server);
  server.on('connect', (_request: IncomingMessage, socket: Duplex) =>
    endWithProblem(
      socket,
      new DomainError(COMMON_ERRORS.METHOD_NOT_ALLOWED, 'CONNECT is not served here'),
    ),
  );
  server.on('checkExpectation', (_request: IncomingMessage, response: ServerResponse) => {
    const { problem } = toProblem(
      new DomainError(COMMON_ERRORS.EXPECTATION_FAILED, 'Only Expect: 100-continue is understood'),
      newTraceId(),
    );
    response.writeHead(problem.status, { 'content-type': PROBLEM_CONTENT_TYPE });
    response.end(JSON.stringify(problem));
  });
}
