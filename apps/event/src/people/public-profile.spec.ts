import type { UserStateData } from '@rendezvous/contracts';
import { publicProfileOf } from './public-profile';

describe(publicProfileOf.name, () => {
  it('keeps the public fields and the city, never the birth date or coordinates', () => {
    const state: UserStateData = {
      userId: '6f1c1a7e-1f0e-4d0a-8a57-1c2b3d4e5f60',
      name: 'Ada',
      role: 'user',
      profile: {
        bio: 'Engines',
        headline: 'Mathematician',
        birthDate: '1990-12-10',
        industry: 'Computing',
        jobLevel: 'lead',
        company: 'Analytical',
        companySize: 'small',
        interests: ['math'],
        skills: ['notes'],
        languages: ['en'],
        location: { lat: 51.5, lng: -0.12, city: 'London' },
      },
      preferences: {
        ageMin: 18,
        ageMax: 100,
        distanceKm: 50,
        industries: [],
        jobLevels: [],
        companySizes: [],
        interests: [],
        networkingGoals: [],
        meetingTypes: [],
        languages: [],
        excludeColleagues: false,
        weights: null,
      },
      lastActiveAt: null,
      createdAt: '2030-01-01T00:00:00.000Z',
    };
    const profile = publicProfileOf(state);
    expect(profile).toEqual({
      id: state.userId,
      name: 'Ada',
      headline: 'Mathematician',
      bio: 'Engines',
      industry: 'Computing',
      jobLevel: 'lead',
      company: 'Analytical',
      interests: ['math'],
      skills: ['notes'],
      languages: ['en'],
      city: 'London',
    });
    expect(JSON.stringify(profile)).not.toMatch(/1990|51\.5/);
  });
});
