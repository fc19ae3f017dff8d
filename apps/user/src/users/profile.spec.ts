import { EMPTY_PROFILE, applyProfilePatch, birthDateProblem, locationProblem } from './profile';

describe(birthDateProblem.name, () => {
  const now = new Date('2026-06-15T12:00:00Z');

  it('accepts someone who turned 18 today or earlier', () => {
    expect(birthDateProblem('2008-06-15', now)).toBeNull();
    expect(birthDateProblem('1980-01-31', now)).toBeNull();
  });

  it('refuses someone who turns 18 tomorrow', () => {
    expect(birthDateProblem('2008-06-16', now)).toContain('18');
  });

  it('refuses dates that do not exist or are not YYYY-MM-DD', () => {
    expect(birthDateProblem('1990-02-30', now)).toContain('real');
    expect(birthDateProblem('1990-13-01', now)).toContain('real');
    expect(birthDateProblem('15/06/1990', now)).toContain('YYYY-MM-DD');
    expect(birthDateProblem(19900615, now)).toContain('YYYY-MM-DD');
  });

  it('treats a Feb 29 birthday as coming of age on Mar 1', () => {
    expect(birthDateProblem('2008-02-29', new Date('2026-02-28T23:00:00Z'))).not.toBeNull();
    expect(birthDateProblem('2008-02-29', new Date('2026-03-01T00:00:00Z'))).toBeNull();
  });
});

describe(locationProblem.name, () => {
  it('accepts coordinates in range with an optional city', () => {
    expect(locationProblem({ lat: -90, lng: 180 })).toBeNull();
    expect(locationProblem({ lat: 48.8, lng: 2.3, city: 'Paris' })).toBeNull();
  });

  it('refuses out-of-range coordinates and unknown keys', () => {
    expect(locationProblem({ lat: 90.1, lng: 0 })).toContain('lat');
    expect(locationProblem({ lat: 0, lng: -181 })).toContain('lng');
    expect(locationProblem({ lat: 0, lng: 0, altitude: 3 })).toContain('altitude');
    expect(locationProblem('Paris')).not.toBeNull();
  });
});

describe(applyProfilePatch.name, () => {
  it('keeps absent fields, sets given ones and clears nulls', () => {
    const profile = { ...EMPTY_PROFILE, bio: 'old', headline: 'kept', interests: ['go'] };
    expect(applyProfilePatch(profile, { bio: null, interests: null, company: 'Acme' })).toEqual({
      ...profile,
      bio: null,
      interests: [],
      company: 'Acme',
    });
  });
});
