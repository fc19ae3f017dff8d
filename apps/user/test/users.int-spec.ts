import type { Envelope, UserStateData } from '@rendezvous/contracts';
import { COMMON_ERRORS, TOPICS } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import { collectMessages, testKafka, waitFor } from '@rendezvous/testing';
import type { UserTestApp } from './user-test-app';
import { startUserApp } from './user-test-app';

interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

const adultBirthDate = `${new Date().getUTCFullYear() - 30}-02-14`;

describe('user service: profiles and preferences', () => {
  let t: UserTestApp;
  let updates: KafkaCollector;

  beforeAll(async () => {
    t = await startUserApp();
    updates = await collectMessages(testKafka(), [TOPICS.USER_CREATED, TOPICS.USER_UPDATED]);
  });

  afterAll(async () => {
    await updates.stop();
    await t.close();
  });

  it('patches name and profile fields; null clears an optional field', async () => {
    const { accessToken } = await t.signup();
    const patched = await t.request<{ name: string; profile: Record<string, unknown> }>(
      'PATCH',
      '/users/me',
      {
        token: accessToken,
        body: {
          name: 'Grace Hopper',
          headline: 'Rear admiral',
          bio: 'Compilers.',
          birthDate: adultBirthDate,
          industry: 'Software',
          jobLevel: 'executive',
          company: 'US Navy',
          companySize: 'enterprise',
          interests: ['cobol', 'teaching'],
          skills: ['compilers'],
          languages: ['en', 'de'],
          location: { lat: 38.9, lng: -77.03, city: 'Washington' },
        },
      },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.name).toBe('Grace Hopper');
    expect(patched.body.profile).toMatchObject({
      headline: 'Rear admiral',
      birthDate: adultBirthDate,
      languages: ['en', 'de'],
      location: { lat: 38.9, lng: -77.03, city: 'Washington' },
    });

    const cleared = await t.request<{ profile: Record<string, unknown> }>('PATCH', '/users/me', {
      token: accessToken,
      body: { bio: null, interests: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.profile).toMatchObject({
      bio: null,
      interests: [],
      headline: 'Rear admiral',
    });
  });

  it('rejects bad profile values with one error per field', async () => {
    const { accessToken } = await t.signup();
    const tooYoung = `${new Date().getUTCFullYear() - 10}-01-01`;
    const response = await t.request<Problem>('PATCH', '/users/me', {
      token: accessToken,
      body: {
        name: null,
        headline: 'x'.repeat(141),
        birthDate: tooYoung,
        jobLevel: 'intern',
        interests: Array.from({ length: 21 }, (_, i) => `i${i}`),
        languages: ['english'],
        location: { lat: 91, lng: 0 },
        favouriteColour: 'blue',
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(COMMON_ERRORS.VALIDATION_FAILED);
    expect(response.body.errors?.map((e) => e.path).sort()).toEqual(
      [
        'birthDate',
        'favouriteColour',
        'headline',
        'interests',
        'jobLevel',
        'languages',
        'location',
        'name',
      ].sort(),
    );
    const impossible = await t.request<Problem>('PATCH', '/users/me', {
      token: accessToken,
      body: { birthDate: '1990-02-30' },
    });
    expect(impossible.status).toBe(400);
  });

  it('shows only the public profile of someone else', async () => {
    const owner = await t.signup();
    const viewer = await t.signup();
    await t.request('PATCH', '/users/me', {
      token: owner.accessToken,
      body: {
        headline: 'Hi',
        birthDate: adultBirthDate,
        location: { lat: 48.85, lng: 2.35, city: 'Paris' },
      },
    });
    const response = await t.request('GET', `/users/${owner.user.id}`, {
      token: viewer.accessToken,
    });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(
      [
        'bio',
        'city',
        'company',
        'headline',
        'id',
        'industry',
        'interests',
        'jobLevel',
        'languages',
        'name',
        'skills',
      ].sort(),
    );
    expect(response.body['city']).toBe('Paris');
    expect(JSON.stringify(response.body)).not.toContain(owner.user.email);

    const bad = await t.request('GET', '/users/not-a-uuid', { token: viewer.accessToken });
    expect(bad.status).toBe(400);
    const unknown = await t.request('GET', '/users/6f1c1f0e-1111-4222-8333-444455556666', {
      token: viewer.accessToken,
    });
    expect(unknown.status).toBe(404);
  });

  it('replaces preferences with defaults for omitted fields and normalised weights', async () => {
    const { accessToken } = await t.signup();
    const response = await t.request<{ preferences: Record<string, unknown> }>(
      'PUT',
      '/users/me/preferences',
      {
        token: accessToken,
        body: { ageMin: 25, meetingTypes: ['coffee'], weights: { interests: 3, location: 1 } },
      },
    );
    expect(response.status).toBe(200);
    expect(response.body.preferences).toEqual({
      ageMin: 25,
      ageMax: 100,
      distanceKm: 50,
      industries: [],
      jobLevels: [],
      companySizes: [],
      interests: [],
      networkingGoals: [],
      meetingTypes: ['coffee'],
      languages: [],
      excludeColleagues: false,
      weights: { profile: 0, interests: 0.75, location: 0.25, industry: 0, activity: 0 },
    });
    const replaced = await t.request<{ preferences: Record<string, unknown> }>(
      'PUT',
      '/users/me/preferences',
      { token: accessToken, body: { distanceKm: 10 } },
    );
    expect(replaced.body.preferences).toMatchObject({ ageMin: 18, distanceKm: 10, weights: null });
  });

  it('rejects ageMin above ageMax and bad weights, naming the fields', async () => {
    const { accessToken } = await t.signup();
    const response = await t.request<Problem>('PUT', '/users/me/preferences', {
      token: accessToken,
      body: {
        ageMin: 40,
        ageMax: 30,
        weights: { profile: 0, interests: 0 },
        networkingGoals: ['x'],
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.path).sort()).toEqual([
      'ageMin',
      'networkingGoals',
      'weights',
    ]);
    const unknownKey = await t.request<Problem>('PUT', '/users/me/preferences', {
      token: accessToken,
      body: { weights: { looks: 5 } },
    });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.body.errors?.[0]?.path).toBe('weights');
  });

  it('publishes user.created then user.updated with rising aggregateVersion and no email', async () => {
    const { user, accessToken } = await t.signup();
    await t.request('PATCH', '/users/me', { token: accessToken, body: { headline: 'one' } });
    await t.request('PATCH', '/users/me', { token: accessToken, body: { headline: 'two' } });
    await t.request('PUT', '/users/me/preferences', { token: accessToken, body: { ageMin: 30 } });
    const events = await waitFor(
      () => {
        const mine = updates.messages
          .map((m) => m.json as Envelope<UserStateData>)
          .filter((e) => e.aggregateId === user.id)
          // created and updated are separate topics: arrival order across them is not publication order
          .sort((a, b) => a.aggregateVersion - b.aggregateVersion);
        return mine.length >= 4 ? mine : undefined;
      },
      { message: 'four events of the user' },
    );
    expect(events.map((e) => e.type)).toEqual([
      TOPICS.USER_CREATED,
      TOPICS.USER_UPDATED,
      TOPICS.USER_UPDATED,
      TOPICS.USER_UPDATED,
    ]);
    expect(events.map((e) => e.aggregateVersion)).toEqual([1, 2, 3, 4]);
    expect(events[3].data.preferences.ageMin).toBe(30);
    expect(events[2].data.profile.headline).toBe('two');
    expect(JSON.stringify(events)).not.toContain(user.email);
    expect(JSON.stringify(events)).not.toContain('argon2');
  });
});
