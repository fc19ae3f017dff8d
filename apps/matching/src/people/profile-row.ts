import type { LatLng, MatchingWeights, UserStateData } from '@rendezvous/contracts';
import { locationCell, normaliseTerm, normaliseTerms } from '@rendezvous/contracts';
import type { MatchProfile } from '../discovery/match-profile';

/** A `profiles` row as `profileColumns` has node-postgres return it. */
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
  lng: number | null;
  lat: number | null;
  age_min: number;
  age_max: number;
  distance_km: number;
  exclude_colleagues: boolean;
  weights: MatchingWeights | null;
  last_active_ms: number | null;
}

const READ_COLUMNS = [
  'user_id',
  'name',
  'headline',
  'industry',
  'job_level',
  'company',
  'company_size',
  'age_min',
  'age_max',
  'distance_km',
  'exclude_colleagues',
  'weights',
];

const ARRAY_COLUMNS = ['interests', 'skills', 'languages', 'networking_goals'];

/**
 * The select list a profile is read with. Discovery reads hundreds of rows per request, so
 * every value comes in the form that parses fastest: arrays as JSON (JSON.parse, not the JS
 * parser of Postgres array text), the position as two numbers, the activity time as epoch
 * milliseconds; `birth_date` as text so no time zone shifts it.
 */
export function profileColumns(table: string): string {
  return [
    ...READ_COLUMNS.map((column) => `${table}.${column}`),
    ...ARRAY_COLUMNS.map((column) => `to_json(${table}.${column}) AS ${column}`),
    `${table}.position[0] AS lng`,
    `${table}.position[1] AS lat`,
    `date_part('epoch', ${table}.last_active_at) * 1000 AS last_active_ms`,
    `to_char(${table}.birth_date, 'YYYY-MM-DD') AS birth_date`,
  ].join(', ');
}

export function toMatchProfile(row: ProfileRow): MatchProfile {
  const location = row.lat === null || row.lng === null ? null : { lat: row.lat, lng: row.lng };
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
    lastActiveAt: row.last_active_ms === null ? null : new Date(row.last_active_ms),
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
