import { waitFor } from '@rendezvous/testing';
import { signUp } from './support/api-client';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime } from './support/realtime-client';
import { SUITE_GATEWAY_URL } from './support/suite-settings';

async function gatewayMetrics(): Promise<string> {
  const response = await fetch(`${SUITE_GATEWAY_URL}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

function sampleOf(text: string, series: RegExp): number | undefined {
  const line = text.split('\n').find((l) => series.test(l));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

const SOCKETS = /^socketio_connections\{service="gateway"\} /;

describe('metrics operators alert on, on the gateway', () => {
  const clients: RealtimeClient[] = [];
  afterAll(() => clients.forEach((c) => c.close()));

  it('counts the open Socket.IO connections', async () => {
    const before = sampleOf(await gatewayMetrics(), SOCKETS);
    expect(before).toEqual(expect.any(Number));
    const person = await signUp('Metrics');
    clients.push(await connectRealtime(person.token), await connectRealtime(person.token));
    expect(sampleOf(await gatewayMetrics(), SOCKETS)).toBe((before ?? 0) + 2);
    clients.pop()?.close();
    await waitFor(async () => sampleOf(await gatewayMetrics(), SOCKETS) === (before ?? 0) + 1, {
      message: 'one connection fewer',
    });
  });

  it('reports itself ready and the consumer lag of its group', async () => {
    const text = await gatewayMetrics();
    expect(sampleOf(text, /^health_ready\{service="gateway"\} /)).toBe(1);
    await waitFor(
      async () =>
        /^kafka_consumer_lag\{[^}]*group="gateway"[^}]*\} \d+$/m.test(await gatewayMetrics()),
      {
        message: 'the gateway group lag',
      },
    );
  });
});
