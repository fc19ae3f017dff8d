import { ApiProperty } from '@nestjs/swagger';
import type { JobLevel, UserStateData } from '@rendezvous/contracts';
import { JOB_LEVELS } from '@rendezvous/contracts';

/** What attendees see of each other (API.md: the public profile of `GET /users/:id`). */
export class PublicProfile {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  headline: string | null;

  @ApiProperty({ type: String, nullable: true })
  bio: string | null;

  @ApiProperty({ type: String, nullable: true })
  industry: string | null;

  // OpenAPI 3.0 needs null among the values of a nullable enum
  @ApiProperty({ enum: [...JOB_LEVELS, null], nullable: true })
  jobLevel: JobLevel | null;

  @ApiProperty({ type: String, nullable: true })
  company: string | null;

  @ApiProperty({ type: [String] })
  interests: string[];

  @ApiProperty({ type: [String] })
  skills: string[];

  @ApiProperty({ type: [String], description: 'ISO 639-1 codes' })
  languages: string[];

  @ApiProperty({ type: String, nullable: true })
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
