import { randomUUID } from 'node:crypto';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ResponseValidator } from '@rendezvous/testing';
import { EXPORT_PART_KEYS, TOPICS } from '@rendezvous/contracts';
import {
  anEnvelope,
  apiOperations,
  bodyExamples,
  openApiResponseValidator,
  undocumentedAnswers,
  uniqueName,
} from '@rendezvous/testing';
import { PASSWORD, login } from './moderation-people';
import type { AuthResponse, TestResponse, UserTestApp } from './user-test-app';
import { startUserApp } from './user-test-app';

const API = '/api/v1';

describe('user service OpenAPI document', () => {
  const bossEmail = `${uniqueName('boss')}@example.com`;
  let t: UserTestApp;
  let document: OpenAPIObject;
  let check: ResponseValidator;
  let admin: AuthResponse;

  beforeAll(async () => {
    t = await startUserApp({ ADMIN_EMAILS: bossEmail });
    const served = await t.app.inject({ method: 'GET', url: '/docs-json' });
    document = JSON.parse(served.body) as OpenAPIObject;
    // Closed: a field a route returns that the document does not list fails too.
    check = openApiResponseValidator(document, { closed: true });
    admin = await t.signup({ email: bossEmail, password: PASSWORD });
  });

  afterAll(() => t.close());

  const conforms = (method: string, path: string, response: TestResponse<unknown>) =>
    expect(check(method, `${API}${path}`, response)).toEqual([]);

  /** The one example of the JSON body of `method path`. */
  const example = (method: string, path: string): Record<string, unknown> => {
    const examples = bodyExamples(document, method, `${API}${path}`);
    expect({ path, examples: examples.length }).toEqual({ path, examples: 1 });
    return examples[0] as Record<string, unknown>;
  };

  it('is a valid OpenAPI document', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('documents every operation’s success answer with its schema, or 204 without a body', () => {
    expect(apiOperations(document)).toHaveLength(33);
    expect(undocumentedAnswers(document)).toEqual([]);
  });

  it('shows valid requests as the body examples', async () => {
    const signedUp = await t.request<AuthResponse>('POST', '/auth/signup', {
      body: example('post', '/auth/signup'),
    });
    expect(signedUp.status).toBe(201);
    const loggedIn = await t.request('POST', '/auth/login', {
      body: example('post', '/auth/login'),
    });
    expect(loggedIn.status).toBe(200);
    const token = signedUp.body.accessToken;
    for (const [method, path, status] of [
      ['PATCH', '/users/me', 200],
      ['PUT', '/users/me/preferences', 200],
      ['POST', '/users/me/timeslots', 201],
      // The examples name nobody who exists here, or a token never issued: valid, not found.
      ['POST', '/users/me/connections', 404],
      ['POST', '/users/me/blocks', 404],
      ['POST', '/reports', 404],
      ['POST', '/auth/refresh', 401],
      ['POST', '/auth/logout', 204],
    ] as const) {
      const response = await t.request(method, path, { token, body: example(method, path) });
      expect({ method, path, status: response.status }).toEqual({ method, path, status });
    }

    const staff = (path: string, id: string) =>
      t.request('POST', path.replace('{id}', id), {
        token: admin.accessToken,
        body: example('post', path),
      });
    const subject = (await t.signup()).user.id;
    expect((await staff('/admin/users/{id}/suspend', subject)).status).toBe(200);
    expect((await staff('/admin/users/{id}/ban', subject)).status).toBe(200);
    expect((await staff('/admin/users/{id}/reinstate', subject)).status).toBe(200);
    const role = await t.request('PUT', `/admin/users/${subject}/role`, {
      token: admin.accessToken,
      body: example('put', '/admin/users/{id}/role'),
    });
    expect(role.status).toBe(200);
    const reporter = await t.signup();
    const reported = await t.signup();
    const report = await t.request('POST', '/reports', {
      token: reporter.accessToken,
      body: { subjectUserId: reported.user.id, reason: 'spam' },
    });
    expect((await staff('/admin/reports/{id}/decision', String(report.body['id']))).status).toBe(
      200,
    );
  });

  it('describes the real answers of identity and profiles, nullable fields included', async () => {
    const email = `${uniqueName('ada')}@example.com`;
    const signup = await t.request<AuthResponse>('POST', '/auth/signup', {
      body: { email, password: PASSWORD, name: 'Ada' },
    });
    conforms('post', '/auth/signup', signup);
    conforms(
      'post',
      '/auth/login',
      await t.request('POST', '/auth/login', {
        body: { email, password: PASSWORD },
      }),
    );
    conforms(
      'post',
      '/auth/login',
      await t.request('POST', '/auth/login', {
        body: { email, password: 'not the password' },
      }),
    );
    const refreshed = await t.request<AuthResponse>('POST', '/auth/refresh', {
      body: { refreshToken: signup.body.refreshToken },
    });
    conforms('post', '/auth/refresh', refreshed);
    const token = refreshed.body.accessToken;
    conforms('get', '/.well-known/jwks.json', await t.request('GET', '/.well-known/jwks.json'));

    const filled = await t.request('PATCH', '/users/me', {
      token,
      body: example('patch', '/users/me'),
    });
    conforms('patch', '/users/me', filled);
    const cleared = await t.request('PATCH', '/users/me', {
      token,
      body: {
        bio: null,
        headline: null,
        birthDate: null,
        industry: null,
        jobLevel: null,
        company: null,
        companySize: null,
        interests: null,
        skills: null,
        languages: null,
        location: null,
      },
    });
    conforms('patch', '/users/me', cleared);
    const me = await t.request('GET', '/users/me', { token });
    expect(me.body['profile']).toMatchObject({ bio: null, birthDate: null, location: null });
    conforms('get', '/users/me', me);
    const { location: _left, ...cityOnly } = me.body['profile'] as Record<string, unknown>;
    const drifted = { ...me.body, profile: { ...cityOnly, city: 'Paris' } };
    expect(check('get', `${API}/users/me`, { ...me, text: JSON.stringify(drifted) })).toEqual([
      `GET ${API}/users/me → 200: /profile must have required property 'location'`,
      `GET ${API}/users/me → 200: /profile must NOT have additional properties`,
    ]);
    const cityless = await t.request('PATCH', '/users/me', {
      token,
      body: { location: { lat: 48.85, lng: 2.35 } },
    });
    conforms('patch', '/users/me', cityless);

    const weighted = await t.request('PUT', '/users/me/preferences', {
      token,
      body: example('put', '/users/me/preferences'),
    });
    conforms('put', '/users/me/preferences', weighted);
    const defaults = await t.request('PUT', '/users/me/preferences', { token, body: {} });
    expect(defaults.body['preferences']).toMatchObject({ weights: null });
    conforms('put', '/users/me/preferences', defaults);

    const other = await t.signup();
    const profile = await t.request('GET', `/users/${other.user.id}`, { token });
    conforms('get', '/users/{id}', profile);
    conforms('get', '/users/{id}', await t.request('GET', `/users/${randomUUID()}`, { token }));
    conforms(
      'post',
      '/auth/logout',
      await t.request('POST', '/auth/logout', {
        token,
        body: { refreshToken: refreshed.body.refreshToken },
      }),
    );
    conforms(
      'delete',
      '/users/me',
      await t.request('DELETE', '/users/me', {
        token: other.accessToken,
      }),
    );
  });

  it('describes the real answers of timeslots, connections and blocks', async () => {
    const [ann, bob] = [await t.signup(), await t.signup()];
    const slot = await t.request('POST', '/users/me/timeslots', {
      token: ann.accessToken,
      body: example('post', '/users/me/timeslots'),
    });
    conforms('post', '/users/me/timeslots', slot);
    conforms(
      'get',
      '/users/me/timeslots',
      await t.request('GET', '/users/me/timeslots', {
        token: ann.accessToken,
      }),
    );
    const slotPath = `/users/me/timeslots/${String(slot.body['id'])}`;
    conforms(
      'delete',
      '/users/me/timeslots/{id}',
      await t.request('DELETE', slotPath, {
        token: ann.accessToken,
      }),
    );
    conforms(
      'delete',
      '/users/me/timeslots/{id}',
      await t.request('DELETE', slotPath, {
        token: ann.accessToken,
      }),
    );

    conforms(
      'post',
      '/users/me/connections',
      await t.request('POST', '/users/me/connections', {
        token: ann.accessToken,
        body: { userId: bob.user.id },
      }),
    );
    conforms(
      'post',
      '/users/me/connections/{userId}/accept',
      await t.request('POST', `/users/me/connections/${ann.user.id}/accept`, {
        token: bob.accessToken,
      }),
    );
    const connections = await t.request('GET', '/users/me/connections', { token: bob.accessToken });
    expect(connections.body['items']).toEqual([
      expect.objectContaining({ userId: ann.user.id, direction: 'incoming' }),
    ]);
    conforms('get', '/users/me/connections', connections);
    conforms(
      'delete',
      '/users/me/connections/{userId}',
      await t.request('DELETE', `/users/me/connections/${ann.user.id}`, { token: bob.accessToken }),
    );

    conforms(
      'post',
      '/users/me/blocks',
      await t.request('POST', '/users/me/blocks', {
        token: ann.accessToken,
        body: { userId: bob.user.id },
      }),
    );
    conforms(
      'get',
      '/users/me/blocks',
      await t.request('GET', '/users/me/blocks', {
        token: ann.accessToken,
      }),
    );
    conforms(
      'delete',
      '/users/me/blocks/{userId}',
      await t.request('DELETE', `/users/me/blocks/${bob.user.id}`, { token: ann.accessToken }),
    );
  });

  it('describes the real answers of reports and moderation', async () => {
    const [reporter, subject] = [await t.signup(), await t.signup()];
    const filed = await t.request('POST', '/reports', {
      token: reporter.accessToken,
      body: {
        subjectUserId: subject.user.id,
        reason: 'harassment',
        details: 'Kept messaging me',
        context: { type: 'profile' },
      },
    });
    conforms('post', '/reports', filed);
    conforms(
      'post',
      '/reports',
      await t.request('POST', '/reports', {
        token: reporter.accessToken,
        body: { subjectUserId: subject.user.id, reason: 'spam' },
      }),
    );
    conforms(
      'get',
      '/reports/mine',
      await t.request('GET', '/reports/mine', {
        token: reporter.accessToken,
      }),
    );
    const bare = await t.signup();
    conforms(
      'post',
      '/reports',
      await t.request('POST', '/reports', {
        token: reporter.accessToken,
        body: { subjectUserId: bare.user.id, reason: 'other', block: false },
      }),
    );

    const queue = await t.request<{ items: unknown[] }>('GET', '/admin/reports?limit=100', {
      token: admin.accessToken,
    });
    expect(queue.body.items.length).toBeGreaterThanOrEqual(2);
    conforms('get', '/admin/reports', queue);
    conforms(
      'get',
      '/admin/reports',
      await t.request('GET', '/admin/reports', {
        token: reporter.accessToken,
      }),
    );
    const decided = await t.request('POST', `/admin/reports/${String(filed.body['id'])}/decision`, {
      token: admin.accessToken,
      body: { action: 'warn', note: 'first warning' },
    });
    expect(decided.body).toMatchObject({ status: 'actioned', action: 'warn' });
    conforms('post', '/admin/reports/{id}/decision', decided);
    conforms(
      'post',
      '/admin/reports/{id}/decision',
      await t.request('POST', `/admin/reports/${String(filed.body['id'])}/decision`, {
        token: admin.accessToken,
        body: { action: 'dismiss', note: 'again' },
      }),
    );

    const suspended = await t.request('POST', `/admin/users/${subject.user.id}/suspend`, {
      token: admin.accessToken,
      body: { durationHours: 2, note: 'cooling off' },
    });
    expect(suspended.body).toMatchObject({ status: 'suspended' });
    conforms('post', '/admin/users/{id}/suspend', suspended);
    const refused = await t.request('POST', '/auth/login', {
      body: { email: subject.user.email, password: PASSWORD },
    });
    expect(refused.body).toMatchObject({
      code: 'AUTH.ACCOUNT_SUSPENDED',
      accountStatus: 'suspended',
    });
    conforms('post', '/auth/login', refused);
    conforms(
      'post',
      '/auth/refresh',
      await t.request('POST', '/auth/refresh', {
        body: { refreshToken: subject.refreshToken },
      }),
    );
    conforms(
      'get',
      '/admin/users',
      await t.request('GET', '/admin/users?status=suspended', {
        token: admin.accessToken,
      }),
    );
    const detail = await t.request('GET', `/admin/users/${subject.user.id}`, {
      token: admin.accessToken,
    });
    expect(detail.body['history']).not.toEqual([]);
    conforms('get', '/admin/users/{id}', detail);
    conforms(
      'post',
      '/admin/users/{id}/reinstate',
      await t.request('POST', `/admin/users/${subject.user.id}/reinstate`, {
        token: admin.accessToken,
        body: { note: 'served' },
      }),
    );
    conforms(
      'post',
      '/admin/users/{id}/reinstate',
      await t.request('POST', `/admin/users/${subject.user.id}/reinstate`, {
        token: admin.accessToken,
        body: { note: 'twice' },
      }),
    );
    conforms(
      'put',
      '/admin/users/{id}/role',
      await t.request('PUT', `/admin/users/${subject.user.id}/role`, {
        token: admin.accessToken,
        body: { role: 'moderator', note: 'trusted' },
      }),
    );
    const moderator = await login(t, subject.user.email);
    conforms(
      'post',
      '/admin/users/{id}/ban',
      await t.request('POST', `/admin/users/${bare.user.id}/ban`, {
        token: moderator.accessToken,
        body: { note: 'not theirs to ban' },
      }),
    );
    conforms(
      'post',
      '/admin/users/{id}/ban',
      await t.request('POST', `/admin/users/${bare.user.id}/ban`, {
        token: admin.accessToken,
        body: { note: 'scam ring' },
      }),
    );
    conforms(
      'get',
      '/admin/users/{id}',
      await t.request('GET', `/admin/users/${randomUUID()}`, {
        token: moderator.accessToken,
      }),
    );
    const audit = await t.request<{ items: unknown[] }>('GET', '/admin/audit?limit=100', {
      token: admin.accessToken,
    });
    expect(audit.body.items.length).toBeGreaterThan(3);
    conforms('get', '/admin/audit', audit);
    conforms(
      'get',
      '/admin/audit',
      await t.request('GET', '/admin/audit', {
        token: moderator.accessToken,
      }),
    );
  });

  it('describes the real answers of personal-data exports, pending and ready', async () => {
    const { accessToken: token, user } = await t.signup();
    const pending = await t.request<{ id: string }>('POST', '/users/me/exports', { token });
    expect(pending.status).toBe(202);
    conforms('post', '/users/me/exports', pending);
    conforms('post', '/users/me/exports', await t.request('POST', '/users/me/exports', { token }));
    conforms(
      'get',
      '/users/me/exports/{id}',
      await t.request('GET', `/users/me/exports/${pending.body.id}`, { token }),
    );
    for (const service of EXPORT_PART_KEYS) {
      await t.deliver(
        anEnvelope(
          TOPICS.EXPORT_PART,
          { exportId: pending.body.id, userId: user.id, service, part: { items: [] } },
          { aggregateId: pending.body.id },
        ),
      );
    }
    const ready = await t.request<{ status: string }>(
      'GET',
      `/users/me/exports/${pending.body.id}`,
      {
        token,
      },
    );
    expect(ready.body.status).toBe('ready');
    conforms('get', '/users/me/exports/{id}', ready);
    conforms(
      'get',
      '/users/me/exports/{id}',
      await t.request('GET', `/users/me/exports/${randomUUID()}`, { token }),
    );
  });
});
