import type { Mock } from 'vitest';
import { afterEach, beforeEach, vi } from 'vitest';
import { ConnectionStatus } from '../connection/connection-status';

export const ORIGIN = 'http://portal.test';

/** An answer with a JSON body, as the API sends one. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

export interface FakeFetch {
  fetch: Mock<(request: Request) => Promise<Response>>;
  /** A connection status that never probes by itself. */
  connection: ConnectionStatus;
}

/** Stands a mock in for `fetch` in each test of the enclosing `describe`, and takes it away after. */
export function fakeFetch(): FakeFetch {
  const fake = {} as FakeFetch;
  beforeEach(() => {
    fake.fetch = vi.fn<(request: Request) => Promise<Response>>();
    vi.stubGlobal('fetch', fake.fetch);
    fake.connection = new ConnectionStatus(() => new Promise<boolean>(() => undefined));
  });
  afterEach(() => {
    fake.connection.stop();
    vi.unstubAllGlobals();
  });
  return fake;
}
