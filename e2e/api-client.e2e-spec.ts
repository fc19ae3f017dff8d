import { createApiClient } from '@rendezvous/api-client';
import type { components } from '@rendezvous/api-client';
import { newClientIp, uniqueEmail } from './support/api-client';
import { GATEWAY_URL } from './support/suite-settings';

type UserProfile = components['schemas']['UserProfileView'];

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}

describe('the typed API client', () => {
  it('signs up, sets and clears nullable profile fields and reads them back through typed calls', async () => {
    const headers = { 'x-forwarded-for': newClientIp() };
    const anonymous = createApiClient(GATEWAY_URL, { headers });
    const email = uniqueEmail('typed');
    const signup = await anonymous.POST('/api/v1/auth/signup', {
      body: { email, password: 'typed-client-1', name: 'Grace' },
    });
    expect(signup.response.status).toBe(201);
    const { accessToken, user } = present(signup.data, 'signup answer');
    expect(user).toMatchObject({ email, name: 'Grace', role: 'user' });

    const client = createApiClient(GATEWAY_URL, { token: accessToken, headers });
    const patched = await client.PATCH('/api/v1/users/me', {
      body: { headline: 'Rear admiral', company: 'Navy', jobLevel: 'lead', interests: ['cobol'] },
    });
    expect(patched.response.status).toBe(200);
    const set: Partial<UserProfile> = {
      headline: 'Rear admiral',
      company: 'Navy',
      jobLevel: 'lead',
      interests: ['cobol'],
    };
    expect(present(patched.data, 'patched user').profile).toMatchObject(set);

    const cleared = await client.PATCH('/api/v1/users/me', {
      body: { headline: null, company: null, jobLevel: null, interests: null },
    });
    expect(cleared.response.status).toBe(200);

    const me = await client.GET('/api/v1/users/me');
    expect(me.response.status).toBe(200);
    const read = present(me.data, 'user');
    const headline: string | null = read.profile.headline;
    expect(headline).toBeNull();
    expect(read.profile).toMatchObject({ company: null, jobLevel: null, interests: [] });
    expect(read.id).toBe(user.id);

    const anonymousRead = await anonymous.GET('/api/v1/users/me');
    expect(anonymousRead.response.status).toBe(401);
    expect(present(anonymousRead.error, 'problem').status).toBe(401);
  });
});
