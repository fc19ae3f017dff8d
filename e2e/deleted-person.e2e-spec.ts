import { COMMON_ERRORS } from '@rendezvous/contracts';
import { waitFor } from '@rendezvous/testing';
import { signUp } from './support/api-client';

/**
 * Each service on its own port (the suite's local defaults, ARCHITECTURE.md), skipping the
 * gateway: a request that reaches a service directly must be refused by the service itself.
 */
const DIRECT_ROUTES = [
  { service: 'user', port: 3001, method: 'GET', path: '/users/me/timeslots' },
  { service: 'event', port: 3002, method: 'GET', path: '/events' },
  { service: 'matching', port: 3003, method: 'GET', path: '/matching/matches' },
  { service: 'proximity', port: 3004, method: 'DELETE', path: '/proximity/sessions/me' },
  { service: 'reco', port: 3005, method: 'GET', path: '/reco/people' },
  { service: 'booking-agent', port: 3006, method: 'GET', path: '/plans' },
  { service: 'booking-agent', port: 3006, method: 'GET', path: '/bookings' },
] as const;

type DirectRoute = (typeof DIRECT_ROUTES)[number];

async function callDirectly(route: DirectRoute, token: string) {
  const response = await fetch(`http://127.0.0.1:${route.port}/api/v1${route.path}`, {
    method: route.method,
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as { code?: string } };
}

describe("a deleted person's token on each service's own port", () => {
  it('gets 401 from every service within 5 s of deleting the account', async () => {
    const ada = await signUp('Ada');
    for (const route of DIRECT_ROUTES) {
      const before = await callDirectly(route, ada.token);
      expect({ ...route, status: before.status }).toEqual({
        ...route,
        status: route.method === 'DELETE' ? 204 : 200,
      });
    }

    expect((await ada.client.request('DELETE', '/users/me')).status).toBe(204);

    // One deadline for all: each service applies user.deleted from Kafka on its own.
    const refusals = await Promise.all(
      DIRECT_ROUTES.map((route) =>
        waitFor(
          async () => {
            const response = await callDirectly(route, ada.token);
            return response.status === 401 ? response : undefined;
          },
          {
            timeoutMs: 5_000,
            intervalMs: 100,
            message: `${route.service} ${route.method} ${route.path} to refuse the token`,
          },
        ),
      ),
    );
    for (const refusal of refusals) expect(refusal.body.code).toBe(COMMON_ERRORS.UNAUTHORIZED);
  });
});
