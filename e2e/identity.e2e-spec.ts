import { randomUUID } from 'node:crypto';
import { testKafka, waitFor } from '@rendezvous/testing';
import type { KafkaCollector } from '@rendezvous/testing';
import { collectMessages } from '@rendezvous/testing';
import { ApiClient, signUp, uniqueEmail } from './support/api-client';
import { ADMIN_EMAIL, GATEWAY_URL } from './support/suite-settings';
import { signWithSuiteKey, tampered } from './support/tokens';

interface Problem {
  status: number;
  code: string;
  detail: string;
  traceId: string;
  errors?: { path: string; message: string }[];
}

interface UserBody {
  id: string;
  email: string;
  name: string;
  role: string;
  profile: Record<string, unknown>;
}

describe('identity through the gateway', () => {
  it('signs up, logs in, reads and patches the profile, and shows only the public part to others', async () => {
    const ada = await signUp('Ada');
    const login = await new ApiClient().post<{ accessToken: string; user: UserBody }>(
      '/auth/login',
      { email: `  ${ada.email.toUpperCase()} `, password: ada.password },
    );
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(ada.id);

    const me = await ada.client.get<UserBody>('/users/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: ada.id, email: ada.email, name: 'Ada', role: 'user' });

    const patched = await ada.client.request<UserBody>('PATCH', '/users/me', {
      body: {
        headline: 'Engineer',
        birthDate: '1990-05-01',
        interests: ['ai', 'chess'],
        location: { lat: 48.8566, lng: 2.3522, city: 'Paris' },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.profile).toMatchObject({ headline: 'Engineer', birthDate: '1990-05-01' });

    const other = await signUp('Bob');
    const publicProfile = await other.client.get<Record<string, unknown>>(`/users/${ada.id}`);
    expect(publicProfile.status).toBe(200);
    expect(publicProfile.body).toMatchObject({ id: ada.id, headline: 'Engineer', city: 'Paris' });
    const text = JSON.stringify(publicProfile.body);
    expect(text).not.toContain(ada.email);
    expect(text).not.toContain('1990-05-01');
    expect(text).not.toContain('48.8566');
    expect(publicProfile.body).not.toHaveProperty('email');
    expect(publicProfile.body).not.toHaveProperty('birthDate');
    expect(publicProfile.body).not.toHaveProperty('location');
  });

  it('gives the admin role to the emails in ADMIN_EMAILS', async () => {
    const client = new ApiClient();
    let response = await client.post<{ user: UserBody }>('/auth/signup', {
      email: ADMIN_EMAIL,
      password: 'admin-password-1',
      name: 'Admin',
    });
    if (response.status === 409) {
      response = await client.post('/auth/login', {
        email: ADMIN_EMAIL,
        password: 'admin-password-1',
      });
    }
    expect(response.body.user.role).toBe('admin');
  });

  it('refuses a second account for the same email, however it is written', async () => {
    const ada = await signUp('Ada');
    const again = await new ApiClient().post<Problem>('/auth/signup', {
      email: ` ${ada.email.toUpperCase()}`,
      password: 'another-password',
      name: 'Ada 2',
    });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(again.body.code).toBe('AUTH.EMAIL_TAKEN');
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const ada = await signUp('Ada');
    const client = new ApiClient();
    const wrong = await client.post<Problem>('/auth/login', {
      email: ada.email,
      password: 'not-the-password',
    });
    const unknown = await client.post<Problem>('/auth/login', {
      email: uniqueEmail('nobody'),
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.body.code).toBe(unknown.body.code);
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
    const first = await client.post<{ accessToken: string; refreshToken: string }>(
      '/auth/refresh',
      { refreshToken: ada.refreshToken },
    );
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(ada.refreshToken);
    const me = await client.request('GET', '/users/me', { token: first.body.accessToken });
    expect(me.status).toBe(200);

    const reused = await client.post<Problem>('/auth/refresh', { refreshToken: ada.refreshToken });
    expect(reused.status).toBe(401);
    // The reuse revoked the whole family, including the token issued by the rotation.
    const afterReuse = await client.post<Problem>('/auth/refresh', {
      refreshToken: first.body.refreshToken,
    });
    expect(afterReuse.status).toBe(401);
  });

  it('refuses missing, expired, tampered and foreign tokens with 401', async () => {
    const ada = await signUp('Ada');
    const client = new ApiClient();
    const missing = await client.request<Problem>('GET', '/users/me');
    expect(missing.status).toBe(401);
    expect(missing.body.traceId).toMatch(/^[\da-f]{32}$/);

    const expired = await signWithSuiteKey(
      { sub: ada.id, role: 'user' },
      new Date(Date.now() - 60_000),
    );
    expect((await client.request('GET', '/users/me', { token: expired })).status).toBe(401);
    expect((await client.request('GET', '/users/me', { token: tampered(ada.token) })).status).toBe(
      401,
    );
    expect((await client.request('GET', '/users/me', { token: 'not.a.jwt' })).status).toBe(401);
    const valid = await signWithSuiteKey(
      { sub: ada.id, role: 'user' },
      new Date(Date.now() + 60_000),
    );
    expect((await client.request('GET', '/users/me', { token: valid })).status).toBe(200);
  });

  it('limits signup, login and refresh attempts per client IP with 429 and Retry-After', async () => {
    const client = new ApiClient();
    const attempt = () =>
      client.post<Problem>('/auth/login', { email: uniqueEmail(), password: 'wrong-password' });
    for (let i = 0; i < 30; i++) {
      const answer = await attempt();
      expect(answer.status).toBe(401);
    }
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('COMMON.RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not affected.
    const other = await new ApiClient().post('/auth/login', {
      email: uniqueEmail(),
      password: 'wrong-password',
    });
    expect(other.status).toBe(401);
  });

  it('locks an email after too many failed logins, even for the right password', async () => {
    const ada = await signUp('Ada');
    for (let i = 0; i < 10; i++) {
      const failed = await new ApiClient().post('/auth/login', {
        email: ada.email,
        password: `wrong-${i}`,
      });
      expect(failed.status).toBe(401);
    }
    const locked = await new ApiClient().post<Problem>('/auth/login', {
      email: ada.email,
      password: ada.password,
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it("keeps each person's private data to themselves", async () => {
    const ada = await signUp('Ada');
    const bob = await signUp('Bob');
    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 90_000_000).toISOString();
    const slot = await bob.client.post<{ id: string }>('/users/me/timeslots', { startsAt, endsAt });
    expect(slot.status).toBe(201);

    expect((await ada.client.request('DELETE', `/users/me/timeslots/${slot.body.id}`)).status).toBe(
      404,
    );
    const bobSlots = await bob.client.get<{ items: { id: string }[] }>('/users/me/timeslots');
    expect(bobSlots.body.items.map((s) => s.id)).toContain(slot.body.id);
    const adaSlots = await ada.client.get<{ items: unknown[] }>('/users/me/timeslots');
    expect(adaSlots.body.items).toEqual([]);

    // Ada cannot accept a request that Bob never received from her, nor act as Bob.
    expect((await ada.client.post(`/users/me/connections/${bob.id}/accept`)).status).toBe(404);
    const forged = await ada.client.request('GET', '/users/me', {
      headers: { 'x-user-id': bob.id },
    });
    expect((forged.body as unknown as UserBody).id).toBe(ada.id);
  });

  it('forgets a deleted person: login fails at once and old tokens stop working within 5 s', async () => {
    const ada = await signUp('Ada');
    const oldToken = ada.token;
    expect((await ada.client.request('DELETE', '/users/me')).status).toBe(204);
    const login = await new ApiClient().post('/auth/login', {
      email: ada.email,
      password: ada.password,
    });
    expect(login.status).toBe(401);
    const refused = await waitFor(
      async () => {
        const response = await new ApiClient().request('GET', '/matching/discover', {
          token: oldToken,
        });
        return response.status === 401 ? response : undefined;
      },
      { timeoutMs: 5_000, intervalMs: 100, message: 'the old token to be refused' },
    );
    expect(refused.status).toBe(401);
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
      const response = await ada.client.request('PATCH', '/users/me', { body: { headline } });
      expect(response.status).toBe(200);
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
