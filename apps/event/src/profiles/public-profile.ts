import type { UserStateData } from '@rendezvous/contracts';

/** What attendees see of each other (API.md: the public profile of `GET /users/:id`). */
export interface PublicProfile {
  id: string;
  name: string;
  headline: string | null;
  bio: string | null;
  industry: string | null;
  jobLevel: string | null;
  company: string | null;
  interests: string[];
  skills: string[];
  languages: string[];
  city: string | null;
}

/** Only the public part of a user's state is kept: never birth date or coordinates. */
export function publicProfileOf(state: UserStateData): PublicProfile {
  const p = state.profile;
  return {
    id: state.userId,
    name: state.name,
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
