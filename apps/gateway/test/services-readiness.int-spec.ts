import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@rendezvous/platform';
import { GatewayConfig } from '../src/config';
import { ServicesReadiness } from '../src/upstreams/services-readiness';

function readinessServer(status: number): Promise<Server> {
  const server = createServer((request, response) => {
    response.statusCode = request.url === '/health/ready' ? status : 404;
    response.end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

describe(ServicesReadiness.name, () => {
  const servers: Server[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('lists each upstream as up when any replica answers ready, down otherwise', async () => {
    const [ready, notReady] = await Promise.all([readinessServer(200), readinessServer(503)]);
    servers.push(ready, notReady);
    const closedPort = 'http://127.0.0.1:1';
    const config = loadConfig(GatewayConfig, {
      envFile: null,
      env: {
        USER_SERVICE_URL: urlOf(ready),
        EVENT_SERVICE_URL: urlOf(notReady),
        MATCHING_SERVICE_URL: `${closedPort},${urlOf(ready)}/`,
        PROXIMITY_SERVICE_URL: closedPort,
        RECO_SERVICE_URL: `${urlOf(notReady)}, ${closedPort}`,
        BOOKING_AGENT_SERVICE_URL: urlOf(ready),
        UPSTREAM_HEALTH_TIMEOUT_MS: '500',
      },
    });
    await expect(new ServicesReadiness(config).collect()).resolves.toEqual({
      user: 'up',
      event: 'down',
      matching: 'up',
      proximity: 'down',
      reco: 'down',
      'booking-agent': 'up',
    });
  });
});
