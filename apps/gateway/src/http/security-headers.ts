import type { FastifyInstance } from 'fastify';
import type { HelmetOptions } from 'helmet';
import helmet from 'helmet';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The security headers a route answers with; without it, the policy for everything else. */
    securityPolicy?: 'portal';
  }
}

/**
 * Helmet's headers on every answer, each policy built once at start. `@fastify/helmet` builds
 * helmet's middleware again for every request, a measurable share of what a forwarded request
 * costs the gateway. A route's own policy replaces the general one's options key by key.
 */
export function addSecurityHeaders(
  fastify: FastifyInstance,
  everywhere: HelmetOptions,
  portal: HelmetOptions,
): void {
  const general = helmet(everywhere);
  const forPortal = helmet({ ...everywhere, ...portal } as HelmetOptions);
  fastify.addHook('onRequest', (request, reply, done) => {
    const policy = request.routeOptions.config.securityPolicy === 'portal' ? forPortal : general;
    policy(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
}
