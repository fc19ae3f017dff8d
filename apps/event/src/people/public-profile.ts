import type { UserStateData } from '@rendezvous/contracts';
import type { PublicProfile } from '@rendezvous/platform';

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
