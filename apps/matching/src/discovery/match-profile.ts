import type { MatchingWeights } from '@rendezvous/contracts';
import type { LatLng } from '@rendezvous/contracts';

/** What matching knows about a person, from their `user.*` events; terms normalised, distinct. */
export interface MatchProfile {
  userId: string;
  name: string;
  headline: string | null;
  interests: string[];
  skills: string[];
  industry: string | null;
  jobLevel: string | null;
  company: string | null;
  companySize: string | null;
  languages: string[];
  networkingGoals: string[];
  /** Exact: only the person's own answers may use it. */
  location: LatLng | null;
  /** The centre of the location's privacy cell: what anyone else's answers are derived from. */
  cell: LatLng | null;
  /** `YYYY-MM-DD`. */
  birthDate: string | null;
  lastActiveAt: Date | null;
  ageMin: number;
  ageMax: number;
  distanceKm: number;
  excludeColleagues: boolean;
  /** The person's own weights (normalised), or `null` for the configured ones. */
  weights: MatchingWeights | null;
}

/** Someone matching has not heard of yet: no profile, default preferences. */
export function emptyProfile(userId: string): MatchProfile {
  return {
    userId,
    name: '',
    headline: null,
    interests: [],
    skills: [],
    industry: null,
    jobLevel: null,
    company: null,
    companySize: null,
    languages: [],
    networkingGoals: [],
    location: null,
    cell: null,
    birthDate: null,
    lastActiveAt: null,
    ageMin: 18,
    ageMax: 100,
    distanceKm: 50,
    excludeColleagues: false,
    weights: null,
  };
}
