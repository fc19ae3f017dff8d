import { aProfile, PARIS } from '../../test/a-profile';
import { compatibility } from '../discovery/compatibility';
import type { MatchProfile } from '../discovery/match-profile';
import type { PairInput } from './ranking-features';
import { FEATURE_NAMES, NO_SIGNALS, pairFeatures, profileCompleteness } from './ranking-features';

const now = new Date('2026-06-01T12:00:00Z');
const settings = {
  weights: { profile: 0.3, interests: 0.25, location: 0.2, industry: 0.15, activity: 0.1 },
  activityHalfLifeDays: 7,
};

function pair(viewer: MatchProfile, candidate: MatchProfile, extra: Partial<PairInput> = {}) {
  const input: PairInput = {
    viewer,
    candidate,
    viewerSignals: NO_SIGNALS,
    candidateSignals: NO_SIGNALS,
    compatibility: compatibility(viewer, candidate, settings, now),
    mutualConnections: 0,
    poolDensity: 0.5,
    activityHalfLifeDays: 7,
    now,
    ...extra,
  };
  const values = pairFeatures(input);
  return (name: string) => values[FEATURE_NAMES.indexOf(name)];
}

describe(pairFeatures.name, () => {
  const viewer = { ...aProfile().near(PARIS).in('fintech').build(), jobLevel: 'mid' };

  it('gives one value per named feature, each a finite number', () => {
    const values = pairFeatures({
      viewer,
      candidate: aProfile().build(),
      viewerSignals: NO_SIGNALS,
      candidateSignals: NO_SIGNALS,
      compatibility: compatibility(viewer, aProfile().build(), settings, now),
      mutualConnections: 0,
      poolDensity: 0,
      activityHalfLifeDays: 7,
      now,
    });
    expect(values).toHaveLength(FEATURE_NAMES.length);
    expect(values.every(Number.isFinite)).toBe(true);
  });

  it('carries the rule-based score and factors as they are', () => {
    const candidate = aProfile().near(PARIS).in('fintech').withInterests('ai').build();
    const rule = compatibility(viewer, candidate, settings, now);
    const feature = pair(viewer, candidate);
    expect(feature('rule_score')).toBe(rule.score);
    expect(feature('factor_location')).toBe(rule.factors.location);
    expect(feature('factor_industry')).toBe(rule.factors.industry);
    expect(feature('same_industry')).toBe(1);
  });

  it('marks exactly one job-level gap bucket, the candidate’s level minus the viewer’s', () => {
    const at = (jobLevel: string | null) => pair(viewer, { ...aProfile().build(), jobLevel });
    expect(at('senior')('job_level_gap_up1')).toBe(1);
    expect(at('founder')('job_level_gap_up2')).toBe(1);
    expect(at('mid')('job_level_gap_same')).toBe(1);
    expect(at('entry')('job_level_gap_down1')).toBe(1);
    expect(at(null)('job_level_gap_unknown')).toBe(1);
    const buckets = FEATURE_NAMES.filter((name) => name.startsWith('job_level_gap_'));
    expect(buckets.reduce((sum, name) => sum + at('lead')(name), 0)).toBe(1);
  });

  it('smooths rates so a newcomer sits at one half, and follows the counts as they grow', () => {
    const candidate = aProfile().build();
    expect(pair(viewer, candidate)('candidate_like_rate')).toBe(0.5);
    const liked = pair(viewer, candidate, {
      candidateSignals: { ...NO_SIGNALS, swipesReceived: 8, likesReceived: 8, likesAnswered: 2 },
    });
    expect(liked('candidate_like_rate')).toBe(0.9);
    expect(liked('candidate_response_rate')).toBe(0.3);
  });

  it('scales connection counts into 0..1, mutual ones included', () => {
    const feature = pair(viewer, aProfile().build(), {
      viewerSignals: { ...NO_SIGNALS, connections: 1000 },
      candidateSignals: { ...NO_SIGNALS, connections: 3 },
      mutualConnections: 1,
    });
    expect(feature('viewer_connections')).toBe(1);
    expect(feature('candidate_connections')).toBeGreaterThan(feature('mutual_connections'));
    expect(feature('mutual_connections')).toBeGreaterThan(0);
  });

  it('does not move when the candidate moves inside their location cell', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const featuresAt = (location: typeof PARIS) =>
      FEATURE_NAMES.map(pair(viewer, aProfile(id).near(location).build(), { poolDensity: 0.2 }));
    expect(featuresAt({ lat: PARIS.lat + 0.001, lng: PARIS.lng + 0.001 })).toEqual(
      featuresAt(PARIS),
    );
  });
});

describe(profileCompleteness.name, () => {
  it('is 0 for an empty profile and 1 for a full one', () => {
    expect(profileCompleteness(aProfile().build())).toBe(0);
    const full: MatchProfile = {
      ...aProfile()
        .near(PARIS)
        .in('fintech')
        .at('Acme')
        .withInterests('ai')
        .withSkills('go')
        .build(),
      headline: 'Builder',
      jobLevel: 'lead',
      companySize: 'small',
      birthDate: '1990-01-01',
      languages: ['en'],
      networkingGoals: ['mentorship'],
    };
    expect(profileCompleteness(full)).toBe(1);
  });
});
