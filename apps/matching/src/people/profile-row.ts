import type { LatLng, MatchingWeights, UserStateData } from '@rendezvous/contracts';
import { locationCell, normaliseTerm, normaliseTerms } from '@rendezvous/contracts';
import type { MatchProfile } from '../discovery/match-profile';

/** A `profiles` row as node-postgres returns it (`point` comes back as `{ x: lng, y: lat }`). */
export interface ProfileRow {
  user_id: string;
  name: string;
  headline: string | null;
  birth_date: string | null;
  industry: string | null;
  job_level: string | null;
  company: string | null;
  company_size: string | null;
  interests: string[];
  skills: string[];
  languages: string[];
  networking_goals: string[];
  position: { x: number; y: number } | null;
  age_min: number;
  age_max: number;
  distance_km: number;
  exclude_colleagues: boolean;
  weights: MatchingWeights | null;
  last_active_at: Date | null;
}

const READ_COLUMNS = [
  'user_id',
  'name',
  'headline',
  'industry',
  'job_level',
  'company',
  'company_size',
  'interests',
  'skills',
  'languages',
  'networking_goals',
  'position',
  'age_min',
  'age_max',
  'distance_km',
  'exclude_colleagues',
  'weights',
  'last_active_at',
];

/** The select list a profile is read with; `birth_date` as text so no time zone shifts it. */
export function profileColumns(table: string): string {
  return [
    ...READ_COLUMNS.map((column) => `${table}.${column}`),
    `to_char(${table}.birth_date, 'YYYY-MM-DD') AS birth_date`,
  ].join(', ');
}

export function toMatchProfile(row: ProfileRow): MatchProfile {
  const location = row.position ? { lat: row.position.y, lng: row.position.x } : null;
  return {
    userId: row.user_id,
    name: row.name,
    headline: row.headline,
    interests: row.interests,
    skills: row.skills,
    industry: row.industry,
    jobLevel: row.job_level,
    company: row.company,
    companySize: row.company_size,
    languages: row.languages,
    networkingGoals: row.networking_goals,
    location,
    // Computed here rather than read from the stored `cell` (which only guides the index walk),
    // so scores follow the one rule even for a row written before the column existed.
    cell: location ? locationCell(location) : null,
    birthDate: row.birth_date,
    lastActiveAt: row.last_active_at,
    ageMin: row.age_min,
    ageMax: row.age_max,
    distanceKm: row.distance_km,
    excludeColleagues: row.exclude_colleagues,
    weights: row.weights,
  };
}

/** A Postgres `point` literal, `(lng,lat)`. */
export function pointValue(at: LatLng): string {
  return `(${at.lng},${at.lat})`;
}

/** The values of one `profiles` upsert, in the column order of `PeopleRepository.upsertIfNewer`. */
export function profileValues(state: UserStateData): unknown[] {
  const { profile, preferences } = state;
  return [
    state.name,
    profile.headline,
    profile.birthDate,
    profile.industry === null ? null : normaliseTerm(profile.industry),
    profile.jobLevel,
    profile.company,
    profile.companySize,
    normaliseTerms(profile.interests),
    normaliseTerms(profile.skills),
    normaliseTerms(profile.languages),
    [...new Set(preferences.networkingGoals)],
    profile.location ? pointValue(profile.location) : null,
    profile.location ? pointValue(locationCell(profile.location)) : null,
    profile.location?.city ?? null,
    preferences.ageMin,
    preferences.ageMax,
    preferences.distanceKm,
    preferences.excludeColleagues,
    preferences.weights === null ? null : JSON.stringify(preferences.weights),
    state.lastActiveAt,
  ];
}
