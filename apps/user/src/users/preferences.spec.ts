import { ageRangeProblem, normaliseWeights, preferencesFrom, weightsProblem } from './preferences';

describe(normaliseWeights.name, () => {
  it('scales the given weights to sum 1, missing factors weighing 0', () => {
    expect(normaliseWeights({ interests: 3, location: 1 })).toEqual({
      profile: 0,
      interests: 0.75,
      location: 0.25,
      industry: 0,
      activity: 0,
    });
  });

  it('keeps equal weights equal', () => {
    const weights = normaliseWeights({
      profile: 10,
      interests: 10,
      location: 10,
      industry: 10,
      activity: 10,
    });
    expect(Object.values(weights)).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
  });

  it('refuses all-zero weights', () => {
    expect(() => normaliseWeights({ profile: 0 })).toThrow();
  });
});

describe(weightsProblem.name, () => {
  it('accepts known keys within 0..10, not all zero', () => {
    expect(weightsProblem({ profile: 0, activity: 10 })).toBeNull();
  });

  it('names unknown keys, out-of-range values and all-zero sets', () => {
    expect(weightsProblem({ looks: 1 })).toContain('looks');
    expect(weightsProblem({ profile: 11 })).toContain('profile');
    expect(weightsProblem({ profile: -1 })).toContain('profile');
    expect(weightsProblem({ profile: '1' })).toContain('profile');
    expect(weightsProblem({ profile: 0, interests: 0 })).toContain('zero');
    expect(weightsProblem({})).toContain('zero');
    expect(weightsProblem([1])).toContain('object');
  });
});

describe(ageRangeProblem.name, () => {
  it('compares with the default when one side is omitted', () => {
    expect(ageRangeProblem(30, 40)).toBeNull();
    expect(ageRangeProblem(40, 30)).not.toBeNull();
    expect(ageRangeProblem(30, undefined)).toBeNull();
    expect(ageRangeProblem(undefined, 18)).toBeNull();
    expect(ageRangeProblem(30, 30)).toBeNull();
  });
});

describe(preferencesFrom.name, () => {
  it('fills omitted fields with defaults and normalises weights', () => {
    expect(preferencesFrom({ ageMax: 40, weights: { profile: 2, interests: 2 } })).toMatchObject({
      ageMin: 18,
      ageMax: 40,
      distanceKm: 50,
      excludeColleagues: false,
      weights: { profile: 0.5, interests: 0.5, location: 0, industry: 0, activity: 0 },
    });
    expect(preferencesFrom({}).weights).toBeNull();
  });
});
