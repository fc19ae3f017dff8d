import { randomUUID } from 'node:crypto';
import { testKafka, waitFor } from '@rendezvous/testing';
import type { KafkaCollector } from '@rendezvous/testing';
import { collectMessages } from '@rendezvous/testing';
import type { Problem } from './support/api-client';
import { ApiClient, signUp, uniqueEmail } from './support/api-client';
import { ADMIN_EMAIL, GATEWAY_URL } from './support/suite-settings';
import { signWithSuiteKey, tampered } from './support/tokens';
import { expectData, expectProblem } from './support/typed-api';

describe('identity through the gateway', () => {
  it('signs up, logs in, reads and patches the profile, and shows only the public part to others', async () => {
    const ada = await signUp('Ada');
    const login = await new ApiClient().api.POST('/api/v1/auth/login', {
      body: { email: `  ${ada.email.toUpperCase()} `, password: ada.password },
    });
    expect(expectData(login, 200).user.id).toBe(ada.id);

    const me = expectData(await ada.api.GET('/api/v1/users/me'), 200);
    expect(me).toMatchObject({ id: ada.id, email: ada.email, name: 'Ada', role: 'user' });

    const patched = await ada.api.PATCH('/api/v1/users/me', {
      body: {
        headline: 'Engineer',
        birthDate: '1990-05-01',
        interests: ['ai', 'chess'],
        location: { lat: 48.8566, lng: 2.3522, city: 'Paris' },
      },
    });
    expect(expectData(patched, 200).profile).toMatchObject({
      headline: 'Engineer',
      birthDate: '1990-05-01',
    });

    const other = await signUp('Bob');
    const publicProfile = expectData(
      await other.api.GET('/api/v1/users/{id}', { params: { path: { id: ada.id } } }),
      200,
    );
    expect(publicProfile).toMatchObject({ id: ada.id, headline: 'Engineer', city: 'Paris' });
    const text = JSON.stringify(publicProfile);
    expect(text).not.toContain(ada.email);
    expect(text).not.toContain('1990-05-01');
    expect(text).not.toContain('48.8566');
    expect(publicProfile).not.toHaveProperty('email');
    expect(publicProfile).not.toHaveProperty('birthDate');
    expect(publicProfile).not.toHaveProperty('location');
  });

  it('gives the admin role to the emails in ADMIN_EMAILS', async () => {
    const client = new ApiClient();
    const credentials = { email: ADMIN_EMAIL, password: 'admin-password-1' };
    const signup = await client.api.POST('/api/v1/auth/signup', {
      body: { ...credentials, name: 'Admin' },
    });
    const auth =
      signup.response.status === 409
        ? expectData(await client.api.POST('/api/v1/auth/login', { body: credentials }), 200)
        : expectData(signup, 201);
    expect(auth.user.role).toBe('admin');
  });

  it('refuses a second account for the same email, however it is written', async () => {
    const ada = await signUp('Ada');
    const again = await new ApiClient().api.POST('/api/v1/auth/signup', {
      body: { email: ` ${ada.email.toUpperCase()}`, password: 'another-password', name: 'Ada 2' },
    });
    expect(expectProblem(again, 409).code).toBe('AUTH.EMAIL_TAKEN');
    expect(again.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const ada = await signUp('Ada');
    const client = new ApiClient();
    const wrong = await client.api.POST('/api/v1/auth/login', {
      body: { email: ada.email, password: 'not-the-password' },
    });
    const unknown = await client.api.POST('/api/v1/auth/login', {
      body: { email: uniqueEmail('nobody'), password: 'not-the-password' },
    });
    const wrongProblem = expectProblem(wrong, 401);
    const unknownProblem = expectProblem(unknown, 401);
    expect(wrongProblem.detail).toBe(unknownProblem.detail);
    expect(wrongProblem.code).toBe(unknownProblem.code);
  });

  it('rejects an unknown JSON field and malformed JSON with 400 problems', async () => {
    const client = new ApiClient();
    const unknownField = await client.post<Problem>('/auth/signup', {
      email: uniqueEmail(),
      password: 'password-123',
      name: 'Eve',
      isAdmin: true,
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors?.map((e) => e.path)).toContain('isAdmin');

    const ada = await signUp('Ada');
    const patch = await ada.client.request<Problem>('PATCH', '/users/me', {
      body: { headline: 'x'.repeat(141), role: 'admin' },
    });
    expect(patch.status).toBe(400);
    expect(patch.body.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['headline', 'role']),
    );

    const malformed = await client.request<Problem>('POST', '/auth/login', {
      rawBody: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('COMMON.MALFORMED_JSON');
  });

  it('rotates refresh tokens and revokes the family when a used one comes back', async () => {
    const ada = await signUp('Ada');
    const client = new ApiClient();
    const first = expectData(
      await client.api.POST('/api/v1/auth/refresh', { body: { refreshToken: ada.refreshToken } }),
      200,
    );
    expect(first.refreshToken).not.toBe(ada.refreshToken);
    expectData(await client.withToken(first.accessToken).GET('/api/v1/users/me'), 200);

    const reused = await client.api.POST('/api/v1/auth/refresh', {
      body: { refreshToken: ada.refreshToken },
    });
    expectProblem(reused, 401);
    // The reuse revoked the whole family, including the token issued by the rotation.
    const afterReuse = await client.api.POST('/api/v1/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expectProblem(afterReuse, 401);
  });

  it('refuses missing, expired, tampered and foreign tokens with 401', async () => {
    const ada = await signUp('Ada');
    const client = new ApiClient();
    const missing = expectProblem(await client.api.GET('/api/v1/users/me'), 401);
    expect(missing.traceId).toMatch(/^[\da-f]{32}$/);

    const expired = await signWithSuiteKey(
      { sub: ada.id, role: 'user' },
      new Date(Date.now() - 60_000),
    );
    for (const refused of [expired, tampered(ada.token), 'not.a.jwt']) {
      expectProblem(await client.withToken(refused).GET('/api/v1/users/me'), 401);
    }
    const valid = await signWithSuiteKey(
      { sub: ada.id, role: 'user' },
      new Date(Date.now() + 60_000),
    );
    expectData(await client.withToken(valid).GET('/api/v1/users/me'), 200);
  });

  it('limits signup, login and refresh attempts per client IP with 429 and Retry-After', async () => {
    const client = new ApiClient();
    const attempt = (from: ApiClient) =>
      from.api.POST('/api/v1/auth/login', {
        body: { email: uniqueEmail(), password: 'wrong-password' },
      });
    for (let i = 0; i < 30; i++) expectProblem(await attempt(client), 401);
    const limited = await attempt(client);
    expect(expectProblem(limited, 429).code).toBe('COMMON.RATE_LIMITED');
    expect(Number(limited.response.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not affected.
    expectProblem(await attempt(new ApiClient()), 401);
  });

  it('locks an email after too many failed logins, even for the right password', async () => {
    const ada = await signUp('Ada');
    for (let i = 0; i < 10; i++) {
      const failed = await new ApiClient().api.POST('/api/v1/auth/login', {
        body: { email: ada.email, password: `wrong-${i}` },
      });
      expectProblem(failed, 401);
    }
    const locked = await new ApiClient().api.POST('/api/v1/auth/login', {
      body: { email: ada.email, password: ada.password },
    });
    expectProblem(locked, 429);
    expect(Number(locked.response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it("keeps each person's private data to themselves", async () => {
    const ada = await signUp('Ada');
    const bob = await signUp('Bob');
    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 90_000_000).toISOString();
    const slot = expectData(
      await bob.api.POST('/api/v1/users/me/timeslots', { body: { startsAt, endsAt } }),
      201,
    );

    const foreignSlot = { params: { path: { id: slot.id } } };
    expectProblem(await ada.api.DELETE('/api/v1/users/me/timeslots/{id}', foreignSlot), 404);
    const bobSlots = expectData(await bob.api.GET('/api/v1/users/me/timeslots'), 200);
    expect(bobSlots.items.map((s) => s.id)).toContain(slot.id);
    const adaSlots = expectData(await ada.api.GET('/api/v1/users/me/timeslots'), 200);
    expect(adaSlots.items).toEqual([]);

    // Ada cannot accept a request that Bob never received from her, nor act as Bob.
    const accept = await ada.api.POST('/api/v1/users/me/connections/{userId}/accept', {
      params: { path: { userId: bob.id } },
    });
    expectProblem(accept, 404);
    const forged = await ada.api.GET('/api/v1/users/me', { headers: { 'x-user-id': bob.id } });
    expect(expectData(forged, 200).id).toBe(ada.id);
  });

  it('forgets a deleted person: login fails at once and old tokens stop working within 5 s', async () => {
    const ada = await signUp('Ada');
    const oldToken = ada.token;
    expect((await ada.api.DELETE('/api/v1/users/me')).response.status).toBe(204);
    const login = await new ApiClient().api.POST('/api/v1/auth/login', {
      body: { email: ada.email, password: ada.password },
    });
    expectProblem(login, 401);
    const refused = await waitFor(
      async () => {
        const answer = await new ApiClient().withToken(oldToken).GET('/api/v1/matching/discover');
        return answer.response.status === 401 ? answer : undefined;
      },
      { timeoutMs: 5_000, intervalMs: 100, message: 'the old token to be refused' },
    );
    expectProblem(refused, 401);
  });
});

describe('user events on Kafka', () => {
  let collector: KafkaCollector;
  const kafka = testKafka();

  beforeAll(async () => {
    collector = await collectMessages(kafka, ['user.updated']);
  });

  afterAll(() => collector.stop());

  it('publishes user.updated with rising aggregate versions for each change', async () => {
    const ada = await signUp('Ada');
    for (const headline of ['one', 'two', 'three']) {
      expectData(await ada.api.PATCH('/api/v1/users/me', { body: { headline } }), 200);
    }
    const events = await waitFor(
      () => {
        const mine = collector.messages
          .map(
            (m) =>
              m.json as {
                aggregateId: string;
                aggregateVersion: number;
                data: { profile: { headline: string } };
              },
          )
          .filter((e) => e.aggregateId === ada.id);
        return mine.length >= 3 ? mine : undefined;
      },
      { timeoutMs: 15_000, message: 'three user.updated events for the new person' },
    );
    const versions = events.map((e) => e.aggregateVersion);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    expect(events.map((e) => e.data.profile.headline)).toEqual(['one', 'two', 'three']);
  });
});

describe('public docs', () => {
  it("serves one OpenAPI document with the services' routes and the AsyncAPI events", async () => {
    const document = (await (await fetch(`${GATEWAY_URL}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/signup', '/api/v1/users/me', '/api/v1/notifications']),
    );
    const events = await fetch(`${GATEWAY_URL}/docs/events.yaml`);
    expect(events.status).toBe(200);
    const text = await events.text();
    expect(text).toContain('asyncapi: 3.0.0');
    expect(text).toContain('address: connection.requested');
    expect((await fetch(`${GATEWAY_URL}/docs`)).status).toBe(200);
  });

  it('sends security headers and answers unknown routes with 404 problems', async () => {
    const response = await fetch(`${GATEWAY_URL}/api/v1/no-such-thing/${randomUUID()}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
