import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from '@nestjs/common';
import replyFrom from '@fastify/reply-from';
import type { TracedIncomingMessage } from '@rendezvous/platform';
import { BODY_LIMIT_BYTES, outgoingTraceparent, sendProblem } from '@rendezvous/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { prefixesOf } from '../routing/routes';
import type { UpstreamService } from '../upstreams/upstreams';
import { bodyTooLarge, limitedBody } from './body-limit';
import { endToEndHeaders } from './hop-by-hop';
import { upstreamFailure } from './upstream-errors';

export interface ForwardingOptions {
  upstreams: Record<UpstreamService, string[]>;
  timeoutMs: number;
  logger: Logger;
}

function forwardedHeaders(request: FastifyRequest, headers: IncomingHttpHeaders) {
  const peer = request.raw.socket.remoteAddress ?? '';
  const chain = headers['x-forwarded-for'];
  return {
    ...endToEndHeaders(headers),
    // The service continues the gateway's trace (its span, when tracing is on).
    traceparent: outgoingTraceparent(request.id),
    'x-forwarded-for': chain ? `${String(chain)}, ${peer}` : peer,
    'x-forwarded-proto': request.protocol,
    'x-forwarded-host': request.host,
  };
}

/**
 * One forwarding scope per upstream service: request bodies pass through as streams (the
 * service parses and limits them), replicas are balanced round-robin, and a service that is
 * down or slow answers with a problem instead of a hang.
 */
export async function forwarding(fastify: FastifyInstance, options: ForwardingOptions) {
  for (const [service, bases] of Object.entries(options.upstreams)) {
    await fastify.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      // Bodies stream through; the limit holds for declared and chunked lengths alike.
      scope.addContentTypeParser('*', (request, payload, done) => {
        if (Number(request.headers['content-length'] ?? 0) > BODY_LIMIT_BYTES) {
          done(bodyTooLarge(), undefined);
          return;
        }
        done(null, payload.pipe(limitedBody(BODY_LIMIT_BYTES)));
      });
      scope.setErrorHandler((error, request, reply) =>
        sendProblem(error, request, reply, options.logger),
      );
      await scope.register(replyFrom, {
        base: bases.length === 1 ? bases[0] : bases,
        undici: { connections: 64 },
        balancedPoolOptions: { connections: 64 },
        disableRequestLogging: true,
      });
      const forward = (request: FastifyRequest, reply: FastifyReply) => {
        // The service logs the request under the same trace id; one info line is enough.
        (request.raw as TracedIncomingMessage).loggedUpstream = true;
        return reply.from(request.url, {
          timeout: options.timeoutMs,
          // Never replay a request on its own; the client decides.
          retryDelay: () => null,
          rewriteRequestHeaders: (req, headers) =>
            forwardedHeaders(req as FastifyRequest, headers as IncomingHttpHeaders),
          onError: (failed, { error }) =>
            sendProblem(
              upstreamFailure(service, error),
              failed.request,
              failed as FastifyReply,
              options.logger,
            ),
        });
      };
      for (const prefix of prefixesOf(service as UpstreamService)) {
        scope.all(prefix, forward);
        scope.all(`${prefix}/*`, forward);
      }
    });
  }
}
