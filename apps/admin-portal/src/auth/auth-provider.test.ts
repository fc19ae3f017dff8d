import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../api/client';
import { ApiError } from '../api/problem';
import { ConnectionStatus } from '../connection/connection-status';
import { authResult, MemoryStorage } from '../test/tokens';
import { createAuthProvider, NO_ACCESS, SESSION_ENDED } from './auth-provider';
import { Session } from './session';
import type { Role } from './token';

const ORIGIN = 'http://portal.test';

describe('createAuthProvider', () => {
  let fetchMock: ReturnType<typeof vi.fn<(request: Request) => Promise<Response>>>;
  let connection: ConnectionStatus;
  let session: Session;

  beforeEach(() => {
    fetchMock = vi.fn<(request: Request) => Promise<Response>>();
    vi.stubGlobal('fetch', fetchMock);
    connection = new ConnectionStatus(() => new Promise<boolean>(() => undefined));
    session = new Session(() => Promise.reject(new Error('no refresh here')), new MemoryStorage());
  });
  afterEach(() => {
    session.end();
    connection.stop();
    vi.unstubAllGlobals();
  });

  const provider = () =>
    createAuthProvider(
      createApi(
        ORIGIN,
        { token: async () => null, refresh: () => Promise.reject(new Error('x')) },
        connection,
      ),
      session,
    );
  const signedInAs = (role: Role) => {
    const result = authResult(Date.now(), { role, refreshToken: `${role}-refresh` });
    session.start(result);
    return result;
  };
  const logoutRequests = () =>
    fetchMock.mock.calls.map(([request]) => request).filter((r) => r.url.endsWith('/auth/logout'));

  it('lets a moderator in and names them with their role', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify(authResult(Date.now(), { role: 'moderator' })), {
        headers: { 'content-type': 'application/json' },
      }),
    );
    const auth = provider();
    await auth.login({ email: 'ann@example.com', password: 'pw' });
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    expect(await auth.getPermissions?.({})).toBe('moderator');
    expect(await auth.getIdentity?.()).toEqual({ id: 'u1', fullName: 'Ann (moderator)' });
  });

  it('sends a first visit to the sign-in page without an error message', async () => {
    await expect(provider().checkAuth({})).rejects.toEqual({ message: false });
  });

  it('says why when a session ended while the page was open', async () => {
    signedInAs('admin');
    session.end();
    await expect(provider().checkAuth({})).rejects.toThrow(SESSION_ENDED);
  });

  it("refuses a plain member's sign-in without ever starting their session", async () => {
    const result = authResult(Date.now(), { role: 'user', refreshToken: 'member-refresh' });
    fetchMock.mockImplementation(async (request) =>
      request.url.endsWith('/auth/login')
        ? new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } })
        : new Response(null, { status: 204 }),
    );
    const changes = vi.fn();
    session.onChange(changes);

    await expect(provider().login({ email: 'm@example.com', password: 'pw' })).rejects.toThrow(
      NO_ACCESS,
    );

    expect(changes).not.toHaveBeenCalled();
    expect(session.identity).toBeNull();
    const [logout] = logoutRequests();
    expect(logout.headers.get('authorization')).toBe(`Bearer ${result.accessToken}`);
    expect(await logout.json()).toEqual({ refreshToken: 'member-refresh' });
  });

  it('ends the session and revokes the refresh token on a 401 the client could not repair', async () => {
    const { accessToken } = signedInAs('admin');
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    const unauthorised = new ApiError({ title: 'Unauthorized' }, 401, null);

    await expect(provider().checkError(unauthorised)).rejects.toBe(unauthorised);

    expect(session.identity).toBeNull();
    const [logout] = logoutRequests();
    expect(logout.headers.get('authorization')).toBe(`Bearer ${accessToken}`);
    expect(await logout.json()).toEqual({ refreshToken: 'admin-refresh' });
  });

  it('keeps a moderator signed in on a 403 (a page their role does not allow)', async () => {
    signedInAs('moderator');
    await expect(
      provider().checkError(new ApiError({ title: 'Forbidden' }, 403, null)),
    ).resolves.toBeUndefined();
    expect(session.role).toBe('moderator');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs out with the no-access message once the token says member', async () => {
    signedInAs('user');
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(
      provider().checkError(new ApiError({ title: 'Forbidden' }, 403, null)),
    ).rejects.toThrow(NO_ACCESS);
    expect(session.identity).toBeNull();
    expect(logoutRequests()).toHaveLength(1);
  });
});
