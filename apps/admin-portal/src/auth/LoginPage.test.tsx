import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext } from 'react-admin';
import type { AuthProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { createApi } from '../api/client';
import { ApiError } from '../api/problem';
import { authResult, MemoryStorage } from '../test/tokens';
import { createAuthProvider, NO_ACCESS } from './auth-provider';
import { LoginPage } from './LoginPage';
import { Session } from './session';
import { fakeFetch } from '../test/fake-fetch';

function renderLogin(authProvider: AuthProvider) {
  render(
    <AdminContext authProvider={authProvider}>
      <LoginPage />
    </AdminContext>,
  );
  return userEvent.setup();
}

async function signIn(user: ReturnType<typeof userEvent.setup>, email: string, password: string) {
  await user.click(screen.getByLabelText(/email/i));
  await user.paste(email);
  await user.click(screen.getByLabelText(/password/i));
  await user.paste(password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

const authStub = (login: AuthProvider['login']): AuthProvider => ({
  login,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => null,
});

describe('LoginPage', () => {
  it('keeps the sign-in button off until both fields are filled', async () => {
    const user = renderLogin(authStub(async () => undefined));
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button).toBeDisabled();
    await user.click(screen.getByLabelText(/email/i));
    await user.paste('ann@example.com');
    expect(button).toBeDisabled();
  });

  it('shows a refused sign-in and keeps it on screen while the person retypes', async () => {
    const login = vi.fn(() =>
      Promise.reject(
        new ApiError(
          { title: 'Unauthorized', detail: 'Wrong email or password.', code: 'AUTH.INVALID' },
          401,
          null,
        ),
      ),
    );
    const user = renderLogin(authStub(login));
    await signIn(user, 'ann@example.com', 'wrong');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
    expect(login).toHaveBeenCalledWith({ email: 'ann@example.com', password: 'wrong' });
    await user.click(screen.getByLabelText(/password/i));
    await user.paste('!');
    expect(screen.getByRole('alert')).toHaveTextContent('Wrong email or password.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });
});

describe('LoginPage with the portal auth provider', () => {
  const fake = fakeFetch();

  it('tells a member they have no access and revokes their sign-in', async () => {
    fake.fetch.mockImplementation(async (request) =>
      request.url.endsWith('/auth/login')
        ? new Response(
            JSON.stringify(
              authResult(Date.now(), { role: 'user', refreshToken: 'member-refresh' }),
            ),
            { headers: { 'content-type': 'application/json' } },
          )
        : new Response(null, { status: 204 }),
    );
    const api = createApi(
      'http://portal.test',
      { token: async () => null, refresh: () => Promise.reject(new Error('no')) },
      fake.connection,
    );
    const storage = new MemoryStorage();
    const session = new Session(() => Promise.reject(new Error('unused')), storage);
    const user = renderLogin(createAuthProvider(api, session));

    await signIn(user, ' member@example.com ', 'secret-pass');

    expect(await screen.findByRole('alert')).toHaveTextContent(NO_ACCESS);
    const [login, logout] = fake.fetch.mock.calls.map(([request]) => request);
    expect(await login.json()).toEqual({ email: 'member@example.com', password: 'secret-pass' });
    expect(logout.url).toBe('http://portal.test/api/v1/auth/logout');
    expect(logout.headers.get('authorization')).toMatch(/^Bearer \S+$/);
    expect(await logout.json()).toEqual({ refreshToken: 'member-refresh' });
    expect(session.identity).toBeNull();
    expect(storage.length).toBe(0);
  });
});
