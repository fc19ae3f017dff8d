import { COMMON_ERRORS } from '@rendezvous/contracts';
import { uniqueName } from '@rendezvous/testing';
import type { UserTestApp } from './user-test-app';
import { startUserApp } from './user-test-app';

interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

describe('user service: objectionable text', () => {
  let t: UserTestApp;

  beforeAll(async () => {
    t = await startUserApp({ MODERATION_TEXT_ALLOWLIST: 'Fu Manchu, mishit' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses a signup whose name is objectionable, naming the field', async () => {
    const response = await t.request<Problem>('POST', '/auth/signup', {
      body: {
        email: `${uniqueName('person')}@example.com`,
        password: 'correct horse battery',
        name: 'Fuuuck You',
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(COMMON_ERRORS.OBJECTIONABLE_TEXT);
    expect(response.body.errors).toEqual([
      { path: 'name', message: 'name must not contain objectionable language' },
    ]);
  });

  it('signs up ordinary names that contain a bad word', async () => {
    const { user } = await t.signup({ name: 'Dick Cockburn' });
    expect(user.name).toBe('Dick Cockburn');
  });

  it('refuses an objectionable bio, headline or name and keeps the profile as it was', async () => {
    const { accessToken } = await t.signup();
    for (const [field, text] of [
      ['bio', 'sh1t'],
      ['headline', 'ʃṳ𝒸𝗄 this'],
      ['name', 'a$$hole'],
    ]) {
      const response = await t.request<Problem>('PATCH', '/users/me', {
        token: accessToken,
        body: { [field]: text },
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(COMMON_ERRORS.OBJECTIONABLE_TEXT);
      expect(response.body.errors).toEqual([
        { path: field, message: `${field} must not contain objectionable language` },
      ]);
    }
    const me = await t.request<{ name: string; profile: Record<string, unknown> }>(
      'GET',
      '/users/me',
      { token: accessToken },
    );
    expect(me.body.name).toBe('Test Person');
    expect(me.body.profile).toMatchObject({ bio: null, headline: null });
  });

  it('keeps COMMON.VALIDATION_FAILED, naming every field, when other fields are bad too', async () => {
    const { accessToken } = await t.signup();
    const response = await t.request<Problem>('PATCH', '/users/me', {
      token: accessToken,
      body: { bio: 'shit', jobLevel: 'emperor' },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(COMMON_ERRORS.VALIDATION_FAILED);
    expect(response.body.errors?.map((error) => error.path).sort()).toEqual(['bio', 'jobLevel']);
  });

  it('stores clean text, and text the configured allowlist lets through', async () => {
    const { accessToken } = await t.signup();
    const response = await t.request<{ name: string; profile: Record<string, unknown> }>(
      'PATCH',
      '/users/me',
      {
        token: accessToken,
        body: {
          name: 'Fu Manchu',
          headline: 'Chef in Scunthorpe',
          bio: 'Shiitake risotto, a classic from Essex. One mishit on the golf course.',
        },
      },
    );
    expect(response.status).toBe(200);
    expect(response.body.name).toBe('Fu Manchu');
    expect(response.body.profile).toMatchObject({ headline: 'Chef in Scunthorpe' });
  });
});
