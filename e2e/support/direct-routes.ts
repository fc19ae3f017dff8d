/**
 * One cheap authenticated route of each service on its own port (the suite's local defaults,
 * ARCHITECTURE.md), skipping the gateway: a request that reaches a service directly must be
 * refused by the service itself.
 */
export const DIRECT_ROUTES = [
  { service: 'user', port: 3001, method: 'GET', path: '/users/me/timeslots' },
  { service: 'event', port: 3002, method: 'GET', path: '/events' },
  { service: 'matching', port: 3003, method: 'GET', path: '/matching/matches' },
  { service: 'proximity', port: 3004, method: 'DELETE', path: '/proximity/sessions/me' },
  { service: 'reco', port: 3005, method: 'GET', path: '/reco/people' },
  { service: 'booking-agent', port: 3006, method: 'GET', path: '/plans' },
  { service: 'booking-agent', port: 3006, method: 'GET', path: '/bookings' },
] as const;

export type DirectRoute = (typeof DIRECT_ROUTES)[number];

/** The gateway's own check of a token, as one more "route" that must refuse it. */
export const GATEWAY_ROUTE = {
  service: 'gateway',
  port: 3000,
  method: 'GET',
  path: '/notifications',
} as const;

export type CheckedRoute = DirectRoute | typeof GATEWAY_ROUTE;

export async function callDirectly(
  route: { port: number; method: string; path: string },
  token: string,
) {
  const response = await fetch(`http://127.0.0.1:${route.port}/api/v1${route.path}`, {
    method: route.method,
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as { code?: string; accountStatus?: string },
  };
}
