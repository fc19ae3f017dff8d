import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionStatus } from '../connection/connection-status';
import { ApiError } from './problem';
import { ConnectionLostError, createApi, unwrap } from './client';
import type { Tokens } from './client';

const ORIGIN = 'http://portal.test';
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('createApi', () => {
  let fetchMock: ReturnType<typeof vi.fn<(request: Request) => Promise<Response>>>;
  let connection: ConnectionStatus;

  beforeEach(() => {
    fetchMock = vi.fn<(request: Request) => Promise<Response>>();
    vi.stubGlobal('fetch', fetchMock);
    connection = new ConnectionStatus(() => new Promise<boolean>(() => undefined));
  });
  afterEach(() => {
    connection.stop();
    vi.unstubAllGlobals();
  });

  /** Tokens that hand out `old` until refreshed, then `new`. */
  function rotatingTokens(): Tokens & { refresh: ReturnType<typeof vi.fn> } {
    let current = 'old';
    return {
      token: async () => current,
      refresh: vi.fn(async () => {
        current = 'new';
      }),
    };
  }

  it('sends the access token as a bearer token', async () => {
    fetchMock.mockResolvedValueOnce(json({ usersTotal: 3 }));
    const api = createApi(ORIGIN, rotatingTokens(), connection);
    expect(await unwrap(api.GET('/api/v1/admin/stats'))).toEqual({ usersTotal: 3 });
    const [request] = fetchMock.mock.calls[0];
    expect(request.url).toBe(`${ORIGIN}/api/v1/admin/stats`);
    expect(request.headers.get('authorization')).toBe('Bearer old');
  });

  it('refreshes once on a 401 and retries the same request with the new token', async () => {
    fetchMock
      .mockResolvedValueOnce(json({ title: 'Unauthorized' }, 401))
      .mockResolvedValueOnce(json({ id: 'r1', status: 'actioned' }));
    const tokens = rotatingTokens();
    const api = createApi(ORIGIN, tokens, connection);

    const decided = await unwrap(
      api.POST('/api/v1/admin/reports/{id}/decision', {
        params: { path: { id: 'r1' } },
        body: { action: 'dismiss', note: 'not a problem' },
      }),
    );

    expect(decided).toEqual({ id: 'r1', status: 'actioned' });
    expect(tokens.refresh).toHaveBeenCalledTimes(1);
    const [first, retry] = fetchMock.mock.calls.map(([request]) => request);
    expect(first.headers.get('authorization')).toBe('Bearer old');
    expect(retry.headers.get('authorization')).toBe('Bearer new');
    expect(retry.method).toBe('POST');
    expect(retry.url).toBe(`${ORIGIN}/api/v1/admin/reports/r1/decision`);
    expect(await retry.json()).toEqual({ action: 'dismiss', note: 'not a problem' });
  });

  it('gives up after one retry: a second 401 is the answer', async () => {
    fetchMock.mockImplementation(async () =>
      json({ title: 'Unauthorized', detail: 'Expired.' }, 401),
    );
    const tokens = rotatingTokens();
    const api = createApi(ORIGIN, tokens, connection);
    const failure = unwrap(api.GET('/api/v1/admin/stats'));
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 401, message: 'Expired.' });
    expect(tokens.refresh).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('answers the 401 when the refresh fails, and never refreshes without a token', async () => {
    fetchMock.mockImplementation(async () => json({ title: 'Unauthorized' }, 401));
    const failing = {
      token: async () => 'old',
      refresh: vi.fn(() => Promise.reject(new Error('x'))),
    };
    await expect(
      unwrap(createApi(ORIGIN, failing, connection).GET('/api/v1/admin/stats')),
    ).rejects.toMatchObject({ status: 401 });
    expect(fetchMock).toHaveBeenCalledTimes(1);

    const anonymous = { token: async () => null, refresh: vi.fn() };
    const login = createApi(ORIGIN, anonymous, connection).POST('/api/v1/auth/login', {
      body: { email: 'a@example.com', password: 'wrong' },
    });
    await expect(unwrap(login)).rejects.toMatchObject({ status: 401 });
    expect(anonymous.refresh).not.toHaveBeenCalled();
    expect(fetchMock.mock.calls[1][0].headers.has('authorization')).toBe(false);
  });

  it('reports a request that never reached the API as a lost connection', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const api = createApi(ORIGIN, rotatingTokens(), connection);
    const failure = api.GET('/api/v1/admin/stats');
    await expect(failure).rejects.toBeInstanceOf(ConnectionLostError);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    expect(connection.current).toBe('offline');

    fetchMock.mockResolvedValueOnce(json({ usersTotal: 1 }));
    await unwrap(api.GET('/api/v1/admin/stats'));
    expect(connection.current).toBe('online');
  });
});
