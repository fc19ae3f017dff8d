import type { Envelope } from '@rendezvous/contracts';
import { AUTH_ERRORS, COMMON_ERRORS, TOPICS } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import { collectMessages, testKafka, uniqueName, waitFor } from '@rendezvous/testing';
import type { AuthResponse, UserTestApp } from './user-test-app';
import { startUserApp } from './user-test-app';

interface Problem {
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

const MAX_FAILED = 3;

describe('user service: identity', () => {
  let t: UserTestApp;
  let deleted: KafkaCollector;

  beforeAll(async () => {
    t = await startUserApp({
      AUTH_MAX_FAILED_LOGINS: String(MAX_FAILED),
      ADMIN_EMAILS: ' Boss@Example.com ',
    });
    deleted = await collectMessages(testKafka(), [TOPICS.USER_DELETED]);
  });

  afterAll(async () => {
    await deleted.stop();
    await t.close();
  });

  it('signs up with a normalised email, then logs in and reads /users/me', async () => {
    const local = uniqueName('Ada');
    const signup = await t.request<AuthResponse>('POST', '/auth/signup', {
      body: {
        email: `  ${local.toUpperCase()}@Example.COM `,
        password: 'long enough',
        name: 'Ada',
      },
    });
    expect(signup.status).toBe(201);
    expect(signup.body.user.email).toBe(`${local.toLowerCase()}@example.com`);
    expect(signup.body.user.role).toBe('user');
    expect(signup.body.expiresIn).toBe(900);
    expect(Buffer.from(signup.body.refreshToken, 'base64url').length).toBeGreaterThanOrEqual(32);

    const login = await t.request<AuthResponse>('POST', '/auth/login', {
      body: { email: `${local}@EXAMPLE.com`, password: 'long enough' },
    });
    expect(login.status).toBe(200);
    const me = await t.request('GET', '/users/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: signup.body.user.id, name: 'Ada', role: 'user' });
    expect(Object.keys(me.body).sort()).toEqual(
      ['createdAt', 'email', 'id', 'name', 'preferences', 'profile', 'role'].sort(),
    );
  });

  it('gives the admin role to ADMIN_EMAILS', async () => {
    const signup = await t.request<AuthResponse>('POST', '/auth/signup', {
      body: { email: 'boss@example.com', password: 'long enough', name: 'Boss' },
    });
    expect(signup.status).toBe(201);
    expect(signup.body.user.role).toBe('admin');
  });

  it('refuses a taken email with 409, also for two concurrent signups', async () => {
    const email = `${uniqueName('dup')}@example.com`;
    await t.signup({ email });
    const again = await t.request<Problem>('POST', '/auth/signup', {
      body: { email: email.toUpperCase(), password: 'long enough', name: 'Again' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe(AUTH_ERRORS.EMAIL_TAKEN);

    const racing = `${uniqueName('race')}@example.com`;
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        t.request('POST', '/auth/signup', {
          body: { email: racing, password: 'long enough', name: 'Racer' },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const { user } = await t.signup();
    const wrong = await t.request<Problem>('POST', '/auth/login', {
      body: { email: user.email, password: 'not the password' },
    });
    const unknown = await t.request<Problem>('POST', '/auth/login', {
      body: { email: `${uniqueName('nobody')}@example.com`, password: 'whatever1' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe(AUTH_ERRORS.INVALID_CREDENTIALS);
    expect(unknown.body.code).toBe(AUTH_ERRORS.INVALID_CREDENTIALS);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('rejects unknown fields and bad values with one entry per field', async () => {
    const response = await t.request<Problem>('POST', '/auth/signup', {
      body: { email: 'not-an-email', password: 'short', name: '', isAdmin: true },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(COMMON_ERRORS.VALIDATION_FAILED);
    expect(response.body.errors?.map((e) => e.path).sort()).toEqual([
      'email',
      'isAdmin',
      'name',
      'password',
    ]);
  });

  it('rotates refresh tokens and revokes the family when a used one comes back', async () => {
    const first = await t.signup();
    const second = await t.request<AuthResponse>('POST', '/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const me = await t.request('GET', '/users/me', { token: second.body.accessToken });
    expect(me.status).toBe(200);

    const reuse = await t.request<Problem>('POST', '/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe(AUTH_ERRORS.REFRESH_TOKEN_REUSED);
    // The whole family is gone, including the token issued by the legitimate rotation.
    const afterReuse = await t.request<Problem>('POST', '/auth/refresh', {
      body: { refreshToken: second.body.refreshToken },
    });
    expect(afterReuse.status).toBe(401);
    expect(afterReuse.body.code).toBe(AUTH_ERRORS.INVALID_REFRESH_TOKEN);

    const unknown = await t.request<Problem>('POST', '/auth/refresh', {
      body: { refreshToken: 'x'.repeat(43) },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe(AUTH_ERRORS.INVALID_REFRESH_TOKEN);
  });

  it('lets exactly one of two concurrent refreshes with one token succeed', async () => {
    const { refreshToken } = await t.signup();
    const results = await Promise.all(
      [1, 2].map(() => t.request('POST', '/auth/refresh', { body: { refreshToken } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('logs out by revoking the family; repeating it is harmless', async () => {
    const session = await t.signup();
    const logout = () =>
      t.request('POST', '/auth/logout', {
        token: session.accessToken,
        body: { refreshToken: session.refreshToken },
      });
    expect((await logout()).status).toBe(204);
    expect((await logout()).status).toBe(204);
    const refresh = await t.request('POST', '/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(refresh.status).toBe(401);
    const anonymous = await t.request('POST', '/auth/logout', {
      body: { refreshToken: session.refreshToken },
    });
    expect(anonymous.status).toBe(401);
  });

  it(`locks an email out after ${MAX_FAILED} failed logins, even with the right password`, async () => {
    const { user } = await t.signup({ password: 'the right one' });
    for (let i = 0; i < MAX_FAILED; i++) {
      const failed = await t.request('POST', '/auth/login', {
        body: { email: user.email, password: 'the wrong one' },
      });
      expect(failed.status).toBe(401);
    }
    const locked = await t.request<Problem>('POST', '/auth/login', {
      body: { email: user.email, password: 'the right one' },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe(AUTH_ERRORS.TOO_MANY_FAILED_LOGINS);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);

    const ghost = `${uniqueName('ghost')}@example.com`;
    for (let i = 0; i < MAX_FAILED; i++) {
      await t.request('POST', '/auth/login', { body: { email: ghost, password: 'nope nope' } });
    }
    const ghostLocked = await t.request('POST', '/auth/login', {
      body: { email: ghost, password: 'nope nope' },
    });
    expect(ghostLocked.status).toBe(429);
  });

  it('serves the JWKS with a short cache lifetime', async () => {
    const response = await t.request<{ keys: Record<string, string>[] }>(
      'GET',
      '/.well-known/jwks.json',
    );
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(response.body.keys[0]).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      alg: 'ES256',
      use: 'sig',
    });
    expect(Object.keys(response.body.keys[0]).sort()).toEqual(
      ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y'].sort(),
    );
  });

  it('deletes an account: login and tokens fail at once, user.deleted is published, the email is free', async () => {
    const session = await t.signup({ password: 'delete me please' });
    const response = await t.request('DELETE', '/users/me', { token: session.accessToken });
    expect(response.status).toBe(204);

    const login = await t.request('POST', '/auth/login', {
      body: { email: session.user.email, password: 'delete me please' },
    });
    expect(login.status).toBe(401);
    expect((await t.request('GET', '/users/me', { token: session.accessToken })).status).toBe(401);
    const refresh = await t.request('POST', '/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(refresh.status).toBe(401);
    const again = await t.signup({ email: session.user.email });
    expect(again.user.id).not.toBe(session.user.id);

    const event = await waitFor(
      () =>
        deleted.messages
          .map((m) => m.json as Envelope<{ userId: string; deletedAt: string }>)
          .find((e) => e.aggregateId === session.user.id),
      { message: 'user.deleted' },
    );
    expect(event.data.userId).toBe(session.user.id);
    expect(event.source).toBe('user');
    const other = await t.request('GET', `/users/${session.user.id}`, {
      token: again.accessToken,
    });
    expect(other.status).toBe(404);
  });
});
