import type {
  AccountStatus,
  Role,
  UserPreferencesData,
  UserProfileData,
  UserStateData,
} from '@rendezvous/contracts';
import type { PublicProfile } from '@rendezvous/platform';
import type { UserObject } from './user-object';

/** A row of `users` as Postgres returns it. */
export interface UserRow {
  id: string;
  email: string | null;
  password_hash: string | null;
  name: string;
  role: Role;
  profile: UserProfileData;
  preferences: UserPreferencesData;
  last_active_at: Date | null;
  version: number;
  created_at: Date;
  deleted_at: Date | null;
  status: AccountStatus;
  suspended_until: Date | null;
  hidden: boolean;
  role_changed_at: Date | null;
}

export function toUserObject(row: UserRow): UserObject {
  return {
    id: row.id,
    email: row.email ?? '',
    name: row.name,
    role: row.role,
    profile: { ...row.profile, lastActiveAt: row.last_active_at?.toISOString() ?? null },
    preferences: row.preferences,
    createdAt: row.created_at.toISOString(),
  };
}

/** What anyone may see: never email, birth date or coordinates. */
export function toPublicProfile(row: UserRow): PublicProfile {
  const p = row.profile;
  return {
    id: row.id,
    name: row.name,
    headline: p.headline,
    bio: p.bio,
    industry: p.industry,
    jobLevel: p.jobLevel,
    company: p.company,
    interests: p.interests,
    skills: p.skills,
    languages: p.languages,
    city: p.location?.city ?? null,
  };
}

/** The event state: everything consumers need, never email or the password hash. */
export function toUserState(row: UserRow): UserStateData {
  return {
    userId: row.id,
    name: row.name,
    role: row.role,
    profile: row.profile,
    preferences: row.preferences,
    lastActiveAt: row.last_active_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
