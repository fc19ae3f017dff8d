import { FACTOR_KEYS, JOB_LEVELS } from '@rendezvous/contracts';
import type { Compatibility } from '../discovery/compatibility';
import { activityScore } from '../discovery/compatibility';
import type { MatchProfile } from '../discovery/match-profile';

/** What matching's own stores say about one person's behaviour, counted over all time. */
export interface PersonSignals {
  swipesGiven: number;
  likesGiven: number;
  swipesReceived: number;
  likesReceived: number;
  /** Of the likes received, how many the person swiped on in return (either way). */
  likesAnswered: number;
  /** Accepted connections, from the user service's `connection.*` events. */
  connections: number;
  /** Events registered for or organised. */
  eventsAttended: number;
}

export const NO_SIGNALS: PersonSignals = {
  swipesGiven: 0,
  likesGiven: 0,
  swipesReceived: 0,
  likesReceived: 0,
  likesAnswered: 0,
  connections: 0,
  eventsAttended: 0,
};

/** One (viewer, candidate) pair as discovery saw it. */
export interface PairInput {
  viewer: MatchProfile;
  candidate: MatchProfile;
  viewerSignals: PersonSignals;
  candidateSignals: PersonSignals;
  /** The rule-based score and factors (computed from the candidate's snapped cell). */
  compatibility: Compatibility;
  /** Accepted connections both people have. */
  mutualConnections: number;
  /** How full the viewer's candidate pool came back (0..1): how dense their area is. */
  poolDensity: number;
  activityHalfLifeDays: number;
  now: Date;
}

const GAP_BUCKETS = ['down2', 'down1', 'same', 'up1', 'up2', 'unknown'] as const;

/** The names of the feature vector's entries, in order; stored with every model. */
export const FEATURE_NAMES: readonly string[] = [
  'rule_score',
  ...FACTOR_KEYS.map((key) => `factor_${key}`),
  'same_industry',
  ...GAP_BUCKETS.map((bucket) => `job_level_gap_${bucket}`),
  'same_company_size',
  'viewer_completeness',
  'candidate_completeness',
  'viewer_activity',
  'viewer_density',
  'candidate_events',
  'viewer_connections',
  'candidate_connections',
  'mutual_connections',
  'candidate_like_rate',
  'viewer_like_ratio',
  'candidate_response_rate',
  'candidate_like_ratio',
];

const present = (value: unknown) => (value !== null && value !== '' ? 1 : 0);
const listed = (list: readonly string[]) => (list.length > 0 ? 1 : 0);

/** Share of the profile a person filled in: the fields others' rankings can use. */
export function profileCompleteness(person: MatchProfile): number {
  const filled =
    present(person.headline) +
    present(person.industry) +
    present(person.jobLevel) +
    present(person.company) +
    present(person.companySize) +
    present(person.birthDate) +
    present(person.location) +
    listed(person.interests) +
    listed(person.skills) +
    listed(person.languages) +
    listed(person.networkingGoals);
  return filled / 11;
}

const levelOf = (person: MatchProfile) =>
  JOB_LEVELS.indexOf(person.jobLevel as (typeof JOB_LEVELS)[number]);

/** Candidate's job level minus the viewer's, as an index into `GAP_BUCKETS` (one-hot there). */
function gapBucket(viewerLevel: number, candidateLevel: number): number {
  if (viewerLevel < 0 || candidateLevel < 0) return 5;
  return Math.min(4, Math.max(0, candidateLevel - viewerLevel + 2));
}

/** A rate with one imagined success and one failure, so a newcomer sits at 0.5, not 0 or 1. */
const smoothedRate = (part: number, whole: number) => (part + 1) / (whole + 2);

/** Counts on a 0..1 scale that keeps differences among small counts (log, 100 and up = 1). */
const countScale = (count: number) => Math.min(1, Math.log1p(Math.max(0, count)) / Math.log(101));

const sameTerm = (a: string | null, b: string | null) => (a !== null && a === b ? 1 : 0);

export type ViewerSide = Pick<
  PairInput,
  'viewer' | 'viewerSignals' | 'poolDensity' | 'activityHalfLifeDays' | 'now'
>;
export type CandidateSide = Pick<
  PairInput,
  'candidate' | 'candidateSignals' | 'compatibility' | 'mutualConnections'
>;

const GAP_AT = FEATURE_NAMES.indexOf('job_level_gap_down2');

/**
 * The feature vectors of one viewer's pairs, in the order of `FEATURE_NAMES`. The viewer's side
 * is computed once: discovery asks this for every candidate of a pool. Pure.
 */
export function featuresFor(side: ViewerSide): (pair: CandidateSide) => number[] {
  const { viewer, viewerSignals: seen } = side;
  const viewerLevel = levelOf(viewer);
  const viewerCompleteness = profileCompleteness(viewer);
  const viewerActivity = activityScore(viewer.lastActiveAt, side.now, side.activityHalfLifeDays);
  const density = Math.min(1, Math.max(0, side.poolDensity));
  const viewerConnections = countScale(seen.connections);
  const viewerLikeRatio = smoothedRate(seen.likesGiven, seen.swipesGiven);
  return ({ candidate, candidateSignals: them, compatibility, mutualConnections }) => {
    const values: number[] = [compatibility.score];
    for (const key of FACTOR_KEYS) values.push(compatibility.factors[key]);
    values.push(sameTerm(viewer.industry, candidate.industry));
    for (let bucket = 0; bucket < GAP_BUCKETS.length; bucket += 1) values.push(0);
    values[GAP_AT + gapBucket(viewerLevel, levelOf(candidate))] = 1;
    values.push(
      sameTerm(viewer.companySize, candidate.companySize),
      viewerCompleteness,
      profileCompleteness(candidate),
      viewerActivity,
      density,
      countScale(them.eventsAttended),
      viewerConnections,
      countScale(them.connections),
      countScale(mutualConnections),
      smoothedRate(them.likesReceived, them.swipesReceived),
      viewerLikeRatio,
      smoothedRate(them.likesAnswered, them.likesReceived),
      smoothedRate(them.likesGiven, them.swipesGiven),
    );
    return values;
  };
}

/** The feature vector of one pair, in the order of `FEATURE_NAMES`. Pure. */
export function pairFeatures(input: PairInput): number[] {
  return featuresFor(input)(input);
}
