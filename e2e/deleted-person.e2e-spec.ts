import { COMMON_ERRORS } from '@rendezvous/contracts';
import { waitFor } from '@rendezvous/testing';
import { signUp } from './support/api-client';
import { DIRECT_ROUTES, callDirectly } from './support/direct-routes';

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

    expect((await ada.api.DELETE('/api/v1/users/me')).response.status).toBe(204);

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
