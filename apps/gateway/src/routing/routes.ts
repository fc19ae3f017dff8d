import type { UpstreamService } from '../upstreams/upstreams';

export const API_ROOT = '/api/v1';

/** Which service owns each first path segment under `/api/v1` (API.md). */
export const ROUTE_OWNERS: Readonly<Record<string, UpstreamService>> = {
  auth: 'user',
  '.well-known': 'user',
  users: 'user',
  reports: 'user',
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

/** Under `admin`, the second segment picks the owner (API.md, Conventions: routing). */
export const ADMIN_ROUTE_OWNERS: Readonly<Record<string, UpstreamService>> = {
  users: 'user',
  reports: 'user',
  audit: 'user',
  matching: 'matching',
};

/** First path segments the gateway serves itself, and the second ones under `admin`. */
const GATEWAY_SEGMENTS = new Set(['notifications']);
const GATEWAY_ADMIN_SEGMENTS = new Set(['stats', 'dead-letters']);

/**
 * Whether a path could be an API route at all; others get `404` without asking for a token.
 * Unknown paths under a known prefix are the owning service's to answer (after admission).
 */
export function isKnownApiPath(url: string): boolean {
  const [segment = '', second = ''] = pathOf(url)
    .slice(API_ROOT.length + 1)
    .split('/');
  if (segment === 'admin') {
    return Object.hasOwn(ADMIN_ROUTE_OWNERS, second) || GATEWAY_ADMIN_SEGMENTS.has(second);
  }
  return Object.hasOwn(ROUTE_OWNERS, segment) || GATEWAY_SEGMENTS.has(segment);
}

export interface RouteClass {
  isPublic: boolean;
  isCredentialRoute: boolean;
  /** Under `/admin`: moderators and admins only, checked here before the service checks again. */
  isStaffOnly: boolean;
  /** Under `/admin`, the parts no moderator may use (learned ranking models): admins only. */
  isAdminOnly: boolean;
}

/** Second segments under `admin` whose every route is for admins alone. */
const ADMIN_ONLY_SEGMENTS = new Set(['matching']);

const ADMIN_ROOT = `${API_ROOT}/admin/`;

export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

export function classifyRoute(method: string, url: string): RouteClass {
  const path = pathOf(url);
  const key = `${method.toUpperCase()} ${path}`;
  return {
    isPublic: PUBLIC_ROUTES.has(key),
    isCredentialRoute: CREDENTIAL_ROUTES.has(key),
    isStaffOnly: path.startsWith(ADMIN_ROOT),
    isAdminOnly:
      path.startsWith(ADMIN_ROOT) &&
      ADMIN_ONLY_SEGMENTS.has(path.slice(ADMIN_ROOT.length).split('/')[0]),
  };
}

/** Prefixes of the paths each upstream serves, for registering its forwarding routes. */
export function prefixesOf(service: UpstreamService): string[] {
  const owned = (owners: Readonly<Record<string, UpstreamService>>, root: string) =>
    Object.entries(owners)
      .filter(([, owner]) => owner === service)
      .map(([segment]) => `${root}/${segment}`);
  return [...owned(ROUTE_OWNERS, API_ROOT), ...owned(ADMIN_ROUTE_OWNERS, `${API_ROOT}/admin`)];
}
