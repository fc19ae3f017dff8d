import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

export type ClientIpResolver = (request: IncomingMessage) => string;

/**
 * The client's address: the socket peer, or the nearest untrusted address in
 * `X-Forwarded-For` when the peer is a trusted proxy (ingress, load balancer).
 */
export function clientIpResolver(trustProxy: string): ClientIpResolver {
  const trusted = trustProxy
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const trust = proxyAddr.compile(trusted);
  return (request) => proxyAddr(request, trust);
}
