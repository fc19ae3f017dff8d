import type { UpstreamService } from '../upstreams/upstreams';

export const API_ROOT = '/api/v1';

/** Which service owns each first path segment under `/api/v1` (API.md). */
export const ROUTE_OWNERS: Readonly<Record<string, UpstreamService>> = {
  auth: 'user',
  '.well-known': 'user',
  users: 'user',
  events: 'event',
  matching: 'matching',
  proximity: 'proximity',
  venues: 'reco',
  reco: 'reco',
  plans: 'booking-agent',
  bookings: 'booking-agent',
};

/** Routes that need no access token: exactly these (API.md, Conventions). */
const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/signup',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
  'GET /api/v1/.well-known/jwks.json',
  'HEAD /api/v1/.well-known/jwks.json',
]);

/** Brute-force targets with their own, stricter rate limit per IP. */
const CREDENTIAL_ROUTES = new Set([
  'POST /api/v1/auth/signup',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
]);

/** First path segments the gateway serves itself. */
const GATEWAY_SEGMENTS = new Set(['notifications', 'admin']);

/**
 * Whether a path could be an API route at all; others get `404` without asking for a token.
 * Unknown paths under a known prefix are the owning service's to answer (after admission).
 */
export function isKnownApiPath(url: string): boolean {
  const segment = pathOf(url)
    .slice(API_ROOT.length + 1)
    .split('/')[0];
  return Object.hasOwn(ROUTE_OWNERS, segment) || GATEWAY_SEGMENTS.has(segment);
}

export interface RouteClass {
  isPublic: boolean;
  isCredentialRoute: boolean;
}

export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

export function classifyRoute(method: string, url: string): RouteClass {
  const key = `${method.toUpperCase()} ${pathOf(url)}`;
  return { isPublic: PUBLIC_ROUTES.has(key), isCredentialRoute: CREDENTIAL_ROUTES.has(key) };
}

/** Prefixes of the paths each upstream serves, for registering its forwarding routes. */
export function prefixesOf(service: UpstreamService): string[] {
  return Object.entries(ROUTE_OWNERS)
    .filter(([, owner]) => owner === service)
    .map(([segment]) => `${API_ROOT}/${segment}`);
}
