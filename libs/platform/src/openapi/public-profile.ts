import { ApiProperty } from '@nestjs/swagger';
import type { JobLevel } from '@rendezvous/contracts';
import { JOB_LEVELS } from '@rendezvous/contracts';
import { LANGUAGE_LIST, TAG_LIST, UUID, nullableEnum } from './schema-pieces';

/**
 * What anyone may see of a person (API.md: `GET /users/:id`, attendee lists): never email, birth
 * date or coordinates. One class for every service that shows people to others.
 */
export class PublicProfile {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  headline: string | null;

  @ApiProperty({ type: String, nullable: true })
  bio: string | null;

  @ApiProperty({ type: String, nullable: true })
  industry: string | null;

  @ApiProperty(nullableEnum(JOB_LEVELS))
  jobLevel: JobLevel | null;

  @ApiProperty({ type: String, nullable: true })
  company: string | null;

  @ApiProperty(TAG_LIST)
  interests: string[];

  @ApiProperty(TAG_LIST)
  skills: string[];

  @ApiProperty(LANGUAGE_LIST)
  languages: string[];

  @ApiProperty({ type: String, nullable: true })
  city: string | null;
}
