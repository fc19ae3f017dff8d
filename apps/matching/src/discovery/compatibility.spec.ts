import type { MatchingWeights } from '@rendezvous/contracts';
import { locationCell } from '@rendezvous/contracts';
import { aProfile, PARIS } from '../../test/a-profile';
import {
  activityScore,
  compatibility,
  jaccard,
  locationProximity,
  mutualCompatibility,
  normaliseWeights,
  profileSimilarity,
  weightedScore,
} from './compatibility';

const DEFAULT_WEIGHTS: MatchingWeights = {
  profile: 0.3,
  interests: 0.25,
  location: 0.2,
  industry: 0.15,
  activity: 0.1,
};
const settings = { weights: DEFAULT_WEIGHTS, activityHalfLifeDays: 7 };
const now = new Date('2026-11-26T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const KM_PER_DEGREE = 111.19492664455873;
// The centre of Paris's cell: a person there is exactly where others see them.
const PARIS_CELL = locationCell(PARIS);

describe('jaccard', () => {
  it('is shared over all distinct terms', () => {
    expect(jaccard(['ai', 'go', 'chess'], ['ai', 'chess', 'jazz'])).toBeCloseTo(2 / 4, 9);
  });

  it('is 0 when nobody has interests and 1 for the same set', () => {
    expect(jaccard([], [])).toBe(0);
    expect(jaccard(['ai'], [])).toBe(0);
    expect(jaccard(['ai', 'go'], ['go', 'ai'])).toBe(1);
  });
});

describe('profileSimilarity', () => {
  const full = aProfile()
    .withSkills('typescript', 'kafka')
    .in('software')
    .with({ jobLevel: 'senior', companySize: 'startup', languages: ['en', 'fr'] })
    .with({ networkingGoals: ['mentorship'] });

  it('is 1 for identical profiles', () => {
    expect(profileSimilarity(full.build(), full.build())).toBeCloseTo(1, 9);
  });

  it('is 0 when either profile is empty', () => {
    expect(profileSimilarity(full.build(), aProfile().build())).toBe(0);
    expect(profileSimilarity(aProfile().build(), aProfile().build())).toBe(0);
  });

  it('rises with each shared group and is symmetric', () => {
    const a = aProfile().withSkills('typescript').in('software').build();
    const b = aProfile().withSkills('typescript').in('finance').build();
    const c = aProfile().withSkills('typescript').in('software').build();
    expect(profileSimilarity(a, b)).toBeCloseTo(0.5, 9);
    expect(profileSimilarity(a, c)).toBeCloseTo(1, 9);
    expect(profileSimilarity(b, a)).toBeCloseTo(profileSimilarity(a, b), 9);
  });

  it('scales each group so many skills do not drown the other groups', () => {
    const manySkills = aProfile()
      .withSkills('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j')
      .with({ jobLevel: 'lead' })
      .build();
    const sameLevel = aProfile().withSkills('z').with({ jobLevel: 'lead' }).build();
    expect(profileSimilarity(manySkills, sameLevel)).toBeCloseTo(0.5, 9);
  });
});

describe('locationProximity', () => {
  it('is 1 at the same place and 0 at the limit and beyond', () => {
    expect(locationProximity(0, 50)).toBe(1);
    expect(locationProximity(25, 50)).toBe(0.5);
    expect(locationProximity(50, 50)).toBe(0);
    expect(locationProximity(80, 50)).toBe(0);
  });

  it('is 0 when a location is unknown', () => {
    expect(locationProximity(null, 50)).toBe(0);
  });
});

describe('activityScore', () => {
  it('halves every half-life and is 0 for someone never active', () => {
    expect(activityScore(now, now, 7)).toBe(1);
    expect(activityScore(daysAgo(7), now, 7)).toBeCloseTo(0.5, 9);
    expect(activityScore(daysAgo(14), now, 7)).toBeCloseTo(0.25, 9);
    expect(activityScore(null, now, 7)).toBe(0);
  });

  it('treats a clock running ahead as active now', () => {
    expect(activityScore(new Date(now.getTime() + 60_000), now, 7)).toBe(1);
  });
});

describe('weightedScore', () => {
  const allOnes = { profile: 1, interests: 1, location: 1, industry: 1, activity: 1 };

  it('is the weighted sum, in [0, 1]', () => {
    expect(weightedScore(allOnes, DEFAULT_WEIGHTS)).toBeCloseTo(1, 9);
    expect(
      weightedScore({ ...allOnes, profile: 0, interests: 0, location: 0.5 }, DEFAULT_WEIGHTS),
    ).toBeCloseTo(0.2 * 0.5 + 0.15 + 0.1, 9);
  });

  it('normalises weights that do not sum to 1', () => {
    const doubled = normaliseWeights({
      profile: 0.6,
      interests: 0.5,
      location: 0.4,
      industry: 0.3,
      activity: 0.2,
    });
    expect(doubled.profile).toBeCloseTo(0.3, 9);
    expect(() =>
      normaliseWeights({ profile: 0, interests: 0, location: 0, industry: 0, activity: 0 }),
    ).toThrow();
  });
});

describe(compatibility.name, () => {
  it('scores identical, co-located, active profiles 1', () => {
    const person = aProfile()
      .near(PARIS_CELL)
      .withInterests('ai', 'jazz')
      .withSkills('go')
      .in('software')
      .activeAt(now);
    const result = compatibility(person.build(), person.build(), settings, now);
    expect(result.score).toBe(1);
    expect(result.factors).toEqual({
      profile: 1,
      interests: 1,
      location: 1,
      industry: 1,
      activity: 1,
    });
    expect(result.sharedInterests).toEqual(['ai', 'jazz']);
    expect(result.distanceKm).toBe(0);
  });

  it('gives sparse profiles only location and activity, so nearby active people rank first', () => {
    const viewer = aProfile().near(PARIS).build();
    const near = aProfile().near({ lat: 48.86, lng: 2.36 }).activeAt(now).build();
    const far = aProfile().near({ lat: 49.1, lng: 2.36 }).activeAt(daysAgo(30)).build();
    const nearScore = compatibility(viewer, near, settings, now);
    const farScore = compatibility(viewer, far, settings, now);
    expect(nearScore.factors.profile).toBe(0);
    expect(nearScore.factors.interests).toBe(0);
    expect(nearScore.score).toBeGreaterThan(farScore.score);
    expect(nearScore.score).toBeCloseTo(0.2 * nearScore.factors.location + 0.1, 3);
  });

  it('scores 0 for location at the opposite ends of the distance limit', () => {
    const cell = locationCell({ lat: 0, lng: 0 });
    const viewer = aProfile()
      .near({ lat: cell.lat - 100 / KM_PER_DEGREE, lng: cell.lng })
      .with({ distanceKm: 100 })
      .build();
    const atLimit = aProfile().near(cell).build();
    const result = compatibility(viewer, atLimit, settings, now);
    expect(result.distanceKm).toBeCloseTo(100, 6);
    expect(result.factors.location).toBe(0);
  });

  it("measures to the centre of the candidate's cell, so moving inside it changes nothing", () => {
    const viewer = aProfile().near(PARIS).withInterests('ai').activeAt(now).build();
    const cell = PARIS_CELL;
    const corners = [
      { lat: cell.lat - 0.00499, lng: cell.lng - 0.0075 },
      { lat: cell.lat + 0.00499, lng: cell.lng + 0.0075 },
      cell,
    ].map((at) => aProfile('same').near(at).withInterests('ai').activeAt(now).build());
    const results = corners.map((candidate) => compatibility(viewer, candidate, settings, now));
    expect(new Set(corners.map((c) => JSON.stringify(c.cell))).size).toBe(1);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0].distanceKm).toBeCloseTo(
      compatibility(viewer, aProfile().near(cell).build(), settings, now).distanceKm ?? 0,
      9,
    );
  });

  it("uses the viewer's own weights when set", () => {
    const interestsOnly = { profile: 0, interests: 1, location: 0, industry: 0, activity: 0 };
    const viewer = aProfile().withInterests('ai', 'go').weighing(interestsOnly).build();
    const candidate = aProfile().withInterests('ai').activeAt(now).build();
    expect(compatibility(viewer, candidate, settings, now).score).toBe(0.5);
  });

  it('explains the match with the shared interests and the distance', () => {
    const viewer = aProfile().near(PARIS).withInterests('ai', 'jazz').build();
    const candidate = aProfile().near({ lat: 48.88, lng: 2.38 }).withInterests('ai').build();
    const result = compatibility(viewer, candidate, settings, now);
    expect(result.sharedInterests).toEqual(['ai']);
    expect(result.distanceKm).toBeGreaterThan(2);
    expect(result.distanceKm).toBeLessThan(4);
  });
});

describe(mutualCompatibility.name, () => {
  it("averages both people's views, whatever the order", () => {
    const a = aProfile().near(PARIS_CELL).withInterests('ai').with({ distanceKm: 10 }).build();
    const b = aProfile()
      .near(locationCell({ lat: 48.9, lng: 2.35 }))
      .withInterests('ai', 'go')
      .build();
    const ab = mutualCompatibility(a, b, settings, now);
    const ba = mutualCompatibility(b, a, settings, now);
    expect(ab.score).toBeCloseTo(ba.score, 4);
    const one = compatibility(a, b, settings, now).score;
    const two = compatibility(b, a, settings, now).score;
    expect(ab.score).toBeCloseTo((one + two) / 2, 4);
  });

  it("takes both people at their cells' centres, as both are shown the score", () => {
    const a = aProfile('a').near(PARIS).withInterests('ai').with({ distanceKm: 10 });
    const b = aProfile('b').near({ lat: 48.9, lng: 2.35 }).withInterests('ai', 'go');
    const exact = mutualCompatibility(a.build(), b.build(), settings, now);
    const bCell = locationCell({ lat: 48.9, lng: 2.35 });
    const moved = mutualCompatibility(
      a.near({ lat: PARIS_CELL.lat + 0.004, lng: PARIS_CELL.lng - 0.006 }).build(),
      b.near({ lat: bCell.lat - 0.004, lng: bCell.lng + 0.006 }).build(),
      settings,
      now,
    );
    expect(moved).toEqual(exact);
    const atCentres = mutualCompatibility(
      a.near(PARIS_CELL).build(),
      b.near(bCell).build(),
      settings,
      now,
    );
    expect(atCentres).toEqual(exact);
  });
});
