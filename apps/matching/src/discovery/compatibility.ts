import type { CompatibilityFactors, MatchingWeights } from '@rendezvous/contracts';
import { WEIGHT_KEYS } from '@rendezvous/contracts';
import type { LatLng } from '@rendezvous/contracts';
import { greatCircleKm } from '@rendezvous/contracts';
import { industryAlignment } from './industries';
import type { MatchProfile } from './match-profile';

export interface ScoringSettings {
  /** The configured default weights, normalised. */
  weights: MatchingWeights;
  activityHalfLifeDays: number;
}

export interface Compatibility {
  /** 0..1, rounded to 4 decimals. */
  score: number;
  factors: CompatibilityFactors;
  sharedInterests: string[];
  /** From the viewer's location to the centre of the other person's cell, unrounded. */
  distanceKm: number | null;
}

const DAY_MS = 86_400_000;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** |A ∩ B| / |A ∪ B| over normalised terms; 0 when both are empty. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const term of left) if (right.has(term)) shared += 1;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * The groups of the profile vector: skills, industry, job level, company size, languages and
 * networking goals, each a set of one-hot features.
 */
function profileGroups(p: MatchProfile): string[][] {
  return [
    p.skills,
    p.industry ? [p.industry] : [],
    p.jobLevel ? [p.jobLevel] : [],
    p.companySize ? [p.companySize] : [],
    p.languages,
    p.networkingGoals,
  ];
}

/**
 * Cosine similarity of the two profile vectors. Each group is scaled to unit length first, so
 * twenty skills weigh no more than one job level; a person with no profile scores 0.
 */
export function profileSimilarity(a: MatchProfile, b: MatchProfile): number {
  const left = profileGroups(a);
  const right = profileGroups(b);
  let dot = 0;
  let leftGroups = 0;
  let rightGroups = 0;
  for (let i = 0; i < left.length; i += 1) {
    const l = new Set(left[i]);
    const r = new Set(right[i]);
    if (l.size > 0) leftGroups += 1;
    if (r.size > 0) rightGroups += 1;
    if (l.size === 0 || r.size === 0) continue;
    let shared = 0;
    for (const feature of l) if (r.has(feature)) shared += 1;
    dot += shared / Math.sqrt(l.size * r.size);
  }
  return leftGroups === 0 || rightGroups === 0 ? 0 : dot / Math.sqrt(leftGroups * rightGroups);
}

/** 1 at the same place, falling linearly to 0 at `maxKm`; 0 when a location is unknown. */
export function locationProximity(distanceKm: number | null, maxKm: number): number {
  if (distanceKm === null) return 0;
  return Math.max(0, 1 - distanceKm / maxKm);
}

/** 1 when active now, halving every `halfLifeDays`; 0 when never active. */
export function activityScore(lastActiveAt: Date | null, now: Date, halfLifeDays: number): number {
  if (!lastActiveAt) return 0;
  const days = Math.max(0, now.getTime() - lastActiveAt.getTime()) / DAY_MS;
  return 0.5 ** (days / halfLifeDays);
}

export function weightedScore(factors: CompatibilityFactors, weights: MatchingWeights): number {
  const total = WEIGHT_KEYS.reduce((sum, key) => sum + weights[key], 0);
  if (!(total > 0)) return 0;
  const sum = WEIGHT_KEYS.reduce((acc, key) => acc + weights[key] * factors[key], 0);
  return Math.min(1, Math.max(0, sum / total));
}

/** Scales weights to sum 1 (config weights need not). */
export function normaliseWeights(weights: MatchingWeights): MatchingWeights {
  const total = WEIGHT_KEYS.reduce((sum, key) => sum + weights[key], 0);
  if (!(total > 0)) throw new Error('matching weights must not all be zero');
  return Object.fromEntries(
    WEIGHT_KEYS.map((key) => [key, weights[key] / total]),
  ) as MatchingWeights;
}

export function distanceBetween(a: LatLng | null, b: LatLng | null): number | null {
  return a && b ? greatCircleKm(a, b) : null;
}

/** Scores candidates for one viewer; built once per request, so the viewer's sets are reused. */
export type Scorer = (candidate: MatchProfile) => Compatibility;

function countIn(terms: readonly string[], set: ReadonlySet<string>): number {
  let count = 0;
  for (const term of terms) if (set.has(term)) count += 1;
  return count;
}

/**
 * How well each candidate suits `viewer`, as the viewer sees it: the viewer's weights (or the
 * configured ones) and the viewer's distance limit. The candidate's position is the centre of
 * their cell, so nothing here moves while they move inside it (API.md, Location privacy). Terms
 * are normalised and distinct (the projection stores them so), which lets overlaps be counted
 * without building sets per pair.
 */
export function scorerFor(viewer: MatchProfile, settings: ScoringSettings, now: Date): Scorer {
  const weights = viewer.weights ?? settings.weights;
  const interests = new Set(viewer.interests);
  const groups = profileGroups(viewer).map((group) => new Set(group));
  const viewerGroups = groups.filter((group) => group.size > 0).length;
  const industries = new Map<string, number>();
  const industryOf = (industry: string | null) => {
    if (industry === null) return 0;
    let value = industries.get(industry);
    if (value === undefined) {
      value = industryAlignment(viewer.industry, industry);
      industries.set(industry, value);
    }
    return value;
  };

  return (candidate) => {
    let dot = 0;
    let candidateGroups = 0;
    profileGroups(candidate).forEach((group, i) => {
      if (group.length === 0) return;
      candidateGroups += 1;
      if (groups[i].size > 0)
        dot += countIn(group, groups[i]) / Math.sqrt(groups[i].size * group.length);
    });
    const shared = candidate.interests.filter((interest) => interests.has(interest));
    const union = interests.size + candidate.interests.length - shared.length;
    const distanceKm = distanceBetween(viewer.location, candidate.cell);
    const factors: CompatibilityFactors = {
      profile:
        viewerGroups === 0 || candidateGroups === 0
          ? 0
          : round4(dot / Math.sqrt(viewerGroups * candidateGroups)),
      interests: union === 0 ? 0 : round4(shared.length / union),
      location: round4(locationProximity(distanceKm, viewer.distanceKm)),
      industry: round4(industryOf(candidate.industry)),
      activity: round4(activityScore(candidate.lastActiveAt, now, settings.activityHalfLifeDays)),
    };
    return {
      score: round4(weightedScore(factors, weights)),
      factors,
      sharedInterests: shared,
      distanceKm,
    };
  };
}

/** `scorerFor` for a single pair. */
export function compatibility(
  viewer: MatchProfile,
  candidate: MatchProfile,
  settings: ScoringSettings,
  now: Date,
): Compatibility {
  return scorerFor(viewer, settings, now)(candidate);
}

/** The person as anyone else may use them: at the centre of their cell. */
function seenByOthers(person: MatchProfile): MatchProfile {
  return { ...person, location: person.cell };
}

/**
 * A match's score: the mean of how each person sees the other. Both people are shown it, so
 * both views start from cell centres: neither person's exact location is in it.
 */
export function mutualCompatibility(
  a: MatchProfile,
  b: MatchProfile,
  settings: ScoringSettings,
  now: Date,
): Compatibility {
  const ab = compatibility(seenByOthers(a), b, settings, now);
  const ba = compatibility(seenByOthers(b), a, settings, now);
  return {
    score: round4((ab.score + ba.score) / 2),
    factors: Object.fromEntries(
      WEIGHT_KEYS.map((key) => [key, round4((ab.factors[key] + ba.factors[key]) / 2)]),
    ) as CompatibilityFactors,
    sharedInterests: ab.sharedInterests,
    distanceKm: ab.distanceKm,
  };
}
