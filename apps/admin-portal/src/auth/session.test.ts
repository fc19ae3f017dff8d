import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import { authResult, MemoryStorage } from '../test/tokens';
import { Session } from './session';

type AuthResult = ReturnType<typeof authResult>;

describe('Session', () => {
  let storage: MemoryStorage;

  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-12-05T10:00:00Z') });
    storage = new MemoryStorage();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A session signed in once, as a reloaded tab finds it: refresh token stored, no access token. */
  function reloaded(refresher: (token: string) => Promise<AuthResult>): Session {
    new Session(() => Promise.reject(new Error('unused')), storage).start(
      authResult(Date.now(), { refreshToken: 'stored-refresh' }),
    );
    vi.clearAllTimers();
    return new Session(refresher, storage);
  }

  it('keeps the refresh token and identity across a reload, never the access token', () => {
    const first = new Session(vi.fn(), storage);
    const result = authResult(Date.now(), { role: 'moderator' });
    first.start(result);
    expect(first.role).toBe('moderator');
    expect(storage.contents()).toContain('refresh-1');
    expect(storage.contents()).not.toContain(result.accessToken);
    const again = new Session(vi.fn(), storage);
    expect(again.identity).toEqual({
      id: 'u1',
      email: 'ann@example.com',
      name: 'Ann',
      role: 'moderator',
    });
    expect(again.refreshToken).toBe('refresh-1');
  });

  it('refreshes a minute before the access token expires, and again after that', async () => {
    const refresher = vi.fn(async (token: string) =>
      authResult(Date.now(), { refreshToken: `${token}+` }),
    );
    const session = new Session(refresher, storage);
    session.start(authResult(Date.now(), { lifetimeS: 900 }));

    await vi.advanceTimersByTimeAsync(839_000);
    expect(refresher).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(refresher).toHaveBeenLastCalledWith('refresh-1');
    expect(session.refreshToken).toBe('refresh-1+');

    await vi.advanceTimersByTimeAsync(840_000);
    expect(refresher).toHaveBeenCalledTimes(2);
    expect(refresher).toHaveBeenLastCalledWith('refresh-1+');
  });

  it('gives the current access token without refreshing while it is fresh', async () => {
    const refresher = vi.fn();
    const session = new Session(refresher, storage);
    const result = authResult(Date.now());
    session.start(result);
    expect(await session.token()).toBe(result.accessToken);
    expect(refresher).not.toHaveBeenCalled();
  });

  it('shares one refresh between concurrent token() calls', async () => {
    let answer!: (result: AuthResult) => void;
    const refresher = vi.fn(
      () =>
        new Promise<AuthResult>((resolve) => {
          answer = resolve;
        }),
    );
    const session = reloaded(refresher);
    const tokens = Promise.all([session.token(), session.token(), session.token()]);
    const fresh = authResult(Date.now(), { refreshToken: 'next' });
    answer(fresh);
    expect(await tokens).toEqual([fresh.accessToken, fresh.accessToken, fresh.accessToken]);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(refresher).toHaveBeenCalledWith('stored-refresh');
    expect(session.refreshToken).toBe('next');
  });

  it('ends the session when the API refuses the refresh token', async () => {
    const refused = new ApiError(
      { title: 'Unauthorized', code: 'AUTH.INVALID_REFRESH' },
      401,
      null,
    );
    const session = reloaded(() => Promise.reject(refused));
    const changed = vi.fn();
    session.onChange(changed);

    await expect(session.token()).rejects.toBe(refused);
    expect(session.identity).toBeNull();
    expect(session.refreshToken).toBeNull();
    expect(storage.length).toBe(0);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(await session.token()).toBeNull();
  });

  it('stays signed in when the refresh fails for a network error or a 429, and retries later', async () => {
    const fresh = authResult(Date.now(), { refreshToken: 'next' });
    const refresher = vi
      .fn<(token: string) => Promise<AuthResult>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockRejectedValueOnce(new ApiError({ title: 'Too Many Requests' }, 429, 3))
      .mockResolvedValueOnce(fresh);
    const session = reloaded(refresher);

    await expect(session.token()).rejects.toThrow('Failed to fetch');
    expect(session.refreshToken).toBe('stored-refresh');
    await expect(session.token()).rejects.toThrow('Too many requests');
    expect(session.identity?.email).toBe('ann@example.com');
    expect(await session.token()).toBe(fresh.accessToken);
    expect(refresher).toHaveBeenCalledTimes(3);
  });

  it('forgets everything on end() and stops the refresh timer', async () => {
    const refresher = vi.fn();
    const session = new Session(refresher, storage);
    session.start(authResult(Date.now()));
    session.end();
    expect(storage.length).toBe(0);
    expect(session.role).toBeNull();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(refresher).not.toHaveBeenCalled();
  });
});
