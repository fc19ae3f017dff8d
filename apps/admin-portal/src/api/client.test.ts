import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './problem';
import { ConnectionLostError, createApi, unwrap } from './client';
import type { Tokens } from './client';
import { ORIGIN, fakeFetch, json } from '../test/fake-fetch';

describe('createApi', () => {
  const fake = fakeFetch();

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
    fake.fetch.mockResolvedValueOnce(json({ usersTotal: 3 }));
    const api = createApi(ORIGIN, rotatingTokens(), fake.connection);
    expect(await unwrap(api.GET('/api/v1/admin/stats'))).toEqual({ usersTotal: 3 });
    const [request] = fake.fetch.mock.calls[0];
    expect(request.url).toBe(`${ORIGIN}/api/v1/admin/stats`);
    expect(request.headers.get('authorization')).toBe('Bearer old');
  });

  it('refreshes once on a 401 and retries the same request with the new token', async () => {
    fake.fetch
      .mockResolvedValueOnce(json({ title: 'Unauthorized' }, 401))
      .mockResolvedValueOnce(json({ id: 'r1', status: 'actioned' }));
    const tokens = rotatingTokens();
    const api = createApi(ORIGIN, tokens, fake.connection);

    const decided = await unwrap(
      api.POST('/api/v1/admin/reports/{id}/decision', {
        params: { path: { id: 'r1' } },
        body: { action: 'dismiss', note: 'not a problem' },
      }),
    );

    expect(decided).toEqual({ id: 'r1', status: 'actioned' });
    expect(tokens.refresh).toHaveBeenCalledTimes(1);
    const [first, retry] = fake.fetch.mock.calls.map(([request]) => request);
    expect(first.headers.get('authorization')).toBe('Bearer old');
    expect(retry.headers.get('authorization')).toBe('Bearer new');
    expect(retry.method).toBe('POST');
    expect(retry.url).toBe(`${ORIGIN}/api/v1/admin/reports/r1/decision`);
    expect(await retry.json()).toEqual({ action: 'dismiss', note: 'not a problem' });
  });

  it('gives up after one retry: a second 401 is the answer', async () => {
    fake.fetch.mockImplementation(async () =>
      json({ title: 'Unauthorized', detail: 'Expired.' }, 401),
    );
    const tokens = rotatingTokens();
    const api = createApi(ORIGIN, tokens, fake.connection);
    const failure = unwrap(api.GET('/api/v1/admin/stats'));
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 401, message: 'Expired.' });
    expect(tokens.refresh).toHaveBeenCalledTimes(1);
    expect(fake.fetch).toHaveBeenCalledTimes(2);
  });

  it('answers the 401 when the refresh fails, and never refreshes without a token', async () => {
    fake.fetch.mockImplementation(async () => json({ title: 'Unauthorized' }, 401));
    const failing = {
      token: async () => 'old',
      refresh: vi.fn(() => Promise.reject(new Error('x'))),
    };
    await expect(
      unwrap(createApi(ORIGIN, failing, fake.connection).GET('/api/v1/admin/stats')),
    ).rejects.toMatchObject({ status: 401 });
    expect(fake.fetch).toHaveBeenCalledTimes(1);

    const anonymous = { token: async () => null, refresh: vi.fn() };
    const login = createApi(ORIGIN, anonymous, fake.connection).POST('/api/v1/auth/login', {
      body: { email: 'a@example.com', password: 'wrong' },
    });
    await expect(unwrap(login)).rejects.toMatchObject({ status: 401 });
    expect(anonymous.refresh).not.toHaveBeenCalled();
    expect(fake.fetch.mock.calls[1][0].headers.has('authorization')).toBe(false);
  });

  it('reports a request that never reached the API as a lost connection', async () => {
    fake.fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const api = createApi(ORIGIN, rotatingTokens(), fake.connection);
    const failure = api.GET('/api/v1/admin/stats');
    await expect(failure).rejects.toBeInstanceOf(ConnectionLostError);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    expect(fake.connection.current).toBe('offline');

    fake.fetch.mockResolvedValueOnce(json({ usersTotal: 1 }));
    await unwrap(api.GET('/api/v1/admin/stats'));
    expect(fake.connection.current).toBe('online');
  });
});
